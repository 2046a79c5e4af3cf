import type { PolicyStatement } from '../../inventory/index.js';
import { grantsToEveryone, iamWildcardMatch, onlyInsecureTransport } from '../../policy/index.js';
import { defineCheck, fail, pass } from '../define-check.js';
import { bucketLabel } from '../shared/bucket-exposure.js';
import { describeActions, statementName } from '../shared/statements.js';
import { judgeEachBucket } from './bucket-attribute.js';

const coversAllS3Actions = (statement: PolicyStatement): boolean =>
  (statement.action ?? []).some((a) => a === '*' || a.toLowerCase() === 's3:*');

/** What a statement denies, for messages: `s3:PutObject on arn:aws:s3:::b/*`. */
const scopeOf = (statement: PolicyStatement): string =>
  `${describeActions(statement)} on ${statement.resource?.join(', ') ?? `every resource except ${(statement.notResource ?? []).join(', ')}`}`;

export const s3BucketTlsRequired = defineCheck({
  id: 's3-bucket-tls-required',
  title: 'S3 bucket policies deny every request made without TLS (aws:SecureTransport false) for all S3 actions',
  service: 's3',
  resourceType: 'AwsS3Bucket',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['s3.buckets', 's3.bucketPolicies'],
  compliance: [
    { framework: 'aws-fsbp', control: 'S3.5' },
    { framework: 'cis-aws-3.0', control: '2.1.1' },
    { framework: 'cis-aws-4.0', control: '2.1.1' },
  ],
  risk:
    'S3 still accepts plain HTTP, so requests, credentials-signed URLs and object data can be read or altered on the ' +
    'network unless the bucket policy refuses them.',
  remediation: {
    text:
      'Add a statement denying "s3:*" to every principal on the bucket and its objects when aws:SecureTransport is ' +
      'false. A deny limited to some actions (e.g. s3:PutObject) still lets the others travel in clear text.',
    cli: 'aws s3api put-bucket-policy --bucket <bucket> --policy file://<policy-with-deny-insecure-transport>.json',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
  },
  evaluate: ({ s3 }) =>
    judgeEachBucket(s3.buckets, s3.bucketPolicies, (bucket, { policy }) => {
      if (!policy)
        return fail(bucket, `${bucketLabel(bucket)} has no bucket policy, so it accepts plain-HTTP requests.`);
      const tlsDenies = policy.statements
        .map((statement, index) => ({ statement, name: statementName(statement, index) }))
        .filter(
          ({ statement }) =>
            statement.effect === 'Deny' && grantsToEveryone(statement) && onlyInsecureTransport(statement),
        );
      // The bucket and its objects may be covered by one statement or by one statement each.
      const allActions = tlsDenies.filter(({ statement }) => coversAllS3Actions(statement));
      const coveredBy = (target: string) =>
        allActions.find(({ statement }) => (statement.resource ?? []).some((r) => iamWildcardMatch(r, target)));
      const forBucket = coveredBy(bucket.arn);
      const forObjects = coveredBy(`${bucket.arn}/*`);
      if (forBucket && forObjects) {
        const names = [...new Set([forBucket.name, forObjects.name])];
        return pass(
          bucket,
          `${bucketLabel(bucket)} denies every S3 action over plain HTTP (statement${names.length > 1 ? 's' : ''} ${names.join(' and ')}).`,
        );
      }
      if (tlsDenies.length === 0) {
        return fail(
          bucket,
          `${bucketLabel(bucket)} has a bucket policy without a Deny for requests where aws:SecureTransport is false.`,
        );
      }
      const partial = tlsDenies.map(({ statement, name }) => `${name} (${scopeOf(statement)})`);
      const subject = partial.length === 1 ? `statement ${partial[0]} does` : `statements ${partial.join('; ')} do`;
      return fail(
        bucket,
        `${bucketLabel(bucket)} denies plain HTTP only in part: ${subject} not cover all S3 actions (s3:*) on the bucket and all its objects.`,
      );
    }),
});
