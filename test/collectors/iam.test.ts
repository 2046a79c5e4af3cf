import {
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  type GetAccountAuthorizationDetailsCommandInput,
  type GetAccountAuthorizationDetailsCommandOutput,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListVirtualMFADevicesCommand,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialReportTimeoutError, createIamCollectors } from '../../lambdas/core/collectors/iam.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const iamMock = mockClient(IAMClient);
const sleeps: number[] = [];
const collectors = createIamCollectors({
  sleep: async (ms) => {
    sleeps.push(ms);
  },
  pollDelaysMs: [10, 20, 40],
});

const accessDenied = () =>
  awsError('query', 'AccessDenied', { message: 'User is not authorized to perform this action', status: 403 });

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const ROOT_ROW =
  '<root_account>,arn:aws:iam::123456789012:root,2019-01-10T09:00:00+00:00,not_supported,2026-11-01T08:30:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';
const ALICE_ROW =
  'alice,arn:aws:iam::123456789012:user/alice,2024-03-01T10:00:00+00:00,true,no_information,2024-03-01T10:05:00+00:00,N/A,false,true,2024-03-01T10:06:00+00:00,2026-11-19T07:00:00+00:00,eu-west-1,s3,false,2023-01-01T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A';
const BOT_ROW =
  'ci-bot,arn:aws:iam::123456789012:user/ci/ci-bot,2025-06-01T00:00:00+00:00,false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A';

const report = (...rows: string[]) => ({
  Content: new TextEncoder().encode(`${[HEADER, ...rows].join('\n')}\n`),
  ReportFormat: 'text/csv' as const,
  GeneratedTime: new Date('2026-11-20T11:00:00Z'),
});

const encode = (document: object) => encodeURIComponent(JSON.stringify(document));
const ADMIN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
const TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};

type Page = Partial<GetAccountAuthorizationDetailsCommandOutput>;

/** Serves GetAccountAuthorizationDetails by filter, page by page through Marker. */
function serveAuthorizationDetails(pagesByFilter: Record<string, Page[]>) {
  iamMock.on(GetAccountAuthorizationDetailsCommand).callsFake((input: GetAccountAuthorizationDetailsCommandInput) => {
    const filter = input.Filter?.[0] ?? '';
    const pages = pagesByFilter[filter] ?? [{}];
    const index = input.Marker ? Number(input.Marker) : 0;
    const page = pages[index] ?? {};
    const more = index + 1 < pages.length;
    return { ...page, IsTruncated: more, ...(more && { Marker: String(index + 1) }) };
  });
}

