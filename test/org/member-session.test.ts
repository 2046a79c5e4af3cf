import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { memberAccountClients, memberCredentials, memberRoleArn } from '../../lambdas/core/org/member-session.js';
import { awsError } from '../helpers/aws-errors.js';

const stsMock = mockClient(STSClient);
const T0 = Date.parse('2026-11-25T02:00:00Z');

const session = (n: number) => ({
  Credentials: {
    AccessKeyId: `ASIAEXAMPLE${n}`,
    SecretAccessKey: `secret-${n}`,
    SessionToken: `token-${n}`,
    Expiration: new Date(T0 + 3600_000),
  },
});

beforeEach(() => {
  stsMock.reset();
});

describe('Function: memberCredentials', () => {
  it('assumes the member role with the external id once and reuses the session', async () => {
    // Prepare
    stsMock.on(AssumeRoleCommand).resolves(session(1));
    const provider = memberCredentials(
      new STSClient({ region: 'eu-west-1' }),
      { accountId: '111111111111', externalId: 'ext-123' },
      { now: () => T0 },
    );

    // Act
    const [first, second] = [await provider(), await provider()];

    // Assess
    expect(first).toEqual(second);
    expect(first.accessKeyId).toBe('ASIAEXAMPLE1');
    expect(stsMock).toHaveReceivedCommandTimes(AssumeRoleCommand, 1);
    expect(stsMock).toHaveReceivedCommandWith(AssumeRoleCommand, {
      RoleArn: 'arn:aws:iam::111111111111:role/SrmScanReader',
      ExternalId: 'ext-123',
    });
  });

  it('renews the session five minutes before it expires', async () => {
    // Prepare
    stsMock.on(AssumeRoleCommand).resolvesOnce(session(1)).resolvesOnce(session(2));
    let now = T0;
    const provider = memberCredentials(
      new STSClient({ region: 'eu-west-1' }),
      { accountId: '111111111111' },
      {
        now: () => now,
      },
    );
    await provider();

    // Act
    now = T0 + 3600_000 - 4 * 60_000;
    const renewed = await provider();

    // Assess
    expect(renewed.accessKeyId).toBe('ASIAEXAMPLE2');
  });

  it('does not keep a failed AssumeRole: the next call tries again', async () => {
    // Prepare
    stsMock
      .on(AssumeRoleCommand)
      .rejectsOnce(
        awsError('query', 'AccessDenied', { status: 403, message: 'not authorized to perform sts:AssumeRole' }),
      )
      .resolves(session(3));
    const provider = memberCredentials(new STSClient({ region: 'eu-west-1' }), { accountId: '111111111111' });

    // Act
    const failed = provider();
    await expect(failed).rejects.toMatchObject({ name: 'AccessDenied' });
    const retried = await provider();

    // Assess
    expect(retried.accessKeyId).toBe('ASIAEXAMPLE3');
  });

  it('names the role in the partition of the scan', () => {
    // Act
    const arn = memberRoleArn({ accountId: '111111111111', roleName: 'AuditReader' }, 'aws-us-gov');

    // Assess
    expect(arn).toBe('arn:aws-us-gov:iam::111111111111:role/AuditReader');
  });

  it("destroys the session's own STS client with the member account's clients", () => {
    // Prepare
    const destroyed = vi.spyOn(STSClient.prototype, 'destroy');
    const clients = memberAccountClients(
      new ApiCallCounter(),
      {},
      { accountId: '111111111111' },
      { stsRegion: 'eu-west-1' },
    );

    // Act
    clients.destroy();

    // Assess
    expect(destroyed).toHaveBeenCalledTimes(1);
    destroyed.mockRestore();
  });
});
