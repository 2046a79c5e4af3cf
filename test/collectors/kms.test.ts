import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { kmsCollectors } from '../../lambdas/core/collectors/kms.js';
import { DEFAULT_KEY_POLICY_STATEMENT, kmsKey } from '../fixtures/kms.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const kmsMock = mockClient(KMSClient);

const arnOf = (id: string, region = 'us-east-1') => `arn:aws:kms:${region}:123456789012:key/${id}`;
const entry = (id: string) => ({ KeyId: id, KeyArn: arnOf(id) });

beforeEach(() => {
  kmsMock.reset();
});

describe('Collector: kms.keys', () => {
  it('pages through keys and aliases, skips AWS managed keys and normalises customer managed ones', async () => {
    // Prepare
    kmsMock
      .on(ListKeysCommand)
      .resolvesOnce({ Keys: [entry('orders-key'), entry('aws-s3-key')], Truncated: true, NextMarker: 'k2' })
      .resolvesOnce({ Keys: [entry('mrk-replica'), entry('unaliased-aws-key')] })
      .on(ListAliasesCommand)
      .resolvesOnce({
        Aliases: [{ AliasName: 'alias/orders', TargetKeyId: 'orders-key' }],
        Truncated: true,
        NextMarker: 'a2',
      })
      .resolvesOnce({
        Aliases: [{ AliasName: 'alias/aws/s3', TargetKeyId: 'aws-s3-key' }, { AliasName: 'alias/unused' }],
      })
      .on(DescribeKeyCommand, { KeyId: arnOf('orders-key') })
      .resolves({
        KeyMetadata: {
          KeyId: 'orders-key',
          Arn: arnOf('orders-key'),
          KeyManager: 'CUSTOMER',
          KeyState: 'PendingDeletion',
          DeletionDate: new Date('2026-12-01T00:00:00Z'),
          KeySpec: 'SYMMETRIC_DEFAULT',
          KeyUsage: 'ENCRYPT_DECRYPT',
          Origin: 'AWS_KMS',
          Description: 'Order data',
        },
      })
      .on(DescribeKeyCommand, { KeyId: arnOf('mrk-replica') })
      .resolves({
        KeyMetadata: {
          KeyId: 'mrk-replica',
          Arn: arnOf('mrk-replica'),
          KeyManager: 'CUSTOMER',
          KeyState: 'Enabled',
          KeySpec: 'SYMMETRIC_DEFAULT',
          Origin: 'AWS_KMS',
          MultiRegion: true,
          MultiRegionConfiguration: {
            MultiRegionKeyType: 'REPLICA',
            PrimaryKey: { Arn: arnOf('mrk-replica', 'eu-west-1'), Region: 'eu-west-1' },
            ReplicaKeys: [
              { Arn: arnOf('mrk-replica'), Region: 'us-east-1' },
              { Arn: arnOf('mrk-replica', 'ap-southeast-1'), Region: 'ap-southeast-1' },
            ],
          },
        },
      })
      .on(DescribeKeyCommand, { KeyId: arnOf('unaliased-aws-key') })
      .resolves({ KeyMetadata: { KeyId: 'unaliased-aws-key', Arn: arnOf('unaliased-aws-key'), KeyManager: 'AWS' } });

    // Act
    const { value, issues } = await runCollector(kmsCollectors['kms.keys']);

    // Assess
    expect(issues).toEqual([]);
    expect(kmsMock).toHaveReceivedNthCommandWith(ListKeysCommand, 1, { Limit: 1000 });
    expect(kmsMock).toHaveReceivedNthCommandWith(ListKeysCommand, 2, { Limit: 1000, Marker: 'k2' });
    expect(kmsMock).toHaveReceivedNthCommandWith(ListAliasesCommand, 2, { Limit: 100, Marker: 'a2' });
    expect(kmsMock).not.toHaveReceivedCommandWith(DescribeKeyCommand, { KeyId: arnOf('aws-s3-key') });
    expect(value).toEqual([
      {
        arn: arnOf('orders-key'),
        id: 'orders-key',
        region: 'us-east-1',
        accountId: '123456789012',
        keyState: 'PendingDeletion',
        keySpec: 'SYMMETRIC_DEFAULT',
        keyUsage: 'ENCRYPT_DECRYPT',
        origin: 'AWS_KMS',
        description: 'Order data',
        multiRegion: false,
        replicaRegions: [],
        deletionDate: new Date('2026-12-01T00:00:00Z'),
        aliases: ['alias/orders'],
      },
      {
        arn: arnOf('mrk-replica'),
        id: 'mrk-replica',
        region: 'us-east-1',
        accountId: '123456789012',
        keyState: 'Enabled',
        keySpec: 'SYMMETRIC_DEFAULT',
        keyUsage: 'ENCRYPT_DECRYPT',
        origin: 'AWS_KMS',
        multiRegion: true,
        multiRegionKeyType: 'REPLICA',
        primaryRegion: 'eu-west-1',
        replicaRegions: ['ap-southeast-1'],
        aliases: [],
      },
    ]);
  });

  it('reports a key that cannot be described and keeps the others', async () => {
    // Prepare
    kmsMock
      .on(ListKeysCommand)
      .resolves({ Keys: [entry('open-key'), entry('locked-key')] })
      .on(ListAliasesCommand)
      .resolves({ Aliases: [] })
      .on(DescribeKeyCommand, { KeyId: arnOf('open-key') })
      .resolves({
        KeyMetadata: { KeyId: 'open-key', Arn: arnOf('open-key'), KeyManager: 'CUSTOMER', KeyState: 'Enabled' },
      })
      .on(DescribeKeyCommand, { KeyId: arnOf('locked-key') })
      .rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const { value, issues } = await runCollector(kmsCollectors['kms.keys']);

    // Assess
    expect(value.map((k) => k.id)).toEqual(['open-key']);
    expect(issues.map((i) => [i.slice, i.resourceArn, i.errorCode])).toEqual([
      ['kms.keys', arnOf('locked-key'), 'AccessDeniedException'],
    ]);
  });

  it('lets an AccessDenied on ListKeys throw', async () => {
    // Prepare
    kmsMock.on(ListKeysCommand).rejects(awsError('json', 'AccessDeniedException')).on(ListAliasesCommand).resolves({});

    // Act
    const collecting = runCollector(kmsCollectors['kms.keys']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});

describe('Collector: kms.keyRotation', () => {
  it('asks only about keys that support automatic rotation, in this region', async () => {
    // Prepare
    const rotating = kmsKey('rotating');
    const denied = kmsKey('denied');
    const keys = [
      rotating,
      denied,
      kmsKey('asymmetric', { keySpec: 'RSA_2048', keyUsage: 'SIGN_VERIFY' }),
      kmsKey('imported', { origin: 'EXTERNAL' }),
      kmsKey('doomed', { keyState: 'PendingDeletion' }),
      kmsKey('elsewhere', { region: 'eu-west-1' }),
    ];
    kmsMock
      .on(GetKeyRotationStatusCommand, { KeyId: rotating.arn })
      .resolves({ KeyRotationEnabled: true, RotationPeriodInDays: 180 })
      .on(GetKeyRotationStatusCommand, { KeyId: denied.arn })
      .rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const { value, issues } = await runCollector(kmsCollectors['kms.keyRotation'], {
      dependencies: { 'kms.keys': keys },
    });

    // Assess
    expect(kmsMock).toHaveReceivedCommandTimes(GetKeyRotationStatusCommand, 2);
    expect(value).toEqual([
      { arn: rotating.arn, region: 'us-east-1', rotationEnabled: true, rotationPeriodInDays: 180 },
    ]);
    expect(issues.map((i) => i.resourceArn)).toEqual([denied.arn]);
  });
});

describe('Collector: kms.keyPolicies', () => {
  it('reads the default policy of each key and reports a denied key', async () => {
    // Prepare
    const open = kmsKey('open');
    const denied = kmsKey('denied');
    kmsMock
      .on(GetKeyPolicyCommand, { KeyId: open.arn })
      .resolves({ Policy: JSON.stringify({ Version: '2012-10-17', Statement: [DEFAULT_KEY_POLICY_STATEMENT] }) })
      .on(GetKeyPolicyCommand, { KeyId: denied.arn })
      .rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const { value, issues } = await runCollector(kmsCollectors['kms.keyPolicies'], {
      dependencies: { 'kms.keys': [open, denied] },
    });

    // Assess
    expect(kmsMock).toHaveReceivedCommandWith(GetKeyPolicyCommand, { KeyId: open.arn, PolicyName: 'default' });
    expect(value).toHaveLength(1);
    expect(value[0]?.policy.statements[0]).toMatchObject({
      sid: 'Enable IAM User Permissions',
      principal: { AWS: ['arn:aws:iam::123456789012:root'] },
      action: ['kms:*'],
    });
    expect(issues.map((i) => [i.slice, i.resourceArn])).toEqual([['kms.keyPolicies', denied.arn]]);
  });
});
