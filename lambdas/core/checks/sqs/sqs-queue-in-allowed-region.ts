import { defineCheck } from '../define-check.js';
import { residencyRemediation, residencyResults } from '../shared/residency.js';

export const sqsQueueInAllowedRegion = defineCheck({
  id: 'sqs-queue-in-allowed-region',
  title: 'SQS queues are only in allowed regions',
  service: 'sqs',
  resourceType: 'AwsSqsQueue',
  srmClass: 'abstracted',
  obligation: 'data-residency',
  severity: 'high',
  requires: ['sqs.queues'],
  settings: ['allowedRegions'],
  compliance: [],
  risk: 'Messages wait in a queue for up to 14 days in its region; a queue outside the allowed regions stores that data where your regulators and contracts do not allow it.',
  remediation: residencyRemediation('queue'),
  evaluate: ({ sqs, accountId, partition }, { allowedRegions }) =>
    residencyResults(
      { accountId, partition },
      allowedRegions,
      sqs.queues.map((queue) => ({ resource: queue, kind: 'SQS queue' })),
    ),
});
