import { describe, expect, it } from 'vitest';
import { countOf, joinNames } from '../../../lambdas/core/checks/shared/text.js';

describe('Function: countOf', () => {
  it('uses the singular for one and the plural otherwise', () => {
    // Act
    const counts = [0, 1, 2].map((n) => countOf(n, 'custom origin'));

    // Assess
    expect(counts).toEqual(['0 custom origins', '1 custom origin', '2 custom origins']);
  });

  it('takes an irregular plural', () => {
    // Act
    const count = countOf(3, 'rule or rule group', 'rules or rule groups');

    // Assess
    expect(count).toBe('3 rules or rule groups');
  });
});

describe('Function: joinNames', () => {
  it('lists names as prose', () => {
    // Act
    const lists = [[], ['A'], ['A', 'B'], ['A', 'B', 'C']].map(joinNames);

    // Assess
    expect(lists).toEqual(['', 'A', 'A and B', 'A, B and C']);
  });
});
