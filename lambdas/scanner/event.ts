import { z } from 'zod';
import { describeIssues } from '../core/config/config-file.js';
import { ConfigurationError } from '../core/model/errors.js';
import { NOTIFY_ON, type NotifyOn, regionNameSchema } from '../core/srm/vocabulary.js';

/**
 * The fixed event the EventBridge Scheduler schedule sends. Anything else is an on-demand run.
 *
 * @example
 * { "source": "srm-scan.schedule", "run": "scheduled" }
 */
export const SCHEDULED_RUN_EVENT = { source: 'srm-scan.schedule', run: 'scheduled' } as const;

export const scheduledRunEventSchema = z
  .object({
    source: z.literal(SCHEDULED_RUN_EVENT.source),
    run: z.literal(SCHEDULED_RUN_EVENT.run),
  })
  .strict();

/**
 * An on-demand run, typed into the Lambda console's Test tab. Every field is optional:
 * `{}` runs the deployed configuration once, exactly like the nightly run.
 *
 * @example
 * { "checks": ["s3-*"], "regions": ["eu-west-1"], "notify": "always", "dryRun": true }
 */
export const onDemandEventSchema = z
  .object({
    /** Check id globs, narrowing the deployed selection (the role only allows what that selection needs). */
    checks: z.array(z.string().trim().min(1)).min(1).optional(),
    /** Check id globs to leave out of this run. */
    excludeChecks: z.array(z.string().trim().min(1)).min(1).optional(),
    /** Regions to scan in this run instead of the deployed ones. */
    regions: z.array(regionNameSchema).min(1).optional(),
    /** Overrides the deployed `notifyOn` for this run. */
    notify: z.enum(NOTIFY_ON).optional(),
    /** Scan and return the summary: nothing is written to the table and no alert is sent. */
    dryRun: z.boolean().optional(),
  })
  .strict();

/**
 * One item of the organisation scan's Distributed Map: scan this member account (through the member role the
 * stack is configured with), optionally only these regions (a region shard of an account too large for one run).
 *
 * @example
 * { "source": "srm-scan.organization", "accountId": "111111111111", "regions": ["eu-west-1", "eu-central-1"] }
 */
export const ORGANIZATION_EVENT_SOURCE = 'srm-scan.organization';

export const organizationAccountEventSchema = z
  .object({
    source: z.literal(ORGANIZATION_EVENT_SOURCE),
    accountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
    regions: z.array(regionNameSchema).min(1).optional(),
    /** `false` on every region shard of an account but one: that one reports the account-wide (global) scope. */
    globalScope: z.boolean().optional(),
    /** This run's share of the findings table's write throughput (runs of one organisation scan write at once). */
    writeUnitsPerSecond: z.number().positive().optional(),
  })
  .strict();

export type OrganizationAccountEvent = z.output<typeof organizationAccountEventSchema>;

export type ScheduledRunEvent = z.output<typeof scheduledRunEventSchema>;
export type OnDemandEvent = z.output<typeof onDemandEventSchema>;

/** A validated invocation: what started it and what this run changes about the deployed configuration. */
export type ScanRequest =
  | { trigger: 'schedule' }
  | {
      trigger: 'on-demand';
      checks?: readonly string[];
      excludeChecks?: readonly string[];
      regions?: readonly string[];
      notify?: NotifyOn;
      dryRun: boolean;
    }
  | {
      trigger: 'organization';
      accountId: string;
      regions?: readonly string[];
      globalScope?: boolean;
      writeUnitsPerSecond?: number;
    };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Recognises the scheduled event and validates an on-demand one.
 *
 * @throws ConfigurationError naming the bad field, e.g. `Invalid event: regions.0: must be an AWS region name…`
 */
export function parseScanEvent(event: unknown): ScanRequest {
  // The console's Test tab cannot send "no event"; treat null/undefined like {} for other callers.
  const input = event ?? {};
  if (!isRecord(input)) {
    throw new ConfigurationError(
      `Invalid event: expected a JSON object such as {"checks":["s3-*"],"dryRun":true}, got ${Array.isArray(input) ? 'an array' : typeof input}.`,
    );
  }
  if (input.source === SCHEDULED_RUN_EVENT.source) {
    const scheduled = scheduledRunEventSchema.safeParse(input);
    if (!scheduled.success) throw new ConfigurationError(`Invalid scheduled event: ${describeIssues(scheduled.error)}`);
    return { trigger: 'schedule' };
  }
  if (input.source === ORGANIZATION_EVENT_SOURCE) {
    const item = organizationAccountEventSchema.safeParse(input);
    if (!item.success) throw new ConfigurationError(`Invalid organisation event: ${describeIssues(item.error)}`);
    const { accountId, regions, globalScope, writeUnitsPerSecond } = item.data;
    return {
      trigger: 'organization',
      accountId,
      ...(regions && { regions }),
      ...(globalScope !== undefined && { globalScope }),
      ...(writeUnitsPerSecond !== undefined && { writeUnitsPerSecond }),
    };
  }
  const parsed = onDemandEventSchema.safeParse(input);
  if (!parsed.success) throw new ConfigurationError(`Invalid event: ${describeIssues(parsed.error)}`);
  const { checks, excludeChecks, regions, notify, dryRun } = parsed.data;
  return {
    trigger: 'on-demand',
    ...(checks && { checks }),
    ...(excludeChecks && { excludeChecks }),
    ...(regions && { regions }),
    ...(notify && { notify }),
    dryRun: dryRun ?? false,
  };
}
