import { defineCheck } from '../define-check.js';
import { resourcePolicyExposureResult } from '../shared/resource-policy-exposure.js';

/**
 * A queue policy is open when it grants `*` without a condition that pins accounts, an organization
 * or a VPC, or lets an AWS service principal (sns.amazonaws.com, s3.amazonaws.com…) send messages
 * without aws:SourceAccount or aws:SourceArn of a fixed account.
 */
export const sqsQueueNotPublic = defineCheck({
  id: 'sqs-queue-not-public',
  title: 'SQS queue policies do not grant access to every AWS account',
  service: 'sqs',
  resourceType: 'AwsSqsQueue',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: ['sqs.queues'],
  settings: ['internetExposurePrefix'],
  compliance: [{ framework: 'aws-fsbp', control: 'SQS.3' }],
  risk:
    'A queue open to every account lets anyone inject messages that consumers will trust and process, or receive ' +
    'and delete messages meant for the application.',
  remediation: {
    text:
      'Replace the "*" principal with the accounts or roles that need the queue, or pin the statement with ' +
      'aws:SourceArn (e.g. the SNS topic that sends to it), aws:SourceAccount or aws:PrincipalOrgID.',
    cli: 'aws sqs set-queue-attributes --queue-url <queue-url> --attributes file://<attributes-with-restricted-policy>.json',
    url: 'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html',
  },
  evaluate: ({ sqs }, { internetExposurePrefix }) =>
    sqs.queues.map((queue) =>
      resourcePolicyExposureResult(queue, `SQS queue ${queue.name}`, queue.policy, { internetExposurePrefix }),
    ),
});
