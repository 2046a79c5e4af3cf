import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import pLimit from 'p-limit';
import { ApiCallCounter } from '../aws/api-calls.js';
import { type AwsClientOptions, AwsClients, awsErrorCode, describeConnectionError } from '../aws/clients.js';
import type { CollectProgress } from '../engine/collect.js';
import type { ScanCoverage, ScanReport, ScanTotals } from '../findings/model.js';
import { summariseFindings } from '../findings/model.js';
import { runScanJob, type ScanJobOptions, type ScanJobResult } from '../job/run-scan-job.js';
import { CollectionError, ConfigurationError } from '../model/errors.js';
import { TOOL_VERSION } from '../model/version.js';
import { redactSecrets } from '../secrets/index.js';
import type { OrganizationAccount } from './accounts.js';
import { DEFAULT_MEMBER_ROLE_NAME } from './identifiers.js';
import { type MemberAccount, memberAccountClients, memberRoleArn, verifyMemberSession } from './member-session.js';
import { ORGANIZATION_REPORT_SCHEMA_VERSION } from './report-version.js';

/** Accounts scanned at once unless told otherwise: each scan already runs its own collectors in parallel. */
export const DEFAULT_MAX_PARALLEL_ACCOUNTS = 4;

/** The layout version of {@link OrganizationReport}, bumped when a field changes meaning or is removed. */
export { ORGANIZATION_REPORT_SCHEMA_VERSION };

export interface OrganizationScanOptions
  extends Omit<ScanJobOptions, 'clients' | 'storeClients' | 'onProgress' | 'onStart'> {
  /** The accounts to scan: ids, or the entries `listOrganizationAccounts` returns. */
  accounts: readonly (string | OrganizationAccount)[];
  /**
   * The scanner's own client options (credentials, profile, endpoint, retries): its identity, its findings table
   * and topic, the AssumeRole calls, and the scan of its own account when that account is in the list.
   */
  clientOptions: AwsClientOptions;
  /** Default {@link DEFAULT_MEMBER_ROLE_NAME}. */
  roleName?: string;
  /** The external id the member roles' trust policies require. */
  externalId?: string;
  /** Default {@link DEFAULT_MAX_PARALLEL_ACCOUNTS}. */
  maxParallelAccounts?: number;
  /** Region of the STS endpoint for AssumeRole and GetCallerIdentity. Default the client options' region, else us-east-1. */
  stsRegion?: string;
  /** Default: the partition of the scanner's identity. */
  partition?: string;
  /** The scanner's account id, when the caller knows it; otherwise read with sts:GetCallerIdentity. */
  callerAccountId?: string;
  /** Clients acting in a member account; default {@link memberAccountClients}. A seam for tests. */
  memberClients?: (member: MemberAccount, counter: ApiCallCounter) => AwsClients;
  onAccountStart?: (account: OrganizationAccount) => void;
  onAccountDone?: (outcome: AccountOutcome) => void;
  onProgress?: (accountId: string, progress: CollectProgress) => void;
}

/** An account srm-scan could not scan: the role is missing, the trust denies the scanner, the account is closed. */
export interface AccountFailure {
  accountId: string;
  name?: string;
  /** The role srm-scan tried to assume; absent for the scanner's own account. */
  roleArn?: string;
  /** AWS's error code when there was one (AccessDenied), else the error's name. */
  errorCode: string;
  /** What failed, redacted. */
  message: string;
}

export type AccountOutcome =
  | { accountId: string; name?: string; status: 'scanned'; result: ScanJobResult }
  | { accountId: string; name?: string; status: 'failed'; failure: AccountFailure };

/** The summary across accounts: `organization` in the JSON report. */
export interface OrganizationSummary {
  schemaVersion: string;
  toolVersion: string;
  startedAt: string;
  finishedAt: string;
  roleName: string;
  /** Every account asked for, in order, with its outcome. */
  accounts: { accountId: string; name?: string; status: 'scanned' | 'failed'; scanId?: string }[];
  failures: AccountFailure[];
  /** Status totals over every scanned account's findings. */
  totals: ScanTotals;
  coverage: ScanCoverage;
  apiCalls: { total: number };
}

