import { describe, expect, it } from 'vitest';
import { kmsKeyNotPublic } from '../../../lambdas/core/checks/kms/index.js';
import { DEFAULT_KEY_POLICY_STATEMENT, keyPolicy, kmsInventory, kmsKey } from '../../fixtures/kms.js';
import { runCheck } from '../../fixtures/lambda.js';

const everyone = (sid: string, condition?: object) => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:GenerateDataKey*'],
  Resource: '*',
  ...(condition && { Condition: condition }),
});

describe('Check: kms-key-not-public', () => {
  it('fails when a statement grants the key to everyone', () => {
    // Prepare
    const key = kmsKey('1234abcd', { aliases: ['alias/partner-exchange'] });
    const policy = keyPolicy(key, [DEFAULT_KEY_POLICY_STATEMENT, everyone('AllowAnyoneToUse')]);

    // Act
    const [result] = runCheck(kmsKeyNotPublic, kmsInventory({ keys: [key], keyPolicies: [policy] }));

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: key,
      message:
        "KMS key 1234abcd (alias/partner-exchange)'s key policy grants access to everyone without a restricting condition in AllowAnyoneToUse.",
    });
  });

  it('passes with the default policy that delegates to the account', () => {
    // Prepare
    const key = kmsKey('5678efgh');

    // Act
    const [result] = runCheck(
      kmsKeyNotPublic,
      kmsInventory({ keys: [key], keyPolicies: [keyPolicy(key, [DEFAULT_KEY_POLICY_STATEMENT])] }),
    );

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('passes when a "*" principal is pinned with kms:CallerAccount', () => {
    // Prepare
    const key = kmsKey('9012ijkl');
    const policy = keyPolicy(key, [
      everyone('AllowViaS3InThisAccount', {
        StringEquals: { 'kms:CallerAccount': '123456789012', 'kms:ViaService': 's3.us-east-1.amazonaws.com' },
      }),
    ]);

    // Act
    const [result] = runCheck(kmsKeyNotPublic, kmsInventory({ keys: [key], keyPolicies: [policy] }));

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('fails when the only condition is one that does not pin the caller', () => {
    // Prepare
    const key = kmsKey('3456mnop');
    const policy = keyPolicy(key, [
      everyone('ViaS3Only', { StringEquals: { 'kms:ViaService': 's3.us-east-1.amazonaws.com' } }),
    ]);

    // Act
    const [result] = runCheck(kmsKeyNotPublic, kmsInventory({ keys: [key], keyPolicies: [policy] }));

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('produces no result for a key whose policy could not be collected', () => {
    // Prepare
    const key = kmsKey('1234abcd');

    // Act
    const results = runCheck(kmsKeyNotPublic, kmsInventory({ keys: [key] }));

    // Assess
    expect(results).toEqual([]);
  });
});
