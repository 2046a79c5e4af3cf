import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  FINDING_SHARDS,
  findingItem,
  findingKeys,
  itemSize,
  lastObservedAt,
  parseScanScope,
  type ScanScope,
  scanItem,
  shardOf,
  storedWorkflow,
  transitionItem,
} from '../../lambdas/core/findings/items.js';
import { FINDINGS_TABLE_SCHEMA } from '../../lambdas/core/findings/table-schema.js';
import { ACCOUNT, CHECK_A, CHECK_B, day, finding, report, scopeError } from '../helpers/findings.js';
import { byArn, sampleStates } from '../helpers/stored-findings.js';

describe('Function: findingItem', () => {
  it('puts only open FAILs on the sparse open-findings index, keyed by severity then SRM class', () => {
    // Prepare
    const { states } = sampleStates();

    // Act
    const open = unmarshall(findingItem(ACCOUNT, byArn(states, 'arn:aws:s3:::open'), 90));
    const suppressed = unmarshall(findingItem(ACCOUNT, byArn(states, 'arn:aws:s3:::accepted'), 90));
    const passing = unmarshall(findingItem(ACCOUNT, byArn(states, 'arn:aws:s3:::fine'), 90));

    // Assess
    const { partitionKey, sortKey } = FINDINGS_TABLE_SCHEMA.openFindingsIndex;
    expect(open[partitionKey]).toBe(`ACCOUNT#${ACCOUNT}#OPEN#0-critical`);
    expect(open[sortKey]).toMatch(new RegExp(`^abstracted#backup-recovery#${CHECK_A}#[0-9a-f]{32}$`));
    expect(suppressed[partitionKey]).toBeUndefined();
    expect(passing[partitionKey]).toBeUndefined();
  });

  it('gives RESOLVED findings a TTL from lastSeenAt and never expires open or suppressed ones', () => {
    // Prepare
    const { states } = sampleStates();

    // Act
    const gone = unmarshall(findingItem(ACCOUNT, byArn(states, 'arn:aws:s3:::gone'), 90));
    const passing = unmarshall(findingItem(ACCOUNT, byArn(states, 'arn:aws:s3:::fine'), 30));
    const open = unmarshall(findingItem(ACCOUNT, byArn(states, 'arn:aws:s3:::open'), 90));
    const suppressed = unmarshall(findingItem(ACCOUNT, byArn(states, 'arn:aws:s3:::accepted'), 90));

    // Assess
    const ttl = FINDINGS_TABLE_SCHEMA.ttlAttribute;
    expect(gone[ttl]).toBe(day(0).getTime() / 1000 + 90 * 86_400);
    expect(passing[ttl]).toBe(day(1).getTime() / 1000 + 30 * 86_400);
    expect(open[ttl]).toBeUndefined();
    expect(suppressed[ttl]).toBeUndefined();
  });

  it('spreads one account over all shards instead of one partition', () => {
    // Prepare
    const ids = Array.from({ length: 2000 }, (_, i) => `${i.toString(16).padStart(32, '0')}`);

    // Act
    const shards = new Map<string, number>();
    for (const id of ids) shards.set(shardOf(id), (shards.get(shardOf(id)) ?? 0) + 1);

    // Assess
    expect(shards.size).toBe(FINDING_SHARDS);
    expect(Math.max(...shards.values())).toBeLessThan((2000 / FINDING_SHARDS) * 1.5);
    expect(findingKeys.finding(ACCOUNT, { id: 'abc', checkId: 'c' }).pk).toBe(
      `ACCOUNT#${ACCOUNT}#FINDING#${shardOf('abc')}`,
    );
  });
});

describe('Function: transitionItem and scanItem', () => {
  it('writes history items with a TTL and a scan summary with counts', () => {
    // Prepare
    const { lifecycle } = sampleStates();
    const transition = lifecycle.transitions.find((t) => t.kind === 'new');
    if (!transition) throw new Error('expected a new finding');
    const scanReport = report([finding(CHECK_A, 'arn:aws:s3:::open', 'FAIL', { severity: 'critical' })]);

    // Act
    const history = unmarshall(transitionItem(ACCOUNT, transition, 90));
    const summary = unmarshall(scanItem(scanReport, { lifecycle: lifecycle.summary }, 90));

    // Assess
    expect(history).toMatchObject({
      pk: `ACCOUNT#${ACCOUNT}#HISTORY#${shardOf(transition.state.id)}`,
      sk: `${transition.state.id}#${day(1).toISOString()}`,
      type: 'TRANSITION',
      kind: 'new',
      to: 'NEW',
      ttl: day(1).getTime() / 1000 + 90 * 86_400,
    });
    expect(summary).toMatchObject({
      pk: `ACCOUNT#${ACCOUNT}#SCAN`,
      type: 'SCAN',
      totals: { FAIL: 1, failedBySeverity: { critical: 1 } },
      coverage: { evaluated: 1, notEvaluated: 0, share: 1 },
      lifecycle: { new: 1, resolved: 1, suppressed: 1 },
    });
  });
});

