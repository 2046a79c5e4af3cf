import { describe, expect, it } from 'vitest';
import { iamPolicyNoFullAdmin } from '../../../lambdas/core/checks/iam/index.js';
import {
  ADMIN_DOCUMENT,
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
  evaluateIam(iamPolicyNoFullAdmin, { authorizationDetails: authorizationDetails(details) });

describe('Check: iam-policy-no-full-admin', () => {
  it('fails when a customer managed policy allows * on *', () => {
    // Prepare
    const policy = managedPolicy('AdminEverything', { document: ADMIN_DOCUMENT, attachmentCount: 2 });

    // Act
    const results = evaluate({ policies: [policy] });

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'FAIL', resource: { arn: policy.arn, id: 'AdminEverything' } });
    expect(results[0]?.message).toContain('attached to 2 identities');
    expect(results[0]?.message).toContain('allows every action (*) on every resource (full administrator access)');
  });

  it('fails when a policy allows NotAction on every resource, saying what it excludes and that it grants everything else', () => {
    // Prepare
    const document = policyDocument(
      statement({ sid: 'AllButIam', action: undefined, notAction: ['iam:*', 'organizations:*'], resource: ['*'] }),
    );
    const policy = managedPolicy('PowerUserish', { document });

    // Act
    const results = evaluate({ policies: [policy] });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain(
      'statement AllButIam allows every action except iam:*, organizations:* on every resource (Allow with NotAction): it excludes every iam action and every organizations action, yet grants every action of every other service, including any service AWS adds later; not the same as Action "*", but full access outside what it excludes',
    );
  });

  it('says a NotAction naming single actions still grants the rest of their services', () => {
    // Prepare
    const document = policyDocument(
      statement({ sid: 'NoBucketDeletion', action: undefined, notAction: ['s3:DeleteBucket'], resource: ['*'] }),
    );

    // Act
    const results = evaluate({ policies: [managedPolicy('AlmostEverything', { document })] });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain(
      'it excludes s3:DeleteBucket, yet grants the other s3 actions and every action of every other service',
    );
  });

  it('passes a NotAction of "*", which excludes every action and so grants nothing', () => {
    // Prepare
    const document = policyDocument(
      statement({ sid: 'Nothing', action: undefined, notAction: ['*'], resource: ['*'] }),
    );

    // Act
    const results = evaluate({ policies: [managedPolicy('GrantsNothing', { document })] });

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('fails when a policy uses a service-wide wildcard such as s3:*', () => {
    // Prepare
    const document = policyDocument(
      statement({ action: ['s3:*'], resource: ['arn:aws:s3:::data', 'arn:aws:s3:::data/*'] }),
    );

    // Act
    const results = evaluate({ policies: [managedPolicy('DataLake', { document })] });

    // Assess
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('allows wildcard actions s3:* (every action of the service)');
  });

  it('fails on an inline policy and reports it under its owner-derived ARN', () => {
    // Prepare
    const user = iamUser('etl', {
      inlinePolicies: [{ name: 'EtlS3', document: policyDocument(statement({ action: ['s3:*'], resource: ['*'] })) }],
    });

    // Act
    const results = evaluate({ users: [user] });

    // Assess
    expect(results).toEqual([
      expect.objectContaining({
        status: 'FAIL',
        resource: expect.objectContaining({
          arn: 'arn:aws:iam::123456789012:user/etl:inline-policy/EtlS3',
          id: 'etl/EtlS3',
        }),
      }),
    ]);
    expect(results[0]?.message).toContain('Inline policy EtlS3 of IAM user etl');
  });

  it('passes scoped policies, including a * action denied rather than allowed', () => {
    // Prepare
    const denyAll = policyDocument(
      statement({ action: ['s3:GetObject'], resource: ['arn:aws:s3:::reports/*'] }),
      statement({
        effect: 'Deny',
        action: ['*'],
        resource: ['*'],
        condition: { Bool: { 'aws:MultiFactorAuthPresent': ['false'] } },
      }),
    );
    const group = iamGroup('Analysts', { inlinePolicies: [{ name: 'ReadReports', document: denyAll }] });

    // Act
    const results = evaluate({ policies: [managedPolicy('Scoped', { document: SCOPED_DOCUMENT })], groups: [group] });

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS', 'PASS']);
  });

  it('does not evaluate AWS managed policies or service-linked roles', () => {
    // Prepare
    const awsAdmin = managedPolicy('AdministratorAccess', {
      arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
      awsManaged: true,
      document: ADMIN_DOCUMENT,
    });
    const linked = iamRole('AWSServiceRoleForSupport', {
      path: '/aws-service-role/support.amazonaws.com/',
      serviceLinked: true,
      inlinePolicies: [{ name: 'x', document: ADMIN_DOCUMENT }],
    });

    // Act
    const results = evaluate({ policies: [awsAdmin], roles: [linked] });

    // Assess
    expect(results).toEqual([]);
  });
});
