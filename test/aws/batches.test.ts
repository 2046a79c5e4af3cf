import { describe, expect, it } from 'vitest';
import { batchBySize, chunks } from '../../lambdas/core/aws/batches.js';

describe('chunks', () => {
  it('groups items in order, the last group shorter', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunks([], 25)).toEqual([]);
  });
});

describe('batchBySize', () => {
  it('starts a new group at the item limit or when the next item would pass the byte limit', () => {
    // Prepare
    const sizes = [4, 4, 4, 9, 1, 1, 1];

    // Act
    const groups = batchBySize(sizes, { maxItems: 3, maxBytes: 10, sizeOf: (n) => n });

    // Assess
    expect(groups).toEqual([[4, 4], [4], [9, 1], [1, 1]]);
  });

  it('gives an item over the byte limit a group of its own, for the caller to refuse or report', () => {
    expect(batchBySize([2, 20, 2], { maxItems: 10, maxBytes: 10, sizeOf: (n) => n })).toEqual([[2], [20], [2]]);
  });
});
