import { supportsAutomaticRotation } from '../../inventory/kms.js';
import { defineCheck, fail, pass } from '../define-check.js';
import { keyLabel } from './key-label.js';

export const kmsKeyRotationEnabled = defineCheck({
  id: 'kms-key-rotation-enabled',
  title: 'Customer managed KMS keys have automatic key rotation enabled',
  service: 'kms',
  resourceType: 'AwsKmsKey',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['kms.keys', 'kms.keyRotation'],
  compliance: [
    { framework: 'aws-fsbp', control: 'KMS.4' },
    { framework: 'cis-aws-3.0', control: '3.6' },
    { framework: 'cis-aws-4.0', control: '3.6' },
  ],
  risk:
    'Key material that never rotates protects an ever-growing amount of data, so a single compromise of it exposes ' +
    'everything encrypted since the key was created.',
  remediation: {
    text: 'Enable automatic rotation for the key; KMS keeps older key material so existing ciphertext still decrypts.',
    cli: 'aws kms enable-key-rotation --key-id <key-id> --rotation-period-in-days 365',
    url: 'https://docs.aws.amazon.com/kms/latest/developerguide/rotating-keys-enable.html',
  },
  evaluate: ({ kms }) => {
    const rotation = new Map(kms.keyRotation.map((r) => [r.arn, r]));
    // Only enabled symmetric keys with KMS-generated material can rotate automatically; the rest are not applicable.
    return kms.keys.filter(supportsAutomaticRotation).flatMap((key) => {
      const status = rotation.get(key.arn);
      if (!status) return [];
      if (!status.rotationEnabled) {
        // Rotation of multi-Region keys is set on the primary key and applies to its replicas.
        const where =
          key.multiRegionKeyType === 'REPLICA' && key.primaryRegion
            ? ` (set it on the primary key in ${key.primaryRegion})`
            : '';
        return [fail(key, `${keyLabel(key)} does not have automatic key rotation enabled${where}.`)];
      }
      const period = status.rotationPeriodInDays === undefined ? '' : ` every ${status.rotationPeriodInDays} days`;
      return [pass(key, `${keyLabel(key)} rotates its key material automatically${period}.`)];
    });
  },
});
