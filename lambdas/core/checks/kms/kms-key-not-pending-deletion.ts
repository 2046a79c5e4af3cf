import { defineCheck, fail, pass } from '../define-check.js';
import { keyLabel } from './key-label.js';

export const kmsKeyNotPendingDeletion = defineCheck({
  id: 'kms-key-not-pending-deletion',
  title: 'Customer managed KMS keys are not scheduled for deletion',
  service: 'kms',
  resourceType: 'AwsKmsKey',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'critical',
  requires: ['kms.keys'],
  compliance: [{ framework: 'aws-fsbp', control: 'KMS.3' }],
  risk:
    'Once the waiting period ends the key material is destroyed for good, and every object, table or volume still ' +
    'encrypted under the key can never be decrypted again.',
  remediation: {
    text:
      'If the key is still needed, cancel the deletion (the key then stays disabled) and enable it again; otherwise ' +
      'confirm that nothing is still encrypted under it before the deletion date.',
    cli: 'aws kms cancel-key-deletion --key-id <key-id> && aws kms enable-key --key-id <key-id>',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys-scheduling-key-deletion.html',
  },
  evaluate: ({ kms }) =>
    kms.keys.map((key) => {
      if (key.keyState === 'PendingDeletion' || key.keyState === 'PendingReplicaDeletion') {
        const when = key.deletionDate
          ? ` on ${key.deletionDate.toISOString().slice(0, 10)}`
          : ' once its replica keys are deleted';
        return fail(key, `${keyLabel(key)} is scheduled for deletion (${key.keyState})${when}.`);
      }
      return pass(key, `${keyLabel(key)} is not scheduled for deletion (state ${key.keyState}).`);
    }),
});
