import { defineCheck, fail, pass } from '../define-check.js';
import {
  BLOCK_SLICES,
  bucketLabel,
  type EffectiveSetting,
  effectiveBlock,
  settingLevel,
} from '../shared/bucket-exposure.js';
import { joinNames } from '../shared/text.js';

export const s3BucketPublicAccessBlockEnabled = defineCheck({
  id: 's3-bucket-public-access-block-enabled',
  title: 'S3 buckets have all four Block Public Access settings in effect, from the account or the bucket',
  service: 's3',
  resourceType: 'AwsS3Bucket',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'high',
  requires: BLOCK_SLICES,
  compliance: [
    { framework: 'aws-fsbp', control: 'S3.8' },
    { framework: 'cis-aws-4.0', control: '2.1.4' },
  ],
  risk:
    'A bucket whose effective Block Public Access configuration has a gap can be made public by one ACL or policy ' +
    'change, exposing or letting strangers alter its objects.',
  remediation: {
    text:
      'Turn on the missing settings on the bucket, or better for the whole account. AWS applies, per setting, the ' +
      'most restrictive of the account and bucket configurations.',
    cli:
      'aws s3api put-public-access-block --bucket <bucket> --public-access-block-configuration ' +
      'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-bucket.html',
  },
  evaluate: ({ s3 }) => {
    const blockOf = effectiveBlock(s3);
    return s3.buckets.flatMap((bucket) => {
      const settings = blockOf(bucket);
      if (!settings) return [];
      const off = settings.filter((s) => !s.on).map((s) => s.name);
      if (off.length > 0) {
        return [
          fail(
            bucket,
            `${bucketLabel(bucket)} does not block public access: ${joinNames(off)} ${off.length === 1 ? 'is' : 'are'} off at both the account and the bucket level.`,
          ),
        ];
      }
      const byLevel = new Map<string, EffectiveSetting[]>();
      for (const setting of settings)
        byLevel.set(settingLevel(setting), [...(byLevel.get(settingLevel(setting)) ?? []), setting]);
      const source = [...byLevel]
        .map(([level, group], i) =>
          group.length === settings.length
            ? `all four settings are on at the ${level} level`
            : `${joinNames(group.map((g) => g.name))} ${i === 0 ? (group.length === 1 ? 'is on ' : 'are on ') : ''}at the ${level} level`,
        )
        .join(', ');
      return [pass(bucket, `${bucketLabel(bucket)} blocks public access: ${source}.`)];
    });
  },
});
