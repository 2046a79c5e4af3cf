import type { AwsResource, PolicyDocument, ResourceAttribute } from './common.js';

export interface EfsFileSystem extends AwsResource {
  /** The file system's `Name` tag, if any. */
  name?: string;
  lifeCycleState?: string;
  encrypted: boolean;
  kmsKeyId?: string;
  numberOfMountTargets: number;
  creationTime?: Date;
}

/** The file system policy; null when the file system has none (the default: any client that can mount it has full access). */
export type EfsFileSystemPolicy = ResourceAttribute<{ policy: PolicyDocument | null }>;

/**
 * The automatic-backup policy (DescribeBackupPolicy): `ENABLED`, `ENABLING`, `DISABLED` or
 * `DISABLING`; null when the file system has no backup policy, which means automatic backups are off.
 */
export type EfsBackupPolicy = ResourceAttribute<{ status: string | null }>;

export interface EfsAccessPoint extends AwsResource {
  name?: string;
  fileSystemId: string;
  lifeCycleState?: string;
  /** The POSIX identity every request through the access point is made as; undefined when none is enforced. */
  posixUser?: { uid: number; gid: number; secondaryGids: readonly number[] };
  /** The directory the access point exposes as the root; `/` (the file system's root) when none is set. */
  rootDirectoryPath: string;
}

/** An EFS replication configuration: the source file system and the regions its replica lives in. */
export interface EfsReplication {
  region: string;
  sourceFileSystemId: string;
  destinations: readonly { region: string; fileSystemId?: string; status?: string }[];
}
