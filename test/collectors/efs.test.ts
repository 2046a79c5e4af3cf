import {
  DescribeAccessPointsCommand,
  DescribeBackupPolicyCommand,
  DescribeFileSystemPolicyCommand,
  DescribeFileSystemsCommand,
  DescribeReplicationConfigurationsCommand,
  EFSClient,
} from '@aws-sdk/client-efs';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { efsCollectors } from '../../lambdas/core/collectors/efs.js';
import { fileSystem } from '../fixtures/efs.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const efsMock = mockClient(EFSClient);
const fsArn = (id: string) => `arn:aws:elasticfilesystem:eu-west-1:123456789012:file-system/${id}`;
const apArn = (id: string) => `arn:aws:elasticfilesystem:eu-west-1:123456789012:access-point/${id}`;

/** EFS speaks REST-JSON: the error's name is its code, with the HTTP status AWS documents. */
const policyNotFound = () => awsError('json', 'PolicyNotFound', { status: 404 });

beforeEach(() => {
  efsMock.reset();
});

describe('Collector: efs.fileSystems', () => {
  it('pages through DescribeFileSystems at 100 per page and normalises each file system', async () => {
    // Prepare
    const created = new Date('2026-01-01T00:00:00Z');
    efsMock
      .on(DescribeFileSystemsCommand)
      .resolvesOnce({
        FileSystems: [
          {
            FileSystemId: 'fs-0aaa',
            FileSystemArn: fsArn('fs-0aaa'),
            OwnerId: '123456789012',
            CreationToken: 't1',
            CreationTime: created,
            LifeCycleState: 'available',
            NumberOfMountTargets: 2,
            SizeInBytes: { Value: 0 },
            PerformanceMode: 'generalPurpose',
            Encrypted: true,
            KmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k1',
            Name: 'harbor-media',
            Tags: [
              { Key: 'Name', Value: 'harbor-media' },
              { Key: 'backup', Value: 'daily' },
            ],
          },
        ],
        NextMarker: 'm2',
      })
      .resolvesOnce({
        FileSystems: [
          {
            FileSystemId: 'fs-0bbb',
            OwnerId: '123456789012',
            CreationToken: 't2',
            CreationTime: created,
            LifeCycleState: 'available',
            NumberOfMountTargets: 0,
            SizeInBytes: { Value: 0 },
            PerformanceMode: 'generalPurpose',
            Tags: [],
          },
        ],
      });

    // Act
    const { value } = await runCollector(efsCollectors['efs.fileSystems'], { region: 'eu-west-1' });

    // Assess
    expect(efsMock).toHaveReceivedNthCommandWith(DescribeFileSystemsCommand, 1, { MaxItems: 100 });
    expect(efsMock).toHaveReceivedNthCommandWith(DescribeFileSystemsCommand, 2, { MaxItems: 100, Marker: 'm2' });
    expect(value).toEqual([
      {
        arn: fsArn('fs-0aaa'),
        id: 'fs-0aaa',
        region: 'eu-west-1',
        accountId: '123456789012',
        tags: { Name: 'harbor-media', backup: 'daily' },
        name: 'harbor-media',
        lifeCycleState: 'available',
        encrypted: true,
        kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:key/k1',
        numberOfMountTargets: 2,
        creationTime: created,
      },
      {
        arn: fsArn('fs-0bbb'),
        id: 'fs-0bbb',
        region: 'eu-west-1',
        accountId: '123456789012',
        tags: {},
        lifeCycleState: 'available',
        encrypted: false,
        numberOfMountTargets: 0,
        creationTime: created,
      },
    ]);
  });
});

