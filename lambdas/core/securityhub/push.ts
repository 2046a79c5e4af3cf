import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  paginateGetFindings,
  SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import { sleep as defaultSleep, fullJitterDelay } from '../aws/backoff.js';
import { batchBySize } from '../aws/batches.js';
import { type AwsClients, awsErrorCode, describeAwsError } from '../aws/clients.js';
import { isThrottlingError } from '../aws/rate-limits.js';
import { runScope, scopeVerdict } from '../findings/lifecycle.js';
import type { Finding, ScanReport } from '../findings/model.js';
import { partitionOfRegion } from '../org/member-session.js';
import { asffFinding, PRODUCT_FIELD } from '../reports/asff.js';
import { productArn } from './product.js';

/**
 * Sends a scan's findings to AWS Security Hub and keeps Security Hub's view of them in step with the scan.
 *
 * What is imported: every FAIL (a suppressed one with `Workflow.Status` SUPPRESSED), as ACTIVE findings of the
 * account's own custom-integration product. PASS and ERROR results are not imported: a PASS costs an ingestion
 * event for nothing anyone acts on (Security Hub's own controls send PASSED to compute a score; srm-scan's coverage
 * and report already say what passed), and an ERROR is not a verdict. Instead, a finding srm-scan imported earlier
 * that this scan no longer reports as failing is re-imported with `RecordState: ARCHIVED` — but only when this scan
 * judged it: same account, its check ran, its region was scanned (account-wide findings only when the run had the
 * global scope) and no ERROR of that check covers its account, region or resource. Everything else stays as it was.
 *
 * Limits respected: at most 100 findings and 6 MB per BatchImportFindings call and 240 KB per finding; calls go
 * through `AwsClients` (rate limiter rule `securityhub`, throttled calls retried by the client's retry strategy),
 * and a call still throttled or failing is retried here with back-off. Findings Security Hub rejects
 * (`FailedFindings`) are retried with back-off (unless the code says a retry cannot help: `PERMANENT_IMPORT_ERRORS`)
 * and, when they still fail, counted by error code in the result — never dropped silently.
 */

const BATCH_IMPORT_MAX_FINDINGS = 100;
/** BatchImportFindings refuses requests over 6 MB; leave room for the request envelope. */
const BATCH_IMPORT_MAX_BYTES = 6 * 1024 * 1024 - 64 * 1024;
/** Security Hub's limit on one finding's size. */
const FINDING_MAX_BYTES = 240 * 1024;
/**
 * FailedFindings codes a retry cannot fix: a malformed finding, or Security Hub not enabled in the account and region
 * (`InvalidAccess`). They are reported at once; other codes (internal failures, throttling) are retried.
 */
const PERMANENT_IMPORT_ERRORS: ReadonlySet<string> = new Set([
  'InvalidInput',
  'InvalidAccess',
  'AccessDenied',
  'AccessDeniedException',
]);

export interface SecurityHubPushOptions {
  /** Where the findings are imported (the ProductArn's region). */
  region: string;
  /** Attempts per batch and per failed finding (first try included). Default 4. */
  maxAttempts?: number;
  /** Back-off before retry n: `baseDelayMs * 2^(n-1)`, full jitter. Default 500 ms. */
  baseDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** `UpdatedAt` of archived findings. Default now. */
  now?: () => Date;
}

export interface SecurityHubPushResult {
  region: string;
  productArn: string;
  /** FAIL findings Security Hub accepted. */
  imported: number;
  /** Earlier findings this scan resolved, archived. */
  archived: number;
  /** Active srm-scan findings left as they were: outside this scan's scope or covered by one of its ERRORs. */
  keptOutOfScope: number;
  /** Findings not imported or archived after every retry, by error code, with a few examples. */
  failed: {
    count: number;
    byErrorCode: Record<string, number>;
    sample: { id: string; errorCode: string; message: string }[];
  };
  calls: { batchImportFindings: number; getFindings: number };
  /** Bytes of ASFF sent (every attempt). */
  bytes: number;
}

/** A finding's bytes in a request's `Findings` array: its JSON and the comma after it. */
const recordSize = (finding: AwsSecurityFinding): number => Buffer.byteLength(JSON.stringify(finding)) + 1;

/** `{"Findings":[` and `]}`, less the one comma the last finding of a request does not have. */
const REQUEST_ENVELOPE_BYTES = Buffer.byteLength('{"Findings":[]}') - 1;

