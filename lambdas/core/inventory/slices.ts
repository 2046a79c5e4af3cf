import type { AccessAnalyzer } from './accessanalyzer.js';
import type { AcmCertificate } from './acm.js';
import type { HttpApi, HttpApiStage, RestApi, RestApiStage } from './apigateway.js';
import type { BackupPlan } from './backup.js';
import type { CloudFrontDistribution } from './cloudfront.js';
import type { Trail, TrailEventSelectors, TrailStatus } from './cloudtrail.js';
import type { MetricAlarm } from './cloudwatch.js';
import type { ConfigDeliveryChannel, ConfigRecorder } from './config.js';
import type { DynamoContinuousBackups, DynamoTable, DynamoTableTags } from './dynamodb.js';
import type {
  EbsEncryptionByDefault,
  EbsSnapshot,
  EbsVolume,
  Ec2Instance,
  FlowLog,
  MachineImage,
  NetworkAcl,
  SecurityGroup,
  Subnet,
  Vpc,
} from './ec2.js';
import type {
  EcrLifecyclePolicy,
  EcrRegistryReplication,
  EcrRegistryScanning,
  EcrRepository,
  EcrRepositoryPolicy,
} from './ecr.js';
import type { EcsCluster, EcsService, EcsTaskDefinition } from './ecs.js';
import type { EfsAccessPoint, EfsBackupPolicy, EfsFileSystem, EfsFileSystemPolicy, EfsReplication } from './efs.js';
import type { EksCluster, EksNodegroup } from './eks.js';
import type { CacheCluster, CacheGlobalDatastore, CacheReplicationGroup } from './elasticache.js';
import type {
  ClassicLoadBalancer,
  ClassicLoadBalancerAttributes,
  ClassicLoadBalancerPolicies,
  ElbV2LoadBalancer,
  ElbV2LoadBalancerAttributes,
  ElbV2LoadBalancerListeners,
  ElbV2LoadBalancerWebAcl,
} from './elb.js';
import type { GuardDutyDetector } from './guardduty.js';
import type {
  AccountSummary,
  AuthorizationDetails,
  CredentialReport,
  PasswordPolicy,
  VirtualMfaDevice,
} from './iam.js';
import type { KmsKey, KmsKeyPolicy, KmsKeyRotation } from './kms.js';
import type { LambdaFunction, LambdaFunctionPolicy, LambdaFunctionUrl } from './lambda.js';
import type { LogGroup, LogGroupMetricFilters } from './logs.js';
import type { OpenSearchDomain } from './opensearch.js';
import type { DbCluster, DbClusterSnapshot, DbInstance, DbSnapshot } from './rds.js';
import type {
  BucketAcl,
  BucketEncryption,
  BucketLogging,
  BucketOwnershipControls,
  BucketPolicy,
  BucketPublicAccessBlock,
  BucketReplication,
  BucketVersioning,
  PublicAccessBlock,
  S3Bucket,
} from './s3.js';
import type { Secret, SecretResourcePolicy } from './secretsmanager.js';
import type { SecurityHub } from './securityhub.js';
import type { SnsTopic } from './sns.js';
import type { SnsTopicSubscriptions } from './sns-subscriptions.js';
import type { SqsQueue } from './sqs.js';
import type { ManagedInstance, PatchComplianceSummary } from './ssm.js';
import type { TaggedResourceCount } from './tagging.js';
import type { WebAcl } from './wafv2.js';

/**
 * Every slice of the inventory, keyed `<service>.<name>`. A slice is what one collector
 * fetches; checks declare the slices they read in `requires`, which drives collection,
 * ERROR scoping and the scanner's IAM policy.
 *
 * Regional slices are arrays (one collection per region, concatenated); global slices
 * are collected once per account.
 */
export interface SliceTypes {
  'iam.credentialReport': CredentialReport;
  'iam.authorizationDetails': AuthorizationDetails;
  /** null when the account has no password policy. */
  'iam.passwordPolicy': PasswordPolicy | null;
  'iam.accountSummary': AccountSummary;
  'iam.virtualMfaDevices': readonly VirtualMfaDevice[];

