import { describe, expect, it } from 'vitest';
import { iamPrincipalNoFullAdmin } from '../../../lambdas/core/checks/iam/index.js';
import {
  ADMIN_DOCUMENT,
  AWS_ADMINISTRATOR_ACCESS,
  authorizationDetails,
  evaluateIam,
  iamGroup,
  iamRole,
  iamUser,
  managedPolicy,
  policyDocument,
  SCOPED_DOCUMENT,
  statement,
} from '../../fixtures/iam.js';

const evaluate = (details: Parameters<typeof authorizationDetails>[0]) =>
  evaluateIam(iamPrincipalNoFullAdmin, { authorizationDetails: authorizationDetails(details) });

const adminPolicy = managedPolicy('CompanyAdmin', { document: ADMIN_DOCUMENT });
const scopedPolicy = managedPolicy('Scoped', { document: SCOPED_DOCUMENT });
const attach = (p: { arn: string; name: string }) => [{ arn: p.arn, name: p.name }];

describe('Check: iam-principal-no-full-admin', () => {
  it('fails when a role has AWS AdministratorAccess attached even if the policy is not in the inventory', () => {
    // Prepare
    const role = iamRole('platform-admin', {
      attachedPolicies: [{ arn: AWS_ADMINISTRATOR_ACCESS, name: 'AdministratorAccess' }],
    });

    // Act
    const results = evaluate({ roles: [role] });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: role.arn } });
    expect(results[0]?.message).toBe(
      'IAM role platform-admin has full administrator access (every action on every resource) through attached policy AdministratorAccess.',
    );
  });

  it('fails when a user inherits a customer managed admin policy from a group, and fails the group too', () => {
    // Prepare
    const group = iamGroup('Admins', { attachedPolicies: attach(adminPolicy) });
    const user = iamUser('tom', { groupNames: ['Admins'] });

    // Act
    const results = evaluate({ users: [user], groups: [group], policies: [adminPolicy] });

    // Assess
    expect(results.map((r) => [r.resource.arn, r.status])).toEqual([
      [user.arn, 'FAIL'],
      [group.arn, 'FAIL'],
    ]);
    expect(results[0]?.message).toContain('through attached policy CompanyAdmin of group Admins');
  });

  it('fails when an inline policy grants * on *', () => {
    // Prepare
    const user = iamUser('break-glass', { inlinePolicies: [{ name: 'All', document: ADMIN_DOCUMENT }] });

    // Act
    const results = evaluate({ users: [user] });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('inline policy All');
  });

  it('passes a scoped principal, and one whose NotAction policy falls short of * on *', () => {
    // Prepare
    const notAction = managedPolicy('PowerUser', {
      document: policyDocument(statement({ action: undefined, notAction: ['iam:*'], resource: ['*'] })),
    });
    const role = iamRole('ops', { attachedPolicies: [...attach(scopedPolicy), ...attach(notAction)] });

    // Act
    const results = evaluate({ roles: [role], policies: [scopedPolicy, notAction] });

    // Assess
    expect(results).toEqual([expect.objectContaining({ status: 'PASS' })]);
  });

  it('passes an admin policy capped by a scoped permissions boundary', () => {
    // Prepare
    const boundary = managedPolicy('SandboxBoundary', { document: SCOPED_DOCUMENT });
    const role = iamRole('sandbox', { attachedPolicies: attach(adminPolicy), permissionsBoundaryArn: boundary.arn });

    // Act
    const results = evaluate({ roles: [role], policies: [adminPolicy, boundary] });

    // Assess
    expect(results[0]?.status).toBe('PASS');
    expect(results[0]?.message).toContain('permissions boundary');
  });

  it('fails when the permissions boundary itself allows * on *', () => {
    // Prepare
    const role = iamRole('sandbox', {
      attachedPolicies: attach(adminPolicy),
      permissionsBoundaryArn: AWS_ADMINISTRATOR_ACCESS,
    });

    // Act
    const results = evaluate({ roles: [role], policies: [adminPolicy] });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
  });

  it('reports ERROR when an attached customer managed policy is missing from the inventory', () => {
    // Prepare
    const role = iamRole('app', { attachedPolicies: [{ arn: 'arn:aws:iam::123456789012:policy/Gone', name: 'Gone' }] });

    // Act
    const results = evaluate({ roles: [role] });

    // Assess
    expect(results).toEqual([expect.objectContaining({ status: 'ERROR' })]);
    expect(results[0]?.message).toContain('Gone');
  });

  it('treats AWS managed policies other than AdministratorAccess as non-admin when their document is absent', () => {
    // Prepare
    const role = iamRole('reader', {
      attachedPolicies: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', name: 'ReadOnlyAccess' }],
    });

    // Act
    const results = evaluate({ roles: [role] });

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('does not evaluate service-linked roles', () => {
    // Prepare
    const linked = iamRole('AWSServiceRoleForOrganizations', {
      path: '/aws-service-role/organizations.amazonaws.com/',
      serviceLinked: true,
      attachedPolicies: [{ arn: AWS_ADMINISTRATOR_ACCESS, name: 'AdministratorAccess' }],
    });

    // Act
    const results = evaluate({ roles: [linked] });

    // Assess
    expect(results).toEqual([]);
  });
});