/** Batches of at most 100 findings and `maxBytes` of JSON; `sizeOf` is `recordSize`, given when already known. */
export function batches(
  findings: readonly AwsSecurityFinding[],
  maxBytes = BATCH_IMPORT_MAX_BYTES,
  sizeOf: (finding: AwsSecurityFinding) => number = recordSize,
): AwsSecurityFinding[][] {
  return batchBySize(findings, { maxItems: BATCH_IMPORT_MAX_FINDINGS, maxBytes, sizeOf });
}

/** The import record that archives an earlier finding: its current PASS when there is one, else the stored record. */
function archiveRecord(
  existing: AwsSecurityFinding,
  passing: Finding | undefined,
  region: string,
  now: string,
): AwsSecurityFinding {
  if (passing) {
    return {
      ...asffFinding(passing, { importRegion: region }),
      CreatedAt: existing.CreatedAt ?? passing.observedAt,
      UpdatedAt: now,
      RecordState: 'ARCHIVED',
    };
  }
  // Only the fields BatchImportFindings takes from a provider; Security Hub's own (Workflow, Note, ProcessedAt…) stay out.
  return {
    SchemaVersion: existing.SchemaVersion,
    Id: existing.Id,
    ProductArn: existing.ProductArn,
    GeneratorId: existing.GeneratorId,
    AwsAccountId: existing.AwsAccountId,
    Types: existing.Types,
    CreatedAt: existing.CreatedAt,
    UpdatedAt: now,
    Severity: existing.Severity,
    Title: existing.Title,
    Description: existing.Description,
    Resources: existing.Resources,
    ...(existing.ProductFields && { ProductFields: existing.ProductFields }),
    ...(existing.Remediation && { Remediation: existing.Remediation }),
    ...(existing.FindingProviderFields && { FindingProviderFields: existing.FindingProviderFields }),
    ...(existing.Compliance && { Compliance: existing.Compliance }),
    RecordState: 'ARCHIVED',
  };
}

/**
 * Imports the scan's FAIL findings into Security Hub in `options.region` and archives the earlier ones it resolved
 * (see the module comment). Throws only when Security Hub cannot be read or written at all (AccessDenied, Security
 * Hub not enabled, endpoint unreachable): the caller reports it; findings rejected one by one are in `failed`.
 *
 * @example
 * const pushed = await pushToSecurityHub(clients, report, { region: 'eu-west-1' });
 * if (pushed.failed.count > 0) console.error(pushed.failed.byErrorCode);
 */
