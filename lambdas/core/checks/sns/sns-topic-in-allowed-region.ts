import { defineCheck } from '../define-check.js';
import { residencyRemediation, residencyResults } from '../shared/residency.js';

export const snsTopicInAllowedRegion = defineCheck({
  id: 'sns-topic-in-allowed-region',
  title: 'SNS topics are only in allowed regions',
  service: 'sns',
  resourceType: 'AwsSnsTopic',
  srmClass: 'abstracted',
  obligation: 'data-residency',
  severity: 'high',
  requires: ['sns.topics'],
  settings: ['allowedRegions'],
  compliance: [],
  risk: 'Messages published to a topic are stored and delivered in its region; a topic outside the allowed regions moves that data where your regulators and contracts do not allow it.',
  remediation: residencyRemediation('topic'),
  evaluate: ({ sns, accountId, partition }, { allowedRegions }) =>
    residencyResults(
      { accountId, partition },
      allowedRegions,
      sns.topics.map((topic) => ({ resource: topic, kind: 'SNS topic' })),
    ),
});
