import type { PolicyStatement } from '../../inventory/index.js';
import { type ActionCatalog, publicGrant } from '../../policy/index.js';
import { defineCheck, verdict } from '../define-check.js';
import { describeActions } from '../shared/statements.js';
import { keyLabel } from './key-label.js';

/**
 * Whether a statement lets its principal use or change the key, beyond reading its metadata.
 * KMS classes every cryptographic operation as Write; Read and List are DescribeKey, GetPublicKey,
 * GetKeyPolicy and the like.
 */
const usesOrChangesKey = (statement: PolicyStatement, actions: ActionCatalog): boolean =>
  [...actions.accessLevels(statement, 'kms')].some((level) => level !== 'Read' && level !== 'List');

const describeStatement = (s: PolicyStatement): string => `${s.sid ?? 'an unnamed statement'} (${describeActions(s)})`;

/**
 * A statement is open when it grants `*` without a pinning condition (kms:CallerAccount,
 * aws:PrincipalOrgID…), or grants an AWS service principal the key's cryptographic or management
 * operations without pinning the source: aws:SourceAccount or aws:SourceArn of a fixed account, or
 * the encryption context the service sets (kms:EncryptionContext:aws:cloudtrail:arn,
 * …:aws:logs:arn, …:aws:sns:topicArn). Otherwise the service would encrypt and decrypt with this
 * key for resources of any account. A service's metadata reads (the unconditioned
 * kms:DescribeKey in CloudTrail's documented key policy) are not flagged.
 */
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
    'A key policy statement open to every principal, or to an AWS service acting for any account, lets any AWS ' +
    'account use or manage the key, and so decrypt the data it protects or make that data unreadable.',
  remediation: {
    text:
      'Replace the "*" principal with the accounts or roles that need the key, or pin the statement with a ' +
      'kms:CallerAccount or aws:PrincipalOrgID condition. Pin a service principal with aws:SourceAccount (plus ' +
      'aws:SourceArn for the exact resource) or with the encryption context the service sets, such as ' +
      'kms:EncryptionContext:aws:logs:arn or kms:EncryptionContext:aws:sns:topicArn.',
    cli: 'aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://<restricted-policy>.json',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
  },
  evaluate: ({ kms }, { internetExposurePrefix }, { actions }) => {
    const policies = new Map(kms.keyPolicies.map((p) => [p.arn, p.policy]));
    return kms.keys.flatMap((key) => {
      const policy = policies.get(key.arn);
      if (!policy) return [];
      const everyone: string[] = [];
      const services: string[] = [];
      for (const statement of policy.statements) {
        const grant = publicGrant(statement, 'resource-policy', { internetExposurePrefix });
        if (grant?.via === 'everyone') everyone.push(statement.sid ?? 'an unnamed statement');
        if (grant?.via === 'service' && usesOrChangesKey(statement, actions)) {
          services.push(
            `${describeStatement(statement)} grants ${grant.services.join(', ')}, which acts for any AWS account: ${grant.reason}`,
          );
        }
      }
      const problems = [
        ...(everyone.length > 0
          ? [`grants access to everyone without a restricting condition in ${everyone.join(', ')}`]
          : []),
        ...(services.length > 0
          ? [`lets any AWS account use the key through an AWS service: ${services.join('; ')}`]
          : []),
      ];
      return [
        verdict(
          problems.length === 0,
          key,
          `${keyLabel(key)}'s key policy grants no access to everyone, nor to an AWS service acting for any account.`,
          `${keyLabel(key)}'s key policy ${problems.join('; and ')}.`,
        ),
      ];
    });
  },
});
