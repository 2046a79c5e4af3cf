import { describe, expect, it } from 'vitest';
import { iamUserSingleActiveAccessKey } from '../../../lambdas/core/checks/iam/index.js';
import { accessKey, credentialReport, evaluateIam, reportUser } from '../../fixtures/iam.js';

describe('Check: iam-user-single-active-access-key', () => {
  it('fails when a user has two active keys', () => {
    // Prepare
    const user = reportUser('deployer', { accessKeys: [accessKey({ slot: 1 }), accessKey({ slot: 2 })] });

    // Act
    const results = evaluateIam(iamUserSingleActiveAccessKey, { credentialReport: credentialReport([user]) });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: user.arn } });
    expect(results[0]?.message).toContain('has 2 active access keys');
  });

  it('passes when the second key is inactive', () => {
    // Prepare
    const user = reportUser('deployer', {
      accessKeys: [accessKey({ slot: 1 }), accessKey({ slot: 2, active: false })],
    });

    // Act
    const results = evaluateIam(iamUserSingleActiveAccessKey, { credentialReport: credentialReport([user]) });

    // Assess
    expect(results).toEqual([expect.objectContaining({ status: 'PASS' })]);
  });

  it('does not evaluate users without active keys', () => {
    // Prepare
    const user = reportUser('console-only', { passwordEnabled: true });

    // Act
    const results = evaluateIam(iamUserSingleActiveAccessKey, { credentialReport: credentialReport([user]) });

    // Assess
    expect(results).toEqual([]);
  });
});
