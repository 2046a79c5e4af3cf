import { isPublicStatement } from '../../policy/index.js';
import { defineCheck, verdict } from '../define-check.js';
import { keyLabel } from './key-label.js';

export const kmsKeyNotPublic = defineCheck({
  id: 'kms-key-not-public',
  title: 'KMS key policies do not grant access to everyone',
  service: 'kms',
  resourceType: 'AwsKmsKey',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: ['kms.keys', 'kms.keyPolicies'],
  settings: ['internetExposurePrefix'],
  compliance: [{ framework: 'aws-fsbp', control: 'KMS.5' }],
  risk:
    'A key policy statement open to every principal lets any AWS account use or manage the key, and so decrypt the ' +
    'data it protects or make that data unreadable.',
  remediation: {
    text:
      'Replace the "*" principal with the accounts or roles that need the key, or pin the statement with a ' +
      'kms:CallerAccount, aws:PrincipalOrgID or aws:SourceAccount condition.',
    cli: 'aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://<restricted-policy>.json',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
  },
  evaluate: ({ kms }, { internetExposurePrefix }) => {
    const policies = new Map(kms.keyPolicies.map((p) => [p.arn, p.policy]));
    return kms.keys.flatMap((key) => {
      const policy = policies.get(key.arn);
      if (!policy) return [];
      const open = policy.statements
        .filter((s) => isPublicStatement(s, { internetExposurePrefix }))
        .map((s) => s.sid ?? 'an unnamed statement');
      return [
        verdict(
          open.length === 0,
          key,
          `${keyLabel(key)}'s key policy grants no access to everyone.`,
          `${keyLabel(key)}'s key policy grants access to everyone without a restricting condition in ${open.join(', ')}.`,
        ),
      ];
    });
  },
});
