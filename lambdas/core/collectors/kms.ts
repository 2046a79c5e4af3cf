import {
  type AliasListEntry,
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  type KeyListEntry,
  type KeyMetadata,
  KMSClient,
  paginateListAliases,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import { arnResourceId } from '../aws/arn.js';
import type { KmsKey } from '../inventory/index.js';
import { supportsAutomaticRotation } from '../inventory/kms.js';
import { parsePolicyDocument } from '../policy/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** ListKeys pages hold up to 1,000 keys, ListAliases pages up to 100 aliases. */
const LIST_KEYS_PAGE_SIZE = 1000;
const LIST_ALIASES_PAGE_SIZE = 100;

/** Aliases under `alias/aws/` are reserved for AWS managed keys: customers cannot create them. */
const isAwsManagedAlias = (alias: string): boolean => alias.startsWith('alias/aws/');

async function listKeys(client: KMSClient): Promise<KeyListEntry[]> {
  const keys: KeyListEntry[] = [];
  for await (const page of paginateListKeys({ client, pageSize: LIST_KEYS_PAGE_SIZE }, {})) {
    keys.push(...(page.Keys ?? []));
  }
  return keys;
}

async function listAliases(client: KMSClient): Promise<AliasListEntry[]> {
  const aliases: AliasListEntry[] = [];
  for await (const page of paginateListAliases({ client, pageSize: LIST_ALIASES_PAGE_SIZE }, {})) {
    aliases.push(...(page.Aliases ?? []));
  }
  return aliases;
}

function toKmsKey(metadata: KeyMetadata, arn: string, aliases: readonly string[], context: CollectContext): KmsKey {
  const multiRegion = metadata.MultiRegionConfiguration;
  // Symmetric encryption keys (SYMMETRIC_DEFAULT) can only be ENCRYPT_DECRYPT keys; moto omits
  // KeyUsage for them, so the spec stands in for a missing usage.
  const keyUsage = metadata.KeyUsage ?? (metadata.KeySpec === 'SYMMETRIC_DEFAULT' ? 'ENCRYPT_DECRYPT' : undefined);
  return {
    arn: metadata.Arn ?? arn,
    id: metadata.KeyId ?? arnResourceId(arn),
    region: context.region,
    accountId: context.accountId,
    keyState: metadata.KeyState ?? 'Unknown',
    ...(metadata.KeySpec !== undefined && { keySpec: metadata.KeySpec }),
    ...(keyUsage !== undefined && { keyUsage }),
    ...(metadata.Origin !== undefined && { origin: metadata.Origin }),
    ...(metadata.Description && { description: metadata.Description }),
    multiRegion: metadata.MultiRegion === true,
    ...(multiRegion?.MultiRegionKeyType !== undefined && { multiRegionKeyType: multiRegion.MultiRegionKeyType }),
    ...(multiRegion?.PrimaryKey?.Region !== undefined && { primaryRegion: multiRegion.PrimaryKey.Region }),
    // For a replica, ReplicaKeys lists every replica, this key included.
    replicaRegions: (multiRegion?.ReplicaKeys ?? [])
      .map((r) => r.Region)
      .filter((r): r is string => r !== undefined && r !== context.region),
    ...(metadata.DeletionDate !== undefined && { deletionDate: metadata.DeletionDate }),
    aliases,
  };
}

const keysOf = (context: CollectContext): KmsKey[] =>
  context.get('kms.keys').filter((k) => k.region === context.region);

export const kmsCollectors: SliceCollectors<'kms.keys' | 'kms.keyRotation' | 'kms.keyPolicies'> = {
  'kms.keys': {
    key: 'kms.keys',
    scope: 'regional',
    actions: ['kms:ListKeys', 'kms:ListAliases', 'kms:DescribeKey'],
    async collect(context) {
      const client = context.clients.get(KMSClient, context.region);
      const [keys, aliases] = await Promise.all([listKeys(client), listAliases(client)]);
      const aliasesByKey = new Map<string, string[]>();
      for (const alias of aliases) {
        if (!alias.TargetKeyId || !alias.AliasName) continue;
        aliasesByKey.set(alias.TargetKeyId, [...(aliasesByKey.get(alias.TargetKeyId) ?? []), alias.AliasName]);
      }
      // AWS managed keys are AWS's side of the model: skip those their reserved alias identifies
      // without a DescribeKey; KeyManager filters any other.
      const candidates = keys.flatMap((k) =>
        k.KeyId && k.KeyArn && !(aliasesByKey.get(k.KeyId) ?? []).some(isAwsManagedAlias)
          ? [{ keyId: k.KeyId, arn: k.KeyArn, region: context.region }]
          : [],
      );
      const described = await collectEach(context, candidates, async ({ keyId, arn }) => {
        const { KeyMetadata: metadata } = await client.send(new DescribeKeyCommand({ KeyId: arn }));
        if (!metadata) throw new Error(`DescribeKey returned no metadata for ${arn}.`);
        return metadata.KeyManager === 'CUSTOMER'
          ? toKmsKey(metadata, arn, aliasesByKey.get(keyId) ?? [], context)
          : null;
      });
      return described.filter((k): k is KmsKey => k !== null);
    },
  },

  'kms.keyRotation': {
    key: 'kms.keyRotation',
    scope: 'regional',
    actions: ['kms:GetKeyRotationStatus'],
    dependsOn: ['kms.keys'],
    collect(context) {
      const client = context.clients.get(KMSClient, context.region);
      // GetKeyRotationStatus fails (UnsupportedOperationException, KMSInvalidStateException) for keys that cannot rotate.
      return collectEach(context, keysOf(context).filter(supportsAutomaticRotation), async (key) => {
        const status = await client.send(new GetKeyRotationStatusCommand({ KeyId: key.arn }));
        return {
          arn: key.arn,
          region: key.region,
          rotationEnabled: status.KeyRotationEnabled === true,
          ...(status.RotationPeriodInDays !== undefined && { rotationPeriodInDays: status.RotationPeriodInDays }),
        };
      });
    },
  },

  'kms.keyPolicies': {
    key: 'kms.keyPolicies',
    scope: 'regional',
    actions: ['kms:GetKeyPolicy'],
    dependsOn: ['kms.keys'],
    collect(context) {
      const client = context.clients.get(KMSClient, context.region);
      return collectEach(context, keysOf(context), async (key) => {
        // A key has exactly one key policy, always named `default`.
        const { Policy } = await client.send(new GetKeyPolicyCommand({ KeyId: key.arn, PolicyName: 'default' }));
        if (!Policy) throw new Error(`GetKeyPolicy returned no policy for ${key.arn}.`);
        return { arn: key.arn, region: key.region, policy: parsePolicyDocument(Policy) };
      });
    },
  },
};
