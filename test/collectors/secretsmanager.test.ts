import { GetResourcePolicyCommand, ListSecretsCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { secretsmanagerCollectors } from '../../lambdas/core/collectors/secretsmanager.js';
import { secret } from '../fixtures/secretsmanager.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const smMock = mockClient(SecretsManagerClient);
const arnOf = (name: string) => `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${name}-AbCdEf`;

beforeEach(() => {
  smMock.reset();
});

describe('Collector: secretsmanager.secrets', () => {
  it('pages through ListSecrets at 100 per page and keeps only metadata', async () => {
    // Prepare
    const rotated = new Date('2026-11-01T10:00:00Z');
    smMock
      .on(ListSecretsCommand)
      .resolvesOnce({
        SecretList: [
          {
            ARN: arnOf('orders-db'),
            Name: 'orders-db',
            RotationEnabled: true,
            RotationLambdaARN: 'arn:aws:lambda:eu-west-1:123456789012:function:rotate',
            RotationRules: { AutomaticallyAfterDays: 30 },
            LastRotatedDate: rotated,
            LastAccessedDate: new Date('2026-11-19T00:00:00Z'),
            NextRotationDate: new Date('2026-12-01T10:00:00Z'),
            CreatedDate: new Date('2025-01-01T00:00:00Z'),
            Tags: [{ Key: 'team', Value: 'orders' }],
          },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        SecretList: [{ ARN: arnOf('rds!db-1'), Name: 'rds!db-1', OwningService: 'rds', PrimaryRegion: 'us-east-1' }],
      });

    // Act
    const { value } = await runCollector(secretsmanagerCollectors['secretsmanager.secrets'], { region: 'eu-west-1' });

    // Assess
    expect(smMock).toHaveReceivedNthCommandWith(ListSecretsCommand, 1, { MaxResults: 100 });
    expect(smMock).toHaveReceivedNthCommandWith(ListSecretsCommand, 2, { MaxResults: 100, NextToken: 'page-2' });
    expect(value).toEqual([
      {
        arn: arnOf('orders-db'),
        id: 'orders-db',
        region: 'eu-west-1',
        accountId: '123456789012',
        tags: { team: 'orders' },
        name: 'orders-db',
        rotationEnabled: true,
        rotationLambdaArn: 'arn:aws:lambda:eu-west-1:123456789012:function:rotate',
        rotationIntervalDays: 30,
        createdDate: new Date('2025-01-01T00:00:00Z'),
        lastRotatedDate: rotated,
        lastAccessedDate: new Date('2026-11-19T00:00:00Z'),
        nextRotationDate: new Date('2026-12-01T10:00:00Z'),
      },
      {
        arn: arnOf('rds!db-1'),
        id: 'rds!db-1',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'rds!db-1',
        rotationEnabled: false,
        owningService: 'rds',
        primaryRegion: 'us-east-1',
      },
    ]);
  });

  it('lets an AccessDenied on ListSecrets throw, which records an issue for the region', async () => {
    // Prepare
    smMock.on(ListSecretsCommand).rejects(awsError('json', 'AccessDeniedException', { status: 400 }));

    // Act
    const collecting = runCollector(secretsmanagerCollectors['secretsmanager.secrets']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});

describe('Collector: secretsmanager.resourcePolicies', () => {
  it('reads each secret’s policy; no policy is null, a denied one an issue, a deleted one nothing', async () => {
    // Prepare
    const open = secret('open', { region: 'eu-west-1' });
    const none = secret('none', { region: 'eu-west-1' });
    const denied = secret('denied', { region: 'eu-west-1' });
    const gone = secret('gone', { region: 'eu-west-1' });
    const elsewhere = secret('elsewhere', { region: 'us-east-1' });
    smMock
      .on(GetResourcePolicyCommand, { SecretId: open.arn })
      .resolves({
        ARN: open.arn,
        ResourcePolicy: JSON.stringify({ Statement: [{ Effect: 'Allow', Principal: '*', Action: '*' }] }),
      })
      .on(GetResourcePolicyCommand, { SecretId: none.arn })
      .resolves({ ARN: none.arn, Name: 'none' })
      .on(GetResourcePolicyCommand, { SecretId: denied.arn })
      .rejects(awsError('json', 'AccessDeniedException'))
      .on(GetResourcePolicyCommand, { SecretId: gone.arn })
      .rejects(awsError('json', 'ResourceNotFoundException'));

    // Act
    const { value, issues } = await runCollector(secretsmanagerCollectors['secretsmanager.resourcePolicies'], {
      region: 'eu-west-1',
      dependencies: { 'secretsmanager.secrets': [open, none, denied, gone, elsewhere] },
    });

    // Assess
    expect(smMock).toHaveReceivedCommandTimes(GetResourcePolicyCommand, 4);
    expect(value).toEqual([
      {
        arn: open.arn,
        region: 'eu-west-1',
        policy: { statements: [{ effect: 'Allow', principal: { AWS: ['*'] }, action: ['*'] }] },
      },
      { arn: none.arn, region: 'eu-west-1', policy: null },
    ]);
    expect(issues.map((i) => [i.resourceArn, i.errorCode])).toEqual([[denied.arn, 'AccessDeniedException']]);
  });
});
