import {
  type AccessPointDescription,
  DescribeBackupPolicyCommand,
  DescribeFileSystemPolicyCommand,
  EFSClient,
  type FileSystemDescription,
  paginateDescribeAccessPoints,
  paginateDescribeFileSystems,
  paginateDescribeReplicationConfigurations,
} from '@aws-sdk/client-efs';
import { isAwsError } from '../aws/clients.js';
import type { EfsAccessPoint, EfsFileSystem, EfsReplication } from '../inventory/index.js';
import { parsePolicyDocument } from '../policy/index.js';
import { collectEach } from './context.js';
import { tagRecord } from './shapes.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** DescribeFileSystems and DescribeAccessPoints return at most 100 items per page (the default). */
const EFS_PAGE_SIZE = 100;

const fileSystemArn = (context: CollectContext, id: string): string =>
  `arn:${context.partition}:elasticfilesystem:${context.region}:${context.accountId}:file-system/${id}`;

const accessPointArn = (context: CollectContext, id: string): string =>
  `arn:${context.partition}:elasticfilesystem:${context.region}:${context.accountId}:access-point/${id}`;

function toFileSystem(fs: FileSystemDescription & { FileSystemId: string }, context: CollectContext): EfsFileSystem {
  const tags = tagRecord(fs.Tags);
  return {
    arn: fs.FileSystemArn ?? fileSystemArn(context, fs.FileSystemId),
    id: fs.FileSystemId,
    region: context.region,
    accountId: context.accountId,
    tags,
    ...(fs.Name && { name: fs.Name }),
    ...(fs.LifeCycleState !== undefined && { lifeCycleState: fs.LifeCycleState }),
    encrypted: fs.Encrypted === true,
    ...(fs.KmsKeyId && { kmsKeyId: fs.KmsKeyId }),
    numberOfMountTargets: fs.NumberOfMountTargets ?? 0,
    ...(fs.CreationTime !== undefined && { creationTime: fs.CreationTime }),
  };
}

function toAccessPoint(
  ap: AccessPointDescription & { AccessPointId: string; FileSystemId: string },
  context: CollectContext,
): EfsAccessPoint {
  const tags = tagRecord(ap.Tags);
  const user = ap.PosixUser;
  return {
    arn: ap.AccessPointArn ?? accessPointArn(context, ap.AccessPointId),
    id: ap.AccessPointId,
    region: context.region,
    accountId: context.accountId,
    ...(Object.keys(tags).length > 0 && { tags }),
    ...(ap.Name && { name: ap.Name }),
    fileSystemId: ap.FileSystemId,
    ...(ap.LifeCycleState !== undefined && { lifeCycleState: ap.LifeCycleState }),
    ...(user?.Uid !== undefined &&
      user.Gid !== undefined && {
        posixUser: { uid: user.Uid, gid: user.Gid, secondaryGids: user.SecondaryGids ?? [] },
      }),
    // Without a RootDirectory the access point exposes the file system's root.
    rootDirectoryPath: ap.RootDirectory?.Path || '/',
  };
}

const fileSystemsOf = (context: CollectContext): EfsFileSystem[] =>
  context.get('efs.fileSystems').filter((fs) => fs.region === context.region);

export const efsCollectors: SliceCollectors<
  'efs.fileSystems' | 'efs.fileSystemPolicies' | 'efs.backupPolicies' | 'efs.accessPoints' | 'efs.replications'
