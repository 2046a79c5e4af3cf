import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { COLLECTORS } from '../../lambdas/core/collectors/index.js';
import { requiredActions } from '../../lambdas/core/engine/permissions.js';
import { selectChecks } from '../../lambdas/core/engine/select.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import {
  INLINE_POLICY_LIMIT,
  MANAGED_POLICY_LIMIT,
  memberRoleTemplate,
} from '../../lambdas/core/org/member-role-template.js';

interface Statement {
  Effect: string;
  Action: string[];
  Resource: string;
}
interface Document {
  Statement: Statement[];
}
interface Resource {
  Type: string;
  Properties: Record<string, unknown> & {
    Policies?: { PolicyName: string; PolicyDocument: Document }[];
    ManagedPolicyArns?: { Ref: string }[];
    PolicyDocument?: Document;
    AssumeRolePolicyDocument?: Document & { Statement: (Statement & Record<string, unknown>)[] };
  };
}
interface Template {
  AWSTemplateFormatVersion: string;
  Parameters: Record<string, { Type: string; Default?: string; AllowedPattern?: string }>;
  Resources: Record<string, Resource>;
  Outputs: Record<string, unknown>;
}

const ALL_ACTIONS = requiredActions(CHECKS, COLLECTORS);
const grantedActions = (template: Template): string[] =>
  Object.values(template.Resources)
    .flatMap((r) => [
      ...(r.Properties.Policies ?? []).map((p) => p.PolicyDocument),
      ...(r.Properties.PolicyDocument ? [r.Properties.PolicyDocument] : []),
    ])
    .flatMap((d) => d.Statement.flatMap((s) => s.Action));

describe('Function: memberRoleTemplate', () => {
  it('grants exactly the actions of the whole catalogue in one inline policy and trusts only the scanner with the external id', () => {
    // Act
    const template = memberRoleTemplate({
      actions: ALL_ACTIONS,
      scannerPrincipal: 'arn:aws:iam::999999999999:role/srm-scan-scanner',
      externalId: 'srm-scan-7f3a',
    }) as unknown as Template;

    // Assess
    expect(template.AWSTemplateFormatVersion).toBe('2010-09-09');
    expect(Object.keys(template.Resources)).toEqual(['SrmScanReaderRole']);
    const role = template.Resources.SrmScanReaderRole as Resource;
    expect(role.Type).toBe('AWS::IAM::Role');
    expect(role.Properties.RoleName).toEqual({ Ref: 'RoleName' });
    expect(role.Properties.AssumeRolePolicyDocument?.Statement).toEqual([
      {
        Sid: 'SrmScanner',
        Effect: 'Allow',
        Principal: { AWS: { Ref: 'ScannerPrincipalArn' } },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': { Ref: 'ExternalId' } } },
      },
    ]);
    expect(grantedActions(template)).toEqual(ALL_ACTIONS);
    expect(JSON.stringify(role.Properties.Policies).length).toBeLessThanOrEqual(INLINE_POLICY_LIMIT);
    expect(role.Properties.Policies?.[0]?.PolicyDocument.Statement.every((s) => s.Resource === '*')).toBe(true);
    expect(
      grantedActions(template).every((a) =>
        /^[a-z0-9-]+:(Describe|Get|List|BatchGet|Search|Lookup|GenerateCredentialReport|GET$)/.test(a),
      ),
    ).toBe(true);
  });

  it('is StackSet-ready: scanner principal, external id and role name are parameters with the given defaults', () => {
    // Act
    const template = memberRoleTemplate({
      actions: ['s3:ListAllMyBuckets'],
      roleName: 'AuditReader',
      scannerPrincipal: 'arn:aws:iam::999999999999:role/scanner',
    }) as unknown as Template;

    // Assess
    expect(Object.keys(template.Parameters).sort()).toEqual(['ExternalId', 'RoleName', 'ScannerPrincipalArn']);
    expect(template.Parameters.RoleName?.Default).toBe('AuditReader');
    expect(template.Parameters.ScannerPrincipalArn?.Default).toBe('arn:aws:iam::999999999999:role/scanner');
    expect(template.Parameters.ExternalId?.Default).toBeUndefined();
    expect(JSON.stringify(template)).not.toMatch(/\b(?!999999999999)\d{12}\b/);
    expect(template.Outputs).toHaveProperty('RoleArn');
  });

  it('grants exactly the actions of a selection', () => {
    // Prepare
    const s3 = requiredActions(selectChecks(CHECKS, { services: ['s3'] }), COLLECTORS);

    // Act
    const template = memberRoleTemplate({ actions: s3 }) as unknown as Template;

    // Assess
    expect(grantedActions(template)).toEqual(s3);
    expect(grantedActions(template)).not.toContain('ec2:DescribeVolumes');
  });

  it('splits permissions above the inline limit into managed policies within their size limit', () => {
    // Prepare
    const actions = Array.from({ length: 600 }, (_, i) => `service${i % 7}:DescribeSomethingNumber${i}`);

    // Act
    const template = memberRoleTemplate({ actions }) as unknown as Template;

    // Assess
    const role = template.Resources.SrmScanReaderRole as Resource;
    expect(role.Properties.Policies).toBeUndefined();
    const managed = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::IAM::ManagedPolicy');
    expect(managed.length).toBeGreaterThan(1);
    expect(role.Properties.ManagedPolicyArns).toEqual(managed.map(([id]) => ({ Ref: id })));
    for (const [, policy] of managed) {
      expect(JSON.stringify(policy.Properties.PolicyDocument).length).toBeLessThanOrEqual(MANAGED_POLICY_LIMIT);
    }
    expect(grantedActions(template)).toEqual(actions);
  });

  it('refuses a scanner principal that is not a role or account ARN', () => {
    // Act
    const attempt = () => memberRoleTemplate({ actions: ['s3:ListAllMyBuckets'], scannerPrincipal: '999999999999' });

    // Assess
    expect(attempt).toThrow(ConfigurationError);
  });
});
