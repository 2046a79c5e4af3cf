import type { AwsResource } from '../../inventory/index.js';
import { accountResource, type CheckResult, defineCheck, notEvaluated } from '../define-check.js';
import {
  judgeResidency,
  RESIDENCY_NOT_CONFIGURED,
  type ResidencyCopy,
  residencyRemediation,
} from '../shared/residency.js';

const bucketName = (arn: string) => arn.slice(arn.lastIndexOf(':') + 1);

/**
 * Every data-bearing resource must live in an allowed region, and so must the copies AWS makes
 * for it: S3 replication destinations, DynamoDB global-table replicas, multi-Region KMS key replicas.
 */
export const accountResourcesInAllowedRegions = defineCheck({
  id: 'account-resources-in-allowed-regions',
  title: 'Data-bearing resources and their replicas are only in allowed regions',
  service: 'account',
  resourceType: 'AwsAccount',
  srmClass: 'account',
  obligation: 'data-residency',
  severity: 'high',
  appliesTo: ['s3', 'ec2', 'rds', 'dynamodb', 'lambda', 'kms'],
  requires: [
    's3.buckets',
    's3.bucketReplication',
    'ec2.instances',
    'ec2.volumes',
    'ec2.snapshots',
    'ec2.images',
    'rds.instances',
    'rds.clusters',
    'rds.snapshots',
    'rds.clusterSnapshots',
    'dynamodb.tables',
    'lambda.functions',
    'kms.keys',
  ],
  settings: ['allowedRegions'],
  compliance: [],
  risk: 'Data stored or replicated outside the regions your regulators and contracts allow breaks data-sovereignty commitments; choosing the region is always the customer’s duty.',
  remediation: residencyRemediation('resource'),
  evaluate: (inventory, settings) => {
    const allowed = settings.allowedRegions;
    if (!allowed) {
      return [notEvaluated(accountResource(inventory), RESIDENCY_NOT_CONFIGURED)];
    }
    const { s3, ec2, rds, dynamodb, lambda, kms } = inventory;
    const bucketRegion = new Map(s3.buckets.map((b) => [b.arn, b.region]));
    const replication = new Map(s3.bucketReplication.map((r) => [r.arn, r]));
    const judge = (resource: AwsResource, kind: string, copies: ResidencyCopy[] = []) =>
      judgeResidency({ resource, kind, copies }, allowed);

    const results: CheckResult[] = [
      ...s3.buckets.map((bucket) =>
        judge(
          bucket,
          'S3 bucket',
          (replication.get(bucket.arn)?.destinations ?? []).map((d) => ({
            what: `a replica in bucket ${bucketName(d.bucketArn)}`,
            region: bucketRegion.get(d.bucketArn),
          })),
        ),
      ),
      ...ec2.instances.map((i) => judge(i, 'EC2 instance')),
      ...ec2.volumes.map((v) => judge(v, 'EBS volume')),
      ...ec2.snapshots.map((s) => judge(s, 'EBS snapshot')),
      ...ec2.images.map((i) => judge(i, 'AMI')),
      ...rds.instances.map((i) => judge(i, 'RDS instance')),
      ...rds.clusters.map((c) => judge(c, 'RDS cluster')),
      ...rds.snapshots.map((s) => judge(s, 'RDS snapshot')),
      ...rds.clusterSnapshots.map((s) => judge(s, 'RDS cluster snapshot')),
      ...dynamodb.tables.map((t) =>
        judge(
          t,
          'DynamoDB table',
          t.replicaRegions.map((region) => ({ what: 'a global-table replica', region })),
        ),
      ),
      ...lambda.functions.map((f) => judge(f, 'Lambda function')),
      ...kms.keys.map((k) =>
        judge(
          k,
          'KMS key',
          [...(k.primaryRegion && k.primaryRegion !== k.region ? [k.primaryRegion] : []), ...k.replicaRegions]
            .filter((r) => r !== k.region)
            .map((region) => ({ what: 'a multi-Region key copy', region })),
        ),
      ),
    ];
    return results;
  },
});
