import { parseArn } from '../aws/arn.js';
import type { Obligation, SrmClass } from './vocabulary.js';

/**
 * The service → SRM class → obligations table, stated once. The coverage map, the README's SRM
 * table and the report headings are generated from it; a service srm-scan has no checks for keeps
 * its row so that, when the account uses it, the coverage map says "in use, not checked" with the
 * obligations the customer still owes.
 *
 * Classes follow AWS's published model: infrastructure (you run the guest OS), container (AWS runs
 * the OS and platform, you configure access, exposure, backups and data), abstracted (AWS runs the
 * service, you own data, policies and encryption choices); account-wide duties are always yours.
 */
export interface AwsServiceEntry {
  /** srm-scan's key: the inventory slice prefix and a check's `service`; for unchecked services, the ARN namespace. */
  key: string;
  name: string;
  /** The name reports use in class headings (`EC2, EBS, VPC`, `RDS`, `S3`). */
  short: string;
  /** The service's namespace in ARNs, which is also the prefix of its Resource Groups Tagging API resource types. */
  arnNamespace: string;
  srmClass: SrmClass;
  /** When the class depends on how the service is run (EC2 capacity versus Fargate), what changes. */
  srmClassNote?: string;
  /** What the customer owes for this service, in the closed obligation vocabulary. */
  obligations: readonly Obligation[];
}

const ALL_DATA: readonly Obligation[] = [
  'data-protection',
  'backup-recovery',
  'public-exposure',
  'least-privilege',
  'logging-audit',
  'data-residency',
];

