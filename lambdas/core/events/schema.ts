import { z } from 'zod';
import { storedFindingSchema } from '../findings/lifecycle.js';
import { complianceRefSchema } from '../findings/model.js';
import { SEVERITIES } from '../srm/vocabulary.js';

/**
 * The EventBridge events srm-scan puts on a bus: one per finding that became NEW, REGRESSED or RESOLVED in a run,
 * and one summary per run. Declared once here; `docs/events.schema.json` is generated from these schemas
 * (`npm run docs`) and a test keeps it in step.
 */

/** An event bus: `default`, a bus name, or a bus ARN (`arn:aws:events:<region>:<account>:event-bus/<name>`). */
export const EVENT_BUS = /^(arn:aws[\w-]*:events:[a-z0-9-]+:\d{12}:event-bus\/)?[\w.\-/]{1,256}$/;

/** The events' `source`. Custom sources must not start with `aws.`. */
export const EVENT_SOURCE = 'srm-scan';

/** `detail.schemaVersion`: bumped when a field is removed or changes meaning (new fields do not bump it). */
export const EVENT_SCHEMA_VERSION = '1';

/** The lifecycle transitions that become events, with their `detail-type`. SUPPRESSED transitions are not sent. */
export const FINDING_DETAIL_TYPES = {
  new: 'srm-scan Finding New',
  regressed: 'srm-scan Finding Regressed',
  resolved: 'srm-scan Finding Resolved',
} as const;
export type EventTransitionKind = keyof typeof FINDING_DETAIL_TYPES;

export const SUMMARY_DETAIL_TYPE = 'srm-scan Scan Summary';

/** Every `detail-type` srm-scan sends; a rule on `{"source": ["srm-scan"]}` receives all of them. */
export const DETAIL_TYPES = [...Object.values(FINDING_DETAIL_TYPES), SUMMARY_DETAIL_TYPE] as const;

/** Longest `detail.message` in UTF-8 bytes; longer messages are cut and end with `…`. */
export const EVENT_MESSAGE_MAX_BYTES = 4096;

const TRANSITIONS = ['NEW', 'REGRESSED', 'RESOLVED'] as const;
const stored = storedFindingSchema.shape;

/** `detail` of `srm-scan Finding New`, `… Regressed` and `… Resolved`. */
export const findingEventDetailSchema = z
  .object({
    schemaVersion: z.literal(EVENT_SCHEMA_VERSION).describe('Version of this detail layout.'),
    findingId: stored.id.describe(
      'Stable finding id (derived from checkId and resourceArn): the same finding keeps it across scans; use it to deduplicate and to match a ticket.',
    ),
    transition: z
      .enum(TRANSITIONS)
      .describe('What happened in this run: NEW (first failure, or its suppression lapsed), REGRESSED, RESOLVED.'),
    cause: z
      .enum(['first-failure', 'failed-again', 'suppression-lapsed', 'passed', 'gone'])
      .describe(
        'Why: first-failure, failed-again (was resolved), suppression-lapsed, passed, gone (resource no longer reported).',
      ),
    workflow: stored.workflow.describe('Workflow state after this run (NEW, REGRESSED or RESOLVED).'),
    previousWorkflow: stored.workflow
      .optional()
      .describe('Workflow state before this run; absent when the finding was never stored before.'),
    status: stored.status.describe(
      'Latest verdict: FAIL for NEW/REGRESSED, PASS for RESOLVED (the last one seen when gone).',
    ),
    resolution: stored.resolution.describe('RESOLVED only: PASSED (the check passes) or GONE (resource not reported).'),
    checkId: stored.checkId.describe('The check, e.g. s3-bucket-public-access-blocked.'),
    title: stored.title.describe("The check's title: the compliant condition."),
    severity: stored.severity.describe('critical, high, medium, low or informational.'),
    srmClass: stored.srmClass.describe(
      'Shared Responsibility Model class: infrastructure, container, abstracted, account.',
    ),
    obligation: stored.obligation.describe('What the customer owes under the SRM for this finding.'),
    service: stored.service.describe('AWS service, e.g. s3.'),
    resourceType: stored.resourceType.describe('Resource type, e.g. AwsS3Bucket.'),
    resourceId: stored.resourceId.describe('Resource id or name.'),
    resourceArn: stored.resourceArn.describe("Resource ARN (also in the event's `resources`)."),
    region: stored.region.describe('Region of the resource; `global` for account-wide resources.'),
    accountId: stored.accountId.describe('The scanned account (in organisation mode, the member account).'),
    message: stored.message.describe(
      `The verdict in one sentence naming the resource and the observed value; secrets masked; at most ${EVENT_MESSAGE_MAX_BYTES} bytes.`,
    ),
    compliance: z
      .array(complianceRefSchema)
      .describe('Compliance controls of the check ({framework, control}); empty when the resource is gone.'),
    remediationUrl: z.string().optional().describe('Documentation of the fix; absent when the resource is gone.'),
    firstSeenAt: stored.firstSeenAt.describe('First scan that reported this finding, whatever its status.'),
    statusChangedAt: stored.statusChangedAt.describe('When the status last changed.'),
    observedAt: z.string().describe("This run's start (the transition's time; also the event's `time`)."),
    scanId: z.string().describe('The run that produced the event; matches the summary event.'),
  })
  .strict()
  .describe('detail of srm-scan Finding New / Regressed / Resolved');