> = {
  'efs.fileSystems': {
    key: 'efs.fileSystems',
    scope: 'regional',
    actions: ['elasticfilesystem:DescribeFileSystems'],
    async collect(context) {
      const client = context.clients.get(EFSClient, context.region);
      const fileSystems: EfsFileSystem[] = [];
      for await (const page of paginateDescribeFileSystems({ client, pageSize: EFS_PAGE_SIZE }, {})) {
        for (const fs of page.FileSystems ?? []) {
          if (fs.FileSystemId) fileSystems.push(toFileSystem({ ...fs, FileSystemId: fs.FileSystemId }, context));
        }
      }
      return fileSystems;
    },
  },

  'efs.fileSystemPolicies': {
    key: 'efs.fileSystemPolicies',
    scope: 'regional',
    actions: ['elasticfilesystem:DescribeFileSystemPolicy'],
    dependsOn: ['efs.fileSystems'],
    async collect(context) {
      const client = context.clients.get(EFSClient, context.region);
      const policies = await collectEach(context, fileSystemsOf(context), async (fs) => {
        try {
          const { Policy } = await client.send(new DescribeFileSystemPolicyCommand({ FileSystemId: fs.id }));
          return { arn: fs.arn, region: fs.region, policy: Policy ? parsePolicyDocument(Policy) : null };
        } catch (error) {
          // PolicyNotFound: the file system has no policy, so EFS applies its default (full access to any client).
          if (isAwsError(error, 'PolicyNotFound')) return { arn: fs.arn, region: fs.region, policy: null };
          if (isAwsError(error, 'FileSystemNotFound')) return null;
          throw error;
        }
      });
      return policies.filter((p) => p !== null);
    },
  },

  'efs.backupPolicies': {
    key: 'efs.backupPolicies',
    scope: 'regional',
    actions: ['elasticfilesystem:DescribeBackupPolicy'],
    dependsOn: ['efs.fileSystems'],
    async collect(context) {
      const client = context.clients.get(EFSClient, context.region);
      const policies = await collectEach(context, fileSystemsOf(context), async (fs) => {
        try {
          const { BackupPolicy } = await client.send(new DescribeBackupPolicyCommand({ FileSystemId: fs.id }));
          return { arn: fs.arn, region: fs.region, status: BackupPolicy?.Status ?? null };
        } catch (error) {
          // PolicyNotFound: no backup policy was ever set, so automatic backups are off.
          if (isAwsError(error, 'PolicyNotFound')) return { arn: fs.arn, region: fs.region, status: null };
          if (isAwsError(error, 'FileSystemNotFound')) return null;
          throw error;
        }
      });
      return policies.filter((p) => p !== null);
    },
  },

  'efs.accessPoints': {
    key: 'efs.accessPoints',
    scope: 'regional',
    actions: ['elasticfilesystem:DescribeAccessPoints'],
    async collect(context) {
      const client = context.clients.get(EFSClient, context.region);
      const accessPoints: EfsAccessPoint[] = [];
      // Without a FileSystemId, one listing returns the access points of every file system in the region.
      for await (const page of paginateDescribeAccessPoints({ client, pageSize: EFS_PAGE_SIZE }, {})) {
        for (const ap of page.AccessPoints ?? []) {
          if (ap.AccessPointId && ap.FileSystemId) {
            accessPoints.push(
              toAccessPoint({ ...ap, AccessPointId: ap.AccessPointId, FileSystemId: ap.FileSystemId }, context),
            );
          }
        }
      }
      return accessPoints;
    },
  },

  'efs.replications': {
    key: 'efs.replications',
    scope: 'regional',
    actions: ['elasticfilesystem:DescribeReplicationConfigurations'],
    async collect(context) {
      const client = context.clients.get(EFSClient, context.region);
      const replications: EfsReplication[] = [];
      try {
        // Without a FileSystemId, one listing returns every replication configuration of the region.
        for await (const page of paginateDescribeReplicationConfigurations({ client, pageSize: EFS_PAGE_SIZE }, {})) {
          for (const replication of page.Replications ?? []) {
            if (!replication.SourceFileSystemId) continue;
            replications.push({
              region: context.region,
              sourceFileSystemId: replication.SourceFileSystemId,
              destinations: (replication.Destinations ?? []).flatMap((d) =>
                d.Region
                  ? [
                      {
                        region: d.Region,
                        ...(d.FileSystemId && { fileSystemId: d.FileSystemId }),
                        ...(d.Status && { status: d.Status }),
                      },
                    ]
                  : [],
              ),
            });
          }
        }
      } catch (error) {
        // EFS answers ReplicationNotFound when the region holds no replication configuration at all.
        if (isAwsError(error, 'ReplicationNotFound')) return [];
        throw error;
      }
      return replications;
    },
  },
};
