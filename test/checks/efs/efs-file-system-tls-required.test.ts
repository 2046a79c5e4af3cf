import { describe, expect, it } from 'vitest';
import { efsFileSystemTlsRequired } from '../../../lambdas/core/checks/efs/index.js';
import { fileSystem, fileSystemPolicy, inventoryWith, policyOf, runCheckOn } from '../../fixtures/efs.js';

const insecure = { Bool: { 'aws:SecureTransport': 'false' } };

const run = (policy: ReturnType<typeof policyOf> | null) => {
  const fs = fileSystem('fs-0aaa', { name: 'harbor-media' });
  return {
    fs,
    results: runCheckOn(
      efsFileSystemTlsRequired,
      inventoryWith({ 'efs.fileSystems': [fs], 'efs.fileSystemPolicies': [fileSystemPolicy(fs, policy)] }),
    ),
  };
};

describe('Check: efs-file-system-tls-required', () => {
  it('fails when the file system has no policy', () => {
    // Act
    const { fs, results } = run(null);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: fs,
        message:
          'EFS file system fs-0aaa (harbor-media) has no file system policy, so clients may mount it without TLS.',
      },
    ]);
  });

  it('passes with the console’s "enforce in-transit encryption" statement (no Resource element)', () => {
    // Prepare
    const policy = policyOf([
      { Sid: 'EnforceTls', Effect: 'Deny', Principal: { AWS: '*' }, Action: '*', Condition: insecure },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]).toMatchObject({
      status: 'PASS',
      message: 'EFS file system fs-0aaa (harbor-media) refuses client access without TLS (statement EnforceTls).',
    });
  });

  it('passes when only ClientMount is denied, which refuses every plain mount', () => {
    // Prepare
    const policy = policyOf([
      { Effect: 'Deny', Principal: '*', Action: 'elasticfilesystem:ClientMount', Condition: insecure },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]?.status).toBe('PASS');
  });

  it('fails when the deny covers only writes', () => {
    // Prepare
    const policy = policyOf([
      {
        Sid: 'DenyWrite',
        Effect: 'Deny',
        Principal: '*',
        Action: 'elasticfilesystem:ClientWrite',
        Condition: insecure,
      },
    ]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]).toMatchObject({
      status: 'FAIL',
      message:
        'EFS file system fs-0aaa (harbor-media) denies plain connections only in part: statement DenyWrite does not cover elasticfilesystem:ClientMount on the file system.',
    });
  });

  it('fails when the policy has no transport deny', () => {
    // Prepare
    const policy = policyOf([{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'elasticfilesystem:ClientMount' }]);

    // Act
    const { results } = run(policy);

    // Assess
    expect(results[0]?.message).toBe(
      'EFS file system fs-0aaa (harbor-media) has a file system policy without a Deny for requests where aws:SecureTransport is false.',
    );
  });
});