export type FindingEventDetail = z.output<typeof findingEventDetailSchema>;

const count = () => z.number().int().nonnegative();

/** `detail` of `srm-scan Scan Summary`. */
export const summaryEventDetailSchema = z
  .object({
    schemaVersion: z.literal(EVENT_SCHEMA_VERSION).describe('Version of this detail layout.'),
    scanId: z.string().describe('The run.'),
    accountId: z.string().describe('The scanned account.'),
    toolVersion: z.string().describe("srm-scan's version."),
    startedAt: z.string(),
    finishedAt: z.string(),
    regions: z.array(z.string()).describe('Regions scanned.'),
    totals: z
      .object({
        findings: count(),
        PASS: count(),
        FAIL: count(),
        SUPPRESSED: count(),
        ERROR: count(),
        failedBySeverity: z.record(z.enum(SEVERITIES), count()),
      })
      .strict()
      .describe('Results of this run; FAIL counts unsuppressed failures only.'),
    coverage: z
      .object({ evaluated: count(), notEvaluated: count(), share: z.number().min(0).max(1) })
      .strict()
      .describe('Resource-checks evaluated and not evaluated (ERROR).'),
    transitions: z
      .object({ new: count(), regressed: count(), resolved: count() })
      .strict()
      .describe('Finding events of this run, by transition (one event each).'),
    open: count().describe('Open failing findings after this run (NEW, ACTIVE, REGRESSED), kept ones included.'),
    suppressed: count().describe('Failing findings covered by a suppression in this run.'),
    collectionIssues: count().describe(
      'Slices, regions or resources that could not be read (their checks report ERROR).',
    ),
  })
  .strict()
  .describe('detail of srm-scan Scan Summary');
export type SummaryEventDetail = z.output<typeof summaryEventDetailSchema>;

/** `docs/events.schema.json`: the JSON Schema of both details, keyed by `detail-type`. */
export function eventsJsonSchema(): Record<string, unknown> {
  const finding = z.toJSONSchema(findingEventDetailSchema, { io: 'output' });
  const summary = z.toJSONSchema(summaryEventDetailSchema, { io: 'output' });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'srm-scan EventBridge events',
    description: `Events put on an EventBridge bus with source "${EVENT_SOURCE}". The key is the event's detail-type; the value is the JSON Schema of its detail.`,
    source: EVENT_SOURCE,
    detailTypes: Object.fromEntries([
      ...Object.values(FINDING_DETAIL_TYPES).map((type) => [type, strip(finding)]),
      [SUMMARY_DETAIL_TYPE, strip(summary)],
    ]),
  };
}

const strip = (schema: Record<string, unknown>): Record<string, unknown> => {
  const { $schema: _ignored, ...rest } = schema;
  return rest;
};
