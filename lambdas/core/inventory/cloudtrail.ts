import type { AwsResource, ResourceAttribute } from './common.js';

/**
 * One trail from DescribeTrails, collected once: in its home region, or (for a multi-region
 * trail homed in a region the scan does not cover) in the scan's first region, where it shows
 * up as a shadow trail. `region` is the home region; `accountId` is the owner taken from the
 * ARN, which differs from the scanned account for an organization trail seen by a member.
 */
export interface Trail extends AwsResource {
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  organizationTrail: boolean;
  logFileValidationEnabled: boolean;
  kmsKeyId?: string;
  s3BucketName?: string;
  cloudWatchLogsLogGroupArn?: string;
}

/** From GetTrailStatus (called with the trail ARN in its home region). */
export type TrailStatus = ResourceAttribute<{
  isLogging: boolean;
  /** When logging was last started. */
  startLoggingTime?: Date;
  latestCloudWatchLogsDeliveryTime?: Date;
  /** The error of the last failed delivery to CloudWatch Logs, if the last attempt failed. */
  latestCloudWatchLogsDeliveryError?: string;
}>;

export type ManagementEventsRecorded = 'All' | 'ReadOnly' | 'WriteOnly' | 'None';

/** From GetEventSelectors, basic and advanced selectors normalised to what management events are recorded. */
export type TrailEventSelectors = ResourceAttribute<{
  /** Management events recorded: `All`, `ReadOnly`, `WriteOnly` or `None`. */
  managementEvents: ManagementEventsRecorded;
  /** True when the trail uses advanced event selectors. */
  advanced: boolean;
  /**
   * Management event sources left out of what `managementEvents` says is recorded
   * (e.g. `kms.amazonaws.com`), or a description such as `sources other than s3.amazonaws.com`.
   */
  excludedManagementEventSources: readonly string[];
}>;
