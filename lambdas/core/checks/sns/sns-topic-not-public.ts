import { defineCheck } from '../define-check.js';
import { resourcePolicyExposureResult } from '../shared/resource-policy-exposure.js';

/**
 * A topic policy is open when it grants `*` (or Allow with NotPrincipal) without a condition that
 * pins accounts, an organization or a VPC, or lets an AWS service principal (s3.amazonaws.com,
 * events.amazonaws.com…) publish without aws:SourceAccount or aws:SourceArn of a fixed account:
 * the service then publishes on behalf of resources in any account.
 */
export const snsTopicNotPublic = defineCheck({
  id: 'sns-topic-not-public',
  title: 'SNS topic policies do not grant access to every AWS account',
  service: 'sns',
  resourceType: 'AwsSnsTopic',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: ['sns.topics'],
  settings: ['internetExposurePrefix'],
  compliance: [{ framework: 'aws-fsbp', control: 'SNS.4' }],
  risk:
    'A topic open to every account lets anyone publish forged messages to its subscribers, subscribe an endpoint ' +
    'of their own to read every message, or change and delete the topic.',
  remediation: {
    text:
      'Replace the "*" principal with the accounts or roles that need the topic, or pin the statement with ' +
      'aws:SourceAccount, aws:SourceArn or aws:PrincipalOrgID. Pin every AWS service principal with aws:SourceAccount ' +
      '(plus aws:SourceArn for the exact resource).',
    cli: 'aws sns set-topic-attributes --topic-arn <topic-arn> --attribute-name Policy --attribute-value file://<restricted-policy>.json',
    url: 'https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html',
  },
  evaluate: ({ sns }, { internetExposurePrefix }) =>
    sns.topics.map((topic) =>
      resourcePolicyExposureResult(topic, `SNS topic ${topic.name}`, topic.policy, { internetExposurePrefix }),
    ),
});
