import { z } from 'zod';

/**
 * A suppression: findings of checks matching `checkId` (glob) on resources matching
 * `resource` (ARN glob) are kept but marked SUPPRESSED and never alerted, until `expiresAt`.
 */
export const suppressionSchema = z
  .object({
    checkId: z.string().min(1),
    resource: z.string().min(1).default('*'),
    reason: z.string().trim().min(1, 'a suppression needs a reason'),
    owner: z.string().min(1).optional(),
    expiresAt: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
  })
  .strict();

export type Suppression = z.output<typeof suppressionSchema>;
export type SuppressionInput = z.input<typeof suppressionSchema>;

/** Default of `broadSuppressionMaxDays`: how far ahead a suppression covering every resource may expire. */
export const DEFAULT_BROAD_SUPPRESSION_MAX_DAYS = 365;
