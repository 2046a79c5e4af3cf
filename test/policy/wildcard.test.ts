import { describe, expect, it } from 'vitest';
import { iamWildcardMatch } from '../../lambdas/core/policy/index.js';

describe('Function: iamWildcardMatch', () => {
  it.each([
    ['arn:aws:s3:::harbor-*', 'arn:aws:s3:::harbor-logs/2026/01/x.gz', true],
    ['arn:aws:s3:::harbor-logs/*', 'arn:aws:s3:::harbor-logs', false],
    ['arn:aws:s3:::log?', 'arn:aws:s3:::logs', true],
    ['arn:aws:s3:::log?', 'arn:aws:s3:::log', false],
    ['arn:aws:s3:::a.b', 'arn:aws:s3:::aXb', false],
  ])('matches %s against %s: %s', (pattern, value, expected) => {
    // Prepare
    const options = {};

    // Act
    const matched = iamWildcardMatch(pattern, value, options);

    // Assess
    expect(matched).toBe(expected);
  });

  it('compares case-sensitively unless asked not to, as IAM does for ARNs and actions', () => {
    // Prepare
    const pattern = 'STS:Assume*';

    // Act
    const strict = iamWildcardMatch(pattern, 'sts:AssumeRole');
    const relaxed = iamWildcardMatch(pattern, 'sts:AssumeRole', { ignoreCase: true });

    // Assess
    expect(strict).toBe(false);
    expect(relaxed).toBe(true);
  });
});
