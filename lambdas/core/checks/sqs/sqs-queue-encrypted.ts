import { defineCheck, verdict } from '../define-check.js';

export const sqsQueueEncrypted = defineCheck({
  id: 'sqs-queue-encrypted',
  title: 'SQS queues encrypt messages at rest (SSE-SQS or SSE-KMS)',
  service: 'sqs',
  resourceType: 'AwsSqsQueue',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['sqs.queues'],
  compliance: [{ framework: 'aws-fsbp', control: 'SQS.1' }],
  risk:
    'Messages waiting in an unencrypted queue are stored in clear text, so their content is exposed to anyone who ' +
    'obtains the underlying storage.',
  remediation: {
    text: 'Turn on server-side encryption: SSE-SQS (SqsManagedSseEnabled), or SSE-KMS with a KMS key (KmsMasterKeyId).',
    cli: 'aws sqs set-queue-attributes --queue-url <queue-url> --attributes SqsManagedSseEnabled=true',
    url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
  },
  evaluate: ({ sqs }) =>
    sqs.queues.map((queue) =>
      verdict(
        queue.kmsMasterKeyId !== undefined || queue.sqsManagedSseEnabled,
        queue,
        queue.kmsMasterKeyId !== undefined
          ? `SQS queue ${queue.name} encrypts messages at rest with KMS key ${queue.kmsMasterKeyId} (SSE-KMS).`
          : `SQS queue ${queue.name} encrypts messages at rest with SQS-owned keys (SSE-SQS).`,
        `SQS queue ${queue.name} has server-side encryption off (neither SSE-SQS nor SSE-KMS).`,
      ),
    ),
});
