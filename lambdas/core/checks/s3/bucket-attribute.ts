import type { S3Bucket } from '../../inventory/index.js';
import type { CheckResult } from '../define-check.js';

/**
 * One result per bucket from the bucket and its attribute (matched by ARN). A bucket whose
 * attribute is missing, because its collection failed, gets no result: the engine reports it.
 */
export function judgeEachBucket<A extends { arn: string }>(
  buckets: readonly S3Bucket[],
  attributes: readonly A[],
  judge: (bucket: S3Bucket, attribute: A) => CheckResult,
): CheckResult[] {
  const byArn = new Map(attributes.map((a) => [a.arn, a]));
  return buckets.flatMap((bucket) => {
    const attribute = byArn.get(bucket.arn);
    return attribute ? [judge(bucket, attribute)] : [];
  });
}
