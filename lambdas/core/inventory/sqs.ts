import type { AwsResource, PolicyDocument } from './common.js';

/** A queue with the attributes GetQueueAttributes (All) returns that the checks read. */
export interface SqsQueue extends AwsResource {
  name: string;
  url: string;
  /** SSE-SQS: encryption with keys SQS owns. */
  sqsManagedSseEnabled: boolean;
  /** SSE-KMS: the KMS key (id, ARN or alias such as `alias/aws/sqs`); undefined without SSE-KMS. */
  kmsMasterKeyId?: string;
  /** The queue's access policy; null when it has none. */
  policy: PolicyDocument | null;
}
