import { describe, expect, it } from 'vitest';
import { efsFileSystemInBackupPlan } from '../../../lambdas/core/checks/efs/index.js';
import {
  backupPlan,
  backupPolicy,
  dailyTagSelection,
  fileSystem,
  inventoryWith,
  runCheckOn,
} from '../../fixtures/efs.js';

const run = (fs: ReturnType<typeof fileSystem>, status: string | null, plans: ReturnType<typeof backupPlan>[]) =>
  runCheckOn(
    efsFileSystemInBackupPlan,
    inventoryWith({ 'efs.fileSystems': [fs], 'efs.backupPolicies': [backupPolicy(fs, status)], 'backup.plans': plans }),
  );

describe('Check: efs-file-system-in-backup-plan', () => {
  it('fails when automatic backups are off and no plan selects the file system', () => {
    // Prepare
    const fs = fileSystem('fs-0aaa', { name: 'harbor-media' });

    // Act
    const results = run(fs, null, [backupPlan('daily', [dailyTagSelection()])]);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: fs,
        message:
          'EFS file system fs-0aaa (harbor-media) is not backed up by AWS Backup: it is not selected by any of the 1 backup plan(s) in us-east-1 (daily).',
      },
    ]);
  });

  it('passes when automatic backups are on, whatever the plans', () => {
    // Act
    const [result] = run(fileSystem('fs-0aaa'), 'ENABLED', []);

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message:
        'EFS file system fs-0aaa is backed up by EFS automatic backups (AWS Backup plan aws/efs/automatic-backup-plan).',
    });
  });

  it('passes when a plan selects the file system by tag', () => {
    // Prepare
    const fs = fileSystem('fs-0aaa', { tags: { backup: 'daily' } });

    // Act
    const [result] = run(fs, 'DISABLED', [backupPlan('daily', [dailyTagSelection()])]);

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'EFS file system fs-0aaa is selected by AWS Backup plan daily (resource assignment daily-tagged).',
    });
  });

  it('fails when the only selecting plan is in another region', () => {
    // Prepare
    const fs = fileSystem('fs-0aaa', { region: 'eu-west-1', tags: { backup: 'daily' } });

    // Act
    const [result] = run(fs, null, [backupPlan('daily', [dailyTagSelection()])]);

    // Assess
    expect(result).toMatchObject({
      status: 'FAIL',
      message: 'EFS file system fs-0aaa is not backed up by AWS Backup: there is no backup plan in eu-west-1.',
    });
  });
});
