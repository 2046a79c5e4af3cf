import type { PolicyStatement } from '../../inventory/index.js';
import { conditionEntries } from '../../policy/index.js';
import { type CheckResult, defineCheck, pass } from '../define-check.js';
import { publicStatements, resourcePolicyExposureResult } from '../shared/resource-policy-exposure.js';
import { fileSystemLabel } from './file-system-label.js';

/**
 * `elasticfilesystem:AccessedViaMountTarget` true limits a statement to NFS clients that reach the
 * file system through one of its mount targets, inside its VPC: the network (mount target
 * security groups) then decides, not the set of AWS accounts. This is the statement the console's
 * "Prevent anonymous access" option and the CDK's default file system policy write.
 */
const viaMountTargetOnly = (statement: PolicyStatement): boolean =>
  conditionEntries(statement).some(
    ({ operator, base, key, values }) =>
      base === 'bool' &&
      // BoolIfExists would also hold for requests that do not come through a mount target.
      !operator.toLowerCase().endsWith('ifexists') &&
      key.toLowerCase() === 'elasticfilesystem:accessedviamounttarget' &&
      values.length > 0 &&
      values.every((v) => v.toLowerCase() === 'true'),
  );

export const efsFileSystemNotPublic = defineCheck({
  id: 'efs-file-system-not-public',
  title: 'EFS file system policies do not grant access to every AWS account',
  service: 'efs',
  resourceType: 'AwsEfsFileSystem',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'high',
  requires: ['efs.fileSystems', 'efs.fileSystemPolicies'],
  settings: ['internetExposurePrefix'],
  compliance: [],
  risk:
    'A file system policy open to every account lets principals of any account mount, write to or take root access ' +
    'on the file system wherever they can reach it, for instance through a shared or peered network or AWS Transfer Family.',
  remediation: {
    text:
      'Replace the "*" principal with the roles that mount the file system, or limit the statement with ' +
      'elasticfilesystem:AccessedViaMountTarget, aws:PrincipalOrgID or aws:PrincipalAccount; turn on EFS block public access.',
    cli: 'aws efs put-file-system-policy --file-system-id <file-system-id> --policy file://<restricted-policy>.json',
    url: 'https://docs.aws.amazon.com/efs/latest/ug/access-control-block-public-access.html',
  },
  evaluate: ({ efs }, { internetExposurePrefix }) => {
    const policies = new Map(efs.fileSystemPolicies.map((p) => [p.arn, p.policy]));
    return efs.fileSystems.flatMap((fs): CheckResult[] => {
      const policy = policies.get(fs.arn);
      if (policy === undefined) return [];
      const label = fileSystemLabel(fs);
      if (policy === null) {
        return [
          pass(
            fs,
            `${label} has no file system policy: it grants nothing to other AWS accounts, and clients that reach its mount targets get full access.`,
          ),
        ];
      }
      const options = { internetExposurePrefix };
      const result = resourcePolicyExposureResult(fs, label, policy, options, (s) => !viaMountTargetOnly(s));
      // Say so when "everyone" is granted access through the mount targets only.
      const throughMountTargets = publicStatements(policy, options, viaMountTargetOnly);
      return [
        result.status === 'PASS' && throughMountTargets.length > 0
          ? pass(
              fs,
              `${label}'s file system policy opens nothing to every AWS account: its grants to everyone (${throughMountTargets.join('; ')}) hold only for clients that come through its mount targets (elasticfilesystem:AccessedViaMountTarget).`,
            )
          : result,
      ];
    });
  },
});
