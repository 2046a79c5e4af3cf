import { GetRoleCommand, GetRolePolicyCommand, IAMClient } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '../../demo/moto.js';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { COLLECTORS } from '../../lambdas/core/collectors/index.js';
import { requiredActions } from '../../lambdas/core/engine/permissions.js';
import { runCli } from '../helpers/cli.js';

/** CloudFormation's CreateStack as a query-protocol form (the project has no CloudFormation client). */
async function createStack(endpoint: string, name: string, templateBody: string, parameters: Record<string, string>) {
  const form = new URLSearchParams({
    Action: 'CreateStack',
    Version: '2010-05-15',
    StackName: name,
    TemplateBody: templateBody,
    'Capabilities.member.1': 'CAPABILITY_NAMED_IAM',
  });
  Object.entries(parameters).forEach(([key, value], i) => {
    form.set(`Parameters.member.${i + 1}.ParameterKey`, key);
    form.set(`Parameters.member.${i + 1}.ParameterValue`, value);
  });
  const response = await fetch(`${endpoint}/`, {
    method: 'POST',
    body: form,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization:
        'AWS4-HMAC-SHA256 Credential=testing/20261125/us-east-1/cloudformation/aws4_request, SignedHeaders=host, Signature=0',
    },
  });
  return { status: response.status, body: await response.text() };
}

/**
 * The template `srm-scan member-role-template` prints, deployed with CloudFormation on moto as a StackSet instance
 * would deploy it in a member account: the role exists, trusts only the scanner with the external id and grants the
 * catalogue's read actions.
 */
describe('Integration: the member-role template deploys with CloudFormation', () => {
  let moto: MotoServer;

  beforeAll(async () => {
    moto = await startMoto();
  }, 60_000);

  afterAll(async () => {
    await moto?.stop();
  });

  it('creates the role with the scanner trust, the external id condition and every required action', async () => {
    // Prepare
    const printed = await runCli(['member-role-template', '--role-name', 'AuditReader']);
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint });

    // Act
    const stack = await createStack(moto.endpoint, 'srm-scan-member', printed.stdout, {
      ScannerPrincipalArn: 'arn:aws:iam::999999999999:role/srm-scan-scanner',
      ExternalId: 'srm-scan-7f3a',
    });

    // Assess
    expect(printed.code).toBe(0);
    expect(stack.status, stack.body).toBe(200);
    const role = await iam.send(new GetRoleCommand({ RoleName: 'AuditReader' }));
    expect(JSON.parse(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '{}'))).toMatchObject({
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::999999999999:role/srm-scan-scanner' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'srm-scan-7f3a' } },
        },
      ],
    });
    // moto returns the inline document as Python's repr, not JSON: look for each action's quoted name.
    const policy = await iam.send(new GetRolePolicyCommand({ RoleName: 'AuditReader', PolicyName: 'SrmScanReadOnly' }));
    const text = decodeURIComponent(policy.PolicyDocument ?? '');
    const missing = requiredActions(CHECKS, COLLECTORS).filter(
      (action) => !text.includes(`'${action}'`) && !text.includes(`"${action}"`),
    );
    expect(missing).toEqual([]);
    iam.destroy();
  });
});