  's3.buckets': readonly S3Bucket[];
  's3.accountPublicAccessBlock': PublicAccessBlock;
  's3.bucketPublicAccessBlocks': readonly BucketPublicAccessBlock[];
  's3.bucketAcls': readonly BucketAcl[];
  's3.bucketPolicies': readonly BucketPolicy[];
  's3.bucketEncryption': readonly BucketEncryption[];
  's3.bucketVersioning': readonly BucketVersioning[];
  's3.bucketLogging': readonly BucketLogging[];
  's3.bucketOwnershipControls': readonly BucketOwnershipControls[];
  's3.bucketReplication': readonly BucketReplication[];

  'ec2.instances': readonly Ec2Instance[];
  'ec2.securityGroups': readonly SecurityGroup[];
  'ec2.volumes': readonly EbsVolume[];
  'ec2.snapshots': readonly EbsSnapshot[];
  'ec2.images': readonly MachineImage[];
  'ec2.networkAcls': readonly NetworkAcl[];
  'ec2.subnets': readonly Subnet[];
  'ec2.vpcs': readonly Vpc[];
  'ec2.flowLogs': readonly FlowLog[];
  'ec2.ebsEncryptionByDefault': readonly EbsEncryptionByDefault[];

  'ssm.managedInstances': readonly ManagedInstance[];
  'ssm.patchCompliance': readonly PatchComplianceSummary[];

  'rds.instances': readonly DbInstance[];
  'rds.clusters': readonly DbCluster[];
  'rds.snapshots': readonly DbSnapshot[];
  'rds.clusterSnapshots': readonly DbClusterSnapshot[];

  'cloudtrail.trails': readonly Trail[];
  'cloudtrail.trailStatus': readonly TrailStatus[];
  'cloudtrail.eventSelectors': readonly TrailEventSelectors[];

  'lambda.functions': readonly LambdaFunction[];
  'lambda.policies': readonly LambdaFunctionPolicy[];
  'lambda.functionUrls': readonly LambdaFunctionUrl[];

  'dynamodb.tables': readonly DynamoTable[];
  'dynamodb.continuousBackups': readonly DynamoContinuousBackups[];
  'dynamodb.tableTags': readonly DynamoTableTags[];

  'kms.keys': readonly KmsKey[];
  'kms.keyRotation': readonly KmsKeyRotation[];
  'kms.keyPolicies': readonly KmsKeyPolicy[];

  'backup.plans': readonly BackupPlan[];

  // containers: ECS, EKS, ECR
  'ecs.taskDefinitions': readonly EcsTaskDefinition[];
  'ecs.clusters': readonly EcsCluster[];
  'ecs.services': readonly EcsService[];
  'eks.clusters': readonly EksCluster[];
  'eks.nodegroups': readonly EksNodegroup[];
  'ecr.repositories': readonly EcrRepository[];
  'ecr.repositoryPolicies': readonly EcrRepositoryPolicy[];
  'ecr.lifecyclePolicies': readonly EcrLifecyclePolicy[];
  /** One entry per region. */
  'ecr.registryScanning': readonly EcrRegistryScanning[];
  'ecr.registryReplication': readonly EcrRegistryReplication[];

