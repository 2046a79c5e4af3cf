import type { SliceKey } from '../inventory/index.js';
import { accessanalyzerCollectors } from './accessanalyzer.js';
import { backupCollectors } from './backup.js';
import { cloudtrailCollectors } from './cloudtrail.js';
import { cloudwatchCollectors } from './cloudwatch.js';
import { configCollectors } from './config.js';
import { dynamodbCollectors } from './dynamodb.js';
import { ec2Collectors } from './ec2.js';
import { guarddutyCollectors } from './guardduty.js';
import { iamCollectors } from './iam.js';
import { kmsCollectors } from './kms.js';
import { lambdaCollectors } from './lambda.js';
import { logsCollectors } from './logs.js';
import { rdsCollectors } from './rds.js';
import { s3Collectors } from './s3.js';
import { securityhubCollectors } from './securityhub.js';
import { snsSubscriptionCollectors } from './sns-subscriptions.js';
import { ssmCollectors } from './ssm.js';
import type { SliceCollectors } from './types.js';

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

  // messaging, secrets and file storage: SNS, SQS, Secrets Manager, EFS

  // managed data stores: ElastiCache, OpenSearch

  // detection and response: GuardDuty, Security Hub, Config, Access Analyzer, CloudWatch Logs and alarms
  ...guarddutyCollectors,
  ...securityhubCollectors,
  ...configCollectors,
  ...accessanalyzerCollectors,
  ...logsCollectors,
  ...cloudwatchCollectors,
  ...snsSubscriptionCollectors,

  // what the account uses: Resource Groups Tagging API
};
