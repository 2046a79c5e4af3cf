import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { buildOrganizationDigest } from '../../lambdas/core/alerts/organization-digest.js';
import { publishDigest } from '../../lambdas/core/alerts/publisher.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { type AwsClientOptions, AwsClients } from '../../lambdas/core/aws/clients.js';
import { selectChecks } from '../../lambdas/core/engine/select.js';
import { describeCoverage } from '../../lambdas/core/findings/model.js';
import { summariseAccountScan, summariseScan } from '../../lambdas/core/job/run-summary.js';
import { CollectionError, ConfigurationError } from '../../lambdas/core/model/errors.js';
import { listOrganizationAccounts, type OrganizationAccount } from '../../lambdas/core/org/accounts.js';
import { DEFAULT_MEMBER_ROLE_NAME } from '../../lambdas/core/org/identifiers.js';
import {
  DEFAULT_MAX_PARALLEL_ACCOUNTS,
  type OrganizationReport,
  type OrganizationScanResult,
  runOrganizationScan,
} from '../../lambdas/core/org/organization-scan.js';
import { renderOrganizationHtml } from '../../lambdas/core/reports/html.js';
import {
  renderOrganizationCsv,
  renderOrganizationJson,
  renderOrganizationTable,
} from '../../lambdas/core/reports/organization.js';
import { redactSecrets } from '../../lambdas/core/secrets/index.js';
import { assertWritable, emit } from './output.js';
import { assertProfileExists } from './profile.js';
import { resolveConfig, type ScanFlags } from './resolve-config.js';
import {
  assertDeliveryFlags,
  describeEvents,
  gateFailures,
  type Renderers,
  renderReport,
  type ScanCommandIo,
  securityHubRegion,
} from './scan-command.js';

/** Where Organizations answers in the commercial partition. */
const ORGANIZATIONS_REGION = 'us-east-1';

const ORGANIZATION: Renderers<OrganizationReport> = {
  // OCSF and ASFF records each carry their account: the accounts' records follow one another.
  reports: (report) => report.reports,
  html: renderOrganizationHtml,
  json: renderOrganizationJson,
  csv: renderOrganizationCsv,
  table: renderOrganizationTable,
};

/** The flag combinations organisation mode refuses, before anything is read or called. */
export function assertOrganizationFlags(flags: ScanFlags): void {
  if (flags.ou && !flags.org) {
    throw new ConfigurationError('--ou needs --org: it narrows the organisation to one organisational unit.');
  }
  if (!flags.accounts && !flags.org) {
    const given = [
      flags.roleName && '--role-name',
      flags.externalId && '--external-id',
      flags.maxParallelAccounts && '--max-parallel-accounts',
    ].filter(Boolean);
    throw new ConfigurationError(
      `${given.join(', ')} ${given.length === 1 ? 'applies' : 'apply'} to member accounts only: add --accounts <ids> or --org.`,
    );
  }
  if (flags.securityHub) {
    throw new ConfigurationError(
      '--security-hub is not supported with --accounts/--org: Security Hub imports a custom finding only from the account it belongs to, and the member role is read-only. Push from each account (srm-scan scan --security-hub with its credentials, or the stack deployed with -c securityHub=true), and let the Security Hub administrator account aggregate them; or export with --format asff.',
    );
  }
}

/**
 * The organisation digest of a command-line run, as the deployed organisation mode's aggregation step sends it: one
 * message, accounts that could not be scanned first, each account's new and regressed findings under their SRM class.
 * It is sent after every account's states are written, so a failure to publish loses that run's alert: the command
 * then exits 1 and says so.
 */
async function publishOrganizationDigest(
  flags: ScanFlags,
  result: OrganizationScanResult,
  clientOptions: AwsClientOptions,
): Promise<{ published: boolean; subject: string; reason: string }> {
  const minSeverity = flags.minAlertSeverity;
  const succeeded = result.outcomes.flatMap((o) =>
    o.status === 'scanned'
      ? [
          summariseAccountScan({
            summary: summariseScan({
              report: o.result.report,
              trigger: 'organization',
              dryRun: false,
              ...(o.result.lifecycle && { lifecycle: o.result.lifecycle }),
            }),
            transitions: o.result.transitions ?? [],
            minSeverity,
          }),
        ]
      : [],
  );
  const failed = result.organization.failures.map((f) => ({
    accountId: f.accountId,
    error: f.errorCode,
    cause: f.message,
  }));
  const { summary, send, digest, chat } = buildOrganizationDigest({
    succeeded,
    failed,
    run: { executionName: 'srm-scan scan (command line)', startedAt: result.organization.startedAt },
    minSeverity,
    notifyOn: flags.notifyOn,
    ...(flags.alertChat && { chat: true }),
  });
  const what = `${summary.alertable} new or regressed failing finding(s) at ${minSeverity} severity or above, ${summary.accounts.failed} account(s) not scanned`;
  if (!send) {
    return { published: false, subject: digest.subject, reason: `not sent (--notify-on ${flags.notifyOn}): ${what}` };
  }
  const clients = new AwsClients(new ApiCallCounter(), clientOptions);
  try {
    await publishDigest(clients, { topicArn: flags.alertTopicArn ?? '' }, digest, chat);
  } finally {
    clients.destroy();
  }
  return { published: true, subject: digest.subject, reason: what };
}

async function accountsToScan(flags: ScanFlags, clientOptions: AwsClientOptions): Promise<OrganizationAccount[]> {
  if (flags.accounts) return flags.accounts.map((accountId) => ({ accountId }));
  const clients = new AwsClients(new ApiCallCounter(), clientOptions);
  try {
    const accounts = await listOrganizationAccounts(
      clients.get(OrganizationsClient, ORGANIZATIONS_REGION),
      flags.ou ? { ou: flags.ou } : {},
    );
    if (accounts.length === 0) {
      throw new CollectionError(
        `No ACTIVE account found ${flags.ou ? `under ${flags.ou}` : 'in the organisation'}: nothing to scan.`,
      );
    }
    return accounts;
  } finally {
    clients.destroy();
  }
}

