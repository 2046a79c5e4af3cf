import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckTools } from '../../../lambdas/core/checks/define-check.js';
import { kmsKeyNotPublic } from '../../../lambdas/core/checks/kms/index.js';
import type { Inventory } from '../../../lambdas/core/inventory/index.js';
import { DEFAULT_KEY_POLICY_STATEMENT, keyPolicy, kmsInventory, kmsKey } from '../../fixtures/kms.js';
import { ACCOUNT_ID, checkTools, runCheckOn } from '../../fixtures/scan.js';

let tools: CheckTools;

beforeAll(async () => {
  tools = await checkTools();
});

const runCheck = (check: typeof kmsKeyNotPublic, inventory: Inventory) => runCheckOn(check, inventory, { tools });

/** A key policy statement for an AWS service principal. */
const service = (sid: string, principal: string, actions: string[], condition?: object) => ({
  Sid: sid,
  Effect: 'Allow',
  Principal: { Service: principal },
  Action: actions,
  Resource: '*',
  ...(condition && { Condition: condition }),
});

/**
 * The key policy statements CloudTrail documents for trail encryption: GenerateDataKey pinned to the
 * trail, an unconditioned DescribeKey, and decryption by principals of this account.
 */
const CLOUDTRAIL_KEY_STATEMENTS = [
  service('Allow CloudTrail to encrypt logs', 'cloudtrail.amazonaws.com', ['kms:GenerateDataKey*'], {
    StringEquals: { 'aws:SourceArn': `arn:aws:cloudtrail:us-east-1:${ACCOUNT_ID}:trail/harbor-org-audit` },
    StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${ACCOUNT_ID}:trail/*` },
  }),
  service('Allow CloudTrail to describe key', 'cloudtrail.amazonaws.com', ['kms:DescribeKey']),
  {
    Sid: 'Allow principals in the account to decrypt log files',
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: ['kms:Decrypt', 'kms:ReEncryptFrom'],
    Resource: '*',
    Condition: {
      StringEquals: { 'kms:CallerAccount': ACCOUNT_ID },
      StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${ACCOUNT_ID}:trail/*` },
    },
  },
];

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

  it('fails when a service principal may use the key for any account', () => {
    // Prepare
    const key = kmsKey('7890qrst', { aliases: ['alias/harbor-alerts'] });
    const policy = keyPolicy(key, [
      DEFAULT_KEY_POLICY_STATEMENT,
      service('AllowEventBridge', 'events.amazonaws.com', ['kms:Decrypt', 'kms:GenerateDataKey']),
    ]);

    // Act
    const [result] = runCheck(kmsKeyNotPublic, kmsInventory({ keys: [key], keyPolicies: [policy] }));

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: key,
      message:
        "KMS key 7890qrst (alias/harbor-alerts)'s key policy lets any AWS account use the key through an AWS service: AllowEventBridge (kms:Decrypt, kms:GenerateDataKey) grants events.amazonaws.com, which acts for any AWS account: no condition pins the source account.",
    });
  });

  it('passes with the key policy CloudTrail documents, including its unconditioned DescribeKey', () => {
    // Prepare
    const key = kmsKey('cloudtrail1');
    const policy = keyPolicy(key, [DEFAULT_KEY_POLICY_STATEMENT, ...CLOUDTRAIL_KEY_STATEMENTS]);

    // Act
    const [result] = runCheck(kmsKeyNotPublic, kmsInventory({ keys: [key], keyPolicies: [policy] }));

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('fails when CloudTrail may encrypt with the key for any trail', () => {
    // Prepare
    const key = kmsKey('cloudtrail2');
    const policy = keyPolicy(key, [
      DEFAULT_KEY_POLICY_STATEMENT,
      service('Allow CloudTrail to encrypt logs', 'cloudtrail.amazonaws.com', ['kms:GenerateDataKey*']),
    ]);

    // Act
    const [result] = runCheck(kmsKeyNotPublic, kmsInventory({ keys: [key], keyPolicies: [policy] }));

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it.each([
    [
      'CloudWatch Logs, pinned by its encryption context',
      service('AllowLogs', 'logs.us-east-1.amazonaws.com', ['kms:Encrypt*', 'kms:Decrypt*', 'kms:GenerateDataKey*'], {
        ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:us-east-1:${ACCOUNT_ID}:log-group:*` },
      }),
    ],
    [
      'EventBridge publishing to an encrypted topic, pinned by the topic in the encryption context',
      service('AllowEventBridge', 'events.amazonaws.com', ['kms:Decrypt', 'kms:GenerateDataKey'], {
        StringEquals: { 'kms:EncryptionContext:aws:sns:topicArn': `arn:aws:sns:us-east-1:${ACCOUNT_ID}:alerts` },
      }),
    ],
    [
      'CloudWatch alarms pinned with aws:SourceAccount',
      service('AllowAlarms', 'cloudwatch.amazonaws.com', ['kms:Decrypt', 'kms:GenerateDataKey*'], {
        StringEquals: { 'aws:SourceAccount': ACCOUNT_ID },
      }),
    ],
  ])('passes for %s', (_label, statement) => {
    // Prepare
    const key = kmsKey('pinned1');
    const policy = keyPolicy(key, [DEFAULT_KEY_POLICY_STATEMENT, statement]);

    // Act
    const [result] = runCheck(kmsKeyNotPublic, kmsInventory({ keys: [key], keyPolicies: [policy] }));

    // Assess
    expect(result?.status).toBe('PASS');
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
