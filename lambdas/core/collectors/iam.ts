import {
  type AttachedPolicy as AwsAttachedPolicy,
  GenerateCredentialReportCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  IAMClient,
  type ManagedPolicyDetail,
  type PolicyDetail,
  paginateGetAccountAuthorizationDetails,
  paginateListVirtualMFADevices,
  type Tag,
} from '@aws-sdk/client-iam';
import { parse } from 'csv-parse/sync';
import { sleep as defaultSleep } from '../aws/backoff.js';
import { isAwsError } from '../aws/clients.js';
import {
  type AccessKeyState,
  type AttachedPolicy,
  type AuthorizationDetails,
  type CredentialReportEntry,
  GLOBAL_REGION,
  type IamGroup,
  type IamManagedPolicy,
  type IamRole,
  type IamUser,
  type InlinePolicy,
  type PasswordPolicy,
} from '../inventory/index.js';
import { SrmScanError } from '../model/errors.js';
import { parsePolicyDocument } from '../policy/index.js';
import { tagRecord } from './shapes.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** AWS did not finish the credential report within the polling budget. Messages carry no final period: the engine adds one. */
export class CredentialReportTimeoutError extends SrmScanError {}

/** A policy document of one identity could not be parsed; that identity is left out. */
export class PolicyDocumentError extends SrmScanError {}

export interface IamCollectorOptions {
  /** Waits between GenerateCredentialReport polls; injectable so tests do not sleep. */
  sleep?: (ms: number) => Promise<void>;
  /** Delays before each re-poll; the report counts as not ready once they are used up. */
  pollDelaysMs?: readonly number[];
}

/** About 60 s in all: a short backoff first (small accounts finish within seconds), then every 5 s. */
export const DEFAULT_REPORT_POLL_DELAYS_MS: readonly number[] = [
  250, 500, 1000, 2000, 4000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000,
];

type IamSlice =
  | 'iam.credentialReport'
  | 'iam.authorizationDetails'
  | 'iam.passwordPolicy'
  | 'iam.accountSummary'
  | 'iam.virtualMfaDevices';

const iamClient = (context: CollectContext) => context.clients.get(IAMClient, context.region);

/** Credential report cells that mean "no value": no password/key, never used, or not applicable to the row. */
const EMPTY_CELLS = new Set(['', 'n/a', 'no_information', 'not_supported']);