/**
 * `srm-scan scan --accounts …` or `--org [--ou …]`: validates what it can before calling AWS, lists the accounts,
 * scans them (at most `--max-parallel-accounts` at once) through their member role, writes one report grouped by
 * account and returns the exit code: 1 when no account could be scanned, when a gate is met across accounts, or
 * with `--fail-on-error` when an account could not be scanned; else 0.
 */
export async function runOrganizationScanCommand(
  flags: ScanFlags,
  io: ScanCommandIo,
  clientOptions: AwsClientOptions = {},
): Promise<{ exitCode: number; result: OrganizationScanResult }> {
  assertOrganizationFlags(flags);
  assertDeliveryFlags(flags);
  const { config, labels } = await resolveConfig(flags);
  if (flags.output) await assertWritable(flags.output);
  if (flags.profile) await assertProfileExists(flags.profile);
  const { CHECKS } = await import('../../lambdas/core/checks/registry.js');
  const checks = selectChecks(CHECKS, config, labels);
  const options: AwsClientOptions = { ...clientOptions, ...(flags.profile && { profile: flags.profile }) };

  const accounts = await accountsToScan(flags, options);
  const roleName = flags.roleName ?? DEFAULT_MEMBER_ROLE_NAME;
  const parallel = flags.maxParallelAccounts ?? DEFAULT_MAX_PARALLEL_ACCOUNTS;
  io.stderr.write(
    `Scanning ${accounts.length} account(s), ${Math.min(parallel, accounts.length)} at a time, through role ${roleName}${flags.externalId ? ' with an external id' : ''}\n`,
  );
  const result = await runOrganizationScan({
    accounts,
    checks,
    catalogue: CHECKS,
    config,
    clientOptions: options,
    roleName,
    maxParallelAccounts: parallel,
    ...(flags.externalId && { externalId: flags.externalId }),
    ...(flags.findingsTable && {
      store: {
        tableName: flags.findingsTable,
        ...(flags.historyTtlDays !== undefined && { historyTtlDays: flags.historyTtlDays }),
      },
    }),
    // Per-account events on the caller's bus; each event's detail names the member account.
    ...(flags.eventBus && { events: { busName: flags.eventBus } }),
    onAccountDone: (outcome) => {
      const who = outcome.name ? `${outcome.accountId} (${outcome.name})` : outcome.accountId;
      if (outcome.status === 'failed') {
        io.stderr.write(`  ${who}: NOT SCANNED: ${outcome.failure.message}\n`);
        return;
      }
      const { report, lifecycle, events } = outcome.result;
      const t = report.scan.totals;
      io.stderr.write(
        `  ${who}: scanned, FAIL ${t.FAIL} · PASS ${t.PASS} · ERROR ${t.ERROR}${lifecycle ? ` · stored: ${lifecycle.new} new, ${lifecycle.regressed} regressed, ${lifecycle.resolved} resolved` : ''}${events ? ` · ${describeEvents(events)}` : ''}\n`,
      );
    },
  });

  const { organization } = result;
  const importRegion = securityHubRegion(flags, options.region, result.reports[0]?.scan.regions);
  await emit(
    io.stdout,
    renderReport(ORGANIZATION, result, flags.format, Boolean(flags.showPasses), importRegion),
    flags.output,
  );
  if (flags.output) io.stderr.write(`Report written to ${flags.output}\n`);
  let digestFailure: string | undefined;
  if (flags.alertTopicArn) {
    try {
      const alert = await publishOrganizationDigest(flags, result, options);
      io.stderr.write(`Organisation digest: ${alert.published ? `published "${alert.subject}"` : alert.reason}\n`);
    } catch (error) {
      digestFailure = redactSecrets(error instanceof Error ? error.message : String(error));
      io.stderr.write(`Organisation digest NOT SENT: ${digestFailure}\n`);
    }
  }
  if (flags.format !== 'table') {
    io.stderr.write(`Across ${result.reports.length} scanned account(s): ${describeCoverage(organization.coverage)}\n`);
    for (const report of result.reports) {
      for (const problem of report.scan.suppressionProblems) {
        io.stderr.write(`Suppression warning (${report.scan.accountId}): ${problem.detail}\n`);
      }
    }
  }
  if (organization.failures.length > 0) {
    io.stderr.write(
      `${organization.failures.length} of ${accounts.length} account(s) could not be scanned: ${organization.failures.map((f) => f.accountId).join(', ')}\n`,
    );
  }
  if (result.reports.length === 0) {
    io.stderr.write('Exiting with code 1: no account could be scanned.\n');
    return { exitCode: 1, result };
  }
  const reasons = gateFailures(
    { findings: result.reports.flatMap((r) => r.findings), coverage: organization.coverage },
    { ...(flags.failOn && { failOn: flags.failOn }), ...(flags.failOnError && { failOnError: true }) },
  );
  if (digestFailure) reasons.push(`the organisation digest could not be published (${digestFailure})`);
  if (flags.failOnError && organization.failures.length > 0) {
    reasons.push(
      `${organization.failures.length} account(s) could not be scanned (--fail-on-error): ${organization.failures.map((f) => f.accountId).join(', ')}`,
    );
  }
  if (reasons.length > 0) {
    io.stderr.write(`Exiting with code 1: ${reasons.join('; ')}.\n`);
    return { exitCode: 1, result };
  }
  return { exitCode: 0, result };
}
