import { describe, expect, it } from 'vitest';
import { describeActions, statementName } from '../../../lambdas/core/checks/shared/statements.js';
import type { PolicyStatement } from '../../../lambdas/core/inventory/index.js';

const statement = (fields: Partial<PolicyStatement>): PolicyStatement => ({
  effect: 'Allow',
  principal: { AWS: ['*'] },
  ...fields,
});

describe('Function: describeActions', () => {
  it('lists the actions, names what NotAction leaves out, and says when there is no action', () => {
    // Act
    const described = [
      statement({ action: ['s3:GetObject', 's3:ListBucket'] }),
      statement({ notAction: ['s3:DeleteObject'] }),
      statement({ action: [] }),
      statement({}),
    ].map(describeActions);

    // Assess
    expect(described).toEqual([
      's3:GetObject, s3:ListBucket',
      'every action except s3:DeleteObject',
      'no action',
      'no action',
    ]);
  });
});

describe('Function: statementName', () => {
  it('names a statement by its Sid, else by its position', () => {
    // Act
    const names = [statementName(statement({ sid: 'PublicRead' }), 0), statementName(statement({}), 2)];

    // Assess
    expect(names).toEqual(['PublicRead', '#3']);
  });
});
