import { describe, expect, it } from 'vitest';
import type { Suppression } from '../../lambdas/core/config/suppression-schema.js';
import {
  computeLifecycle,
  type LifecycleResult,
  type PassResults,
  refreshDue,
  runScope,
  type StoredFinding,
  scopeVerdict,
} from '../../lambdas/core/findings/lifecycle.js';
import type { Finding } from '../../lambdas/core/findings/model.js';
import { applySuppressions } from '../../lambdas/core/findings/suppressions.js';
import { ACCOUNT, CHECK_A, CHECK_B, day, finding, report, scopeError } from '../helpers/findings.js';

const BUCKET = 'arn:aws:s3:::data';
const OTHER_BUCKET = 'arn:aws:s3:::logs';

/** What the table holds after a run: the previous states overwritten by the written ones. */
function stored(previous: readonly StoredFinding[], result: LifecycleResult): StoredFinding[] {
  const byId = new Map(previous.map((s) => [s.id, s]));
  for (const state of result.writes) byId.set(state.id, state);
  return [...byId.values()];
}

function run(
  previous: readonly StoredFinding[],
  findings: readonly Finding[],
  options: {
    when?: number;
    checks?: readonly string[];
    regions?: readonly string[];
    suppressions?: readonly Suppression[];
    passResults?: PassResults;
    lastSeenRefreshDays?: number;
  } = {},
): { result: LifecycleResult; table: StoredFinding[] } {
  const now = new Date(day(0).getTime() + (options.when ?? 0) * 24 * 60 * 60 * 1000);
  // The engine stamps suppressions right after evaluation; the lifecycle reads the stamp.
  const stamped = applySuppressions(findings, {
    suppressions: options.suppressions ?? [],
    now,
    ranCheckIds: options.checks ?? [CHECK_A, CHECK_B],
    catalogueCheckIds: [CHECK_A, CHECK_B],
  });
  const result = computeLifecycle({
    previous,
    report: report(stamped.findings, {
      startedAt: now.toISOString(),
      ...(options.checks && { checks: options.checks }),
      ...(options.regions && { regions: options.regions }),
    }),
    now,
    options: {
      ...(options.passResults && { passResults: options.passResults }),
      ...(options.lastSeenRefreshDays && { lastSeenRefreshDays: options.lastSeenRefreshDays }),
    },
  });
  return { result, table: stored(previous, result) };
}

const stateOf = (table: readonly StoredFinding[], checkId: string, arn: string): StoredFinding | undefined =>
  table.find((s) => s.checkId === checkId && s.resourceArn === arn);

