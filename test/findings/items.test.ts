import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  FINDING_SHARDS,
  findingItem,
  findingKeys,
  itemSize,
  scanItem,
  shardOf,
  transitionItem,
} from '../../lambdas/core/findings/items.js';
import { FINDINGS_TABLE_SCHEMA } from '../../lambdas/core/findings/table-schema.js';
import { ACCOUNT, CHECK_A, day, finding, report } from '../helpers/findings.js';
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
