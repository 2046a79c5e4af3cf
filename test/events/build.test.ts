import { describe, expect, it } from 'vitest';
import { scanEvents } from '../../lambdas/core/events/build.js';
import {
  EVENT_MESSAGE_MAX_BYTES,
  EVENT_SOURCE,
  findingEventDetailSchema,
  summaryEventDetailSchema,
} from '../../lambdas/core/events/schema.js';
import { computeLifecycle } from '../../lambdas/core/findings/lifecycle.js';
import { CHECK_A, day, finding, report } from '../helpers/findings.js';

function twoRuns() {
  const firstReport = report(
    [
      finding(CHECK_A, 'arn:aws:s3:::open', 'FAIL', {
        severity: 'critical',
        compliance: [{ framework: 'aws-fsbp', control: 'S3.14' }],
      }),
      finding(CHECK_A, 'arn:aws:s3:::fixed', 'FAIL'),
    ],
    { startedAt: day(0).toISOString() },
  );
  const first = computeLifecycle({ previous: [], report: firstReport, now: day(0) });
  const secondReport = report(
    [
      finding(CHECK_A, 'arn:aws:s3:::open', 'FAIL', { severity: 'critical' }),
      finding(CHECK_A, 'arn:aws:s3:::fixed', 'PASS'),
    ],
    { startedAt: day(1).toISOString() },
  );
  const second = computeLifecycle({ previous: first.states, report: secondReport, now: day(1) });
  return { firstReport, first, secondReport, second };
}

describe('Function: scanEvents', () => {
  it('emits one NEW event per new failing finding and a summary, each valid against the published schema', () => {
    // Prepare
    const { firstReport, first } = twoRuns();

    // Act
    const events = scanEvents({ report: firstReport, lifecycle: first.summary, transitions: first.transitions });

    // Assess
    expect(events.map((e) => e.detailType)).toEqual([
      'srm-scan Finding New',
      'srm-scan Finding New',
      'srm-scan Scan Summary',
    ]);
    expect(events.every((e) => e.source === EVENT_SOURCE)).toBe(true);
    const open = events.find((e) => e.resources[0] === 'arn:aws:s3:::open');
    const detail = findingEventDetailSchema.parse(open?.detail);
    expect(detail).toMatchObject({
      transition: 'NEW',
      cause: 'first-failure',
      workflow: 'NEW',
      status: 'FAIL',
      severity: 'critical',
      srmClass: 'abstracted',
      obligation: 'backup-recovery',
      checkId: CHECK_A,
      compliance: [{ framework: 'aws-fsbp', control: 'S3.14' }],
      remediationUrl: 'https://docs.aws.amazon.com/',
      scanId: firstReport.scan.id,
    });
    expect(detail.previousWorkflow).toBeUndefined();
    const summary = summaryEventDetailSchema.parse(events.at(-1)?.detail);
    expect(summary).toMatchObject({ transitions: { new: 2, regressed: 0, resolved: 0 }, open: 2, collectionIssues: 0 });
  });

  it('emits a RESOLVED event with the previous workflow state when a finding is fixed, and none for one still failing', () => {
    // Prepare
    const { secondReport, second } = twoRuns();

    // Act
    const events = scanEvents({ report: secondReport, lifecycle: second.summary, transitions: second.transitions });

    // Assess
    expect(events.map((e) => e.detailType)).toEqual(['srm-scan Finding Resolved', 'srm-scan Scan Summary']);
    expect(findingEventDetailSchema.parse(events[0]?.detail)).toMatchObject({
      transition: 'RESOLVED',
      cause: 'passed',
      workflow: 'RESOLVED',
      previousWorkflow: 'NEW',
      resolution: 'PASSED',
      status: 'PASS',
      firstSeenAt: day(0).toISOString(),
    });
    expect(summaryEventDetailSchema.parse(events[1]?.detail).transitions).toEqual({
      new: 0,
      regressed: 0,
      resolved: 1,
    });
  });

  it('masks secrets in the message and caps its size', () => {
    // Prepare
    const leaky = `User ci has access key AKIAIOSFODNN7EXAMPLE. ${'x'.repeat(10_000)}`;
    const leakyReport = report([finding(CHECK_A, 'arn:aws:s3:::leaky', 'FAIL', { message: leaky })]);
    const lifecycle = computeLifecycle({ previous: [], report: leakyReport, now: day(0) });

    // Act
    const [event] = scanEvents({
      report: leakyReport,
      lifecycle: lifecycle.summary,
      transitions: lifecycle.transitions,
    });

    // Assess
    const serialised = JSON.stringify(event?.detail);
    expect(serialised).not.toContain('AKIAIOSFODNN7EXAMPLE');
    const message = findingEventDetailSchema.parse(event?.detail).message;
    expect(Buffer.byteLength(message, 'utf8')).toBeLessThanOrEqual(EVENT_MESSAGE_MAX_BYTES);
    expect(message.endsWith('…')).toBe(true);
  });
});