describe('Function: computeLifecycle', () => {
  it('moves a finding NEW → ACTIVE → RESOLVED → REGRESSED → ACTIVE across runs', () => {
    // Prepare
    const failing = [finding(CHECK_A, BUCKET, 'FAIL')];
    const passing = [finding(CHECK_A, BUCKET, 'PASS')];

    // Act
    const first = run([], failing, { when: 0 });
    const second = run(first.table, failing, { when: 1 });
    const third = run(second.table, passing, { when: 2 });
    const fourth = run(third.table, failing, { when: 3 });
    const fifth = run(fourth.table, failing, { when: 4 });

    // Assess
    expect(
      [first, second, third, fourth, fifth].map((r) => stateOf(r.result.states, CHECK_A, BUCKET)?.workflow),
    ).toEqual(['NEW', 'ACTIVE', 'RESOLVED', 'REGRESSED', 'ACTIVE']);
    expect(first.result.summary).toMatchObject({ new: 1, active: 0, resolved: 0, regressed: 0, open: 1 });
    expect(second.result.summary).toMatchObject({ new: 0, active: 1, open: 1 });
    expect(third.result.summary).toMatchObject({ resolved: 1, open: 0, passing: 0 });
    // The stored NEW was not rewritten to ACTIVE (no write for NEW → ACTIVE alone): `from` is the stored workflow.
    expect(third.result.transitions).toMatchObject([{ kind: 'resolved', cause: 'passed', from: 'NEW' }]);
    expect(fourth.result.summary).toMatchObject({ regressed: 1, new: 0, open: 1 });
    expect(fourth.result.transitions).toMatchObject([{ kind: 'regressed', cause: 'failed-again', from: 'RESOLVED' }]);
    expect(fifth.result.transitions).toEqual([]);
  });

  it('keeps firstSeenAt, refreshes lastSeenAt and moves statusChangedAt only when the status changes', () => {
    // Prepare
    const first = run([], [finding(CHECK_A, BUCKET, 'FAIL')], { when: 0 });
    const second = run(first.table, [finding(CHECK_A, BUCKET, 'FAIL')], { when: 1 });

    // Act
    const third = run(second.table, [finding(CHECK_A, BUCKET, 'PASS')], { when: 2 });

    // Assess
    expect(stateOf(second.result.states, CHECK_A, BUCKET)).toMatchObject({
      firstSeenAt: day(0).toISOString(),
      lastSeenAt: day(1).toISOString(),
      statusChangedAt: day(0).toISOString(),
      firstFailedAt: day(0).toISOString(),
    });
    expect(stateOf(third.table, CHECK_A, BUCKET)).toMatchObject({
      status: 'PASS',
      firstSeenAt: day(0).toISOString(),
      statusChangedAt: day(2).toISOString(),
      workflowChangedAt: day(2).toISOString(),
      resolution: 'PASSED',
    });
  });

  it('resolves a failing finding as GONE when its resource is no longer reported by a check that ran', () => {
    // Prepare
    const first = run([], [finding(CHECK_A, BUCKET, 'FAIL'), finding(CHECK_A, OTHER_BUCKET, 'PASS')]);

    // Act
    const second = run(first.table, [finding(CHECK_A, OTHER_BUCKET, 'PASS')], { when: 1 });

    // Assess
    expect(stateOf(second.table, CHECK_A, BUCKET)).toMatchObject({
      workflow: 'RESOLVED',
      resolution: 'GONE',
      status: 'FAIL',
      lastSeenAt: day(0).toISOString(),
    });
    expect(second.result.transitions).toMatchObject([{ kind: 'resolved', cause: 'gone', from: 'NEW' }]);
    expect(second.result.summary.resolved).toBe(1);
  });

  it('stores a never-failing finding as RESOLVED without counting it as resolved, and its first failure as NEW', () => {
    // Prepare
    const first = run([], [finding(CHECK_A, BUCKET, 'PASS')]);

    // Act
    const second = run(first.table, [finding(CHECK_A, BUCKET, 'FAIL')], { when: 1 });

    // Assess
    expect(stateOf(first.table, CHECK_A, BUCKET)).toMatchObject({ workflow: 'RESOLVED', status: 'PASS' });
    expect(first.result.summary).toMatchObject({ passing: 1, resolved: 0, new: 0 });
    expect(first.result.transitions).toEqual([]);
    expect(second.result.transitions).toMatchObject([{ kind: 'new', cause: 'first-failure', from: 'RESOLVED' }]);
  });

  it('keeps the state of findings in a region whose collection errored, and resolves those of healthy regions', () => {
    // Prepare
    const east = 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1';
    const west = 'arn:aws:ec2:eu-west-1:123456789012:volume/vol-2';
    const first = run(
      [],
      [
        finding(CHECK_B, east, 'FAIL', { region: 'us-east-1' }),
        finding(CHECK_B, west, 'FAIL', { region: 'eu-west-1' }),
      ],
    );

    // Act
    const second = run(first.table, [scopeError(CHECK_B, 'ec2', 'eu-west-1')], { when: 1 });

    // Assess
    expect(stateOf(second.table, CHECK_B, west)).toMatchObject({ workflow: 'NEW', lastSeenAt: day(0).toISOString() });
    expect(stateOf(second.table, CHECK_B, east)).toMatchObject({ workflow: 'RESOLVED', resolution: 'GONE' });
    expect(second.result.summary).toMatchObject({ kept: 1, resolved: 1, open: 1 });
  });

  it('keeps global findings of a check when one of its regions errored, as the engine cannot judge them', () => {
    // Prepare
    const first = run([], [finding(CHECK_A, BUCKET, 'FAIL', { region: 'global' })]);

    // Act
    const second = run(first.table, [scopeError(CHECK_A, 's3', 'eu-west-1')], { when: 1 });

    // Assess
    expect(stateOf(second.table, CHECK_A, BUCKET)?.workflow).toBe('NEW');
    expect(second.result.summary).toMatchObject({ kept: 1, resolved: 0 });
  });

  it('keeps every finding of a check whose collection failed for the whole account (AccessDenied never resolves)', () => {
    // Prepare
    const first = run([], [finding(CHECK_A, BUCKET, 'FAIL'), finding(CHECK_A, OTHER_BUCKET, 'FAIL')]);

    // Act
    const second = run(first.table, [scopeError(CHECK_A, 's3', 'global')], { when: 1 });

    // Assess
    expect(second.result.states).toEqual([]);
    expect(second.result.transitions).toEqual([]);
    expect(second.result.summary).toMatchObject({ kept: 2, resolved: 0, open: 2 });
  });

  it('keeps the state of a resource whose own evaluation errored while the rest of the check ran', () => {
    // Prepare
    const first = run([], [finding(CHECK_A, BUCKET, 'FAIL'), finding(CHECK_A, OTHER_BUCKET, 'FAIL')]);

    // Act
    const second = run(first.table, [finding(CHECK_A, BUCKET, 'ERROR'), finding(CHECK_A, OTHER_BUCKET, 'FAIL')], {
      when: 1,
    });

    // Assess
    expect(stateOf(second.table, CHECK_A, BUCKET)).toMatchObject({ workflow: 'NEW', status: 'FAIL' });
    expect(stateOf(second.result.states, CHECK_A, OTHER_BUCKET)?.workflow).toBe('ACTIVE');
    expect(second.result.summary).toMatchObject({ kept: 1, active: 1, resolved: 0 });
  });

  it('keeps the findings of checks that were not selected in this run', () => {
    // Prepare
    const first = run([], [finding(CHECK_A, BUCKET, 'FAIL'), finding(CHECK_B, OTHER_BUCKET, 'FAIL')]);

    // Act
    const second = run(first.table, [finding(CHECK_B, OTHER_BUCKET, 'FAIL')], { when: 1, checks: [CHECK_B] });

    // Assess
    expect(stateOf(second.table, CHECK_A, BUCKET)?.workflow).toBe('NEW');
    expect(second.result.summary).toMatchObject({ kept: 1, resolved: 0, active: 1, open: 2 });
  });

  it('keeps the findings of regions this run did not scan', () => {
    // Prepare
    const east = 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1';
    const first = run([], [finding(CHECK_B, east, 'FAIL', { region: 'us-east-1' })]);

    // Act
    const second = run(first.table, [], { when: 1, checks: [CHECK_B], regions: ['eu-west-1'] });

    // Assess
    expect(stateOf(second.table, CHECK_B, east)?.workflow).toBe('NEW');
    expect(second.result.summary).toMatchObject({ kept: 1, resolved: 0 });
  });

  it('suppresses a failing finding without alerting, and makes it NEW again when the suppression expires', () => {
    // Prepare
    const suppressions: Suppression[] = [
      {
        checkId: 's3-*',
        resource: 'arn:aws:s3:::da*',
        reason: 'Legacy bucket, migration planned.',
        expiresAt: '2026-11-21',
      },
    ];
    const failing = [finding(CHECK_A, BUCKET, 'FAIL')];

    // Act
    const first = run([], failing, { when: 0, suppressions });
    const second = run(first.table, failing, { when: 1, suppressions });
    const third = run(second.table, failing, { when: 2, suppressions });

    // Assess
    expect(stateOf(first.table, CHECK_A, BUCKET)).toMatchObject({
      workflow: 'SUPPRESSED',
      status: 'FAIL',
      suppression: { reason: 'Legacy bucket, migration planned.', expiresAt: '2026-11-21' },
    });
    expect(first.result.summary).toMatchObject({ new: 0, suppressed: 1, open: 0 });
    expect(first.result.transitions).toMatchObject([{ kind: 'suppressed', cause: 'suppression-applied' }]);
    expect(second.result.transitions).toEqual([]);
    expect(stateOf(third.table, CHECK_A, BUCKET)).toMatchObject({ workflow: 'NEW' });
    expect(stateOf(third.table, CHECK_A, BUCKET)?.suppression).toBeUndefined();
    expect(third.result.transitions).toMatchObject([
      {
        kind: 'new',
        cause: 'suppression-lapsed',
        from: 'SUPPRESSED',
        lapsed: { reason: 'expired', suppression: { expiresAt: '2026-11-21' } },
      },
    ]);
  });

  it('says a suppression was removed, not expired, when it disappears before its expiry', () => {
    // Prepare
    const suppressions: Suppression[] = [
      { checkId: CHECK_A, resource: BUCKET, reason: 'Until the migration.', expiresAt: '2027-06-30' },
    ];
    const failing = [finding(CHECK_A, BUCKET, 'FAIL')];
    const first = run([], failing, { when: 0, suppressions });

    // Act
    const second = run(first.table, failing, { when: 1 });

    // Assess
    expect(second.result.transitions).toMatchObject([
      {
        kind: 'new',
        cause: 'suppression-lapsed',
        lapsed: { reason: 'removed', suppression: { expiresAt: '2027-06-30' } },
      },
    ]);
  });

  it('resolves a suppressed finding once it passes, so a later failure is REGRESSED', () => {
    // Prepare
    const suppressions: Suppression[] = [{ checkId: CHECK_A, resource: '*', reason: 'Accepted risk.' }];
    const first = run([], [finding(CHECK_A, BUCKET, 'FAIL')], { suppressions });

    // Act
    const second = run(first.table, [finding(CHECK_A, BUCKET, 'PASS')], { when: 1, suppressions });
    const third = run(second.table, [finding(CHECK_A, BUCKET, 'FAIL')], { when: 2 });

    // Assess
    expect(stateOf(second.table, CHECK_A, BUCKET)).toMatchObject({ workflow: 'RESOLVED', resolution: 'PASSED' });
    expect(second.result.summary.resolved).toBe(1);
    expect(third.result.transitions).toMatchObject([{ kind: 'regressed' }]);
  });

  it('never stores ERROR results as findings', () => {
    // Prepare
    const findings = [finding(CHECK_A, BUCKET, 'ERROR'), scopeError(CHECK_B, 'ec2', 'us-east-1')];

    // Act
    const { result } = run([], findings);

    // Assess
    expect(result.states).toEqual([]);
    expect(result.summary).toMatchObject({ new: 0, kept: 0, open: 0 });
  });

  it('redacts secrets in stored messages', () => {
    // Prepare
    const leaky = finding(CHECK_A, BUCKET, 'FAIL', {
      message:
        'Function env holds key AKIAIOSFODNN7EXAMPLE and DATABASE_URL postgres://admin:Sup3rS3cret@db.internal/app.',
    });

    // Act
    const { result } = run([], [leaky]);

    // Assess
    const message = result.states[0]?.message ?? '';
    expect(message).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(message).not.toContain('Sup3rS3cret');
    expect(message).toMatch(/holds key \[AWS access key ID, fingerprint [0-9a-f]{8}\] and DATABASE_URL/);
  });

  it('keeps the scanned account in every stored state', () => {
    // Prepare
    const findings = [finding(CHECK_A, BUCKET, 'FAIL')];

    // Act
    const { result } = run([], findings);

    // Assess
    expect(result.states.map((s) => s.accountId)).toEqual([ACCOUNT]);
  });
  describe('writes', () => {
    const buckets = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:s3:::bucket-${i}`);
    const mixed = (arns: readonly string[]) =>
      arns.map((arn, i) => finding(i % 3 === 0 ? CHECK_A : CHECK_B, arn, i % 2 === 0 ? 'FAIL' : 'PASS'));

    it('writes every state on the first run and nothing but transitions on an unchanged second run', () => {
      // Prepare
      const findings = mixed(buckets(200));
      const first = run([], findings, { when: 0 });

      // Act
      const second = run(first.table, findings, { when: 1 / 24, lastSeenRefreshDays: 365 });

      // Assess
      expect(first.result.writes).toHaveLength(200);
      expect(first.result.summary).toMatchObject({ written: 200, unchanged: 0 });
      expect(second.result.writes).toEqual([]);
      expect(second.result.transitions).toEqual([]);
      expect(second.result.summary).toMatchObject({ written: 0, unchanged: 200, active: 100, open: 100 });
    });

    it('writes exactly the states whose severity, message, suppression or status changed', () => {
      // Prepare
      const arns = buckets(6);
      const before = arns.map((arn) => finding(CHECK_A, arn, 'FAIL'));
      const first = run([], before, { when: 0 });
      const after = [
        finding(CHECK_A, arns[0] ?? '', 'FAIL', { severity: 'critical' }),
        finding(CHECK_A, arns[1] ?? '', 'FAIL', { message: 'Versioning is suspended since yesterday.' }),
        finding(CHECK_A, arns[2] ?? '', 'PASS'),
        finding(CHECK_A, arns[3] ?? '', 'FAIL'),
        finding(CHECK_A, arns[4] ?? '', 'FAIL'),
        finding(CHECK_A, arns[5] ?? '', 'FAIL'),
      ];
      const suppressions: Suppression[] = [
        { checkId: CHECK_A, resource: arns[3] ?? '', reason: 'Accepted.', expiresAt: '2027-01-01' },
      ];

      // Act
      const second = run(first.table, after, { when: 1 / 24, suppressions });

      // Assess
      expect(second.result.writes.map((s) => s.resourceArn).sort()).toEqual(arns.slice(0, 4).sort());
      expect(second.result.summary).toMatchObject({ written: 4, unchanged: 2 });
      expect(stateOf(second.table, CHECK_A, arns[0] ?? '')).toMatchObject({ severity: 'critical', workflow: 'ACTIVE' });
      expect(stateOf(second.table, CHECK_A, arns[4] ?? '')?.lastSeenAt).toBe(day(0).toISOString());
    });

    it('refreshes each unchanged state once per cycle, about one night in fourteen, never more than 14 days apart', () => {
      // Prepare
      const findings = mixed(buckets(1_000));
      let table = run([], findings, { when: 0 }).table;
      const written: number[] = [];
      const lastWrite = new Map(table.map((s) => [s.id, 0]));
      let longestGap = 0;

      // Act
      for (let night = 1; night <= 42; night += 1) {
        const next = run(table, findings, { when: night, lastSeenRefreshDays: 14 });
        written.push(next.result.writes.length);
        for (const state of next.result.writes) {
          longestGap = Math.max(longestGap, night - (lastWrite.get(state.id) ?? 0));
          lastWrite.set(state.id, night);
        }
        table = next.table;
      }

      // Assess
      expect(Math.max(...written)).toBeLessThanOrEqual(100);
      expect(written.reduce((a, b) => a + b, 0)).toBe(3_000);
      expect(longestGap).toBeLessThanOrEqual(14);
      for (const night of [1, 7, 14]) expect(written[night - 1]).toBeGreaterThan(0);
    });

    it('tells when a refresh is due from the finding id and the cycle, not from a shared date', () => {
      // Prepare
      const states = Array.from({ length: 100 }, (_, i) => ({ id: `finding-${i}`, lastSeenAt: day(0).toISOString() }));

      // Act
      const firstDue = states.map((state) =>
        Array.from({ length: 15 }, (_, n) => refreshDue(state, day(n), 14)).indexOf(true),
      );

      // Assess
      expect(firstDue.every((n) => n >= 1 && n <= 14)).toBe(true);
      expect(new Set(firstDue).size).toBeGreaterThanOrEqual(10);
    });

    it('never resolves on ERROR or out of scope although unchanged states were not rewritten', () => {
      // Prepare
      const east = 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1';
      const west = 'arn:aws:ec2:eu-west-1:123456789012:volume/vol-2';
      const findings = [
        finding(CHECK_A, BUCKET, 'FAIL', { region: 'global' }),
        finding(CHECK_B, east, 'FAIL', { region: 'us-east-1' }),
        finding(CHECK_B, west, 'FAIL', { region: 'eu-west-1' }),
      ];
      const first = run([], findings, { when: 0 });
      const unchanged = run(first.table, findings, { when: 1 / 24, lastSeenRefreshDays: 365 });

      // Act
      const errored = run(unchanged.table, [scopeError(CHECK_B, 'ec2', 'eu-west-1'), findings[1] as Finding], {
        when: 2 / 24,
        lastSeenRefreshDays: 365,
      });
      const partial = run(errored.table, [], {
        when: 3 / 24,
        checks: [CHECK_B],
        regions: ['ap-south-1'],
        lastSeenRefreshDays: 365,
      });

      // Assess
      expect(unchanged.result.writes).toEqual([]);
      expect(errored.result.writes).toEqual([]);
      expect(errored.result.summary).toMatchObject({ resolved: 0, kept: 2, unchanged: 1, open: 3 });
      expect(partial.result.writes).toEqual([]);
      expect(partial.result.summary).toMatchObject({ resolved: 0, kept: 3, open: 3 });
      expect(partial.table.map((s) => s.workflow)).toEqual(['NEW', 'NEW', 'NEW']);
    });
  });

  describe("passResults: 'count'", () => {
    it('stores failures only, yet resolves a FAIL that passes and regresses it when it fails again', () => {
      // Prepare
      const count = { passResults: 'count' as const };
      const first = run([], [finding(CHECK_A, BUCKET, 'FAIL'), finding(CHECK_A, OTHER_BUCKET, 'PASS')], count);

      // Act
      const second = run(first.table, [finding(CHECK_A, BUCKET, 'PASS'), finding(CHECK_A, OTHER_BUCKET, 'PASS')], {
        ...count,
        when: 1,
      });
      const third = run(second.table, [finding(CHECK_A, BUCKET, 'PASS'), finding(CHECK_A, OTHER_BUCKET, 'PASS')], {
        ...count,
        when: 1 + 1 / 24,
      });
      const fourth = run(third.table, [finding(CHECK_A, BUCKET, 'FAIL'), finding(CHECK_A, OTHER_BUCKET, 'PASS')], {
        ...count,
        when: 2,
      });

      // Assess
      expect(first.table.map((s) => s.resourceArn)).toEqual([BUCKET]);
      expect(first.result.summary).toMatchObject({ new: 1, passing: 1, written: 1, passesNotStored: 1 });
      expect(second.result.transitions).toMatchObject([{ kind: 'resolved', cause: 'passed', from: 'NEW' }]);
      expect(stateOf(second.table, CHECK_A, BUCKET)).toMatchObject({ workflow: 'RESOLVED', resolution: 'PASSED' });
      expect(third.result.writes).toEqual([]);
      expect(third.result.summary).toMatchObject({ unchanged: 1, passesNotStored: 1 });
      expect(fourth.result.transitions).toMatchObject([{ kind: 'regressed', from: 'RESOLVED' }]);
      expect(fourth.table.map((s) => s.resourceArn)).toEqual([BUCKET]);
    });

    it('lets passing states left from passResults store expire instead of refreshing them', () => {
      // Prepare
      const first = run([], [finding(CHECK_A, BUCKET, 'PASS')], { when: 0 });

      // Act
      const later = Array.from({ length: 20 }, (_, n) =>
        run(first.table, [finding(CHECK_A, BUCKET, 'PASS')], { when: n + 1, passResults: 'count' }),
      );

      // Assess
      expect(later.flatMap((r) => r.result.writes)).toEqual([]);
    });
  });
});

describe('Function: scopeVerdict', () => {
  const scope = (findings: readonly Finding[], options: { globalScope?: false } = {}) =>
    runScope({
      scan: { checks: [{ checkId: CHECK_A }], regions: ['us-east-1'], ...options },
      findings,
    });

  it.each([
    [{ checkId: CHECK_B, region: 'us-east-1' }, 'check-not-run', [], {}],
    [{ checkId: CHECK_A, region: 'eu-west-1' }, 'region-not-scanned', [], {}],
    [{ checkId: CHECK_A, region: 'global' }, 'global-scope-elsewhere', [], { globalScope: false as const }],
    [{ checkId: CHECK_A, region: 'global' }, 'errored', [scopeError(CHECK_A, 's3', 'us-east-1')], {}],
    [{ checkId: CHECK_A, region: 'us-east-1' }, 'covered', [scopeError(CHECK_B, 'ec2', 'us-east-1')], {}],
    [{ checkId: CHECK_A, region: 'global' }, 'covered', [], {}],
  ])('says %j is %s', (where, verdict, errors, options) => {
    // Prepare
    const run = scope(errors, options);

    // Act
    const result = scopeVerdict(run, { id: 'finding-1', ...where });

    // Assess
    expect(result).toBe(verdict);
  });
});
