import { type CheckResult, defineCheck, fail, pass } from '../define-check.js';
import { tlsDenyVerdict } from '../shared/tls-deny.js';
import { fileSystemLabel } from './file-system-label.js';

/** A Deny on ClientMount for plain-NFS connections refuses every mount without TLS, hence every non-TLS access. */
const CLIENT_MOUNT = 'elasticfilesystem:ClientMount';

export const efsFileSystemTlsRequired = defineCheck({
  id: 'efs-file-system-tls-required',
  title: 'EFS file system policies deny client access without TLS (aws:SecureTransport false)',
  service: 'efs',
  resourceType: 'AwsEfsFileSystem',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['efs.fileSystems', 'efs.fileSystemPolicies'],
  compliance: [],
  risk:
    'Unless the file system policy refuses them, clients may mount over plain NFS, and file data then crosses the ' +
    'network in clear text where it can be read or altered.',
  remediation: {
    text:
      'Add a file system policy statement denying all actions (or at least elasticfilesystem:ClientMount) to every ' +
      'principal when aws:SecureTransport is false (the console option "Enforce in-transit encryption for all ' +
      'clients"), and mount with the EFS mount helper\'s tls option.',
    cli: 'aws efs put-file-system-policy --file-system-id <file-system-id> --policy file://<policy-with-deny-insecure-transport>.json',
    url: 'https://docs.aws.amazon.com/efs/latest/ug/encryption-in-transit.html',
  },
  evaluate: ({ efs }) => {
    const policies = new Map(efs.fileSystemPolicies.map((p) => [p.arn, p.policy]));
    return efs.fileSystems.flatMap((fs): CheckResult[] => {
      const policy = policies.get(fs.arn);
      if (policy === undefined) return [];
      const label = fileSystemLabel(fs);
      if (policy === null) {
        return [fail(fs, `${label} has no file system policy, so clients may mount it without TLS.`)];
      }
      const { enforcing, partial } = tlsDenyVerdict(policy, fs.arn, [CLIENT_MOUNT]);
      if (enforcing.length > 0) return [pass(fs, `${label} refuses client access without TLS (${enforcing[0]}).`)];
      return [
        fail(
          fs,
          partial.length > 0
            ? `${label} denies plain connections only in part: ${partial.join(', ')} do${partial.length === 1 ? 'es' : ''} not cover ${CLIENT_MOUNT} on the file system.`
            : `${label} has a file system policy without a Deny for requests where aws:SecureTransport is false.`,
        ),
      ];
    });
  },
});
