import { describe, expect, it } from 'vitest';
import { ec2EbsVolumeInBackupPlan } from '../../../lambdas/core/checks/ec2/ec2-ebs-volume-in-backup-plan.js';
import { backupPlan, backupSelection, dailyTagSelection, ebsVolume, ec2Instance } from '../../fixtures/backup.js';
import { evaluate } from '../../fixtures/rds.js';

describe('Check: ec2-ebs-volume-in-backup-plan', () => {
  it('fails when neither the volume nor its instance is selected', () => {
    // Prepare
    const instance = ec2Instance('i-0web');
    const volume = ebsVolume('vol-0web', { attachedInstanceIds: ['i-0web'] });
    const plan = backupPlan('daily', [dailyTagSelection()]);

    // Act
    const results = evaluate(ec2EbsVolumeInBackupPlan, {
      'ec2.volumes': [volume],
      'ec2.instances': [instance],
      'backup.plans': [plan],
    });

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: volume,
        message:
          'EBS volume vol-0web is not backed up by AWS Backup: neither it nor its instance i-0web is selected by any of the 1 backup plan(s) in us-east-1 (daily).',
      },
    ]);
  });

  it('fails when no plan exists in the volume’s region', () => {
    // Prepare
    const volume = ebsVolume('vol-0eu', { region: 'eu-west-1', tags: { backup: 'daily' } });

    // Act
    const [result] = evaluate(ec2EbsVolumeInBackupPlan, {
      'ec2.volumes': [volume],
      'ec2.instances': [],
      'backup.plans': [backupPlan('daily', [dailyTagSelection()])],
    });

    // Assess
    expect(result?.message).toBe(
      'EBS volume vol-0eu is not backed up by AWS Backup: there is no backup plan in eu-west-1.',
    );
  });

  it('passes when the volume is selected by tag', () => {
    // Prepare
    const volume = ebsVolume('vol-0data', { tags: { backup: 'daily' } });

    // Act
    const [result] = evaluate(ec2EbsVolumeInBackupPlan, {
      'ec2.volumes': [volume],
      'ec2.instances': [],
      'backup.plans': [backupPlan('daily', [dailyTagSelection()])],
    });

    // Assess
    expect(result).toEqual({
      status: 'PASS',
      resource: volume,
      message: 'EBS volume vol-0data is selected by AWS Backup plan daily (resource assignment daily-tagged).',
    });
  });

  it('passes when the instance it is attached to is selected, even if volumes are excluded', () => {
    // Prepare
    const instance = ec2Instance('i-0app');
    const volume = ebsVolume('vol-0app', { attachedInstanceIds: ['i-0app'] });
    const selection = backupSelection('all-but-volumes', {
      resources: ['*'],
      notResources: ['arn:aws:ec2:*:*:volume/*'],
    });

    // Act
    const [result] = evaluate(ec2EbsVolumeInBackupPlan, {
      'ec2.volumes': [volume],
      'ec2.instances': [instance],
      'backup.plans': [backupPlan('nightly', [selection])],
    });

    // Assess
    expect(result?.status).toBe('PASS');
    expect(result?.message).toBe(
      'EBS volume vol-0app is selected through its instance i-0app by AWS Backup plan nightly (resource assignment all-but-volumes).',
    );
  });
});