describe('Collector: efs.fileSystemPolicies', () => {
  it('reads each policy; PolicyNotFound is no policy, AccessDenied an issue for that file system', async () => {
    // Prepare
    const withPolicy = fileSystem('fs-0aaa', { region: 'eu-west-1' });
    const without = fileSystem('fs-0bbb', { region: 'eu-west-1' });
    const denied = fileSystem('fs-0ccc', { region: 'eu-west-1' });
    efsMock
      .on(DescribeFileSystemPolicyCommand, { FileSystemId: 'fs-0aaa' })
      .resolves({
        FileSystemId: 'fs-0aaa',
        Policy: JSON.stringify({
          Statement: [
            {
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Action: '*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        }),
      })
      .on(DescribeFileSystemPolicyCommand, { FileSystemId: 'fs-0bbb' })
      .rejects(policyNotFound())
      .on(DescribeFileSystemPolicyCommand, { FileSystemId: 'fs-0ccc' })
      .rejects(awsError('json', 'AccessDeniedException', { status: 403 }));

    // Act
    const { value, issues } = await runCollector(efsCollectors['efs.fileSystemPolicies'], {
      region: 'eu-west-1',
      dependencies: { 'efs.fileSystems': [withPolicy, without, denied] },
    });

    // Assess
    expect(value).toEqual([
      {
        arn: withPolicy.arn,
        region: 'eu-west-1',
        policy: {
          statements: [
            {
              effect: 'Deny',
              principal: { AWS: ['*'] },
              action: ['*'],
              condition: { Bool: { 'aws:SecureTransport': ['false'] } },
            },
          ],
        },
      },
      { arn: without.arn, region: 'eu-west-1', policy: null },
    ]);
    expect(issues.map((i) => [i.slice, i.resourceArn, i.errorCode])).toEqual([
      ['efs.fileSystemPolicies', denied.arn, 'AccessDeniedException'],
    ]);
  });
});

describe('Collector: efs.backupPolicies', () => {
  it('reads each backup policy status; PolicyNotFound means automatic backups are off', async () => {
    // Prepare
    const on = fileSystem('fs-0aaa', { region: 'eu-west-1' });
    const off = fileSystem('fs-0bbb', { region: 'eu-west-1' });
    efsMock
      .on(DescribeBackupPolicyCommand, { FileSystemId: 'fs-0aaa' })
      .resolves({ BackupPolicy: { Status: 'ENABLED' } })
      .on(DescribeBackupPolicyCommand, { FileSystemId: 'fs-0bbb' })
      .rejects(policyNotFound());

    // Act
    const { value, issues } = await runCollector(efsCollectors['efs.backupPolicies'], {
      region: 'eu-west-1',
      dependencies: { 'efs.fileSystems': [on, off] },
    });

    // Assess
    expect(issues).toEqual([]);
    expect(value).toEqual([
      { arn: on.arn, region: 'eu-west-1', status: 'ENABLED' },
      { arn: off.arn, region: 'eu-west-1', status: null },
    ]);
  });
});

describe('Collector: efs.accessPoints', () => {
  it('lists the region’s access points in pages and defaults the root directory to /', async () => {
    // Prepare
    efsMock
      .on(DescribeAccessPointsCommand)
      .resolvesOnce({
        AccessPoints: [
          {
            AccessPointId: 'fsap-0aaa',
            AccessPointArn: apArn('fsap-0aaa'),
            FileSystemId: 'fs-0aaa',
            Name: 'media-app',
            LifeCycleState: 'available',
            PosixUser: { Uid: 1000, Gid: 1000, SecondaryGids: [2000] },
            RootDirectory: { Path: '/media' },
          },
        ],
        NextToken: 'p2',
      })
      .resolvesOnce({ AccessPoints: [{ AccessPointId: 'fsap-0bbb', FileSystemId: 'fs-0aaa' }] });

    // Act
    const { value } = await runCollector(efsCollectors['efs.accessPoints'], { region: 'eu-west-1' });

    // Assess
    expect(efsMock).toHaveReceivedNthCommandWith(DescribeAccessPointsCommand, 2, { MaxResults: 100, NextToken: 'p2' });
    expect(value).toEqual([
      {
        arn: apArn('fsap-0aaa'),
        id: 'fsap-0aaa',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'media-app',
        fileSystemId: 'fs-0aaa',
        lifeCycleState: 'available',
        posixUser: { uid: 1000, gid: 1000, secondaryGids: [2000] },
        rootDirectoryPath: '/media',
      },
      {
        arn: apArn('fsap-0bbb'),
        id: 'fsap-0bbb',
        region: 'eu-west-1',
        accountId: '123456789012',
        fileSystemId: 'fs-0aaa',
        rootDirectoryPath: '/',
      },
    ]);
  });
});

describe('Collector: efs.replications', () => {
  it("pages through the region's replication configurations and keeps each destination region", async () => {
    // Prepare
    efsMock
      .on(DescribeReplicationConfigurationsCommand)
      .resolvesOnce({
        Replications: [
          {
            SourceFileSystemId: 'fs-0abc1234',
            SourceFileSystemRegion: 'eu-west-1',
            SourceFileSystemArn: fsArn('fs-0abc1234'),
            OriginalSourceFileSystemArn: fsArn('fs-0abc1234'),
            CreationTime: new Date('2026-06-01T00:00:00Z'),
            Destinations: [{ Region: 'ap-southeast-1', FileSystemId: 'fs-0def5678', Status: 'ENABLED' }],
          },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({ Replications: [] });

    // Act
    const { value } = await runCollector(efsCollectors['efs.replications'], { region: 'eu-west-1' });

    // Assess
    expect(efsMock).toHaveReceivedNthCommandWith(DescribeReplicationConfigurationsCommand, 2, {
      MaxResults: 100,
      NextToken: 'page-2',
    });
    expect(value).toEqual([
      {
        region: 'eu-west-1',
        sourceFileSystemId: 'fs-0abc1234',
        destinations: [{ region: 'ap-southeast-1', fileSystemId: 'fs-0def5678', status: 'ENABLED' }],
      },
    ]);
  });

  it('reads ReplicationNotFound as a region without replication', async () => {
    // Prepare
    efsMock
      .on(DescribeReplicationConfigurationsCommand)
      .rejects(awsError('json', 'ReplicationNotFound', { status: 404 }));

    // Act
    const { value } = await runCollector(efsCollectors['efs.replications'], { region: 'eu-west-1' });

    // Assess
    expect(value).toEqual([]);
  });

  it('fails the region when the listing is denied', async () => {
    // Prepare
    efsMock
      .on(DescribeReplicationConfigurationsCommand)
      .rejects(awsError('json', 'AccessDeniedException', { status: 403 }));

    // Act
    const run = runCollector(efsCollectors['efs.replications'], { region: 'eu-west-1' });

    // Assess
    await expect(run).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
