import type { AwsResource } from './common.js';

export interface TrailEventSelectors {
  /** Management events recorded: `All`, `ReadOnly`, `WriteOnly` or `None`. */
  managementEvents: 'All' | 'ReadOnly' | 'WriteOnly' | 'None';
  /** True when the trail uses advanced event selectors. */
  advanced: boolean;
  /** Management event sources excluded (e.g. `kms.amazonaws.com`). */
  excludedManagementEventSources: readonly string[];
}

/** One trail, collected once in its home region (shadow trails in other regions are skipped). */
export interface Trail extends AwsResource {
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  organizationTrail: boolean;
  logFileValidationEnabled: boolean;
  kmsKeyId?: string;
  s3BucketName?: string;
  cloudWatchLogsLogGroupArn?: string;
  /** From GetTrailStatus. */
  isLogging: boolean;
  latestCloudWatchLogsDeliveryTime?: Date;
  eventSelectors: TrailEventSelectors;
}
