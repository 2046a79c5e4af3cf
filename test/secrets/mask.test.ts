import { describe, expect, it } from 'vitest';
import { maskSecret } from '../../lambdas/core/secrets/index.js';

describe('Function: maskSecret', () => {
  it('shows the first 4 characters and the length of a long value', () => {
    // Prepare
    const value = 'AKIAIOSFODNN7EXAMPLE';

    // Act
    const masked = maskSecret(value);

    // Assess
    expect(masked).toBe('AKIA…(20 chars)');
  });

  it('never shows more than a quarter of a short value', () => {
    // Prepare
    const values = ['abc', 'hunter2', 'Tr0ub4dor&3', 'correct-horse1'];

    // Act
    const masked = values.map(maskSecret);

    // Assess
    expect(masked).toEqual(['…(3 chars)', 'h…(7 chars)', 'Tr…(11 chars)', 'cor…(14 chars)']);
  });

  it('counts characters, not UTF-16 units', () => {
    // Prepare
    const value = '🔑🔑🔑🔑🔑🔑🔑🔑';

    // Act
    const masked = maskSecret(value);

    // Assess
    expect(masked).toBe('🔑🔑…(8 chars)');
  });

  it('marks an empty value', () => {
    // Prepare
    const value = '';

    // Act
    const masked = maskSecret(value);

    // Assess
    expect(masked).toBe('(empty)');
  });
});
