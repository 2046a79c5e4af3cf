import { accountResource, defineCheck, fail, notEvaluated, pass } from '../define-check.js';
import { joinNames } from '../shared/text.js';
import { managementEventGap } from './trails.js';

export const cloudtrailMultiRegionTrailLogging = defineCheck({
  id: 'cloudtrail-multi-region-trail-logging',
  title: 'At least one multi-region CloudTrail trail is logging all read and write management events',
  service: 'cloudtrail',
  resourceType: 'AwsAccount',
  srmClass: 'abstracted',
  obligation: 'logging-audit',
  severity: 'high',
  requires: ['cloudtrail.trails', 'cloudtrail.trailStatus', 'cloudtrail.eventSelectors'],
  compliance: [
    { framework: 'aws-fsbp', control: 'CloudTrail.1' },
    { framework: 'aws-fsbp', control: 'CloudTrail.3' },
    { framework: 'cis-aws-3.0', control: '3.1' },
    { framework: 'cis-aws-4.0', control: '3.1' },
  ],
  risk:
    'Without a trail recording every region’s management events, changes made by an intruder (or in a region you ' +
    'do not use) leave no lasting record beyond the 90-day event history.',
  remediation: {
    text:
      'Create (or convert) a multi-region trail, start logging and keep its event selectors at all read and write ' +
      'management events with no excluded sources. An organization trail from the management account also counts.',
    cli:
      'aws cloudtrail create-trail --name <trail> --s3-bucket-name <bucket> --is-multi-region-trail ' +
      '--enable-log-file-validation && aws cloudtrail start-logging --name <trail>',
    url: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-create-and-update-a-trail.html',
  },
  evaluate: (inventory) => {
    const { trails, trailStatus, eventSelectors } = inventory.cloudtrail;
    const account = accountResource(inventory);
    const statusOf = new Map(trailStatus.map((s) => [s.arn, s]));
    const selectorsOf = new Map(eventSelectors.map((s) => [s.arn, s]));
    const multiRegion = trails.filter((t) => t.multiRegion);
    if (multiRegion.length === 0) {
      return [
        fail(
          account,
          trails.length === 0
            ? 'The account has no CloudTrail trail.'
            : `The account has no multi-region CloudTrail trail, only ${joinNames(trails.map((t) => `${t.name} (${t.homeRegion})`))}.`,
        ),
      ];
    }
    const judged = multiRegion.map((trail) => {
      const status = statusOf.get(trail.arn);
      const selectors = selectorsOf.get(trail.arn);
      if (!status || !selectors) return { trail, known: false as const };
      const gaps = [
        ...(status.isLogging ? [] : ['is not logging']),
        ...[managementEventGap(selectors)].filter((g): g is string => g !== undefined),
      ];
      return { trail, known: true as const, gaps };
    });
    const good = judged.find((j) => j.known && j.gaps.length === 0);
    if (good) {
      return [pass(account, `Multi-region trail ${good.trail.name} is logging all read and write management events.`)];
    }
    const unknown = judged.filter((j) => !j.known).map((j) => j.trail.name);
    if (unknown.length > 0) {
      return [
        notEvaluated(
          account,
          `No multi-region trail is known to log all management events, and the status or event selectors of ${joinNames(unknown)} could not be read.`,
        ),
      ];
    }
    const reasons = judged.map((j) => `${j.trail.name} ${joinNames(j.known ? j.gaps : [])}`);
    return [fail(account, `No multi-region trail logs all read and write management events: ${reasons.join('; ')}.`)];
  },
});