export async function pushToSecurityHub(
  clients: AwsClients,
  report: ScanReport,
  options: SecurityHubPushOptions,
): Promise<SecurityHubPushResult> {
  const { region } = options;
  const maxAttempts = options.maxAttempts ?? 4;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const now = (options.now ?? (() => new Date()))().toISOString();
  const accountId = report.scan.accountId;
  const product = productArn(partitionOfRegion(region), region, accountId);
  const client = clients.get(SecurityHubClient, region);
  const result: SecurityHubPushResult = {
    region,
    productArn: product,
    imported: 0,
    archived: 0,
    keptOutOfScope: 0,
    failed: { count: 0, byErrorCode: {}, sample: [] },
    calls: { batchImportFindings: 0, getFindings: 0 },
    bytes: 0,
  };
  const backOff = (retry: number) => sleep(Math.round(fullJitterDelay(baseDelayMs, retry, random)));
  const fail = (id: string, errorCode: string, message: string) => {
    result.failed.count += 1;
    result.failed.byErrorCode[errorCode] = (result.failed.byErrorCode[errorCode] ?? 0) + 1;
    if (result.failed.sample.length < 10) result.failed.sample.push({ id, errorCode, message });
  };

  /** Imports `records`; returns how many Security Hub accepted. */
  async function importAll(records: readonly AwsSecurityFinding[]): Promise<number> {
    let accepted = 0;
    // Each record is serialised once: its size serves the per-finding limit, the batches and the bytes sent.
    const sizes = new Map<AwsSecurityFinding, number>();
    const sizeOf = (record: AwsSecurityFinding): number => sizes.get(record) ?? recordSize(record);
    const sendable = records.filter((record) => {
      const size = recordSize(record);
      sizes.set(record, size);
      if (size - 1 <= FINDING_MAX_BYTES) return true;
      fail(record.Id ?? '', 'FindingTooLarge', `over Security Hub's ${FINDING_MAX_BYTES}-byte limit per finding`);
      return false;
    });
    for (const batch of batches(sendable, BATCH_IMPORT_MAX_BYTES, sizeOf)) {
      let pending = batch;
      for (let attempt = 1; pending.length > 0; attempt += 1) {
        if (attempt > 1) await backOff(attempt - 1);
        let output: { FailedFindings?: { Id?: string; ErrorCode?: string; ErrorMessage?: string }[] };
        try {
          result.calls.batchImportFindings += 1;
          // The bytes of `JSON.stringify({ Findings: pending })`, from the sizes already known.
          result.bytes += pending.reduce((sum, record) => sum + sizeOf(record), REQUEST_ENVELOPE_BYTES);
          output = await client.send(new BatchImportFindingsCommand({ Findings: pending }));
        } catch (error) {
          // The SDK already retried a throttled or failing call; one more round here unless it cannot help.
          const retryable = isThrottlingError(error) || (error as { $fault?: string }).$fault === 'server';
          if (retryable && attempt < maxAttempts) continue;
          throw error;
        }
        const failed = output.FailedFindings ?? [];
        accepted += pending.length - failed.length;
        if (failed.length === 0) break;
        const byId = new Map(pending.map((record) => [record.Id, record]));
        const retry: AwsSecurityFinding[] = [];
        for (const f of failed) {
          const record = byId.get(f.Id);
          const code = f.ErrorCode ?? 'Unknown';
          if (record && attempt < maxAttempts && !PERMANENT_IMPORT_ERRORS.has(code)) retry.push(record);
          else fail(f.Id ?? '', code, f.ErrorMessage ?? '');
        }
        pending = retry;
      }
    }
    return accepted;
  }

  const failing = report.findings.filter((f) => f.status === 'FAIL');
  const records = [
    ...new Map(failing.map((f) => [f.id, asffFinding(f, { importRegion: region, scanId: report.scan.id })])).values(),
  ];
  result.imported = await importAll(records);

  // Earlier srm-scan findings still ACTIVE in Security Hub: archive those this scan resolved.
  const stillFailing = new Set(records.map((r) => r.Id));
  const byId = new Map(report.findings.map((f) => [f.id, f]));
  // Only what this scan judged may be archived: the lifecycle's scope rule (check ran, region scanned, no ERROR).
  const scope = runScope(report);
  const toArchive: AwsSecurityFinding[] = [];
  const pages = paginateGetFindings(
    { client, pageSize: 100 },
    {
      Filters: {
        ProductArn: [{ Value: product, Comparison: 'EQUALS' }],
        AwsAccountId: [{ Value: accountId, Comparison: 'EQUALS' }],
        RecordState: [{ Value: 'ACTIVE', Comparison: 'EQUALS' }],
      },
    },
  );
  for await (const page of pages) {
    result.calls.getFindings += 1;
    for (const existing of page.Findings ?? []) {
      // Filtered again here: another tool may use the account's default product too, and emulators ignore filters.
      const checkId = existing.ProductFields?.[PRODUCT_FIELD.checkId];
      if (existing.ProductArn !== product || existing.AwsAccountId !== accountId) continue;
      if ((existing.RecordState ?? 'ACTIVE') !== 'ACTIVE' || !checkId || !existing.Id) continue;
      if (stillFailing.has(existing.Id)) continue;
      const current = byId.get(existing.Id);
      const state = { id: existing.Id, checkId, region: existing.ProductFields?.[PRODUCT_FIELD.region] ?? '' };
      if (current?.status === 'ERROR' || scopeVerdict(scope, state) !== 'covered') {
        result.keptOutOfScope += 1;
        continue;
      }
      toArchive.push(archiveRecord(existing, current?.status === 'PASS' ? current : undefined, region, now));
    }
  }
  result.archived = await importAll(toArchive);
  return result;
}

/** One line for a person: what was pushed and what failed. */
export function describePush(result: SecurityHubPushResult): string {
  const failed =
    result.failed.count > 0
      ? `; ${result.failed.count} NOT imported (${Object.entries(result.failed.byErrorCode)
          .map(([code, n]) => `${code} ×${n}`)
          .join(', ')})`
      : '';
  return `Security Hub (${result.region}): ${result.imported} failing finding(s) imported, ${result.archived} resolved archived, ${result.keptOutOfScope} left as they were (outside this scan's scope)${failed}; ${result.calls.batchImportFindings} BatchImportFindings and ${result.calls.getFindings} GetFindings call(s), ${result.bytes.toLocaleString('en-US')} bytes.`;
}

/** Why the push could not run at all, for the CLI and the logs. */
export function describePushError(error: unknown): string {
  const { errorCode, message } = describeAwsError(error);
  return `Security Hub push failed: ${awsErrorCode(error) ?? errorCode}: ${message}`;
}
