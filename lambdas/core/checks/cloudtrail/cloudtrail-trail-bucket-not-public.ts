import { defineCheck, fail, notEvaluated, pass } from '../define-check.js';
import { bucketExposure, describePublicAccess, EXPOSURE_SLICES, neutralisedNote } from '../shared/bucket-exposure.js';
import { joinNames } from '../shared/text.js';
import { ownTrails, trailLabel } from './trails.js';

/**
 * The trail's bucket judged like s3-bucket-no-public-read and -write ({@link bucketExposure}),
 * including statements that let an AWS service principal write for any account: a CloudTrail grant
 * on the whole bucket without aws:SourceArn or aws:SourceAccount lets any account's trail deliver
 * files into the audit bucket. The policy CloudTrail documents (writes below
 * `AWSLogs/<account-id>/`, now also pinned with aws:SourceArn) passes.
 */
export const cloudtrailTrailBucketNotPublic = defineCheck({
  id: 'cloudtrail-trail-bucket-not-public',
  title: 'The S3 bucket a CloudTrail trail delivers to allows no public read or write access',
  service: 'cloudtrail',
  resourceType: 'AwsCloudTrailTrail',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: ['cloudtrail.trails', ...EXPOSURE_SLICES],
  settings: ['internetExposurePrefix'],
  compliance: [{ framework: 'aws-fsbp', control: 'CloudTrail.6' }],
  risk:
    'A public log bucket hands attackers a map of your account (identities, resources, IP addresses) and, if ' +
    'writable, lets them delete or forge the evidence of what they did.',
  remediation: {
    text:
      'Make the trail’s bucket private: turn on Block Public Access and remove public ACL grants and policy ' +
      'statements; pin the CloudTrail statements with aws:SourceArn of your trails (or aws:SourceAccount), which ' +
      'Block Public Access does not do for service principals. Only trails whose bucket is in this account are ' +
      'evaluated; a bucket in another account (a central log archive) gives no result here and must be checked in ' +
      'that account.',
    cli:
      'aws s3api put-public-access-block --bucket <trail-bucket> --public-access-block-configuration ' +
      'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html',
  },
  evaluate: ({ cloudtrail, s3, accountId }, settings, { actions }) => {
    const bucketsByName = new Map(s3.buckets.map((b) => [b.name, b]));
    const exposureOf = bucketExposure(s3, actions, { internetExposurePrefix: settings.internetExposurePrefix });
    return ownTrails(cloudtrail.trails, accountId).flatMap((trail) => {
      const bucket = trail.s3BucketName ? bucketsByName.get(trail.s3BucketName) : undefined;
      if (!bucket) return [];
      const label = trailLabel(trail);
      const exposure = exposureOf(bucket);
      if (!exposure) {
        return [
          notEvaluated(
            trail,
            `${label} delivers to S3 bucket ${bucket.name}, whose access settings could not be collected.`,
          ),
        ];
      }
      const exposed = (['read', 'write'] as const)
        .map((kind) => describePublicAccess(exposure, kind))
        .filter((d) => d.isPublic);
      if (exposed.length > 0) {
        return [
          fail(trail, `${label} delivers to S3 bucket ${bucket.name}, which ${joinNames(exposed.map((d) => d.text))}.`),
        ];
      }
      const neutralised = exposure.grants.filter((g) => g.neutralisedBy !== undefined);
      return [
        pass(
          trail,
          `${label} delivers to S3 bucket ${bucket.name}, which allows no public read or write access${neutralisedNote(neutralised)}.`,
        ),
      ];
    });
  },
});