describe('Collector: iam', () => {
  beforeEach(() => {
    iamMock.reset();
    sleeps.length = 0;
  });
  afterEach(() => iamMock.reset());

  describe('iam.credentialReport', () => {
    it('polls GenerateCredentialReport with backoff until COMPLETE, then parses the CSV', async () => {
      // Prepare
      iamMock
        .on(GenerateCredentialReportCommand)
        .resolvesOnce({ State: 'STARTED' })
        .resolvesOnce({ State: 'INPROGRESS' })
        .resolves({ State: 'COMPLETE' });
      iamMock.on(GetCredentialReportCommand).resolves(report(ROOT_ROW, ALICE_ROW, BOT_ROW));

      // Act
      const { value, issues } = await runCollector(collectors['iam.credentialReport']);

      // Assess
      expect(iamMock).toHaveReceivedCommandTimes(GenerateCredentialReportCommand, 3);
      expect(sleeps).toEqual([10, 20]);
      expect(issues).toEqual([]);
      expect(value.generatedAt).toEqual(new Date('2026-11-20T11:00:00Z'));
      expect(value.root).toEqual({
        arn: 'arn:aws:iam::123456789012:root',
        id: '123456789012',
        region: 'global',
        accountId: '123456789012',
        user: '<root_account>',
        createdAt: new Date('2019-01-10T09:00:00Z'),
        passwordLastUsed: new Date('2026-11-01T08:30:00Z'),
        mfaActive: true,
        accessKeys: [],
      });
      expect(value.users).toEqual([
        {
          arn: 'arn:aws:iam::123456789012:user/alice',
          id: 'alice',
          region: 'global',
          accountId: '123456789012',
          user: 'alice',
          createdAt: new Date('2024-03-01T10:00:00Z'),
          passwordEnabled: true,
          passwordLastChanged: new Date('2024-03-01T10:05:00Z'),
          mfaActive: false,
          accessKeys: [
            {
              slot: 1,
              active: true,
              lastRotated: new Date('2024-03-01T10:06:00Z'),
              lastUsed: new Date('2026-11-19T07:00:00Z'),
            },
            { slot: 2, active: false, lastRotated: new Date('2023-01-01T00:00:00Z') },
          ],
        },
        expect.objectContaining({ user: 'ci-bot', passwordEnabled: false, accessKeys: [] }),
      ]);
    });

    it('leaves root undefined, without an issue, when the report has no root row', async () => {
      // Prepare
      iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'COMPLETE' });
      iamMock.on(GetCredentialReportCommand).resolves(report(ALICE_ROW));

      // Act
      const { value, issues } = await runCollector(collectors['iam.credentialReport']);

      // Assess
      expect(value.root).toBeUndefined();
      expect(value.users).toHaveLength(1);
      expect(issues).toEqual([]);
    });

    it('gives up with a clear error when the report never completes', async () => {
      // Prepare
      iamMock.on(GenerateCredentialReportCommand).resolves({ State: 'INPROGRESS' });

      // Act
      const collecting = runCollector(collectors['iam.credentialReport']);

      // Assess
      await expect(collecting).rejects.toBeInstanceOf(CredentialReportTimeoutError);
      expect(sleeps).toEqual([10, 20, 40]);
      expect(iamMock).toHaveReceivedCommandTimes(GetCredentialReportCommand, 0);
    });

    it('throws on AccessDenied so the engine records an issue for the account', async () => {
      // Prepare
      iamMock.on(GenerateCredentialReportCommand).rejects(accessDenied());

      // Act
      const collecting = runCollector(collectors['iam.credentialReport']);

      // Assess
      await expect(collecting).rejects.toMatchObject({ name: 'AccessDenied' });
    });
  });

  describe('iam.authorizationDetails', () => {
    it('runs every filter in its own paginated chain of 1000 items and normalises AWS shapes', async () => {
      // Prepare
      serveAuthorizationDetails({
        User: [
          {
            UserDetailList: [
              {
                UserName: 'alice',
                UserId: 'AIDAALICE',
                Arn: 'arn:aws:iam::123456789012:user/alice',
                Path: '/',
                CreateDate: new Date('2024-03-01T10:00:00Z'),
                GroupList: ['Admins'],
                UserPolicyList: [{ PolicyName: 'Inline', PolicyDocument: encode(ADMIN) }],
                AttachedManagedPolicies: [
                  { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
                ],
                Tags: [{ Key: 'team', Value: 'data' }],
              },
            ],
          },
          {
            UserDetailList: [{ UserName: 'bob', Arn: 'arn:aws:iam::123456789012:user/bob', Path: '/', GroupList: [] }],
          },
        ],
        Role: [
          {
            RoleDetailList: [
              {
                RoleName: 'app',
                Arn: 'arn:aws:iam::123456789012:role/app',
                Path: '/',
                AssumeRolePolicyDocument: encode(TRUST),
                PermissionsBoundary: {
                  PermissionsBoundaryType: 'PermissionsBoundaryPolicy',
                  PermissionsBoundaryArn: 'arn:aws:iam::123456789012:policy/Boundary',
                },
              },
              {
                RoleName: 'AWSServiceRoleForSupport',
                Arn: 'arn:aws:iam::123456789012:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport',
                Path: '/aws-service-role/support.amazonaws.com/',
                AssumeRolePolicyDocument: encode(TRUST),
              },
            ],
          },
        ],
        Group: [{ GroupDetailList: [{ GroupName: 'Admins', Arn: 'arn:aws:iam::123456789012:group/Admins' }] }],
        LocalManagedPolicy: [
          {
            Policies: [
              {
                PolicyName: 'Boundary',
                Arn: 'arn:aws:iam::123456789012:policy/Boundary',
                AttachmentCount: 0,
                DefaultVersionId: 'v2',
                PolicyVersionList: [
                  { VersionId: 'v1', IsDefaultVersion: false, Document: encode(ADMIN) },
                  { VersionId: 'v2', IsDefaultVersion: true, Document: encode(TRUST) },
                ],
              },
            ],
          },
        ],
        AWSManagedPolicy: [
          {
            Policies: [
              {
                PolicyName: 'AdministratorAccess',
                Arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
                AttachmentCount: 1,
                DefaultVersionId: 'v1',
                PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: encode(ADMIN) }],
              },
            ],
          },
        ],
      });

      // Act
      const { value, issues } = await runCollector(collectors['iam.authorizationDetails']);

      // Assess
      expect(issues).toEqual([]);
      for (const filter of ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const) {
        expect(iamMock).toHaveReceivedCommandWith(GetAccountAuthorizationDetailsCommand, {
          Filter: [filter],
          MaxItems: 1000,
        });
      }
      expect(iamMock).toHaveReceivedCommandWith(GetAccountAuthorizationDetailsCommand, {
        Filter: ['User'],
        Marker: '1',
      });
      expect(value.users.map((u) => u.name)).toEqual(['alice', 'bob']);
      expect(value.users[0]).toEqual({
        arn: 'arn:aws:iam::123456789012:user/alice',
        id: 'alice',
        region: 'global',
        accountId: '123456789012',
        name: 'alice',
        path: '/',
        tags: { team: 'data' },
        createdAt: new Date('2024-03-01T10:00:00Z'),
        groupNames: ['Admins'],
        attachedPolicies: [{ arn: 'arn:aws:iam::aws:policy/AdministratorAccess', name: 'AdministratorAccess' }],
        inlinePolicies: [
          {
            name: 'Inline',
            document: { version: '2012-10-17', statements: [{ effect: 'Allow', action: ['*'], resource: ['*'] }] },
          },
        ],
      });
      expect(value.roles.map((r) => [r.name, r.serviceLinked, r.permissionsBoundaryArn])).toEqual([
        ['app', false, 'arn:aws:iam::123456789012:policy/Boundary'],
        ['AWSServiceRoleForSupport', true, undefined],
      ]);
      expect(value.roles[0]?.trustPolicy.statements[0]?.principal).toEqual({ Service: ['lambda.amazonaws.com'] });
      expect(value.groups).toEqual([
        expect.objectContaining({ name: 'Admins', attachedPolicies: [], inlinePolicies: [] }),
      ]);
      expect(value.policies).toEqual([
        expect.objectContaining({
          name: 'Boundary',
          awsManaged: false,
          attachmentCount: 0,
          document: expect.objectContaining({ statements: [expect.objectContaining({ action: ['sts:AssumeRole'] })] }),
        }),
        expect.objectContaining({ name: 'AdministratorAccess', awsManaged: true }),
      ]);
    });

    it('accepts moto’s shapes: a plain-JSON trust policy and policies without PolicyName', async () => {
      // Prepare
      serveAuthorizationDetails({
        Role: [
          {
            RoleDetailList: [
              {
                RoleName: 'r',
                Arn: 'arn:aws:iam::123456789012:role/r',
                Path: '/',
                AssumeRolePolicyDocument: JSON.stringify(TRUST),
              },
            ],
          },
        ],
        LocalManagedPolicy: [
          {
            Policies: [
              {
                Arn: 'arn:aws:iam::123456789012:policy/team/DataAccess',
                Path: '/team/',
                DefaultVersionId: 'v1',
                PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: encode(ADMIN) }],
              },
            ],
          },
        ],
      });

      // Act
      const { value } = await runCollector(collectors['iam.authorizationDetails']);

      // Assess
      expect(value.roles[0]?.trustPolicy.statements).toHaveLength(1);
      expect(value.policies[0]).toMatchObject({ name: 'DataAccess', id: 'DataAccess', path: '/team/' });
    });

    it('leaves out an identity whose document cannot be parsed and records an issue for it', async () => {
      // Prepare
      serveAuthorizationDetails({
        User: [
          {
            UserDetailList: [
              {
                UserName: 'broken',
                Arn: 'arn:aws:iam::123456789012:user/broken',
                UserPolicyList: [{ PolicyName: 'Bad', PolicyDocument: '%7Bnot-json' }],
              },
              { UserName: 'fine', Arn: 'arn:aws:iam::123456789012:user/fine' },
            ],
          },
        ],
      });

      // Act
      const { value, issues } = await runCollector(collectors['iam.authorizationDetails']);

      // Assess
      expect(value.users.map((u) => u.name)).toEqual(['fine']);
      expect(issues).toEqual([
        expect.objectContaining({
          resourceArn: 'arn:aws:iam::123456789012:user/broken',
          region: 'global',
          errorCode: 'PolicyDocumentError',
        }),
      ]);
    });

    it('throws when a listing is denied', async () => {
      // Prepare
      iamMock.on(GetAccountAuthorizationDetailsCommand).rejects(accessDenied());

      // Act
      const collecting = runCollector(collectors['iam.authorizationDetails']);

      // Assess
      await expect(collecting).rejects.toMatchObject({ name: 'AccessDenied' });
    });
  });

  describe('iam.passwordPolicy', () => {
    it('normalises the password policy', async () => {
      // Prepare
      iamMock.on(GetAccountPasswordPolicyCommand).resolves({
        PasswordPolicy: {
          MinimumPasswordLength: 8,
          RequireNumbers: true,
          RequireSymbols: false,
          RequireUppercaseCharacters: true,
          RequireLowercaseCharacters: true,
          AllowUsersToChangePassword: true,
          ExpirePasswords: false,
        },
      });

      // Act
      const { value } = await runCollector(collectors['iam.passwordPolicy']);

      // Assess
      expect(value).toEqual({
        minimumLength: 8,
        requireUppercase: true,
        requireLowercase: true,
        requireNumbers: true,
        requireSymbols: false,
        allowUsersToChangePassword: true,
        hardExpiry: false,
      });
    });

    it('returns null when the account has no password policy (NoSuchEntity as IAM sends it)', async () => {
      // Prepare: the deserializer names the error NoSuchEntityException and keeps the wire Code NoSuchEntity.
      iamMock.on(GetAccountPasswordPolicyCommand).rejects(
        awsError('query', 'NoSuchEntityException', {
          message: 'The Password Policy with domain name 123456789012 cannot be found.',
          status: 404,
        }),
      );

      // Act
      const { value } = await runCollector(collectors['iam.passwordPolicy']);

      // Assess
      expect(value).toBeNull();
    });

    it('throws on AccessDenied instead of pretending there is no policy', async () => {
      // Prepare
      iamMock.on(GetAccountPasswordPolicyCommand).rejects(accessDenied());

      // Act
      const collecting = runCollector(collectors['iam.passwordPolicy']);

      // Assess
      await expect(collecting).rejects.toMatchObject({ name: 'AccessDenied' });
    });
  });

  describe('iam.accountSummary', () => {
    it('reads root MFA and root access keys from the summary map', async () => {
      // Prepare
      iamMock
        .on(GetAccountSummaryCommand)
        .resolves({ SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 4 } });

      // Act
      const { value } = await runCollector(collectors['iam.accountSummary']);

      // Assess
      expect(value).toEqual({
        accountMfaEnabled: true,
        accountAccessKeysPresent: false,
        raw: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 4 },
      });
    });
  });

  describe('iam.virtualMfaDevices', () => {
    it('lists assigned devices over several pages and keeps no seed material', async () => {
      // Prepare
      iamMock
        .on(ListVirtualMFADevicesCommand, { AssignmentStatus: 'Assigned', MaxItems: 1000, Marker: undefined })
        .resolves({
          VirtualMFADevices: [
            {
              SerialNumber: 'arn:aws:iam::123456789012:mfa/root-account-mfa-device',
              User: {
                Arn: 'arn:aws:iam::123456789012:root',
                UserName: '',
                UserId: '',
                Path: '',
                CreateDate: new Date(),
              },
              EnableDate: new Date('2025-01-01T00:00:00Z'),
              Base32StringSeed: new TextEncoder().encode('SECRET'),
            },
          ],
          IsTruncated: true,
          Marker: 'page-2',
        })
        .on(ListVirtualMFADevicesCommand, { Marker: 'page-2' })
        .resolves({
          VirtualMFADevices: [{ SerialNumber: 'arn:aws:iam::123456789012:mfa/alice' }],
          IsTruncated: false,
        });

      // Act
      const { value } = await runCollector(collectors['iam.virtualMfaDevices']);

      // Assess
      expect(iamMock).toHaveReceivedCommandTimes(ListVirtualMFADevicesCommand, 2);
      expect(value).toEqual([
        {
          serialNumber: 'arn:aws:iam::123456789012:mfa/root-account-mfa-device',
          userArn: 'arn:aws:iam::123456789012:root',
          enabledAt: new Date('2025-01-01T00:00:00Z'),
        },
        { serialNumber: 'arn:aws:iam::123456789012:mfa/alice' },
      ]);
    });
  });

  it('declares exactly the IAM actions each slice calls', () => {
    // Prepare / Act
    const actions = Object.fromEntries(Object.values(collectors).map((c) => [c.key, c.actions]));

    // Assess
    expect(actions).toEqual({
      'iam.credentialReport': ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
      'iam.authorizationDetails': ['iam:GetAccountAuthorizationDetails'],
      'iam.passwordPolicy': ['iam:GetAccountPasswordPolicy'],
      'iam.accountSummary': ['iam:GetAccountSummary'],
      'iam.virtualMfaDevices': ['iam:ListVirtualMFADevices'],
    });
  });
});