const reportDate = (cell: string | undefined): Date | undefined => {
  if (cell === undefined || EMPTY_CELLS.has(cell.trim().toLowerCase())) return undefined;
  const date = new Date(cell);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

const reportBool = (cell: string | undefined): boolean | undefined => {
  const value = cell?.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
};

function accessKeys(row: Record<string, string>): AccessKeyState[] {
  const keys: AccessKeyState[] = [];
  for (const slot of [1, 2] as const) {
    const active = reportBool(row[`access_key_${slot}_active`]) ?? false;
    const lastRotated = reportDate(row[`access_key_${slot}_last_rotated`]);
    // An inactive slot without a rotation date holds no key.
    if (!active && !lastRotated) continue;
    const lastUsed = reportDate(row[`access_key_${slot}_last_used_date`]);
    keys.push({ slot, active, ...(lastRotated && { lastRotated }), ...(lastUsed && { lastUsed }) });
  }
  return keys;
}

const ROOT_ROW = '<root_account>';

function reportEntry(row: Record<string, string>, accountId: string): CredentialReportEntry {
  const user = row.user ?? '';
  const createdAt = reportDate(row.user_creation_time);
  const passwordEnabled = reportBool(row.password_enabled);
  const passwordLastUsed = reportDate(row.password_last_used);
  const passwordLastChanged = reportDate(row.password_last_changed);
  return {
    arn: row.arn ?? '',
    // Users are identified by name everywhere in the IAM inventory; the root row by the account.
    id: user === ROOT_ROW ? accountId : user,
    region: GLOBAL_REGION,
    accountId,
    user,
    ...(createdAt && { createdAt }),
    ...(passwordEnabled !== undefined && { passwordEnabled }),
    ...(passwordLastUsed && { passwordLastUsed }),
    ...(passwordLastChanged && { passwordLastChanged }),
    mfaActive: reportBool(row.mfa_active) ?? false,
    accessKeys: accessKeys(row),
  };
}

const tagMap = (tags: readonly Tag[] | undefined): Record<string, string> | undefined =>
  tags && tags.length > 0 ? tagRecord(tags) : undefined;

const attached = (policies: readonly AwsAttachedPolicy[] | undefined): AttachedPolicy[] =>
  (policies ?? []).map((p) => ({ arn: p.PolicyArn ?? '', name: p.PolicyName ?? nameFromArn(p.PolicyArn ?? '') }));

const nameFromArn = (arn: string): string => arn.slice(arn.lastIndexOf('/') + 1);

function inline(owner: string, policies: readonly PolicyDetail[] | undefined): InlinePolicy[] {
  return (policies ?? []).map((p) => {
    const name = p.PolicyName ?? '';
    try {
      return { name, document: parsePolicyDocument(p.PolicyDocument ?? '{}') };
    } catch (error) {
      throw new PolicyDocumentError(`Inline policy ${name} of ${owner} could not be parsed`, { cause: error });
    }
  });
}

interface Identity<T> {
  arn: string;
  build: () => T;
}

/** Builds each identity; one whose documents cannot be parsed becomes a collection issue and is left out. */
function buildAll<T>(context: CollectContext, identities: readonly Identity<T>[]): T[] {
  const built: T[] = [];
  for (const identity of identities) {
    try {
      built.push(identity.build());
    } catch (error) {
      context.reportIssue({ resourceArn: identity.arn, region: GLOBAL_REGION, error });
    }
  }
  return built;
}

function managedPolicy(detail: ManagedPolicyDetail, accountId: string): IamManagedPolicy {
  const arn = detail.Arn ?? '';
  // moto leaves out PolicyName and PolicyId; the name is the ARN's last segment on AWS too.
  const name = detail.PolicyName ?? nameFromArn(arn);
  const version =
    detail.PolicyVersionList?.find((v) => v.IsDefaultVersion) ??
    detail.PolicyVersionList?.find((v) => v.VersionId === detail.DefaultVersionId);
  let document: IamManagedPolicy['document'];
  if (version?.Document !== undefined) {
    try {
      document = parsePolicyDocument(version.Document);
    } catch (error) {
      throw new PolicyDocumentError(`The default version of managed policy ${name} could not be parsed`, {
        cause: error,
      });
    }
  }
  return {
    arn,
    id: name,
    region: GLOBAL_REGION,
    accountId,
    name,
    path: detail.Path ?? '/',
    awsManaged: /^arn:[\w-]+:iam::aws:policy\//.test(arn),
    attachmentCount: detail.AttachmentCount ?? 0,
    ...(document && { document }),
  };
}

/**
 * GetAccountAuthorizationDetails filters, one paginated chain each, run in parallel. AWSManagedPolicy
 * adds the AWS managed policies the account uses, with their versions, so an attached AWS policy is
 * judged by its document; checks fall back to its name (AdministratorAccess) when it is absent.
 */
const AUTHORIZATION_FILTERS = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;

async function authorizationPages(
  context: CollectContext,
  filter: (typeof AUTHORIZATION_FILTERS)[number],
): Promise<GetAccountAuthorizationDetailsCommandOutput[]> {
  const pages: GetAccountAuthorizationDetailsCommandOutput[] = [];
  for await (const page of paginateGetAccountAuthorizationDetails(
    { client: iamClient(context), pageSize: 1000 },
    { Filter: [filter] },
  )) {
    pages.push(page);
  }
  return pages;
}

async function collectAuthorizationDetails(context: CollectContext): Promise<AuthorizationDetails> {
  const [userPages, rolePages, groupPages, localPages, awsPages] = await Promise.all(
    AUTHORIZATION_FILTERS.map((filter) => authorizationPages(context, filter)),
  );
  const { accountId } = context;
  const base = (arn: string | undefined, name: string | undefined, path: string | undefined) => ({
    arn: arn ?? '',
    id: name ?? '',
    region: GLOBAL_REGION,
    accountId,
    name: name ?? '',
    path: path ?? '/',
  });

  const users = buildAll<IamUser>(
    context,
    (userPages ?? []).flatMap((page) =>
      (page.UserDetailList ?? []).map((u) => ({
        arn: u.Arn ?? '',
        build: (): IamUser => {
          const tags = tagMap(u.Tags);
          const boundary = u.PermissionsBoundary?.PermissionsBoundaryArn;
          return {
            ...base(u.Arn, u.UserName, u.Path),
            ...(tags && { tags }),
            ...(u.CreateDate && { createdAt: u.CreateDate }),
            groupNames: u.GroupList ?? [],
            attachedPolicies: attached(u.AttachedManagedPolicies),
            inlinePolicies: inline(`user ${u.UserName}`, u.UserPolicyList),
            ...(boundary && { permissionsBoundaryArn: boundary }),
          };
        },
      })),
    ),
  );

  const groups = buildAll<IamGroup>(
    context,
    (groupPages ?? []).flatMap((page) =>
      (page.GroupDetailList ?? []).map((g) => ({
        arn: g.Arn ?? '',
        build: (): IamGroup => ({
          ...base(g.Arn, g.GroupName, g.Path),
          attachedPolicies: attached(g.AttachedManagedPolicies),
          inlinePolicies: inline(`group ${g.GroupName}`, g.GroupPolicyList),
        }),
      })),
    ),
  );

  const roles = buildAll<IamRole>(
    context,
    (rolePages ?? []).flatMap((page) =>
      (page.RoleDetailList ?? []).map((r) => ({
        arn: r.Arn ?? '',
        build: (): IamRole => {
          const tags = tagMap(r.Tags);
          const boundary = r.PermissionsBoundary?.PermissionsBoundaryArn;
          let trustPolicy: IamRole['trustPolicy'];
          try {
            // AWS URL-encodes the trust policy like every other document here; moto returns it as plain JSON.
            trustPolicy = parsePolicyDocument(r.AssumeRolePolicyDocument ?? '{}');
          } catch (error) {
            throw new PolicyDocumentError(`The trust policy of role ${r.RoleName} could not be parsed`, {
              cause: error,
            });
          }
          return {
            ...base(r.Arn, r.RoleName, r.Path),
            ...(tags && { tags }),
            attachedPolicies: attached(r.AttachedManagedPolicies),
            inlinePolicies: inline(`role ${r.RoleName}`, r.RolePolicyList),
            ...(boundary && { permissionsBoundaryArn: boundary }),
            trustPolicy,
            serviceLinked: (r.Path ?? '').startsWith('/aws-service-role/'),
          };
        },
      })),
    ),
  );

  const policyDetails = [...(localPages ?? []), ...(awsPages ?? [])].flatMap((page) => page.Policies ?? []);
  const seen = new Set<string>();
  const policies = buildAll<IamManagedPolicy>(
    context,
    policyDetails
      .filter((p) => {
        const arn = p.Arn ?? '';
        if (seen.has(arn)) return false;
        seen.add(arn);
        return true;
      })
      .map((p) => ({
        arn: p.Arn ?? '',
        build: () => managedPolicy(p, accountId),
      })),
  );

  return { users, groups, roles, policies };
}

const numberOrUndefined = (value: number | undefined): number | undefined =>
  value !== undefined && value > 0 ? value : undefined;

/** The IAM collectors; `options` only matter to tests (credential report polling). */
export function createIamCollectors(options: IamCollectorOptions = {}): SliceCollectors<IamSlice> {
  const sleep = options.sleep ?? defaultSleep;
  const delays = options.pollDelaysMs ?? DEFAULT_REPORT_POLL_DELAYS_MS;

  return {
    'iam.credentialReport': {
      key: 'iam.credentialReport',
      scope: 'global',
      actions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
      collect: async (context) => {
        const iam = iamClient(context);
        // GenerateCredentialReport starts a report (or reuses one younger than 4 hours) and tells
        // whether it is COMPLETE; GetCredentialReport fails until it is.
        for (let attempt = 0; ; attempt += 1) {
          const { State } = await iam.send(new GenerateCredentialReportCommand({}));
          if (State === 'COMPLETE') break;
          const delay = delays[attempt];
          if (delay === undefined) {
            const waited = delays.reduce((sum, d) => sum + d, 0);
            throw new CredentialReportTimeoutError(
              `The IAM credential report was still ${State ?? 'not ready'} after ${Math.round(waited / 1000)} s of polling`,
            );
          }
          await sleep(delay);
        }
        const report = await iam.send(new GetCredentialReportCommand({}));
        const text = new TextDecoder().decode(report.Content ?? new Uint8Array());
        const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
        const entries = rows.map((row) => reportEntry(row, context.accountId));
        const root = entries.find((e) => e.user === ROOT_ROW);
        return {
          // GeneratedTime is always set by AWS; the scan time of day would be a guess, hence the epoch fallback.
          generatedAt: report.GeneratedTime ?? new Date(0),
          ...(root && { root }),
          users: entries.filter((e) => e.user !== ROOT_ROW),
        };
      },
    },

    'iam.authorizationDetails': {
      key: 'iam.authorizationDetails',
      scope: 'global',
      actions: ['iam:GetAccountAuthorizationDetails'],
      collect: collectAuthorizationDetails,
    },

    'iam.passwordPolicy': {
      key: 'iam.passwordPolicy',
      scope: 'global',
      actions: ['iam:GetAccountPasswordPolicy'],
      collect: async (context): Promise<PasswordPolicy | null> => {
        try {
          const { PasswordPolicy: p } = await iamClient(context).send(new GetAccountPasswordPolicyCommand({}));
          if (!p) return null;
          const reusePrevention = numberOrUndefined(p.PasswordReusePrevention);
          const maxAgeDays = numberOrUndefined(p.MaxPasswordAge);
          return {
            // Without a value AWS applies its minimum of 6 characters.
            minimumLength: p.MinimumPasswordLength ?? 6,
            requireUppercase: p.RequireUppercaseCharacters ?? false,
            requireLowercase: p.RequireLowercaseCharacters ?? false,
            requireNumbers: p.RequireNumbers ?? false,
            requireSymbols: p.RequireSymbols ?? false,
            ...(reusePrevention !== undefined && { reusePrevention }),
            ...(maxAgeDays !== undefined && { maxAgeDays }),
            allowUsersToChangePassword: p.AllowUsersToChangePassword ?? false,
            hardExpiry: p.HardExpiry ?? false,
          };
        } catch (error) {
          // NoSuchEntity: the account has no custom password policy, a fact rather than a failure.
          if (isAwsError(error, 'NoSuchEntity')) return null;
          throw error;
        }
      },
    },

    'iam.accountSummary': {
      key: 'iam.accountSummary',
      scope: 'global',
      actions: ['iam:GetAccountSummary'],
      collect: async (context) => {
        const { SummaryMap } = await iamClient(context).send(new GetAccountSummaryCommand({}));
        const raw = Object.fromEntries(
          Object.entries(SummaryMap ?? {}).filter((entry): entry is [string, number] => entry[1] !== undefined),
        );
        return {
          accountMfaEnabled: (raw.AccountMFAEnabled ?? 0) > 0,
          accountAccessKeysPresent: (raw.AccountAccessKeysPresent ?? 0) > 0,
          raw,
        };
      },
    },

    'iam.virtualMfaDevices': {
      key: 'iam.virtualMfaDevices',
      scope: 'global',
      actions: ['iam:ListVirtualMFADevices'],
      collect: async (context) => {
        const devices = [];
        for await (const page of paginateListVirtualMFADevices(
          { client: iamClient(context), pageSize: 1000 },
          { AssignmentStatus: 'Assigned' },
        )) {
          for (const device of page.VirtualMFADevices ?? []) {
            // Only the serial and assignment are kept: the response may carry the seed and QR code.
            devices.push({
              serialNumber: device.SerialNumber ?? '',
              ...(device.User?.Arn && { userArn: device.User.Arn }),
              ...(device.EnableDate && { enabledAt: device.EnableDate }),
            });
          }
        }
        return devices;
      },
    },
  };
}

export const iamCollectors = createIamCollectors();
