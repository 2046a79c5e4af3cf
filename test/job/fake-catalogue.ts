import { type Check, defineCheck, verdict } from '../../lambdas/core/checks/define-check.js';
import type { SliceCollector, SliceCollectors } from '../../lambdas/core/collectors/types.js';
import type { EbsVolume, S3Bucket, SliceKey } from '../../lambdas/core/inventory/index.js';
import { awsError } from '../helpers/aws-errors.js';
import { fakeCollectors as collectorTable } from '../helpers/fake-collectors.js';

/**
 * A tiny stand-in for the real catalogue and collectors: two checks over a world the test
 * changes between runs (fix one resource, break another, deny a region).
 */
export interface FakeWorld {
  accountId: string;
  buckets: S3Bucket[];
  volumes: EbsVolume[];
  /** Regions where collecting volumes fails with AccessDenied. */
  deniedVolumeRegions: Set<string>;
}

export function fakeWorld(accountId = '123456789012'): FakeWorld {
  return { accountId, buckets: [], volumes: [], deniedVolumeRegions: new Set() };
}

export function bucket(world: FakeWorld, name: string, tags: Record<string, string> = {}): S3Bucket {
  return { arn: `arn:aws:s3:::${name}`, id: name, name, region: 'global', accountId: world.accountId, tags };
}

export function volume(world: FakeWorld, id: string, region: string, encrypted: boolean): EbsVolume {
  return {
    arn: `arn:aws:ec2:${region}:${world.accountId}:volume/${id}`,
    id,
    region,
    accountId: world.accountId,
    encrypted,
    state: 'in-use',
    attachedInstanceIds: [],
  };
}

export const fakeBucketOwnerTagged = defineCheck({
  id: 'fake-s3-bucket-owner-tagged',
  title: 'S3 buckets carry an owner tag',
  service: 's3',
  resourceType: 'AwsS3Bucket',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'high',
  requires: ['s3.buckets'],
  compliance: [],
  risk: 'Nobody answers for an unowned bucket.',
  remediation: {
    text: 'Tag the bucket with its owner.',
    cli: 'aws s3api put-bucket-tagging --bucket <bucket> --tagging "TagSet=[{Key=owner,Value=<team>}]"',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/CostAllocTagging.html',
  },
  evaluate: ({ s3 }) =>
    s3.buckets.map((b) =>
      verdict(
        Boolean(b.tags?.owner),
        b,
        `S3 bucket ${b.name} is owned by ${b.tags?.owner}.`,
        `S3 bucket ${b.name} has no owner tag.`,
      ),
    ),
});

export const fakeVolumeEncrypted = defineCheck({
  id: 'fake-ec2-volume-encrypted',
  title: 'EBS volumes are encrypted',
  service: 'ec2',
  resourceType: 'AwsEc2Volume',
  srmClass: 'infrastructure',
  obligation: 'data-protection',
  severity: 'critical',
  requires: ['ec2.volumes'],
  compliance: [{ framework: 'aws-fsbp', control: 'EC2.3' }],
  risk: 'An unencrypted volume exposes its data to anyone who gets a snapshot.',
  remediation: {
    text: 'Copy the data to an encrypted volume.',
    cli: 'aws ec2 enable-ebs-encryption-by-default --region <region>',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  },
  evaluate: ({ ec2 }) =>
    ec2.volumes.map((v) =>
      verdict(v.encrypted, v, `EBS volume ${v.id} is encrypted.`, `EBS volume ${v.id} is not encrypted.`),
    ),
});

export const FAKE_CHECKS: readonly Check[] = [fakeVolumeEncrypted, fakeBucketOwnerTagged];

/** Collectors over the world; only the two slices the fake checks require exist. */
export function fakeCollectors(world: FakeWorld): SliceCollectors<SliceKey> {
  const buckets: SliceCollector<'s3.buckets'> = {
    key: 's3.buckets',
    scope: 'global',
    actions: ['s3:ListAllMyBuckets'],
    collect: async () => [...world.buckets],
  };
  const volumes: SliceCollector<'ec2.volumes'> = {
    key: 'ec2.volumes',
    scope: 'regional',
    actions: ['ec2:DescribeVolumes'],
    collect: async ({ region }) => {
      if (world.deniedVolumeRegions.has(region)) {
        throw awsError('query', 'AccessDenied', { message: 'You are not authorized to perform this operation.' });
      }
      return world.volumes.filter((v) => v.region === region);
    },
  };
  return collectorTable({ 's3.buckets': buckets, 'ec2.volumes': volumes });
}