  // network traffic protection: ELB, CloudFront, API Gateway, ACM, WAF
  'elbv2.loadBalancers': readonly ElbV2LoadBalancer[];
  'elbv2.listeners': readonly ElbV2LoadBalancerListeners[];
  'elbv2.loadBalancerAttributes': readonly ElbV2LoadBalancerAttributes[];
  /** Application Load Balancers only. */
  'elbv2.webAcls': readonly ElbV2LoadBalancerWebAcl[];
  'elb.loadBalancers': readonly ClassicLoadBalancer[];
  'elb.loadBalancerAttributes': readonly ClassicLoadBalancerAttributes[];
  'elb.loadBalancerPolicies': readonly ClassicLoadBalancerPolicies[];
  /** Global: collected once, in the partition's home region. */
  'cloudfront.distributions': readonly CloudFrontDistribution[];
  'apigateway.restApis': readonly RestApi[];
  'apigateway.restStages': readonly RestApiStage[];
  'apigateway.httpApis': readonly HttpApi[];
  'apigateway.httpStages': readonly HttpApiStage[];
  'acm.certificates': readonly AcmCertificate[];
  'wafv2.webAcls': readonly WebAcl[];
  /** Global: CLOUDFRONT-scope web ACLs, which live in us-east-1 (the partition's home region). */
  'wafv2.cloudfrontWebAcls': readonly WebAcl[];

  // messaging, secrets and file storage: SNS, SQS, Secrets Manager, EFS
  'sns.topics': readonly SnsTopic[];
  'sqs.queues': readonly SqsQueue[];
  'secretsmanager.secrets': readonly Secret[];
  'secretsmanager.resourcePolicies': readonly SecretResourcePolicy[];
  'efs.fileSystems': readonly EfsFileSystem[];
  'efs.fileSystemPolicies': readonly EfsFileSystemPolicy[];
  'efs.backupPolicies': readonly EfsBackupPolicy[];
  'efs.accessPoints': readonly EfsAccessPoint[];
  'efs.replications': readonly EfsReplication[];

  // managed data stores: ElastiCache, OpenSearch
  'elasticache.replicationGroups': readonly CacheReplicationGroup[];
  'elasticache.cacheClusters': readonly CacheCluster[];
  'elasticache.globalDatastores': readonly CacheGlobalDatastore[];
  'opensearch.domains': readonly OpenSearchDomain[];

  // detection and response: GuardDuty, Security Hub, Config, Access Analyzer, CloudWatch Logs and alarms
  'guardduty.detectors': readonly GuardDutyDetector[];
  /** At most one hub per region; none where the account is not subscribed. */
  'securityhub.hubs': readonly SecurityHub[];
  'config.recorders': readonly ConfigRecorder[];
  'config.deliveryChannels': readonly ConfigDeliveryChannel[];
  'accessanalyzer.analyzers': readonly AccessAnalyzer[];
  'logs.logGroups': readonly LogGroup[];
  /** For each log group in this account that a CloudTrail trail delivers to. */
  'logs.metricFilters': readonly LogGroupMetricFilters[];
  'cloudwatch.alarms': readonly MetricAlarm[];
  /** For each SNS topic a metric alarm notifies. */
  'sns.topicSubscriptions': readonly SnsTopicSubscriptions[];

  // what the account uses: Resource Groups Tagging API
  'tagging.resourceTypes': readonly TaggedResourceCount[];
}

export type SliceKey = keyof SliceTypes;

type ServiceOf<K> = K extends `${infer S}.${string}` ? S : never;
type NameOf<K> = K extends `${string}.${infer N}` ? N : never;

export type InventoryService = ServiceOf<SliceKey>;

/** Facts about the scan every check may read. */
export interface ScanContext {
  accountId: string;
  partition: string;
  /** The regions this scan covers. */
  regions: readonly string[];
  /** The scan's reference time: checks compare ages against it, never against the clock. */
  scannedAt: Date;
}

/**
 * What a check sees: only the slices it declared, grouped by service.
 * `InventoryView<'ec2.instances' | 'ssm.managedInstances'>` is
 * `{ ec2: { instances }, ssm: { managedInstances } } & ScanContext`.
 */
export type InventoryView<R extends SliceKey> = ScanContext & {
  readonly [S in ServiceOf<R>]: {
    readonly [K in Extract<R, `${S}.${string}`> as NameOf<K>]: SliceTypes[K];
  };
};

/** The full inventory as the engine assembles it; uncollected slices are absent at run time. */
export type Inventory = InventoryView<SliceKey>;
