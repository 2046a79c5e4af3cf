import { truncateUtf8 } from '../alerts/digest.js';
import type { LifecycleSummary, Transition } from '../findings/lifecycle.js';
import type { ScanReport } from '../findings/model.js';
import { redactSecrets } from '../secrets/index.js';
import {
  EVENT_MESSAGE_MAX_BYTES,
  EVENT_SCHEMA_VERSION,
  EVENT_SOURCE,
  type EventTransitionKind,
  FINDING_DETAIL_TYPES,
  type FindingEventDetail,
  SUMMARY_DETAIL_TYPE,
  type SummaryEventDetail,
} from './schema.js';

/** One PutEvents entry before the bus is chosen: what `putEvents` sends. */
export interface ScanEvent {
  source: typeof EVENT_SOURCE;
  detailType: string;
  /** Parsed detail; serialised once by the sender. */
  detail: FindingEventDetail | SummaryEventDetail;
  /** The resource ARN for a finding event; none for the summary. */
  resources: string[];
  time: Date;
}

const isEventKind = (kind: Transition['kind']): kind is EventTransitionKind => kind in FINDING_DETAIL_TYPES;

const masked = (text: string, maxBytes: number): string => {
  const clean = redactSecrets(text);
  if (Buffer.byteLength(clean, 'utf8') <= maxBytes) return clean;
  return `${truncateUtf8(clean, maxBytes - 3)}…`;
};

/** The event of one transition; undefined for a transition that is not sent (SUPPRESSED). */
function findingEvent(transition: Transition): ScanEvent | undefined {
  if (!isEventKind(transition.kind)) return undefined;
  const { state, finding } = transition;
  const detail: FindingEventDetail = {
    schemaVersion: EVENT_SCHEMA_VERSION,
    findingId: state.id,
    transition: transition.kind === 'new' ? 'NEW' : transition.kind === 'regressed' ? 'REGRESSED' : 'RESOLVED',
    cause: transition.cause as FindingEventDetail['cause'],
    workflow: state.workflow,
    ...(transition.from && { previousWorkflow: transition.from }),
    status: state.status,
    ...(state.resolution && { resolution: state.resolution }),
    checkId: state.checkId,
    title: masked(state.title, 1024),
    severity: state.severity,
    srmClass: state.srmClass,
    obligation: state.obligation,
    service: state.service,
    resourceType: state.resourceType,
    resourceId: masked(state.resourceId, 2048),
    resourceArn: state.resourceArn,
    region: state.region,
    accountId: state.accountId,
    message: masked(state.message, EVENT_MESSAGE_MAX_BYTES),
    compliance: finding ? finding.compliance.map(({ framework, control }) => ({ framework, control })) : [],
    ...(finding?.remediation.url && { remediationUrl: finding.remediation.url }),
    firstSeenAt: state.firstSeenAt,
    statusChangedAt: state.statusChangedAt,
    observedAt: transition.at,
    scanId: transition.scanId,
  };
  return {
    source: EVENT_SOURCE,
    detailType: FINDING_DETAIL_TYPES[transition.kind],
    detail,
    // EventBridge matches `resources` as ARNs; an account-level pseudo id is left to the detail.
    resources: state.resourceArn.startsWith('arn:') ? [state.resourceArn] : [],
    time: new Date(transition.at),
  };
}

interface ScanEventsInput {
  report: ScanReport;
  lifecycle: LifecycleSummary;
  transitions: readonly Transition[];
}

/**
 * A run's events: one per NEW, REGRESSED and RESOLVED transition (in the lifecycle's order), then the summary. Pure:
 * secrets masked, sizes bounded.
 *
 * @example
 * const events = scanEvents({ report, lifecycle: result.lifecycle, transitions: result.transitions });
 */
export function scanEvents(input: ScanEventsInput): ScanEvent[] {
  const findings = input.transitions.flatMap((t) => findingEvent(t) ?? []);
  const counted = (kind: EventTransitionKind) => input.transitions.filter((t) => t.kind === kind).length;
  const { scan } = input.report;
  const t = scan.totals;
  const summary: SummaryEventDetail = {
    schemaVersion: EVENT_SCHEMA_VERSION,
    scanId: scan.id,
    accountId: scan.accountId,
    toolVersion: scan.toolVersion,
    startedAt: scan.startedAt,
    finishedAt: scan.finishedAt,
    regions: [...scan.regions],
    totals: {
      findings: t.findings,
      PASS: t.PASS,
      FAIL: t.FAIL,
      SUPPRESSED: t.SUPPRESSED,
      ERROR: t.ERROR,
      failedBySeverity: { ...t.failedBySeverity },
    },
    coverage: { ...scan.coverage },
    transitions: { new: counted('new'), regressed: counted('regressed'), resolved: counted('resolved') },
    open: input.lifecycle.open,
    suppressed: input.lifecycle.suppressed,
    collectionIssues: scan.collectionIssues.length,
  };
  return [
    ...findings,
    {
      source: EVENT_SOURCE,
      detailType: SUMMARY_DETAIL_TYPE,
      detail: summary,
      resources: [],
      time: new Date(scan.finishedAt),
    },
  ];
}
