import {
  GetResourcePolicyCommand,
  paginateListSecrets,
  type SecretListEntry,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { arnResourceId } from '../aws/arn.js';
import { isAwsError } from '../aws/clients.js';
import type { Secret } from '../inventory/index.js';
import { parsePolicyDocument } from '../policy/index.js';
import { collectEach } from './context.js';
import { tagRecord } from './shapes.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** ListSecrets returns at most 100 secrets per page. */
const LIST_SECRETS_PAGE_SIZE = 100;

function toSecret(entry: SecretListEntry & { ARN: string }, context: CollectContext): Secret {
  const rules = entry.RotationRules;
  const tags = tagRecord(entry.Tags);
  return {
    arn: entry.ARN,
    id: entry.Name ?? arnResourceId(entry.ARN),
    region: context.region,
    accountId: context.accountId,
    ...(Object.keys(tags).length > 0 && { tags }),
    name: entry.Name ?? arnResourceId(entry.ARN),
    ...(entry.KmsKeyId && { kmsKeyId: entry.KmsKeyId }),
    rotationEnabled: entry.RotationEnabled === true,
    ...(entry.RotationLambdaARN && { rotationLambdaArn: entry.RotationLambdaARN }),
    ...(rules?.AutomaticallyAfterDays !== undefined && { rotationIntervalDays: rules.AutomaticallyAfterDays }),
    ...(rules?.ScheduleExpression && { rotationScheduleExpression: rules.ScheduleExpression }),
    ...(entry.CreatedDate !== undefined && { createdDate: entry.CreatedDate }),
    ...(entry.LastRotatedDate !== undefined && { lastRotatedDate: entry.LastRotatedDate }),
    ...(entry.LastChangedDate !== undefined && { lastChangedDate: entry.LastChangedDate }),
    ...(entry.LastAccessedDate !== undefined && { lastAccessedDate: entry.LastAccessedDate }),
    ...(entry.NextRotationDate !== undefined && { nextRotationDate: entry.NextRotationDate }),
    ...(entry.OwningService && { owningService: entry.OwningService }),
    ...(entry.PrimaryRegion && { primaryRegion: entry.PrimaryRegion }),
  };
}

export const secretsmanagerCollectors: SliceCollectors<'secretsmanager.secrets' | 'secretsmanager.resourcePolicies'> = {
  'secretsmanager.secrets': {
    key: 'secretsmanager.secrets',
    scope: 'regional',
    // Metadata only: the scanner never calls GetSecretValue.
    actions: ['secretsmanager:ListSecrets'],
    async collect(context) {
      const client = context.clients.get(SecretsManagerClient, context.region);
      const secrets: Secret[] = [];
      // Secrets scheduled for deletion are left out (IncludePlannedDeletion defaults to false).
      for await (const page of paginateListSecrets({ client, pageSize: LIST_SECRETS_PAGE_SIZE }, {})) {
        for (const entry of page.SecretList ?? []) {
          if (entry.ARN) secrets.push(toSecret({ ...entry, ARN: entry.ARN }, context));
        }
      }
      return secrets;
    },
  },

  'secretsmanager.resourcePolicies': {
    key: 'secretsmanager.resourcePolicies',
    scope: 'regional',
    actions: ['secretsmanager:GetResourcePolicy'],
    dependsOn: ['secretsmanager.secrets'],
    async collect(context) {
      const client = context.clients.get(SecretsManagerClient, context.region);
      const secrets = context.get('secretsmanager.secrets').filter((s) => s.region === context.region);
      const policies = await collectEach(context, secrets, async (secret) => {
        try {
          // No ResourcePolicy in the answer means the secret has none.
          const { ResourcePolicy } = await client.send(new GetResourcePolicyCommand({ SecretId: secret.arn }));
          return {
            arn: secret.arn,
            region: secret.region,
            policy: ResourcePolicy ? parsePolicyDocument(ResourcePolicy) : null,
          };
        } catch (error) {
          // Deleted since the listing: nothing to judge.
          if (isAwsError(error, 'ResourceNotFound')) return null;
          throw error;
        }
      });
      return policies.filter((p) => p !== null);
    },
  },
};
