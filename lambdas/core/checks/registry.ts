import * as accessanalyzer from './accessanalyzer/index.js';
import * as account from './account/index.js';
import * as acm from './acm/index.js';
import * as apigateway from './apigateway/index.js';
import * as cloudfront from './cloudfront/index.js';
import * as cloudtrail from './cloudtrail/index.js';
import * as cloudwatch from './cloudwatch/index.js';
import * as config from './config/index.js';
import type { Check } from './define-check.js';
import * as dynamodb from './dynamodb/index.js';
import * as ec2 from './ec2/index.js';
import * as ecr from './ecr/index.js';
import * as ecs from './ecs/index.js';
import * as efs from './efs/index.js';
import * as eks from './eks/index.js';
import * as elasticache from './elasticache/index.js';
import * as elb from './elb/index.js';
import * as elbv2 from './elbv2/index.js';
import * as guardduty from './guardduty/index.js';
import * as iam from './iam/index.js';
import * as kms from './kms/index.js';
import * as lambda from './lambda/index.js';
import * as logs from './logs/index.js';
import * as opensearch from './opensearch/index.js';
import * as rds from './rds/index.js';
import * as s3 from './s3/index.js';
import * as secretsmanager from './secretsmanager/index.js';
import * as securityhub from './securityhub/index.js';
import * as sns from './sns/index.js';
import * as sqs from './sqs/index.js';
import * as wafv2 from './wafv2/index.js';

/** The check catalogue, in a stable order (by id). Each service barrel lists its checks explicitly. */
export const CHECKS: readonly Check[] = [
  ...Object.values(account),
  ...Object.values(cloudtrail),
  ...Object.values(dynamodb),
  ...Object.values(ec2),
  ...Object.values(iam),
  ...Object.values(kms),
  ...Object.values(lambda),
  ...Object.values(rds),
  ...Object.values(s3),

  // containers: ECS, EKS, ECR
  ...Object.values(ecs),
  ...Object.values(eks),
  ...Object.values(ecr),

  // network traffic protection: ELB, CloudFront, API Gateway, ACM, WAF
  ...Object.values(elbv2),
  ...Object.values(elb),
  ...Object.values(cloudfront),
  ...Object.values(apigateway),
  ...Object.values(acm),
  ...Object.values(wafv2),

  // messaging, secrets and file storage: SNS, SQS, Secrets Manager, EFS
  ...Object.values(sns),
  ...Object.values(sqs),
  ...Object.values(secretsmanager),
  ...Object.values(efs),

  // managed data stores: ElastiCache, OpenSearch
  ...Object.values(elasticache),
  ...Object.values(opensearch),

  // detection and response: GuardDuty, Security Hub, Config, Access Analyzer, CloudWatch Logs and alarms
  ...Object.values(guardduty),
  ...Object.values(securityhub),
  ...Object.values(config),
  ...Object.values(accessanalyzer),
  ...Object.values(cloudwatch),
  ...Object.values(logs),
].sort((a, b) => a.id.localeCompare(b.id));
