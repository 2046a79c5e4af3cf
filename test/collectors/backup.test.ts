import {
  BackupClient,
  GetBackupSelectionCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
} from '@aws-sdk/client-backup';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { backupCollectors } from '../../lambdas/core/collectors/backup.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const backupMock = mockClient(BackupClient);

const planArn = (id: string, region = 'eu-west-1') => `arn:aws:backup:${region}:123456789012:backup-plan:${id}`;
const ROLE = 'arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole';

const collector = backupCollectors['backup.plans'];

beforeEach(() => {
  backupMock.reset();
});

describe('Collector: backup.plans', () => {
  it('pages through plans and selections and normalises every selection', async () => {
    // Prepare
    backupMock
      .on(ListBackupPlansCommand)
      .resolvesOnce({
        NextToken: 'plans-2',
        BackupPlansList: [{ BackupPlanId: 'p-daily', BackupPlanArn: planArn('p-daily'), BackupPlanName: 'daily' }],
      })
      .resolvesOnce({
        BackupPlansList: [{ BackupPlanId: 'p-draft', BackupPlanArn: planArn('p-draft'), BackupPlanName: 'draft' }],
      })
      .on(ListBackupSelectionsCommand, { BackupPlanId: 'p-daily' })
      .resolvesOnce({ NextToken: 'sel-2', BackupSelectionsList: [{ SelectionId: 's-tags', BackupPlanId: 'p-daily' }] })
      .resolvesOnce({ BackupSelectionsList: [{ SelectionId: 's-arns', BackupPlanId: 'p-daily' }] })
      .on(ListBackupSelectionsCommand, { BackupPlanId: 'p-draft' })
      .resolves({ BackupSelectionsList: [] })
      .on(GetBackupSelectionCommand, { BackupPlanId: 'p-daily', SelectionId: 's-tags' })
      .resolves({
        SelectionId: 's-tags',
        BackupPlanId: 'p-daily',
        BackupSelection: {
          SelectionName: 'tagged',
          IamRoleArn: ROLE,
          Resources: ['*'],
          ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'backup', ConditionValue: 'daily' }],
          Conditions: {
            StringEquals: [{ ConditionKey: 'aws:ResourceTag/stage', ConditionValue: 'prod' }],
            StringNotEquals: [{ ConditionKey: 'aws:ResourceTag/backup', ConditionValue: 'skip' }],
            StringLike: [{ ConditionKey: 'aws:ResourceTag/team', ConditionValue: 'data-*' }],
            StringNotLike: [],
          },
        },
      })
      .on(GetBackupSelectionCommand, { BackupPlanId: 'p-daily', SelectionId: 's-arns' })
      .resolves({
        BackupSelection: {
          SelectionName: 'databases',
          IamRoleArn: ROLE,
          Resources: ['arn:aws:rds:*:*:db:*'],
          NotResources: ['arn:aws:rds:eu-west-1:123456789012:db:scratch'],
        },
      });

    // Act
    const { value, issues } = await runCollector(collector, { region: 'eu-west-1' });

    // Assess
    expect(issues).toEqual([]);
    expect(backupMock).toHaveReceivedNthCommandWith(ListBackupPlansCommand, 1, { MaxResults: 1000 });
    expect(backupMock).toHaveReceivedNthCommandWith(ListBackupPlansCommand, 2, {
      MaxResults: 1000,
      NextToken: 'plans-2',
    });
    expect(backupMock).toHaveReceivedCommandWith(ListBackupSelectionsCommand, {
      BackupPlanId: 'p-daily',
      MaxResults: 1000,
      NextToken: 'sel-2',
    });
    expect(value).toEqual([
      {
        arn: planArn('p-daily'),
        id: 'p-daily',
        name: 'daily',
        region: 'eu-west-1',
        accountId: '123456789012',
        selections: [
          {
            id: 's-tags',
            name: 'tagged',
            resources: ['*'],
            notResources: [],
            listOfTags: [{ key: 'backup', value: 'daily' }],
            conditions: {
              stringEquals: [{ key: 'stage', value: 'prod' }],
              stringNotEquals: [{ key: 'backup', value: 'skip' }],
              stringLike: [{ key: 'team', value: 'data-*' }],
              stringNotLike: [],
            },
          },
          {
            id: 's-arns',
            name: 'databases',
            resources: ['arn:aws:rds:*:*:db:*'],
            notResources: ['arn:aws:rds:eu-west-1:123456789012:db:scratch'],
            listOfTags: [],
            conditions: { stringEquals: [], stringNotEquals: [], stringLike: [], stringNotLike: [] },
          },
        ],
      },
      {
        arn: planArn('p-draft'),
        id: 'p-draft',
        name: 'draft',
        region: 'eu-west-1',
        accountId: '123456789012',
        selections: [],
      },
    ]);
  });

  it('calls AWS Backup in the region it collects and makes no selection calls without plans', async () => {
    // Prepare
    backupMock.on(ListBackupPlansCommand).resolves({ BackupPlansList: [] });

    // Act
    const { value } = await runCollector(collector, { region: 'ap-southeast-1' });

    // Assess
    expect(value).toEqual([]);
    expect(await backupMock.commandCalls(ListBackupPlansCommand)[0]?.thisValue.config.region()).toBe('ap-southeast-1');
    expect(backupMock).toHaveReceivedCommandTimes(ListBackupSelectionsCommand, 0);
  });

  it('throws when listing plans is denied', async () => {
    // Prepare
    backupMock
      .on(ListBackupPlansCommand)
      .rejects(awsError('json', 'AccessDeniedException', { message: 'no backup access' }));

    // Act
    const collecting = runCollector(collector, { region: 'eu-west-1' });

    // Assess
    await expect(collecting).rejects.toThrow('no backup access');
  });

  it('throws when one selection cannot be read: coverage in the region would otherwise be guessed', async () => {
    // Prepare
    backupMock
      .on(ListBackupPlansCommand)
      .resolves({
        BackupPlansList: [{ BackupPlanId: 'p-daily', BackupPlanArn: planArn('p-daily'), BackupPlanName: 'daily' }],
      })
      .on(ListBackupSelectionsCommand)
      .resolves({ BackupSelectionsList: [{ SelectionId: 's-1' }, { SelectionId: 's-2' }] })
      .on(GetBackupSelectionCommand, { SelectionId: 's-1' })
      .resolves({ BackupSelection: { SelectionName: 'one', IamRoleArn: ROLE, Resources: ['*'] } })
      .on(GetBackupSelectionCommand, { SelectionId: 's-2' })
      .rejects(awsError('json', 'AccessDeniedException', { message: 'selection s-2 denied' }));

    // Act
    const collecting = runCollector(collector, { region: 'eu-west-1' });

    // Assess
    await expect(collecting).rejects.toThrow('selection s-2 denied');
  });

  it('throws when a plan’s selections cannot be listed', async () => {
    // Prepare
    backupMock
      .on(ListBackupPlansCommand)
      .resolves({
        BackupPlansList: [{ BackupPlanId: 'p-daily', BackupPlanArn: planArn('p-daily'), BackupPlanName: 'daily' }],
      })
      .on(ListBackupSelectionsCommand)
      .rejects(awsError('json', 'ResourceNotFoundException', { message: 'plan vanished' }));

    // Act
    const collecting = runCollector(collector, { region: 'eu-west-1' });

    // Assess
    await expect(collecting).rejects.toThrow('plan vanished');
  });
});
