import { accountResource, defineCheck, verdict } from '../define-check.js';
import { blockSettings } from '../shared/bucket-exposure.js';
import { joinNames } from '../shared/text.js';

export const s3AccountPublicAccessBlockEnabled = defineCheck({
  id: 's3-account-public-access-block-enabled',
  title: 'S3 Block Public Access is on for the account with all four settings',
  service: 's3',
  resourceType: 'AwsAccount',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'medium',
  requires: ['s3.accountPublicAccessBlock'],
  compliance: [
    { framework: 'aws-fsbp', control: 'S3.1' },
    { framework: 'cis-aws-3.0', control: '2.1.4' },
    { framework: 'cis-aws-4.0', control: '2.1.4' },
  ],
  risk:
    'Without the account-wide block, every bucket relies on its own settings, so a single ACL or policy change ' +
    'can publish data to the internet.',
  remediation: {
    text:
      'Turn on all four Block Public Access settings for the account; buckets that must stay public (static ' +
      'websites) are better served through CloudFront with origin access control.',
    cli:
      'aws s3control put-public-access-block --account-id <account-id> --public-access-block-configuration ' +
      'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html',
  },
  evaluate: (inventory) => {
    const settings = blockSettings(inventory.s3.accountPublicAccessBlock);
    const off = settings.filter((s) => !s.on).map((s) => s.name);
    return [
      verdict(
        off.length === 0,
        accountResource(inventory),
        `Account ${inventory.accountId} has all four S3 Block Public Access settings on.`,
        off.length === settings.length
          ? `Account ${inventory.accountId} has no S3 Block Public Access setting on (not configured or all four off).`
          : `Account ${inventory.accountId} leaves the S3 Block Public Access settings ${joinNames(off)} off.`,
      ),
    ];
  },
});
