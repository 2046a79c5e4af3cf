import { CHAT_DIGEST_RESERVE_BYTES, formatChatNotification } from '../alerts/chat.js';
import { DIGEST_MAX_BYTES, decideAlert, formatDigest, selectAlertable } from '../alerts/digest.js';
import { publishDigest } from '../alerts/publisher.js';
import type { AwsClients } from '../aws/clients.js';
import type { Check } from '../checks/define-check.js';
import type { SliceCollectors } from '../collectors/types.js';
import type { ScanConfig } from '../config/config-file.js';
import type { CollectProgress } from '../engine/collect.js';
import { runScan, type ScanOptions } from '../engine/scan.js';
import { scanEvents } from '../events/build.js';
import { type PutScanEventsOptions, putScanEvents } from '../events/publisher.js';
import { DEFAULT_HISTORY_TTL_DAYS } from '../findings/items.js';
import {
  computeLifecycle,
  DEFAULT_LAST_SEEN_REFRESH_DAYS,
  type LifecycleSummary,
  type Transition,
} from '../findings/lifecycle.js';
import { type ScanReport, type ShardScope, scopedToShard } from '../findings/model.js';
import { FindingsStore } from '../findings/store.js';
import { GLOBAL_REGION, type SliceKey } from '../inventory/index.js';
import { ConfigurationError } from '../model/errors.js';
import { describePushError, pushToSecurityHub, type SecurityHubPushResult } from '../securityhub/push.js';
import type { NotifyOn, Severity } from '../srm/vocabulary.js';

export interface ScanJobOptions {
  /** The checks to run, selected once by the caller (`selectChecks`). */
  checks: readonly Check[];
  /** Every check of the catalogue, to tell a suppression naming an unknown check and unselected obligations. Default: the selected ones. */
  catalogue?: readonly Check[];
  /** Regions, settings and suppressions (the selection fields are the caller's, already applied). */
  config: ScanConfig;
  clients: AwsClients;
  /**
   * Clients for the findings table and the digest topic, when they live elsewhere than the scanned account (an
   * organisation scan reads a member account and writes to the scanner's table). Default `clients`.
   */
  storeClients?: AwsClients;
  /**
   * The findings table; absent → no persistence and no lifecycle. `lastSeenRefreshDays` (default 14, at most half the
   * history TTL): how long an unchanged state goes without being rewritten; `writeUnitsPerSecond`: this run's write
   * budget (default 4,000, a new on-demand table's warm throughput; split it between runs sharing the table).
   * What is kept of PASS results is the configuration's `passResults`.
   */
  store?: {
    tableName: string;
    region?: string;
    historyTtlDays?: number;
    lastSeenRefreshDays?: number;
    writeUnitsPerSecond?: number;
  };
  /** The digest topic; needs `store` (new vs. known is decided against the stored states). */
  alerts?: {
    topicArn: string;
    region?: string;
    minSeverity: Severity;
    notifyOn: NotifyOn;
    /** Also publish the digest as an AWS Chatbot custom notification (Slack, Teams) in the same message. */
    chat?: boolean;
  };
  /**
   * EventBridge: one event per NEW, REGRESSED and RESOLVED finding and one run summary (`events/schema.ts`), put with
   * `storeClients` on `busName` (`default`, a name or an ARN; default `default`) in `region` (default the table's).
   * Needs `store` (transitions are decided against the stored states). `put`: retry tuning (tests).
   */
  events?: { busName?: string; region?: string; put?: PutScanEventsOptions };
  /** Scan and return: the previous states are read to preview the lifecycle, nothing is written or published. */
  dryRun?: boolean;
  onProgress?: (progress: CollectProgress) => void;
  onStart?: ScanOptions['onStart'];
  now?: () => Date;
  /**
   * A region shard of an account (organisation mode): only the findings this shard owns are reported and stored,
   * and without the global scope the stored global findings are kept. Default: the whole account.
   */
  shard?: ShardScope;
  /** Epoch milliseconds by which collection stops (the Lambda's time budget); unscanned scopes become ERROR. */
  deadline?: number;
  /** Default `COLLECTORS`. */
  collectors?: SliceCollectors<SliceKey>;
  /**
   * Import the FAIL findings into AWS Security Hub in `region` (with the scanned account's `clients`) and archive the
   * ones this scan resolved (`lambdas/core/securityhub/push.ts`); after the findings table is written, never on a dry
   * run. A push that fails does not fail the job: `securityHub.error` says why.
   */
  securityHub?: { region: string };
}

