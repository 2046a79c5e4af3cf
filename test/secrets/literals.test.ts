import { describe, expect, it } from 'vitest';
import { isLiteralSecret, isPlaceholder, isSecretReference } from '../../lambdas/core/secrets/index.js';

describe('Function: isSecretReference', () => {
  it.each([
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf',
    'arn:aws:ssm:us-east-1:123456789012:parameter/prod/db/password',
    'arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:db-AbCdEf',
    '{{resolve:secretsmanager:prod/db}}',
    '/prod/db/password',
    'secretsmanager:prod/db',
    'prod/orders/db',
  ])('recognises %s', (value) => {
    // Prepare
    const candidate = value;

    // Act
    const isReference = isSecretReference(candidate);

    // Assess
    expect(isReference).toBe(true);
  });

  it.each(['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'Tr0ub4dor&3', '/Kx9mQ2vL8pR4tY7wZ1nB5cF3hJ6dG0sA'])(
    'does not mistake %s for a reference',
    (value) => {
      // Prepare
      const candidate = value;

      // Act
      const isReference = isSecretReference(candidate);

      // Assess
      expect(isReference).toBe(false);
    },
  );
});

describe('Function: isPlaceholder', () => {
  it.each([
    '',
    'changeme',
    'TODO',
    '<password>',
    `\${SECRET}`,
    '$SECRET',
    '%SECRET%',
    '{{ secret }}',
    '__TOKEN__',
    '****',
    'xxxx-xxxx',
    'your_token_here',
  ])('recognises %j', (value) => {
    // Prepare
    const candidate = value;

    // Act
    const placeholder = isPlaceholder(candidate);

    // Assess
    expect(placeholder).toBe(true);
  });

  it('does not mistake a real-looking value for a placeholder', () => {
    // Prepare
    const candidate = 'Tr0ub4dor&3';

    // Act
    const placeholder = isPlaceholder(candidate);

    // Assess
    expect(placeholder).toBe(false);
  });
});

describe('Function: isLiteralSecret', () => {
  it('accepts any non-trivial literal for a password but wants randomness for other secrets', () => {
    // Prepare
    const value = 'plainword';

    // Act
    const asPassword = isLiteralSecret(value, 'password');
    const asSecret = isLiteralSecret(value, 'secret');

    // Assess
    expect(asPassword).toBe(true);
    expect(asSecret).toBe(false);
  });

  it('treats numbers as lifetimes for secrets but as values for passwords', () => {
    // Prepare
    const value = '86400';

    // Act
    const asPassword = isLiteralSecret(value, 'password');
    const asSecret = isLiteralSecret(value, 'secret');

    // Assess
    expect(asPassword).toBe(true);
    expect(asSecret).toBe(false);
  });
});
