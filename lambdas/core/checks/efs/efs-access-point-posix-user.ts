import { defineCheck, verdict } from '../define-check.js';

export const efsAccessPointPosixUser = defineCheck({
  id: 'efs-access-point-posix-user',
  title: 'EFS access points enforce a POSIX user identity',
  service: 'efs',
  resourceType: 'AwsEfsAccessPoint',
  srmClass: 'abstracted',
  obligation: 'least-privilege',
  severity: 'medium',
  requires: ['efs.accessPoints'],
  compliance: [{ framework: 'aws-fsbp', control: 'EFS.4' }],
  risk:
    'Without an enforced POSIX user, each client acts with whatever user and group ids it claims, root included, so ' +
    'file permissions do not separate the applications sharing the file system.',
  remediation: {
    text:
      'Access point settings cannot be changed: create an access point with a PosixUser (Uid, Gid), move clients to ' +
      'it and delete the old one.',
    cli: "aws efs create-access-point --file-system-id <file-system-id> --posix-user Uid=1000,Gid=1000 --root-directory 'Path=/<app>'",
    url: 'https://docs.aws.amazon.com/efs/latest/ug/efs-access-points.html#enforce-identity-access-points',
  },
  evaluate: ({ efs }) =>
    efs.accessPoints.map((ap) =>
      verdict(
        ap.posixUser !== undefined,
        ap,
        `EFS access point ${ap.id} of file system ${ap.fileSystemId} makes every request as POSIX user ${ap.posixUser?.uid}:${ap.posixUser?.gid}.`,
        `EFS access point ${ap.id} of file system ${ap.fileSystemId} enforces no POSIX user, so clients act as the user they claim.`,
      ),
    ),
});