export const AWS_SERVICES: readonly AwsServiceEntry[] = [
  // Account-wide duties
  {
    key: 'iam',
    short: 'IAM',
    name: 'AWS Identity and Access Management',
    arnNamespace: 'iam',
    srmClass: 'account',
    obligations: ['identity-mfa', 'least-privilege', 'public-exposure'],
  },
  {
    key: 'cloudtrail',
    short: 'CloudTrail',
    name: 'AWS CloudTrail',
    arnNamespace: 'cloudtrail',
    srmClass: 'account',
    obligations: ['logging-audit', 'data-protection', 'public-exposure'],
  },
  {
    key: 'guardduty',
    short: 'GuardDuty',
    name: 'Amazon GuardDuty',
    arnNamespace: 'guardduty',
    srmClass: 'account',
    obligations: ['logging-audit'],
  },
  {
    key: 'securityhub',
    short: 'Security Hub',
    name: 'AWS Security Hub',
    arnNamespace: 'securityhub',
    srmClass: 'account',
    obligations: ['logging-audit'],
  },
  {
    key: 'config',
    short: 'AWS Config',
    name: 'AWS Config',
    arnNamespace: 'config',
    srmClass: 'account',
    obligations: ['logging-audit'],
  },
  {
    key: 'accessanalyzer',
    short: 'IAM Access Analyzer',
    name: 'IAM Access Analyzer',
    arnNamespace: 'access-analyzer',
    srmClass: 'account',
    obligations: ['least-privilege', 'public-exposure'],
  },
  {
    key: 'logs',
    short: 'CloudWatch Logs',
    name: 'Amazon CloudWatch Logs',
    arnNamespace: 'logs',
    srmClass: 'account',
    obligations: ['logging-audit', 'data-protection'],
  },
  {
    key: 'cloudwatch',
    short: 'CloudWatch',
    name: 'Amazon CloudWatch',
    arnNamespace: 'cloudwatch',
    srmClass: 'account',
    obligations: ['logging-audit'],
  },
  {
    key: 'backup',
    short: 'AWS Backup',
    name: 'AWS Backup',
    arnNamespace: 'backup',
    srmClass: 'account',
    obligations: ['backup-recovery'],
  },
  {
    key: 'organizations',
    short: 'Organizations',
    name: 'AWS Organizations',
    arnNamespace: 'organizations',
    srmClass: 'account',
    obligations: ['least-privilege', 'identity-mfa'],
  },

  // Infrastructure
  {
    key: 'ec2',
    short: 'EC2, EBS, VPC',
    name: 'Amazon EC2, EBS and VPC',
    arnNamespace: 'ec2',
    srmClass: 'infrastructure',
    obligations: [
      'os-and-platform',
      'network-firewall',
      'public-exposure',
      'data-protection',
      'backup-recovery',
      'logging-audit',
      'data-residency',
    ],
  },
  {
    key: 'ssm',
    short: 'Systems Manager',
    name: 'AWS Systems Manager',
    arnNamespace: 'ssm',
    srmClass: 'infrastructure',
    obligations: ['os-and-platform', 'data-protection'],
  },
  {
    key: 'elasticmapreduce',
    short: 'EMR',
    name: 'Amazon EMR',
    arnNamespace: 'elasticmapreduce',
    srmClass: 'infrastructure',
    obligations: ['os-and-platform', 'network-firewall', 'public-exposure', 'data-protection', 'logging-audit'],
  },
  {
    key: 'lightsail',
    short: 'Lightsail',
    name: 'Amazon Lightsail',
    arnNamespace: 'lightsail',
    srmClass: 'infrastructure',
    obligations: ['os-and-platform', 'network-firewall', 'public-exposure', 'backup-recovery'],
  },
  {
    key: 'workspaces',
    short: 'WorkSpaces',
    name: 'Amazon WorkSpaces',
    arnNamespace: 'workspaces',
    srmClass: 'infrastructure',
    obligations: ['os-and-platform', 'data-protection', 'identity-mfa'],
  },

  // Container
  {
    key: 'rds',
    short: 'RDS',
    name: 'Amazon RDS and Aurora',
    arnNamespace: 'rds',
    srmClass: 'container',
    obligations: [
      'public-exposure',
      'data-protection',
      'backup-recovery',
      'least-privilege',
      'logging-audit',
      'os-and-platform',
      'data-residency',
    ],
  },
  {
    key: 'ecs',
    short: 'ECS',
    name: 'Amazon ECS',
    arnNamespace: 'ecs',
    srmClass: 'container',
    srmClassNote:
      'Tasks on Fargate are in the container class; tasks on EC2 or external capacity add the infrastructure class’s duties, because you run and patch the hosts.',
    obligations: [
      'os-and-platform',
      'public-exposure',
      'network-firewall',
      'data-protection',
      'least-privilege',
      'logging-audit',
    ],
  },
  {
    key: 'eks',
    short: 'EKS',
    name: 'Amazon EKS',
    arnNamespace: 'eks',
    srmClass: 'container',
    srmClassNote:
      'AWS runs the Kubernetes control plane; worker nodes on EC2 (managed or self-managed node groups) add the infrastructure class’s duties, Fargate profiles do not.',
    obligations: ['os-and-platform', 'public-exposure', 'network-firewall', 'data-protection', 'logging-audit'],
  },
  {
    key: 'elasticache',
    short: 'ElastiCache',
    name: 'Amazon ElastiCache',
    arnNamespace: 'elasticache',
    srmClass: 'container',
    obligations: [
      'data-protection',
      'least-privilege',
      'backup-recovery',
      'network-firewall',
      'os-and-platform',
      'data-residency',
    ],
  },
  {
    key: 'opensearch',
    short: 'OpenSearch',
    name: 'Amazon OpenSearch Service',
    arnNamespace: 'es',
    srmClass: 'container',
    obligations: [
      'data-protection',
      'public-exposure',
      'least-privilege',
      'network-firewall',
      'backup-recovery',
      'logging-audit',
      'data-residency',
    ],
  },
  {
    key: 'redshift',
    short: 'Redshift',
    name: 'Amazon Redshift',
    arnNamespace: 'redshift',
    srmClass: 'container',
    obligations: ['public-exposure', 'data-protection', 'backup-recovery', 'logging-audit', 'os-and-platform'],
  },
  {
    key: 'kafka',
    short: 'MSK',
    name: 'Amazon MSK',
    arnNamespace: 'kafka',
    srmClass: 'container',
    obligations: ['data-protection', 'public-exposure', 'least-privilege', 'logging-audit'],
  },
  {
    key: 'mq',
    short: 'Amazon MQ',
    name: 'Amazon MQ',
    arnNamespace: 'mq',
    srmClass: 'container',
    obligations: ['public-exposure', 'data-protection', 'logging-audit', 'os-and-platform'],
  },
  {
    key: 'memorydb',
    short: 'MemoryDB',
    name: 'Amazon MemoryDB',
    arnNamespace: 'memorydb',
    srmClass: 'container',
    obligations: ['data-protection', 'least-privilege', 'backup-recovery'],
  },
  {
    key: 'elasticbeanstalk',
    short: 'Elastic Beanstalk',
    name: 'AWS Elastic Beanstalk',
    arnNamespace: 'elasticbeanstalk',
    srmClass: 'container',
    obligations: ['os-and-platform', 'logging-audit', 'public-exposure'],
  },
  {
    key: 'sagemaker',
    short: 'SageMaker',
    name: 'Amazon SageMaker',
    arnNamespace: 'sagemaker',
    srmClass: 'container',
    obligations: ['data-protection', 'public-exposure', 'least-privilege', 'os-and-platform'],
  },
  {
    key: 'dms',
    short: 'DMS',
    name: 'AWS Database Migration Service',
    arnNamespace: 'dms',
    srmClass: 'container',
    obligations: ['public-exposure', 'data-protection', 'os-and-platform'],
  },

  // Network traffic protection in front of every class: load balancers, CDN, API front doors
  {
    key: 'elbv2',
    short: 'ELB',
    name: 'Elastic Load Balancing (Application, Network, Gateway)',
    arnNamespace: 'elasticloadbalancing',
    srmClass: 'infrastructure',
    obligations: ['data-protection', 'logging-audit', 'network-firewall', 'backup-recovery'],
  },
  {
    key: 'elb',
    short: 'Classic ELB',
    name: 'Elastic Load Balancing (Classic)',
    arnNamespace: 'elasticloadbalancing',
    srmClass: 'infrastructure',
    obligations: ['data-protection', 'logging-audit', 'network-firewall'],
  },
  {
    key: 'cloudfront',
    short: 'CloudFront',
    name: 'Amazon CloudFront',
    arnNamespace: 'cloudfront',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'public-exposure', 'logging-audit', 'network-firewall'],
  },
  {
    key: 'apigateway',
    short: 'API Gateway',
    name: 'Amazon API Gateway',
    arnNamespace: 'apigateway',
    srmClass: 'abstracted',
    obligations: ['logging-audit', 'network-firewall', 'data-protection', 'public-exposure'],
  },
  {
    key: 'acm',
    short: 'ACM',
    name: 'AWS Certificate Manager',
    arnNamespace: 'acm',
    srmClass: 'abstracted',
    obligations: ['data-protection'],
  },
  {
    key: 'wafv2',
    short: 'WAF',
    name: 'AWS WAF',
    arnNamespace: 'wafv2',
    srmClass: 'abstracted',
    obligations: ['network-firewall', 'logging-audit'],
  },
  {
    key: 'route53',
    short: 'Route 53',
    name: 'Amazon Route 53',
    arnNamespace: 'route53',
    srmClass: 'abstracted',
    obligations: ['logging-audit', 'data-protection'],
  },

  // Abstracted
  { key: 's3', short: 'S3', name: 'Amazon S3', arnNamespace: 's3', srmClass: 'abstracted', obligations: ALL_DATA },
  {
    key: 'lambda',
    short: 'Lambda',
    name: 'AWS Lambda',
    arnNamespace: 'lambda',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'public-exposure', 'os-and-platform', 'least-privilege', 'data-residency'],
  },
  {
    key: 'dynamodb',
    short: 'DynamoDB',
    name: 'Amazon DynamoDB',
    arnNamespace: 'dynamodb',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'backup-recovery', 'data-residency'],
  },
  {
    key: 'kms',
    short: 'KMS',
    name: 'AWS Key Management Service',
    arnNamespace: 'kms',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'public-exposure', 'least-privilege', 'data-residency'],
  },
  {
    key: 'ecr',
    short: 'ECR',
    name: 'Amazon ECR',
    arnNamespace: 'ecr',
    srmClass: 'abstracted',
    obligations: ['os-and-platform', 'public-exposure', 'data-protection', 'data-residency'],
  },
  {
    key: 'sns',
    short: 'SNS',
    name: 'Amazon SNS',
    arnNamespace: 'sns',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'public-exposure', 'data-residency'],
  },
  {
    key: 'sqs',
    short: 'SQS',
    name: 'Amazon SQS',
    arnNamespace: 'sqs',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'public-exposure', 'data-residency'],
  },
  {
    key: 'secretsmanager',
    short: 'Secrets Manager',
    name: 'AWS Secrets Manager',
    arnNamespace: 'secretsmanager',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'least-privilege', 'public-exposure', 'data-residency'],
  },
  {
    key: 'efs',
    short: 'EFS',
    name: 'Amazon EFS',
    arnNamespace: 'elasticfilesystem',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'backup-recovery', 'public-exposure', 'least-privilege', 'data-residency'],
  },
  {
    key: 'kinesis',
    short: 'Kinesis',
    name: 'Amazon Kinesis Data Streams',
    arnNamespace: 'kinesis',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'least-privilege', 'data-residency'],
  },
  {
    key: 'firehose',
    short: 'Firehose',
    name: 'Amazon Data Firehose',
    arnNamespace: 'firehose',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'data-residency'],
  },
  {
    key: 'glue',
    short: 'Glue',
    name: 'AWS Glue',
    arnNamespace: 'glue',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'logging-audit', 'data-residency'],
  },
  {
    key: 'athena',
    short: 'Athena',
    name: 'Amazon Athena',
    arnNamespace: 'athena',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'logging-audit'],
  },
  {
    key: 'states',
    short: 'Step Functions',
    name: 'AWS Step Functions',
    arnNamespace: 'states',
    srmClass: 'abstracted',
    obligations: ['logging-audit', 'least-privilege', 'data-protection'],
  },
  {
    key: 'events',
    short: 'EventBridge',
    name: 'Amazon EventBridge',
    arnNamespace: 'events',
    srmClass: 'abstracted',
    obligations: ['public-exposure', 'least-privilege'],
  },
  {
    key: 'cognito-idp',
    short: 'Cognito',
    name: 'Amazon Cognito user pools',
    arnNamespace: 'cognito-idp',
    srmClass: 'abstracted',
    obligations: ['identity-mfa', 'data-protection'],
  },
  {
    key: 'appsync',
    short: 'AppSync',
    name: 'AWS AppSync',
    arnNamespace: 'appsync',
    srmClass: 'abstracted',
    obligations: ['logging-audit', 'network-firewall', 'least-privilege'],
  },
  {
    key: 'codebuild',
    short: 'CodeBuild',
    name: 'AWS CodeBuild',
    arnNamespace: 'codebuild',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'logging-audit', 'least-privilege'],
  },
  {
    key: 'ses',
    short: 'SES',
    name: 'Amazon SES',
    arnNamespace: 'ses',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'least-privilege'],
  },
  {
    key: 'fsx',
    short: 'FSx',
    name: 'Amazon FSx',
    arnNamespace: 'fsx',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'backup-recovery', 'data-residency'],
  },
  {
    key: 'transfer',
    short: 'Transfer Family',
    name: 'AWS Transfer Family',
    arnNamespace: 'transfer',
    srmClass: 'abstracted',
    obligations: ['data-protection', 'public-exposure', 'logging-audit'],
  },
];

