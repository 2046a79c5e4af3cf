import type { AwsResource } from './common.js';

/**
 * An AWS Config configuration recorder (DescribeConfigurationRecorders) with its status
 * (DescribeConfigurationRecorderStatus). The recording group is normalised: `recordsAllSupported`
 * is true for `allSupported` or the `ALL_SUPPORTED_RESOURCE_TYPES` strategy.
 */
export interface ConfigRecorder extends AwsResource {
  name: string;
  /** Set for a service-linked recorder (e.g. Security Hub's), which records only for that service. */
  servicePrincipal?: string;
  /** `ALL_SUPPORTED_RESOURCE_TYPES`, `EXCLUSION_BY_RESOURCE_TYPES` or `INCLUSION_BY_RESOURCE_TYPES`. */
  recordingStrategy: string;
  /** True when every supported resource type of the region is recorded. */
  recordsAllSupported: boolean;
  /** IAM users, groups, roles and policies (recorded once, in one region). */
  includeGlobalResourceTypes: boolean;
  /** Types left out by an exclusion strategy, or the only types recorded by an inclusion strategy. */
  excludedResourceTypes: readonly string[];
  includedResourceTypes: readonly string[];
  /** From the recorder's status; undefined when no status came back for it. */
  recording?: boolean;
  /** `Pending`, `Success` or `Failure` of the last delivery attempt. */
  lastStatus?: string;
}

/** An AWS Config delivery channel (DescribeDeliveryChannels). */
export interface ConfigDeliveryChannel extends AwsResource {
  name: string;
  s3BucketName?: string;
  snsTopicArn?: string;
}
