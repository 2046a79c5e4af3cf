import { beforeAll, describe, expect, it } from 'vitest';
import { ActionCatalog, wildcardServiceActions } from '../../lambdas/core/policy/index.js';

describe('Class: ActionCatalog', () => {
  let catalog: ActionCatalog;
  beforeAll(async () => {
    catalog = await ActionCatalog.load(['s3']);
  });

  it('expands s3:Get* to read actions only', () => {
    // Prepare
    const statement = { effect: 'Allow' as const, action: ['s3:Get*'] };

    // Act
    const levels = catalog.accessLevels(statement, 's3');

    // Assess
    expect([...levels].sort()).toEqual(['Read']);
    expect(catalog.statementActions(statement, 's3')).toContain('s3:GetObject');
  });

  it('classifies s3:PutBucketPolicy as permissions management and write', () => {
    // Prepare
    const action = 's3:PutBucketPolicy';

    // Act
    const levels = catalog.accessLevelsOf(action);

    // Assess
    expect([...levels].sort()).toEqual(['Permissions management', 'Write']);
  });

  it('treats NotAction as every other action of the service', () => {
    // Prepare
    const statement = { effect: 'Allow' as const, notAction: ['s3:Get*', 's3:List*'] };

    // Act
    const actions = catalog.statementActions(statement, 's3');

    // Assess
    expect(actions).toContain('s3:PutObject');
    expect(actions).not.toContain('s3:GetObject');
    expect(actions).not.toContain('s3:ListBucket');
  });

  it('ignores actions of other services', () => {
    // Prepare
    const statement = { effect: 'Allow' as const, action: ['sqs:*', 'S3:listbucket'] };

    // Act
    const actions = catalog.statementActions(statement, 's3');

    // Assess
    expect(actions).toEqual(['s3:ListBucket']);
  });

  it('rejects a service that was not loaded', () => {
    // Prepare
    const statement = { effect: 'Allow' as const, action: ['kms:*'] };

    // Act
    const expand = () => catalog.statementActions(statement, 'kms');

    // Assess
    expect(expand).toThrow(/not in the action catalogue/);
  });
});

describe('Function: wildcardServiceActions', () => {
  it('finds "*" and service-wide wildcards but not partial ones', () => {
    // Prepare
    const statement = { effect: 'Allow' as const, action: ['*', 'iam:*', 's3:Get*', 'ec2:DescribeInstances'] };

    // Act
    const wildcards = wildcardServiceActions(statement);

    // Assess
    expect(wildcards).toEqual(['*', 'iam:*']);
  });
});
