import type { AwsResource, PolicyDocument } from './common.js';

/** A topic with the attributes GetTopicAttributes returns that the checks read. */
export interface SnsTopic extends AwsResource {
  name: string;
  /** The KMS key of server-side encryption (id, ARN or alias such as `alias/aws/sns`); undefined when SSE is off. */
  kmsMasterKeyId?: string;
  /** The topic's access policy; every topic has one (SNS writes a default owner-only policy). */
  policy: PolicyDocument | null;
}
