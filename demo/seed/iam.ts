import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateLoginProfileCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  IAMClient,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { inlinePolicyArn } from '../../lambdas/core/checks/iam/admin-access.js';
import type { ExpectedFailure, Seeder } from './types.js';

/**
 * IAM of "Harbor": a small team with an admin group, developers, CI users, a few
 * workload roles and two GitHub Actions deployment roles. IAM is global, so everything is created
 * once through us-east-1.
 *
 * What the demo can and cannot show (moto 5.2):
 * - Root: moto has one root with no MFA and no keys and no `<root_account>` report row, so
 *   iam-root-mfa-enabled and iam-root-hardware-mfa-enabled FAIL, iam-root-no-access-keys PASSes and
 *   iam-root-not-used-recently is ERROR. The other root verdicts are covered by unit tests.
 * - Access keys are created "now" and cannot be backdated, so iam-user-access-keys-rotated and
 *   iam-user-unused-credentials-disabled only PASS here; their FAIL cases are unit-tested.
 * - The account has no password policy at all, the most common real-world state: IAM answers
 *   GetAccountPasswordPolicy with NoSuchEntity, which must read as "no policy" (a FAIL), never as a
 *   collection error. Weak and compliant policies are unit-tested.
 * - moto only knows AWS managed policies when started with MOTO_IAM_LOAD_MANAGED_POLICIES, so the
 *   admin roles use a customer managed `*` on `*` policy; AdministratorAccess is unit-tested.
 */
