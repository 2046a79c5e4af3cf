import { defineCheck, verdict } from '../define-check.js';

export const efsAccessPointRootDirectory = defineCheck({
  id: 'efs-access-point-root-directory',
  title: 'EFS access points enforce a root directory other than the file system root',
  service: 'efs',
  resourceType: 'AwsEfsAccessPoint',
  srmClass: 'abstracted',
  obligation: 'least-privilege',
  severity: 'medium',
  requires: ['efs.accessPoints'],
  compliance: [{ framework: 'aws-fsbp', control: 'EFS.3' }],
  risk:
    'An access point rooted at "/" gives every client that uses it the whole file system, instead of the one ' +
    'directory the application needs.',
  remediation: {
    text:
      'Access point settings cannot be changed: create an access point whose RootDirectory.Path is the application’s ' +
      'directory (with CreationInfo so EFS creates it), move clients to it and delete the old one.',
    cli: "aws efs create-access-point --file-system-id <file-system-id> --root-directory 'Path=/<app>,CreationInfo={OwnerUid=1000,OwnerGid=1000,Permissions=750}'",
    url: 'https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html#enforce-root-directory-access-point',
  },
  evaluate: ({ efs }) =>
    efs.accessPoints.map((ap) =>
      verdict(
        ap.rootDirectoryPath !== '/',
        ap,
        `EFS access point ${ap.id} of file system ${ap.fileSystemId} confines clients to directory ${ap.rootDirectoryPath}.`,
        `EFS access point ${ap.id} of file system ${ap.fileSystemId} exposes the file system's root directory (/).`,
      ),
    ),
});
