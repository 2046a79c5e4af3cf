import type { SliceKey } from '../inventory/index.js';
import { accessanalyzerCollectors } from './accessanalyzer.js';
import { acmCollectors } from './acm.js';
import { apigatewayCollectors } from './apigateway.js';
import { backupCollectors } from './backup.js';
import { cloudfrontCollectors } from './cloudfront.js';
import { cloudtrailCollectors } from './cloudtrail.js';
import { cloudwatchCollectors } from './cloudwatch.js';
import { configCollectors } from './config.js';
import { dynamodbCollectors } from './dynamodb.js';
import { ec2Collectors } from './ec2.js';
import { ecrCollectors } from './ecr.js';
import { ecsCollectors } from './ecs.js';
import { efsCollectors } from './efs.js';
import { eksCollectors } from './eks.js';
import { elasticacheCollectors } from './elasticache.js';
import { elbCollectors } from './elb.js';
import { elbv2Collectors } from './elbv2.js';
import { guarddutyCollectors } from './guardduty.js';
import { iamCollectors } from './iam.js';
import { kmsCollectors } from './kms.js';
import { lambdaCollectors } from './lambda.js';
import { logsCollectors } from './logs.js';
import { opensearchCollectors } from './opensearch.js';
import { rdsCollectors } from './rds.js';
import { s3Collectors } from './s3.js';
import { secretsmanagerCollectors } from './secretsmanager.js';
import { securityhubCollectors } from './securityhub.js';
import { snsCollectors } from './sns.js';
import { snsSubscriptionCollectors } from './sns-subscriptions.js';
import { sqsCollectors } from './sqs.js';
import { ssmCollectors } from './ssm.js';
import { taggingCollectors } from './tagging.js';
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
  ...ecsCollectors,
  ...eksCollectors,
  ...ecrCollectors,

  // network traffic protection: ELB, CloudFront, API Gateway, ACM, WAF
  ...elbv2Collectors,
  ...elbCollectors,
  ...cloudfrontCollectors,
  ...apigatewayCollectors,
  ...acmCollectors,
  ...wafv2Collectors,

  // messaging, secrets and file storage: SNS, SQS, Secrets Manager, EFS
  ...snsCollectors,
  ...sqsCollectors,
  ...secretsmanagerCollectors,
  ...efsCollectors,

  // managed data stores: ElastiCache, OpenSearch
  ...elasticacheCollectors,
  ...opensearchCollectors,

  // detection and response: GuardDuty, Security Hub, Config, Access Analyzer, CloudWatch Logs and alarms
  ...guarddutyCollectors,
  ...securityhubCollectors,
  ...configCollectors,
  ...accessanalyzerCollectors,
  ...logsCollectors,
  ...cloudwatchCollectors,
  ...snsSubscriptionCollectors,

  // what the account uses: Resource Groups Tagging API
  ...taggingCollectors,
};
