import { defineCheck } from '../define-check.js';
import { residencyRemediation, residencyResults } from '../shared/residency.js';

export const efsFileSystemInAllowedRegion = defineCheck({
  id: 'efs-file-system-in-allowed-region',
  title: 'EFS file systems and their replicas are only in allowed regions',
  service: 'efs',
  resourceType: 'AwsEfsFileSystem',
  srmClass: 'abstracted',
  obligation: 'data-residency',
  severity: 'high',
  requires: ['efs.fileSystems', 'efs.replications'],
  settings: ['allowedRegions'],
  compliance: [],
  risk: 'Files live in the file system’s region; a file system outside the allowed regions stores that data where your regulators and contracts do not allow it.',
  remediation: residencyRemediation('file system'),
  evaluate: ({ efs, accountId, partition }, { allowedRegions }) =>
    residencyResults(
      { accountId, partition },
      allowedRegions,
      efs.fileSystems.map((fileSystem) => ({
        resource: fileSystem,
        kind: 'EFS file system',
        copies: efs.replications
          .filter((r) => r.region === fileSystem.region && r.sourceFileSystemId === fileSystem.id)
          .flatMap((r) => r.destinations)
          .map((d) => ({ what: `a replica${d.fileSystemId ? ` (${d.fileSystemId})` : ''}`, region: d.region })),
      })),
    ),
});