/** The organisation report: the summary and one unchanged single-account report per scanned account. */
export interface OrganizationReport {
  organization: OrganizationSummary;
  reports: ScanReport[];
}

export interface OrganizationScanResult extends OrganizationReport {
  /** One outcome per account, in the order asked. */
  outcomes: AccountOutcome[];
}

const accountsOf = (accounts: OrganizationScanOptions['accounts']): OrganizationAccount[] => {
  const seen = new Map<string, OrganizationAccount>();
  for (const entry of accounts) {
    const account = typeof entry === 'string' ? { accountId: entry } : entry;
    if (!/^\d{12}$/.test(account.accountId)) {
      throw new ConfigurationError(`accounts: "${account.accountId}" is not a 12-digit AWS account id.`);
    }
    if (!seen.has(account.accountId)) seen.set(account.accountId, account);
  }
  return [...seen.values()];
};

/** The innermost AWS error code along the `cause` chain (the AssumeRole denial under a CollectionError). */
function rootErrorCode(error: unknown): string {
  let current: unknown = error;
  let code: string | undefined;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const own = (current as { Code?: string }).Code ?? (current as { $metadata?: unknown }).$metadata;
    if (own) code = awsErrorCode(current);
    current = (current as { cause?: unknown }).cause;
  }
  return code ?? (error instanceof Error ? error.name : 'Error');
}

async function callerIdentity(options: AwsClientOptions, region: string) {
  const clients = new AwsClients(new ApiCallCounter(), options);
  try {
    const identity = await clients.get(STSClient, region).send(new GetCallerIdentityCommand({}));
    return { accountId: identity.Account ?? '', partition: identity.Arn?.split(':')[1] ?? 'aws' };
  } catch (error) {
    throw new CollectionError(
      `Could not identify the scanner's own account (sts:GetCallerIdentity in ${region}): ${describeConnectionError(error)}`,
      { cause: error },
    );
  } finally {
    clients.destroy();
  }
}

/**
 * Scans several accounts, at most `maxParallelAccounts` at once, each with one {@link runScanJob} through its member
 * role (`memberAccountClients`: AssumeRole with the external id on a regional STS endpoint), or with the scanner's
 * own credentials for the scanner's own account. Every finding already carries its `accountId`. An account whose
 * role is missing or denies the scanner is reported in `failures` (its error redacted) and the others continue;
 * with a findings table each account keeps its own lifecycle in the scanner's table (and, with a topic, its own
 * digest). Throws only for a configuration that no account could use (a malformed id, alerts without a table).
 *
 * @example
 * const result = await runOrganizationScan({
 *   accounts: await listOrganizationAccounts(organizations, {}),
 *   checks, config, clientOptions: {}, externalId: 'srm-scan-7f3a',
 * });
 */
