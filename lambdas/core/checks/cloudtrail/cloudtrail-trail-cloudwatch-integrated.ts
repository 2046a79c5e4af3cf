import { defineCheck, fail, pass } from '../define-check.js';
import { ownTrails, trailLabel } from './trails.js';

/** How recent the last delivery to CloudWatch Logs must be (CIS: within the last day). */
const DELIVERY_WINDOW_MS = 24 * 60 * 60 * 1000;

export const cloudtrailTrailCloudwatchIntegrated = defineCheck({
  id: 'cloudtrail-trail-cloudwatch-integrated',
  title: 'CloudTrail trails deliver events to CloudWatch Logs, with a delivery within the last day',
  service: 'cloudtrail',
  resourceType: 'AwsCloudTrailTrail',
  srmClass: 'abstracted',
  obligation: 'logging-audit',
  severity: 'low',
  requires: ['cloudtrail.trails', 'cloudtrail.trailStatus'],
  compliance: [{ framework: 'aws-fsbp', control: 'CloudTrail.5' }],
  risk:
    'Events that only land in S3 are not searched or alarmed on in near real time, so root logins, policy changes or ' +
    'disabled logging go unnoticed until someone reads the files.',
  remediation: {
    text:
      'Send the trail to a CloudWatch Logs log group with a role CloudTrail can assume, then add metric filters and ' +
      'alarms. A trail that started logging less than a day ago passes until its first delivery is due.',
    cli: 'aws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn>',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/send-cloudtrail-events-to-cloudwatch-logs.html',
  },
  evaluate: ({ cloudtrail, accountId, scannedAt }) => {
    const statusOf = new Map(cloudtrail.trailStatus.map((s) => [s.arn, s]));
    const withinWindow = (time: Date): boolean => scannedAt.getTime() - time.getTime() <= DELIVERY_WINDOW_MS;
    return ownTrails(cloudtrail.trails, accountId).flatMap((trail) => {
      const label = trailLabel(trail);
      const logGroup = trail.cloudWatchLogsLogGroupArn;
      if (!logGroup) return [fail(trail, `${label} does not send events to CloudWatch Logs.`)];
      const status = statusOf.get(trail.arn);
      if (!status) return [];
      const last = status.latestCloudWatchLogsDeliveryTime;
      const error = status.latestCloudWatchLogsDeliveryError;
      if (last && withinWindow(last)) {
        return [pass(trail, `${label} last delivered to ${logGroup} at ${last.toISOString()}.`)];
      }
      // A trail delivers within minutes of starting; before a day has passed, no delivery yet is not a failure
      // unless CloudTrail already reports a delivery error.
      const started = status.startLoggingTime;
      if (!last && !error && status.isLogging && started && withinWindow(started)) {
        return [
          pass(
            trail,
            `${label} sends to ${logGroup} and started logging at ${started.toISOString()}, less than a day before the scan.`,
          ),
        ];
      }
      const when = last
        ? `last delivered at ${last.toISOString()}, more than a day before the scan`
        : 'has never delivered';
      return [
        fail(
          trail,
          `${label} sends to ${logGroup} but ${when}${error ? ` (latest error: ${error})` : ''}${status.isLogging ? '' : '; the trail is not logging'}.`,
        ),
      ];
    });
  },
});
