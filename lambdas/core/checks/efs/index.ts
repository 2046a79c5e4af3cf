export { efsAccessPointPosixUser } from './efs-access-point-posix-user.js';
export { efsAccessPointRootDirectory } from './efs-access-point-root-directory.js';
export { efsFileSystemAutomaticBackupsEnabled } from './efs-file-system-automatic-backups-enabled.js';
export { efsFileSystemEncrypted } from './efs-file-system-encrypted.js';
export { efsFileSystemInAllowedRegion } from './efs-file-system-in-allowed-region.js';
export { efsFileSystemInBackupPlan } from './efs-file-system-in-backup-plan.js';
export { efsFileSystemNotPublic } from './efs-file-system-not-public.js';
export { efsFileSystemTlsRequired } from './efs-file-system-tls-required.js';
