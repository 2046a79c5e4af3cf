import type { SliceKey } from '../inventory/index.js';
import { acmCollectors } from './acm.js';
import { apigatewayCollectors } from './apigateway.js';
import { backupCollectors } from './backup.js';
import { cloudfrontCollectors } from './cloudfront.js';
import { cloudtrailCollectors } from './cloudtrail.js';
import { dynamodbCollectors } from './dynamodb.js';
import { ec2Collectors } from './ec2.js';
import { elbCollectors } from './elb.js';
import { elbv2Collectors } from './elbv2.js';
import { iamCollectors } from './iam.js';
import { kmsCollectors } from './kms.js';
import { lambdaCollectors } from './lambda.js';
import { rdsCollectors } from './rds.js';
import { s3Collectors } from './s3.js';
import { ssmCollectors } from './ssm.js';
import type { SliceCollectors } from './types.js';
import { wafv2Collectors } from './wafv2.js';

/** Every slice's collector; the type makes a slice without a collector a compile error. */
export const COLLECTORS: SliceCollectors<SliceKey> = {
  ...iamCollectors,
  ...s3Collectors,
  ...ec2Collectors,
  ...ssmCollectors,
  ...rdsCollectors,
  ...cloudtrailCollectors,
  ...lambdaCollectors,
  ...dynamodbCollectors,
  ...kmsCollectors,
  ...backupCollectors,

  // containers: ECS, EKS, ECR

  // network traffic protection: ELB, CloudFront, API Gateway, ACM, WAF
  ...elbv2Collectors,
  ...elbCollectors,
  ...cloudfrontCollectors,
  ...apigatewayCollectors,
  ...acmCollectors,
  ...wafv2Collectors,

  // messaging, secrets and file storage: SNS, SQS, Secrets Manager, EFS

  // managed data stores: ElastiCache, OpenSearch

  // detection and response: GuardDuty, Security Hub, Config, Access Analyzer, CloudWatch Logs and alarms

  // what the account uses: Resource Groups Tagging API
};