const BY_KEY = new Map(AWS_SERVICES.map((s) => [s.key, s]));

/** The service's entry, by srm-scan key (`account` is IAM's account-wide duties). */
export const serviceEntry = (key: string): AwsServiceEntry | undefined => BY_KEY.get(key === 'account' ? 'iam' : key);

/** The ARN namespace of a check's service: `opensearch` → `es`, `efs` → `elasticfilesystem`, `account` → `iam`. */
export const arnNamespaceOf = (key: string): string => serviceEntry(key)?.arnNamespace ?? key;

const BY_NAMESPACE = new Map<string, AwsServiceEntry>();
for (const entry of AWS_SERVICES)
  if (!BY_NAMESPACE.has(entry.arnNamespace)) BY_NAMESPACE.set(entry.arnNamespace, entry);

/**
 * The srm-scan service key of a resource type (`<namespace>:<type>`), or of an unknown namespace the
 * namespace itself. Elastic Load Balancing's one namespace holds two services: classic load balancers
 * (`loadbalancer/classic`) and everything else (v2).
 */
export function serviceKeyOfResourceType(resourceType: string): string {
  const [namespace = resourceType] = resourceType.split(':');
  if (namespace === 'elasticloadbalancing') return resourceType.endsWith('loadbalancer/classic') ? 'elb' : 'elbv2';
  return BY_NAMESPACE.get(namespace)?.key ?? namespace;
}

/** The srm-scan service key of a resource ARN (see {@link serviceKeyOfResourceType}); undefined for a malformed ARN. */
export function serviceKeyOfArn(arn: string): string | undefined {
  const parsed = parseArn(arn);
  if (!parsed) return undefined;
  if (parsed.service !== 'elasticloadbalancing') return serviceKeyOfResourceType(parsed.service);
  const [type, kind] = parsed.resource.split('/');
  const classic = type === 'loadbalancer' && kind !== 'app' && kind !== 'net' && kind !== 'gwy';
  return classic ? 'elb' : 'elbv2';
}
