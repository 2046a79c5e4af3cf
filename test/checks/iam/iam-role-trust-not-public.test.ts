import { describe, expect, it } from 'vitest';
import { iamRoleTrustNotPublic } from '../../../lambdas/core/checks/iam/index.js';
import type { PolicyStatement } from '../../../lambdas/core/inventory/index.js';
import { authorizationDetails, evaluateIam, iamRole, statement, trustPolicy } from '../../fixtures/iam.js';

const GITHUB = 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com';

const evaluateTrust = (...statements: PolicyStatement[]) =>
  evaluateIam(iamRoleTrustNotPublic, {
    authorizationDetails: authorizationDetails({
      roles: [iamRole('subject', { trustPolicy: trustPolicy(...statements) })],
    }),
  });

const assume = (overrides: Partial<PolicyStatement>): PolicyStatement =>
  statement({ action: ['sts:AssumeRole'], resource: undefined, ...overrides });

const github = (condition: PolicyStatement['condition']): PolicyStatement =>
  assume({ principal: { Federated: [GITHUB] }, action: ['sts:AssumeRoleWithWebIdentity'], condition });

describe('Check: iam-role-trust-not-public', () => {
  it('fails when the trust policy allows every AWS principal with no condition', () => {
    // Prepare / Act
    const results = evaluateTrust(assume({ principal: { AWS: ['*'] } }));

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: 'arn:aws:iam::123456789012:role/subject' } });
    expect(results[0]?.message).toContain('trusts every AWS principal (Principal "*")');
  });

  it('fails when an ExternalId is the only condition on a wildcard principal', () => {
    // Prepare / Act
    const results = evaluateTrust(
      assume({ principal: { AWS: ['*'] }, condition: { StringEquals: { 'sts:ExternalId': ['partner-123'] } } }),
    );

    // Assess
    expect(results[0]?.status).toBe('FAIL');
  });

  it('passes a wildcard principal pinned to the organisation with aws:PrincipalOrgID', () => {
    // Prepare / Act
    const results = evaluateTrust(
      assume({ principal: { AWS: ['*'] }, condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-a1b2c3d4e5'] } } }),
    );

    // Assess
    expect(results[0]?.status).toBe('PASS');
    expect(results[0]?.message).toContain('AWS * restricted by aws:PrincipalOrgID o-a1b2c3d4e5');
  });

  it('passes a trust policy naming one account', () => {
    // Prepare / Act
    const results = evaluateTrust(assume({ principal: { AWS: ['arn:aws:iam::111122223333:root'] } }));

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('fails a GitHub OIDC trust with only an audience condition', () => {
    // Prepare / Act
    const results = evaluateTrust(
      github({ StringEquals: { 'token.actions.githubusercontent.com:aud': ['sts.amazonaws.com'] } }),
    );

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('without a fixed token.actions.githubusercontent.com:sub condition');
  });

  it('fails a GitHub OIDC trust whose sub is a bare wildcard or optional', () => {
    // Prepare / Act
    const wildcard = evaluateTrust(github({ StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:*'] } }));
    const optional = evaluateTrust(
      github({ StringLikeIfExists: { 'token.actions.githubusercontent.com:sub': ['repo:acme/web:*'] } }),
    );

    // Assess
    expect([wildcard[0]?.status, optional[0]?.status]).toEqual(['FAIL', 'FAIL']);
  });

  it('passes a GitHub OIDC trust pinned to a repository', () => {
    // Prepare / Act
    const results = evaluateTrust(
      github({
        StringEquals: { 'token.actions.githubusercontent.com:aud': ['sts.amazonaws.com'] },
        StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:acme/web-app:ref:refs/heads/main'] },
      }),
    );

    // Assess
    expect(results[0]?.status).toBe('PASS');
    expect(results[0]?.message).toContain('for repo:acme/web-app:ref:refs/heads/main');
  });

  it('passes a GitHub OIDC trust pinned to an organisation’s repositories', () => {
    // Prepare / Act
    const results = evaluateTrust(
      github({ StringLike: { 'token.actions.githubusercontent.com:sub': ['repo:acme/*'] } }),
    );

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('passes a GitHub OIDC trust pinned with ForAnyValue:StringLike, which needs the sub claim to match', () => {
    // Prepare / Act
    const results = evaluateTrust(
      github({
        StringEquals: { 'token.actions.githubusercontent.com:aud': ['sts.amazonaws.com'] },
        'ForAnyValue:StringLike': { 'token.actions.githubusercontent.com:sub': ['repo:acme/web-app:*'] },
      }),
    );

    // Assess
    expect(results[0]?.status).toBe('PASS');
    expect(results[0]?.message).toContain('for repo:acme/web-app:*');
  });

  it('fails a GitHub OIDC trust whose sub is only constrained by ForAllValues, which an absent claim satisfies', () => {
    // Prepare / Act
    const results = evaluateTrust(
      github({ 'ForAllValues:StringLike': { 'token.actions.githubusercontent.com:sub': ['repo:acme/web-app:*'] } }),
    );

    // Assess
    expect(results[0]?.status).toBe('FAIL');
  });

  it('ignores a wildcard principal that is only denied', () => {
    // Prepare / Act
    const results = evaluateTrust(
      assume({ principal: { Service: ['ec2.amazonaws.com'] } }),
      assume({ effect: 'Deny', principal: { AWS: ['*'] } }),
    );

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('does not evaluate service-linked roles', () => {
    // Prepare
    const linked = iamRole('AWSServiceRoleForX', {
      serviceLinked: true,
      trustPolicy: trustPolicy(assume({ principal: { AWS: ['*'] } })),
    });

    // Act
    const results = evaluateIam(iamRoleTrustNotPublic, {
      authorizationDetails: authorizationDetails({ roles: [linked] }),
    });

    // Assess
    expect(results).toEqual([]);
  });
});