export interface ScanJobResult {
  report: ScanReport;
  /** Present when a findings table is configured. */
  lifecycle?: LifecycleSummary;
  /** This run's lifecycle transitions (present with a findings table): what an organisation digest lists. */
  transitions?: readonly Transition[];
  /** Present when an alert topic is configured. */
  alert?: { published: boolean; subject?: string; messageId?: string; reason: string };
  /** Present when a Security Hub push was asked for and not skipped (dry run): what was pushed, or why it failed. */
  securityHub?: { result?: SecurityHubPushResult; error?: string };
  /** Present when an event bus is configured: events put (finding events + 1 summary), or what a dry run would put. */
  events?: { bus: string; put: number; findingEvents: number; requests: number; retried: number; dryRun?: true };
  /** What this run wrote (items of every type; `findings`: current-state items); absent on a dry run or without a table. */
  stored?: {
    items: number;
    bytes: number;
    writeUnits: number;
    requests: number;
    findings: number;
    transitions: number;
  };
}

/**
 * The collectors are loaded only when the caller does not inject its own, so tests with fake collectors do not load
 * (or depend on) every SDK client. esbuild bundles a dynamic import of a literal path like a static one.
 */
async function defaultCollectors(): Promise<SliceCollectors<SliceKey>> {
  const { COLLECTORS } = await import('../collectors/index.js');
  return COLLECTORS;
}

/**
 * The one code path of a scan, shared by the Lambda handler and the CLI: scan the selected checks, then — with a
 * findings table — read the account's previous states, compute the lifecycle, publish the digest (with a topic) and
 * write the run.
 *
 * Order: the digest is published before the states are written. If publishing fails, nothing is
 * written and the next run alerts the same findings again; if writing fails after publishing, the
 * next run may alert some of them twice. Alerts are at-least-once, never lost.
 *
 * @example
 * const result = await runScanJob({
 *   checks: selectChecks(CHECKS, config), config, clients,
 *   store: { tableName: 'srm-scan-findings' },
 *   alerts: { topicArn, minSeverity: 'high', notifyOn: 'changes' },
 * });
 */
