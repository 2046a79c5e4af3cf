import { describe, expect, it } from 'vitest';
import { efsFileSystemNotPublic } from '../../../lambdas/core/checks/efs/index.js';
import { fileSystem, fileSystemPolicy, inventoryWith, policyOf, runCheckOn } from '../../fixtures/efs.js';

const CLIENT_ACTIONS = ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'];

const run = (policy: ReturnType<typeof policyOf> | null) => {
  const fs = fileSystem('fs-0aaa');
  return {
    fs,
    results: runCheckOn(
      efsFileSystemNotPublic,
      inventoryWith({ 'efs.fileSystems': [fs], 'efs.fileSystemPolicies': [fileSystemPolicy(fs, policy)] }),
    ),
  };
};

describe('Check: efs-file-system-not-public', () => {
  it('fails when everyone may mount and write without a condition', () => {
    // Prepare
    const policy = policyOf([{ Sid: 'Open', Effect: 'Allow', Principal: { AWS: '*' }, Action: CLIENT_ACTIONS }]);

    // Act
    const { fs, results } = run(policy);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: fs,
        message:
          "EFS file system fs-0aaa's resource policy is open to every AWS account: statement Open grants everyone elasticfilesystem:ClientMount, elasticfilesystem:ClientWrite.",
      },
    ]);
  });

  it('passes the console’s "prevent anonymous access" statement, limited to clients coming through a mount target', () => {
    // Prepare
    const policy = policyOf([
      {
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: CLIENT_ACTIONS,
        Condition: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
      },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]).toMatchObject({
      status: 'PASS',
      message:
        "EFS file system fs-0aaa's file system policy opens nothing to every AWS account: its grants to everyone (statement #1 grants everyone elasticfilesystem:ClientMount, elasticfilesystem:ClientWrite) hold only for clients that come through its mount targets (elasticfilesystem:AccessedViaMountTarget).",
    });
  });

  it('fails when the mount-target condition is only BoolIfExists, which requests from elsewhere also meet', () => {
    // Prepare
    const policy = policyOf([
      {
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: CLIENT_ACTIONS,
        Condition: { BoolIfExists: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } },
      },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]?.status).toBe('FAIL');
  });

  it('passes a file system without a policy and says what that means', () => {
    // Act
    const { results } = run(null);

    // Assess
    expect(results[0]).toMatchObject({
      status: 'PASS',
      message:
        'EFS file system fs-0aaa has no file system policy: it grants nothing to other AWS accounts, and clients that reach its mount targets get full access.',
    });
  });
});
