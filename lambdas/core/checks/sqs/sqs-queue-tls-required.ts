import { defineCheck, fail, pass } from '../define-check.js';
import { tlsDenyVerdict } from '../shared/tls-deny.js';

export const sqsQueueTlsRequired = defineCheck({
  id: 'sqs-queue-tls-required',
  title: 'SQS queue policies deny every request made without TLS (aws:SecureTransport false) for all SQS actions',
  service: 'sqs',
  resourceType: 'AwsSqsQueue',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['sqs.queues'],
  compliance: [],
  risk:
    'SQS still accepts plain-HTTP requests, so message bodies can be read or altered on the network unless the queue ' +
    'policy refuses them.',
  remediation: {
    text:
      'Add a statement denying "sqs:*" on the queue to every principal when aws:SecureTransport is false. A deny ' +
      'limited to some actions still lets the others travel in clear text.',
    cli: 'aws sqs set-queue-attributes --queue-url <queue-url> --attributes file://<attributes-with-deny-insecure-transport>.json',
    url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html',
  },
  evaluate: ({ sqs }) =>
    sqs.queues.map((queue) => {
      const label = `SQS queue ${queue.name}`;
      if (!queue.policy) return fail(queue, `${label} has no queue policy, so it accepts plain-HTTP requests.`);
      const { enforcing, partial } = tlsDenyVerdict(queue.policy, queue.arn, ['sqs:*']);
      if (enforcing.length > 0)
        return pass(queue, `${label} denies every SQS action over plain HTTP (${enforcing[0]}).`);
      if (partial.length > 0) {
        return fail(
          queue,
          `${label} denies plain HTTP only in part: ${partial.join(', ')} do${partial.length === 1 ? 'es' : ''} not cover all SQS actions (sqs:*) on the queue.`,
        );
      }
      return fail(queue, `${label} has a queue policy without a Deny for requests where aws:SecureTransport is false.`);
    }),
});
