import { describe, expect, it } from 'vitest';
import { efsFileSystemAutomaticBackupsEnabled } from '../../../lambdas/core/checks/efs/index.js';
import { backupPolicy, fileSystem, inventoryWith, runCheckOn } from '../../fixtures/efs.js';

const run = (status: string | null) => {
  const fs = fileSystem('fs-0aaa');
  return {
    fs,
    results: runCheckOn(
      efsFileSystemAutomaticBackupsEnabled,
      inventoryWith({ 'efs.fileSystems': [fs], 'efs.backupPolicies': [backupPolicy(fs, status)] }),
    ),
  };
};

describe('Check: efs-file-system-automatic-backups-enabled', () => {
  it('fails when the file system has no backup policy', () => {
    // Act
    const { fs, results } = run(null);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: fs,
        message: 'EFS file system fs-0aaa has automatic backups off (no backup policy).',
      },
    ]);
  });

  it('fails when the backup policy is disabled', () => {
    // Act
    const { results } = run('DISABLED');

    // Assess
    expect(results[0]).toMatchObject({
      status: 'FAIL',
      message: 'EFS file system fs-0aaa has automatic backups off (backup policy DISABLED).',
    });
  });

  it('passes when automatic backups are enabled', () => {
    // Act
    const { results } = run('ENABLED');

    // Assess
    expect(results[0]).toMatchObject({
      status: 'PASS',
      message: 'EFS file system fs-0aaa has automatic backups enabled.',
    });
  });

  it('produces no result when the backup policy could not be collected', () => {
    // Act
    const results = runCheckOn(
      efsFileSystemAutomaticBackupsEnabled,
      inventoryWith({ 'efs.fileSystems': [fileSystem('fs-0aaa')], 'efs.backupPolicies': [] }),
    );

    // Assess
    expect(results).toEqual([]);
  });
});
