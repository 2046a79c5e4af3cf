import type { AwsResource } from './common.js';

/** A GuardDuty detector (ListDetectors, then GetDetector): a region has at most one per account. */
export interface GuardDutyDetector extends AwsResource {
  /** `ENABLED` or `DISABLED`, as GetDetector reports it. */
  status: string;
  /** How often findings are exported, e.g. `SIX_HOURS`. */
  findingPublishingFrequency?: string;
}
