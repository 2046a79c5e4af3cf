import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { CIS_AWS_4_0, isMapped } from '../../lambdas/core/compliance/cis-aws-4.0.js';

const byId = new Map(CHECKS.map((c) => [c.id, c]));
const cis40Refs = (checkId: string): string[] =>
  (byId.get(checkId)?.compliance ?? []).filter((r) => r.framework === 'cis-aws-4.0').map((r) => r.control);

/** `5.1.2` → [5, 1, 2], for ordering. */
const numbers = (id: string): number[] => id.split('.').map(Number);
const compareIds = (a: string, b: string): number => {
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
};

describe('Compliance: CIS AWS Foundations Benchmark v4.0', () => {
  it('lists the 64 recommendations of v4.0.1 once each, in benchmark order', () => {
    // Prepare
    const ids = CIS_AWS_4_0.map((r) => r.id);

    // Act
    const sorted = [...ids].sort(compareIds);

    // Assess
    expect(ids).toHaveLength(64);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(sorted);
    expect(ids.filter((id) => id.startsWith('4.'))).toHaveLength(16);
  });

  it('maps each recommendation to existing checks that carry its cis-aws-4.0 ref, or gives a reason', () => {
    // Prepare
    const problems: string[] = [];

    // Act
    for (const recommendation of CIS_AWS_4_0) {
      if (!isMapped(recommendation)) {
        if (recommendation.reason.trim() === '') problems.push(`${recommendation.id} has neither checks nor a reason`);
        continue;
      }
      if (recommendation.checks.length === 0) problems.push(`${recommendation.id} lists no check`);
      for (const checkId of recommendation.checks) {
        if (!byId.has(checkId)) problems.push(`${recommendation.id} names unknown check ${checkId}`);
        else if (!cis40Refs(checkId).includes(recommendation.id)) {
          problems.push(`${checkId} lacks the cis-aws-4.0 ref ${recommendation.id}`);
        }
      }
    }

    // Assess
    expect(problems).toEqual([]);
  });

  it('lists every cis-aws-4.0 ref of the catalogue under its recommendation', () => {
    // Prepare
    const listed = new Set(
      CIS_AWS_4_0.flatMap((r) => (isMapped(r) ? r.checks.map((checkId) => `${r.id} ${checkId}`) : [])),
    );

    // Act
    const missing = CHECKS.flatMap((check) => cis40Refs(check.id).map((control) => `${control} ${check.id}`)).filter(
      (ref) => !listed.has(ref),
    );

    // Assess
    expect(missing).toEqual([]);
  });
});