export async function runOrganizationScan(options: OrganizationScanOptions): Promise<OrganizationScanResult> {
  const {
    accounts: _accounts,
    clientOptions: _clientOptions,
    roleName: _roleName,
    externalId: _externalId,
    maxParallelAccounts: _maxParallel,
    stsRegion: _stsRegion,
    partition: _partition,
    callerAccountId: _callerAccountId,
    memberClients: _memberClients,
    onAccountStart: _onAccountStart,
    onAccountDone: _onAccountDone,
    onProgress,
    ...job
  } = options;
  const accounts = accountsOf(options.accounts);
  const maxParallel = options.maxParallelAccounts ?? DEFAULT_MAX_PARALLEL_ACCOUNTS;
  if (!Number.isSafeInteger(maxParallel) || maxParallel < 1) {
    throw new ConfigurationError(`maxParallelAccounts: must be a whole number of at least 1, got ${maxParallel}.`);
  }
  if (options.alerts && !options.store) {
    throw new ConfigurationError(
      'alerts: a digest needs a findings table (store) to tell new findings from known ones; configure both or neither.',
    );
  }
  const startedAt = (options.now?.() ?? new Date()).toISOString();
  const roleName = options.roleName ?? DEFAULT_MEMBER_ROLE_NAME;
  const stsRegion = options.stsRegion ?? options.clientOptions.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const caller =
    options.callerAccountId !== undefined
      ? { accountId: options.callerAccountId, partition: options.partition ?? 'aws' }
      : await callerIdentity(options.clientOptions, stsRegion);
  const partition = options.partition ?? caller.partition;
  // The findings table and the topic live in the scanner's account, whichever account a scan reads.
  const storeClients =
    options.store || options.alerts ? new AwsClients(new ApiCallCounter(), options.clientOptions) : undefined;

  const clientsFor = (account: OrganizationAccount): { clients: AwsClients; roleArn?: string } => {
    const counter = new ApiCallCounter();
    if (account.accountId === caller.accountId) return { clients: new AwsClients(counter, options.clientOptions) };
    const member: MemberAccount = {
      accountId: account.accountId,
      roleName,
      ...(options.externalId && { externalId: options.externalId }),
    };
    const clients = options.memberClients
      ? options.memberClients(member, counter)
      : memberAccountClients(counter, options.clientOptions, member, { stsRegion, partition });
    return { clients, roleArn: memberRoleArn(member, partition) };
  };

  const scanOne = async (account: OrganizationAccount): Promise<AccountOutcome> => {
    const named = { accountId: account.accountId, ...(account.name && { name: account.name }) };
    options.onAccountStart?.(account);
    const { clients, roleArn } = clientsFor(account);
    let outcome: AccountOutcome;
    try {
      if (roleArn) await verifyMemberSession(clients, { accountId: account.accountId, roleArn, stsRegion });
      const result = await runScanJob({
        ...job,
        clients,
        ...(storeClients && { storeClients }),
        ...(onProgress && { onProgress: (p: CollectProgress) => onProgress(account.accountId, p) }),
      });
      outcome = { ...named, status: 'scanned', result };
    } catch (error) {
      const failure: AccountFailure = {
        ...named,
        ...(roleArn && { roleArn }),
        errorCode: rootErrorCode(error),
        message: redactSecrets(error instanceof Error ? error.message : String(error)),
      };
      outcome = { ...named, status: 'failed', failure };
    } finally {
      clients.destroy();
    }
    options.onAccountDone?.(outcome);
    return outcome;
  };

  const limit = pLimit(maxParallel);
  let outcomes: AccountOutcome[];
  try {
    outcomes = await Promise.all(accounts.map((account) => limit(() => scanOne(account))));
  } finally {
    storeClients?.destroy();
  }
  const reports = outcomes.flatMap((o) => (o.status === 'scanned' ? [o.result.report] : []));
  const failures = outcomes.flatMap((o) => (o.status === 'failed' ? [o.failure] : []));
  const { totals, coverage } = summariseFindings(reports.flatMap((r) => r.findings));
  return {
    organization: {
      schemaVersion: ORGANIZATION_REPORT_SCHEMA_VERSION,
      toolVersion: TOOL_VERSION,
      startedAt,
      finishedAt: (options.now?.() ?? new Date()).toISOString(),
      roleName,
      accounts: outcomes.map((o) => ({
        accountId: o.accountId,
        ...(o.name && { name: o.name }),
        status: o.status,
        ...(o.status === 'scanned' && { scanId: o.result.report.scan.id }),
      })),
      failures,
      totals,
      coverage,
      apiCalls: { total: reports.reduce((sum, r) => sum + r.scan.apiCalls.total, 0) },
    },
    reports,
    outcomes,
  };
}
