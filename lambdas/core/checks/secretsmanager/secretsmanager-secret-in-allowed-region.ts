import { defineCheck } from '../define-check.js';
import { residencyRemediation, residencyResults } from '../shared/residency.js';

export const secretsmanagerSecretInAllowedRegion = defineCheck({
  id: 'secretsmanager-secret-in-allowed-region',
  title: 'Secrets Manager secrets and their replicas are only in allowed regions',
  service: 'secretsmanager',
  resourceType: 'AwsSecretsManagerSecret',
  srmClass: 'abstracted',
  obligation: 'data-residency',
  severity: 'high',
  requires: ['secretsmanager.secrets'],
  settings: ['allowedRegions'],
  compliance: [],
  risk: 'A secret and each of its replicas hold the credential in their regions; a copy outside the allowed regions puts it where your regulators and contracts do not allow it.',
  remediation: residencyRemediation('secret'),
  evaluate: ({ secretsmanager, accountId, partition }, { allowedRegions }) =>
    residencyResults(
      { accountId, partition },
      allowedRegions,
      secretsmanager.secrets.map((secret) => ({
        resource: secret,
        kind: 'Secrets Manager secret',
        // A replica names its primary; a primary's replicas appear in their own regions' listings.
        copies:
          secret.primaryRegion && secret.primaryRegion !== secret.region
            ? [{ what: 'its primary secret', region: secret.primaryRegion }]
            : [],
      })),
    ),
});