export const seedIam: Seeder = async ({ accountId, clients }) => {
  const iam = clients.get(IAMClient, 'us-east-1');
  const arn = (resource: string) => `arn:aws:iam::${accountId}:${resource}`;
  const json = (document: object) => JSON.stringify({ Version: '2012-10-17', ...document });
  const trust = (statement: object) => json({ Statement: [{ Effect: 'Allow', ...statement }] });

  const policyArn = async (name: string, statement: object[]) =>
    (await iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: json({ Statement: statement }) })))
      .Policy?.Arn ?? arn(`policy/${name}`);

  const administrator = await policyArn('HarborAdministrator', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
  const opsBroad = await policyArn('OpsBroadAccess', [
    { Sid: 'EverythingButIdentity', Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' },
  ]);
  const developers = await policyArn('DevelopersReadDeploy', [
    { Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: ['arn:aws:s3:::harbor-*'] },
    {
      Effect: 'Allow',
      Action: ['lambda:UpdateFunctionCode', 'lambda:GetFunction'],
      Resource: `arn:aws:lambda:*:${accountId}:function:harbor-*`,
    },
  ]);
  const requireMfa = await policyArn('DenyWithoutMfa', [
    {
      Effect: 'Deny',
      NotAction: ['iam:ChangePassword', 'iam:CreateVirtualMFADevice', 'iam:EnableMFADevice', 'sts:GetSessionToken'],
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    },
  ]);
  const deployArtifacts = await policyArn('DeployArtifacts', [
    { Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::harbor-artifacts/*' },
  ]);
  const sandboxBoundary = await policyArn('SandboxBoundary', [
    { Effect: 'Allow', Action: ['s3:*Object', 'dynamodb:*Item'], Resource: '*' },
  ]);

  // Groups: Admins grant * on *, Developers a scoped policy plus an MFA guard (Deny with NotAction).
  await iam.send(new CreateGroupCommand({ GroupName: 'Admins' }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'Admins', PolicyArn: administrator }));
  await iam.send(new CreateGroupCommand({ GroupName: 'Developers' }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'Developers', PolicyArn: developers }));
  await iam.send(new AttachGroupPolicyCommand({ GroupName: 'Developers', PolicyArn: requireMfa }));
  await iam.send(
    new PutGroupPolicyCommand({
      GroupName: 'Developers',
      PolicyName: 'ReadBuildLogs',
      PolicyDocument: json({
        Statement: [
          {
            Effect: 'Allow',
            Action: 'logs:GetLogEvents',
            Resource: `arn:aws:logs:*:${accountId}:log-group:/harbor/*`,
          },
        ],
      }),
    }),
  );

  const user = async (name: string, groups: string[] = [], password?: string) => {
    await iam.send(new CreateUserCommand({ UserName: name, Tags: [{ Key: 'company', Value: 'harbor' }] }));
    for (const group of groups) await iam.send(new AddUserToGroupCommand({ GroupName: group, UserName: name }));
    if (password) await iam.send(new CreateLoginProfileCommand({ UserName: name, Password: password }));
  };

  // maria.chen: console + MFA, permissions from Developers. tom.baker: console without MFA, an admin via Admins.
  await user('maria.chen', ['Developers'], 'Correct-Horse-Battery-9');
  const device = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'maria.chen-phone' }));
  await iam.send(
    new EnableMFADeviceCommand({
      UserName: 'maria.chen',
      SerialNumber: device.VirtualMFADevice?.SerialNumber ?? arn('mfa/maria.chen-phone'),
      AuthenticationCode1: '123456',
      AuthenticationCode2: '654321',
    }),
  );
  await user('tom.baker', ['Admins'], 'Summer2026!');

  // ci-deployer: two active keys (a rotation never finished) and a policy attached directly.
  await user('ci-deployer');
  await iam.send(new CreateAccessKeyCommand({ UserName: 'ci-deployer' }));
  await iam.send(new CreateAccessKeyCommand({ UserName: 'ci-deployer' }));
  await iam.send(new AttachUserPolicyCommand({ UserName: 'ci-deployer', PolicyArn: deployArtifacts }));

  // reporting-bot: one fresh key, permissions from a group. legacy-etl: an inline s3:* policy.
  await user('reporting-bot', ['Developers']);
  await iam.send(new CreateAccessKeyCommand({ UserName: 'reporting-bot' }));
  await user('legacy-etl');
  await iam.send(new CreateAccessKeyCommand({ UserName: 'legacy-etl' }));
  await iam.send(
    new PutUserPolicyCommand({
      UserName: 'legacy-etl',
      PolicyName: 'EtlS3Access',
      PolicyDocument: json({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }),
    }),
  );

  const role = async (name: string, trustPolicy: string, options: { boundary?: string } = {}) => {
    await iam.send(
      new CreateRoleCommand({
        RoleName: name,
        AssumeRolePolicyDocument: trustPolicy,
        ...(options.boundary && { PermissionsBoundary: options.boundary }),
      }),
    );
  };
  const ownAccount = trust({ Principal: { AWS: arn('root') }, Action: 'sts:AssumeRole' });

  await role('platform-admin', ownAccount);
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'platform-admin', PolicyArn: administrator }));
  await role('ops-poweruser', ownAccount);
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'ops-poweruser', PolicyArn: opsBroad }));
  await role('sandbox-builder', ownAccount, { boundary: sandboxBoundary });
  await iam.send(new AttachRolePolicyCommand({ RoleName: 'sandbox-builder', PolicyArn: administrator }));

  await role(
    'shipment-tracker',
    trust({ Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }),
  );
  await iam.send(
    new PutRolePolicyCommand({
      RoleName: 'shipment-tracker',
      PolicyName: 'TrackingTable',
      PolicyDocument: json({
        Statement: [
          {
            Effect: 'Allow',
            Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
            Resource: `arn:aws:dynamodb:*:${accountId}:table/harbor-shipments`,
          },
        ],
      }),
    }),
  );

  await role('partner-data-exchange', trust({ Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }));
  await role(
    'org-audit-reader',
    trust({
      Principal: { AWS: '*' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-h4rb0rx9k2' } },
    }),
  );

  const github =
    (
      await iam.send(
        new CreateOpenIDConnectProviderCommand({
          Url: 'https://token.actions.githubusercontent.com',
          ClientIDList: ['sts.amazonaws.com'],
          ThumbprintList: ['6938fd4d98bab03faadb97b34396831e3780aea1'],
        }),
      )
    ).OpenIDConnectProviderArn ?? arn('oidc-provider/token.actions.githubusercontent.com');
  const githubTrust = (condition: object) =>
    trust({ Principal: { Federated: github }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition });
  await role(
    'github-deploy-legacy',
    githubTrust({ StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }),
  );
  await role(
    'github-deploy-web',
    githubTrust({
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: {
        'token.actions.githubusercontent.com:sub': 'repo:harbor-logistics/web-app:ref:refs/heads/main',
      },
    }),
  );

  // AWS-managed: excluded from the role checks.
  await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'elasticbeanstalk.amazonaws.com' }));

  const root = arn('root');
  const expected: [string, string][] = [
    ['iam-root-mfa-enabled', root],
    ['iam-root-hardware-mfa-enabled', root],
    ['iam-password-policy-strong', root],
    ['iam-user-console-mfa-enabled', arn('user/tom.baker')],
    ['iam-user-single-active-access-key', arn('user/ci-deployer')],
    ['iam-user-no-direct-policies', arn('user/ci-deployer')],
    ['iam-user-no-direct-policies', arn('user/legacy-etl')],
    ['iam-policy-no-full-admin', administrator],
    ['iam-policy-no-full-admin', opsBroad],
    ['iam-policy-no-full-admin', inlinePolicyArn({ arn: arn('user/legacy-etl') }, { name: 'EtlS3Access' })],
    ['iam-principal-no-full-admin', arn('group/Admins')],
    ['iam-principal-no-full-admin', arn('user/tom.baker')],
    ['iam-principal-no-full-admin', arn('role/platform-admin')],
    ['iam-role-trust-not-public', arn('role/partner-data-exchange')],
    ['iam-role-trust-not-public', arn('role/github-deploy-legacy')],
  ];
  return expected.map(([checkId, resourceArn]): ExpectedFailure => ({ checkId, resourceArn }));
};