export async function runScanJob(options: ScanJobOptions): Promise<ScanJobResult> {
  const { config, clients } = options;
  if (options.alerts && !options.store) {
    throw new ConfigurationError(
      'alerts: a digest needs a findings table (store) to tell new findings from known ones; configure both or neither.',
    );
  }
  if (options.events && !options.store) {
    throw new ConfigurationError(
      'events: finding events need a findings table (store) to tell new, regressed and resolved findings; configure both or neither.',
    );
  }
  if (options.store?.historyTtlDays !== undefined && !(options.store.historyTtlDays > 0)) {
    throw new ConfigurationError(
      `store.historyTtlDays: must be a positive number of days, got ${options.store.historyTtlDays}.`,
    );
  }
  if (options.store?.lastSeenRefreshDays !== undefined && !(options.store.lastSeenRefreshDays > 0)) {
    throw new ConfigurationError(
      `store.lastSeenRefreshDays: must be a positive number of days, got ${options.store.lastSeenRefreshDays}.`,
    );
  }
  if (options.store?.writeUnitsPerSecond !== undefined && !(options.store.writeUnitsPerSecond > 0)) {
    throw new ConfigurationError(
      `store.writeUnitsPerSecond: must be a positive number, got ${options.store.writeUnitsPerSecond}.`,
    );
  }
  const collectors = options.collectors ?? (await defaultCollectors());
  const scanned = await runScan({
    checks: options.checks,
    collectors,
    settings: config.settings,
    clients,
    suppressions: config.suppressions,
    broadSuppressionMaxDays: config.broadSuppressionMaxDays,
    ...(options.catalogue && { catalogue: options.catalogue }),
    ...(config.regions && { regions: config.regions }),
    ...(options.onProgress && { onProgress: options.onProgress }),
    ...(options.onStart && { onStart: options.onStart }),
    ...(options.now && { now: options.now }),
    ...(options.deadline !== undefined && { deadline: options.deadline }),
  });
  const report = options.shard ? scopedToShard(scanned, options.shard, GLOBAL_REGION) : scanned;
  if (!options.store) {
    const securityHub = options.dryRun ? undefined : await pushFindings(options, report);
    return { report, ...(securityHub && { securityHub }) };
  }

  const storeClients = options.storeClients ?? clients;
  const storeRegion = options.store.region ?? storeClients.defaultRegion ?? 'us-east-1';
  const historyTtlDays = options.store.historyTtlDays ?? DEFAULT_HISTORY_TTL_DAYS;
  const store = FindingsStore.fromClients(storeClients, {
    tableName: options.store.tableName,
    region: storeRegion,
    historyTtlDays,
    ...(options.store.writeUnitsPerSecond !== undefined && { writeUnitsPerSecond: options.store.writeUnitsPerSecond }),
  });
  // Lifecycle timestamps are the scan's start, the same instant as every finding's observedAt.
  const at = new Date(report.scan.startedAt);
  const previous = await store.loadCurrent(report.scan.accountId, at);
  const passResults = config.passResults;
  // Refreshed well before a RESOLVED state's TTL (lastSeenAt + historyTtlDays) could expire it while still observed.
  const lastSeenRefreshDays = Math.min(
    options.store.lastSeenRefreshDays ?? DEFAULT_LAST_SEEN_REFRESH_DAYS,
    historyTtlDays / 2,
  );
  const lifecycle = computeLifecycle({ previous, report, now: at, options: { passResults, lastSeenRefreshDays } });

  let alert: ScanJobResult['alert'];
  if (options.alerts) {
    const { minSeverity, notifyOn, topicArn } = options.alerts;
    const alertable = selectAlertable(lifecycle.transitions, minSeverity);
    const decision = decideAlert(notifyOn, alertable.length, minSeverity);
    if (!decision.send) {
      alert = { published: false, reason: decision.reason };
    } else {
      const digestInput = {
        report,
        lifecycle: lifecycle.summary,
        alertable,
        minSeverity,
        table: { name: store.tableName, region: storeRegion },
        // The chat notification shares the SNS message: leave it room.
        ...(options.alerts.chat && { maxBytes: DIGEST_MAX_BYTES - CHAT_DIGEST_RESERVE_BYTES }),
      };
      const digest = formatDigest(digestInput);
      const chat = options.alerts.chat ? formatChatNotification(digestInput) : undefined;
      if (options.dryRun) {
        alert = { published: false, subject: digest.subject, reason: `dry run, would publish: ${decision.reason}` };
      } else {
        const topic = { topicArn, ...(options.alerts.region && { region: options.alerts.region }) };
        const { messageId } = await publishDigest(storeClients, topic, digest, chat);
        alert = { published: true, subject: digest.subject, messageId, reason: decision.reason };
      }
    }
  }
  // Events are put, like the digest, before the states are written: if putting fails, nothing is written and the
  // next run sends the same transitions again (at least once, never lost).
  let events: ScanJobResult['events'];
  if (options.events) {
    const all = scanEvents({ report, lifecycle: lifecycle.summary, transitions: lifecycle.transitions });
    const bus = options.events.busName ?? 'default';
    const findingEvents = all.length - 1;
    if (options.dryRun) {
      events = { bus, put: 0, findingEvents, requests: 0, retried: 0, dryRun: true };
    } else {
      const put = await putScanEvents(
        storeClients,
        { busName: bus, region: options.events.region ?? storeRegion },
        all,
        options.events.put,
      );
      events = { bus, put: put.put, findingEvents, requests: put.requests, retried: put.retried };
    }
  }
  if (options.dryRun)
    return {
      report,
      lifecycle: lifecycle.summary,
      transitions: lifecycle.transitions,
      ...(alert && { alert }),
      ...(events && { events }),
    };

  const written = await store.saveRun({
    report,
    states: lifecycle.writes,
    transitions: lifecycle.transitions,
    lifecycle: lifecycle.summary,
    passResults,
    ...(alert && { alert }),
  });
  const securityHub = await pushFindings(options, report);
  return {
    report,
    lifecycle: lifecycle.summary,
    transitions: lifecycle.transitions,
    ...(alert && { alert }),
    ...(securityHub && { securityHub }),
    ...(events && { events }),
    stored: {
      items: written.items,
      bytes: written.bytes,
      writeUnits: written.writeUnits,
      requests: written.requests,
      findings: written.findings,
      transitions: written.transitions,
    },
  };
}

/** The Security Hub push, when asked for; its failure is reported in the result, never thrown. */
async function pushFindings(options: ScanJobOptions, report: ScanReport): Promise<ScanJobResult['securityHub']> {
  if (!options.securityHub) return undefined;
  try {
    return { result: await pushToSecurityHub(options.clients, report, { region: options.securityHub.region }) };
  } catch (error) {
    return { error: describePushError(error) };
  }
}
