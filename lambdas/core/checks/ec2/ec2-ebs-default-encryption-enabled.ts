import { accountResource, defineCheck, verdict } from '../define-check.js';

export const ec2EbsDefaultEncryptionEnabled = defineCheck({
  id: 'ec2-ebs-default-encryption-enabled',
  title: 'EBS encryption by default is enabled in every scanned region',
  service: 'ec2',
  resourceType: 'AwsAccount',
  srmClass: 'infrastructure',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['ec2.ebsEncryptionByDefault'],
  compliance: [
    { framework: 'aws-fsbp', control: 'EC2.7' },
    { framework: 'cis-aws-3.0', control: '2.2.1' },
    { framework: 'cis-aws-4.0', control: '5.1.1' },
  ],
  risk: 'Without the regional default, every new volume and snapshot copy is unencrypted unless each launch remembers to ask for encryption.',
  remediation: {
    text: 'Enable EBS encryption by default in each region (optionally choosing a customer managed KMS key); it applies to new volumes, not existing ones.',
    cli: 'aws ec2 enable-ebs-encryption-by-default --region <region>',
    url: 'https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html',
  },
  evaluate: (inventory) =>
    inventory.ec2.ebsEncryptionByDefault.map((setting) =>
      verdict(
        setting.enabled,
        accountResource(inventory, setting.region, 'ec2'),
        `EBS encryption by default is enabled in ${setting.region}.`,
        `EBS encryption by default is disabled in ${setting.region}.`,
      ),
    ),
});
