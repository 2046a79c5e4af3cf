import { z } from 'zod';
import { PASS_RESULTS } from '../findings/table-schema.js';
import { ConfigurationError } from '../model/errors.js';
import { FRAMEWORKS, OBLIGATIONS, regionNameSchema, SEVERITIES, SRM_CLASSES } from '../srm/vocabulary.js';
import { settingsSchema } from './settings.js';
import { DEFAULT_BROAD_SUPPRESSION_MAX_DAYS, suppressionSchema } from './suppression-schema.js';

/** The configuration file (`--config srm-scan.config.json`), also the Lambda's configuration. */
export const configSchema = z
  .object({
    /** Regions to scan; default every enabled region. */
    regions: z.array(regionNameSchema).min(1).optional(),
    /** Check id globs to run. */
    checks: z.array(z.string().min(1)).optional(),
    excludeChecks: z.array(z.string().min(1)).optional(),
    services: z.array(z.string().min(1)).optional(),
    srmClasses: z.array(z.enum(SRM_CLASSES)).optional(),
    obligations: z.array(z.enum(OBLIGATIONS)).optional(),
    frameworks: z.array(z.enum(FRAMEWORKS)).optional(),
    minSeverity: z.enum(SEVERITIES).optional(),
    settings: settingsSchema.default(settingsSchema.parse({})),
    suppressions: z.array(suppressionSchema).default([]),
    /** A suppression covering every resource of its checks must expire within this many days (else a warning). */
    broadSuppressionMaxDays: z.number().int().positive().default(DEFAULT_BROAD_SUPPRESSION_MAX_DAYS),
    /**
     * With a findings table: `store` keeps a state per PASS result; `count` keeps only findings that failed at some
     * point plus per-check PASS counts in the scan summary (organisations with millions of passing resources).
     */
    passResults: z.enum(PASS_RESULTS).default('store'),
  })
  .strict();

export type ScanConfig = z.output<typeof configSchema>;
export type ScanConfigInput = z.input<typeof configSchema>;

/** Formats zod issues as `path.to.field: message` lines. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return `${path || '(root)'}: ${issue.message}`;
    })
    .join('; ');
}

/** Validates a configuration object; `source` names it in the error (a file, an env var, an event). */
export function parseConfig(input: unknown, source: string): ScanConfig {
  const result = configSchema.safeParse(input);
  if (!result.success)
    throw new ConfigurationError(`Invalid configuration in ${source}: ${describeIssues(result.error)}`);
  return result.data;
}
