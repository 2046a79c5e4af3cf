import { defineCheck, verdict } from '../define-check.js';

export const snsTopicEncryptedKms = defineCheck({
  id: 'sns-topic-encrypted-kms',
  title: 'SNS topics encrypt messages at rest with a KMS key',
  service: 'sns',
  resourceType: 'AwsSnsTopic',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['sns.topics'],
  compliance: [{ framework: 'aws-fsbp', control: 'SNS.1' }],
  risk:
    'Without server-side encryption under a KMS key, stored messages are protected by SNS disk encryption only: no ' +
    'key policy controls who can read them and no KMS log records their decryption.',
  remediation: {
    text:
      'Set a KMS key on the topic (KmsMasterKeyId): the AWS managed key alias/aws/sns, or a customer managed key whose ' +
      'policy lets the publishers and the subscribing services use it.',
    cli: 'aws sns set-topic-attributes --topic-arn <topic-arn> --attribute-name KmsMasterKeyId --attribute-value alias/aws/sns',
    url: 'https://docs.aws.amazon.com/sns/latest/dg/sns-enable-encryption-for-topic.html',
  },
  evaluate: ({ sns }) =>
    sns.topics.map((topic) =>
      verdict(
        topic.kmsMasterKeyId !== undefined,
        topic,
        `SNS topic ${topic.name} encrypts messages at rest with KMS key ${topic.kmsMasterKeyId}.`,
        `SNS topic ${topic.name} has no server-side encryption with a KMS key (KmsMasterKeyId is not set).`,
      ),
    ),
});