describe('Function: itemSize', () => {
  it('counts attribute names and UTF-8 value bytes as DynamoDB does', () => {
    // Prepare
    const item = marshall({ pk: 'ab', name: 'é', n: 12345, list: ['a'], map: { k: 'v' }, flag: true });

    // Act
    const size = itemSize(item);

    // Assess
    // pk+ab = 4, name+é = 4+2, n+12345 = 1+4, list = 4+3+1+1, map = 3+3+1+(1+1), flag = 4+1
    expect(size).toBe(4 + 6 + 5 + 9 + 9 + 5);
  });
});

describe('Function: lastObservedAt', () => {
  const scope = (when: number, overrides: Partial<ScanScope> = {}): ScanScope => ({
    scanId: `scan-${when}`,
    startedAt: day(when).toISOString(),
    checkIds: [CHECK_A, CHECK_B],
    regions: ['us-east-1', 'eu-west-1'],
    erroredScopes: [],
    ...overrides,
  });

  it('takes the newest scan summary whose checks, regions and errors cover the finding', () => {
    // Prepare
    const { states } = sampleStates();
    const open = byArn(states, 'arn:aws:s3:::open');
    const scans = [
      scope(2),
      scope(3),
      scope(4, { checkIds: [CHECK_B] }),
      scope(5, { regions: ['eu-west-1'] }),
      scope(6, { erroredScopes: [{ checkId: CHECK_A, account: true, regions: [], findingIds: [] }] }),
      scope(7, { erroredScopes: [{ checkId: CHECK_A, account: false, regions: [], findingIds: [open.id] }] }),
      scope(8, { erroredScopes: [{ checkId: CHECK_A, account: false, regions: [], findingIds: [], truncated: true }] }),
    ];

    // Act
    const observed = lastObservedAt(open, scans);

    // Assess
    expect(open.lastSeenAt).toBe(day(1).toISOString());
    expect(observed).toBe(day(3).toISOString());
    expect(storedWorkflow({ ...open, workflow: 'NEW' }, observed)).toBe('ACTIVE');
    expect(storedWorkflow({ ...open, workflow: 'NEW' }, open.lastSeenAt)).toBe('NEW');
  });

  it('keeps lastSeenAt for a finding resolved as gone', () => {
    // Prepare
    const { states } = sampleStates();
    const gone = byArn(states, 'arn:aws:s3:::gone');

    // Act
    const observed = lastObservedAt(gone, [scope(5)]);

    // Assess
    expect(gone.resolution).toBe('GONE');
    expect(observed).toBe(gone.lastSeenAt);
  });

  it('reads back the scope a scan summary records, errored regions and resources included', () => {
    // Prepare
    const { lifecycle } = sampleStates();
    const scanReport = report(
      [
        finding(CHECK_A, 'arn:aws:s3:::one', 'ERROR'),
        scopeError(CHECK_B, 'ec2', 'eu-west-1'),
        finding(CHECK_B, 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1', 'PASS'),
      ],
      { startedAt: day(3).toISOString() },
    );
    const item = scanItem(scanReport, { lifecycle: lifecycle.summary, passResults: 'count' }, 90);

    // Act
    const parsed = parseScanScope(item);

    // Assess
    expect(unmarshall(item)).toMatchObject({
      passResults: 'count',
      checks: [{ checkId: CHECK_A }, { checkId: CHECK_B, passed: 1 }],
    });
    expect(parsed).toMatchObject({
      startedAt: day(3).toISOString(),
      checkIds: [CHECK_A, CHECK_B],
      regions: ['us-east-1', 'eu-west-1'],
      erroredScopes: [
        {
          checkId: CHECK_A,
          account: false,
          regions: [],
          findingIds: [finding(CHECK_A, 'arn:aws:s3:::one', 'ERROR').id],
        },
        { checkId: CHECK_B, account: false, regions: ['eu-west-1'] },
      ],
    });
  });

  it('treats a check with errors as errored everywhere in a summary written before scopes were recorded', () => {
    // Prepare
    const legacy = marshall({
      scanId: 'old',
      startedAt: day(3).toISOString(),
      regions: ['us-east-1'],
      checks: [
        { checkId: CHECK_A, results: 2, passed: 1, failed: 0, suppressed: 0, errored: 1 },
        { checkId: CHECK_B, results: 1, passed: 1, failed: 0, suppressed: 0, errored: 0 },
      ],
    });

    // Act
    const parsed = parseScanScope(legacy);

    // Assess
    expect(parsed.erroredScopes).toEqual([
      { checkId: CHECK_A, account: true, regions: [], findingIds: [], truncated: true },
    ]);
  });
});
