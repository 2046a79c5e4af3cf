import { describe, expect, it } from 'vitest';
import { iamUserNoDirectPolicies } from '../../../lambdas/core/checks/iam/index.js';
import { authorizationDetails, evaluateIam, iamUser, SCOPED_DOCUMENT } from '../../fixtures/iam.js';

describe('Check: iam-user-no-direct-policies', () => {
  it('fails when a user has a managed policy attached directly', () => {
    // Prepare
    const user = iamUser('deployer', {
      attachedPolicies: [{ arn: 'arn:aws:iam::123456789012:policy/Deploy', name: 'Deploy' }],
    });

    // Act
    const results = evaluateIam(iamUserNoDirectPolicies, {
      authorizationDetails: authorizationDetails({ users: [user] }),
    });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: user.arn } });
    expect(results[0]?.message).toBe('IAM user deployer has policies attached directly: managed policy Deploy.');
  });

  it('fails when a user has an inline policy', () => {
    // Prepare
    const user = iamUser('etl', { inlinePolicies: [{ name: 'EtlAccess', document: SCOPED_DOCUMENT }] });

    // Act
    const results = evaluateIam(iamUserNoDirectPolicies, {
      authorizationDetails: authorizationDetails({ users: [user] }),
    });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('inline policy EtlAccess');
  });

  it('passes when a user gets its permissions from groups', () => {
    // Prepare
    const user = iamUser('maria', { groupNames: ['Developers'] });

    // Act
    const results = evaluateIam(iamUserNoDirectPolicies, {
      authorizationDetails: authorizationDetails({ users: [user] }),
    });

    // Assess
    expect(results).toEqual([
      expect.objectContaining({
        status: 'PASS',
        message: 'IAM user maria has no policies of its own (groups: Developers).',
      }),
    ]);
  });

  it('produces no result when the account has no users', () => {
    // Prepare
    const details = authorizationDetails();

    // Act
    const results = evaluateIam(iamUserNoDirectPolicies, { authorizationDetails: details });

    // Assess
    expect(results).toEqual([]);
  });
});
