import { arnAccount } from '../../aws/arn.js';
import type { PolicyStatement } from '../../inventory/index.js';
import {
  type ActionCatalog,
  conditionValues,
  grantedAccounts,
  type PolicyAnalysisOptions,
  principalAccountId,
  publicGrant,
  restrictingConditions,
} from '../../policy/index.js';
import { defineCheck, fail, pass } from '../define-check.js';
import {
  BLOCK_SLICES,
  bucketLabel,
  effectiveBlock,
  s3DeemsPublic,
  serviceGrantAccess,
  settingOn,
} from '../shared/bucket-exposure.js';
import { statementName } from '../shared/statements.js';
import { joinNames } from '../shared/text.js';

/** Keys that limit a statement to members of this organization. */
const ORGANIZATION_KEYS = ['aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:SourceOrgID', 'aws:SourceOrgPaths'];
/** Keys whose fixed values are account ids. */
const ACCOUNT_KEYS = ['aws:PrincipalAccount', 'aws:SourceAccount', 'aws:SourceOwner'];
/** Keys whose fixed values are ARNs naming an account (S3 ARNs name none). */
const ARN_KEYS = ['aws:PrincipalArn', 'aws:SourceArn'];

/**
 * AWS-owned accounts through which Elastic Load Balancing delivers access logs in Regions opened
 * before August 2022 (newer Regions use the logdelivery.elasticloadbalancing.amazonaws.com service
 * principal). AWS documents a grant to them as the way to enable access logs, so they count as AWS
 * services, not as outside accounts.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html
 */
const ELB_LOG_DELIVERY_ACCOUNTS = [
  '127311923021', // us-east-1
  '033677994240', // us-east-2
  '027434742980', // us-west-1
  '797873946194', // us-west-2
  '098369216593', // af-south-1
  '754344448648', // ap-east-1
  '589379963580', // ap-southeast-3
  '718504428378', // ap-south-1
  '383597477331', // ap-northeast-3
  '600734575887', // ap-northeast-2
  '114774131450', // ap-southeast-1
  '783225319266', // ap-southeast-2
  '582318560864', // ap-northeast-1
  '985666609251', // ca-central-1
  '054676820928', // eu-central-1
  '156460612806', // eu-west-1
  '652711504416', // eu-west-2
  '635631232127', // eu-south-1
  '009996457667', // eu-west-3
  '897822967062', // eu-north-1
  '076674570225', // me-south-1
  '507241528517', // sa-east-1
  '048591011584', // us-gov-west-1
  '190560391635', // us-gov-east-1
  '638102146993', // cn-north-1
  '037604701340', // cn-northwest-1
];

const accountOf = (arn: string): string | undefined => arnAccount(arn) ?? principalAccountId(arn);

/**
 * Who outside the trusted accounts an Allow statement reaches: account ids, or `everyone` for a
 * `*` principal no condition pins. A `*` limited to the organization is trusted; one limited to
 * accounts (aws:SourceAccount, aws:PrincipalAccount…) reaches those accounts; one pinned by
 * anything else (a VPC endpoint, an IP range) names no account and is left to the public-access checks.
 */
function untrustedPrincipals(
  statement: PolicyStatement,
  trusted: ReadonlySet<string>,
  options: PolicyAnalysisOptions,
): string[] {
  const granted = grantedAccounts(statement);
  if (granted.size === 0) return [];
  if (ORGANIZATION_KEYS.some((key) => conditionValues(statement, key).length > 0)) return [];
  const reached = new Set([...granted].filter((account) => account !== '*'));
  if (granted.has('*')) {
    const pinned = [
      ...ACCOUNT_KEYS.flatMap((key) => conditionValues(statement, key)),
      ...ARN_KEYS.flatMap((key) => conditionValues(statement, key)).map(accountOf),
    ].filter((account): account is string => account !== undefined);
    for (const account of pinned) reached.add(account);
    if (pinned.length === 0 && restrictingConditions(statement, options).length === 0) reached.add('everyone');
  }
  return [...reached].filter((account) => !trusted.has(account));
}

/**
 * A service grant no condition pins to a source account: the service writes to (or reads the
 * objects of) the bucket for any account that points it there. Described as
 * `any AWS account through <service> (statement <sid>), as <reason>`.
 */
function unpinnedServiceAccess(
  statement: PolicyStatement,
  name: string,
  actions: ActionCatalog,
  options: PolicyAnalysisOptions,
): string[] {
  const grant = publicGrant(statement, 'resource-policy', options);
  if (grant?.via !== 'service' || serviceGrantAccess(statement, actions).size === 0) return [];
  return [`any AWS account through ${joinNames(grant.services)} (statement ${name}), as ${grant.reason}`];
}

/**
 * Grants to accounts outside this account, its organization and trustedAccountIds, and grants to
 * AWS service principals that act for any account because no condition pins the source account
 * (aws:SourceAccount, aws:SourceOrgID, an aws:SourceArn naming an account, or writes confined to
 * `AWSLogs/<account-id>/`). A service grant pinned to other accounts (a central log archive
 * receiving its members' logs) is left alone: the service acts only for the accounts the owner
 * chose, and only as that service. A service reading the bucket itself (ACL, location, listing)
 * before delivering is not flagged either: AWS leaves those statements unpinned in Control Tower.
 */
export const s3BucketNoUntrustedCrossAccountAccess = defineCheck({
  id: 's3-bucket-no-untrusted-cross-account-access',
  title: 'S3 bucket policies grant access only to this account, its organization and trusted accounts',
  service: 's3',
  resourceType: 'AwsS3Bucket',
  srmClass: 'abstracted',
  obligation: 'least-privilege',
  severity: 'high',
  requires: [...BLOCK_SLICES, 's3.bucketPolicies'],
  settings: ['trustedAccountIds', 'internetExposurePrefix'],
  compliance: [{ framework: 'aws-fsbp', control: 'S3.6' }],
  risk:
    'A grant to an account you do not control lets its users (and anyone who compromises it) read or change the ' +
    'bucket outside your IAM governance.',
  remediation: {
    text:
      'Remove the statements for accounts you do not trust, restrict "*" statements with aws:PrincipalOrgID, or add ' +
      'partner accounts you vouch for to the trustedAccountIds setting. Pin statements for AWS service principals ' +
      'with aws:SourceAccount (or aws:SourceOrgID), plus aws:SourceArn for the exact source: an S3 bucket ARN names ' +
      'no account, so aws:SourceArn alone does not pin it. The AWS accounts Elastic Load Balancing delivers access ' +
      'logs from are not flagged.',
    cli: 'aws s3api put-bucket-policy --bucket <bucket> --policy file://<policy-without-untrusted-grants>.json',
    url: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/example-bucket-policies.html',
  },
  evaluate: ({ s3, accountId }, settings, { actions }) => {
    const blockOf = effectiveBlock(s3);
    const policies = new Map(s3.bucketPolicies.map((p) => [p.arn, p.policy]));
    const trusted = new Set([accountId, ...settings.trustedAccountIds, ...ELB_LOG_DELIVERY_ACCOUNTS]);
    const options = { internetExposurePrefix: settings.internetExposurePrefix };
    return s3.buckets.flatMap((bucket) => {
      const block = blockOf(bucket);
      const policy = policies.get(bucket.arn);
      if (!block || policy === undefined) return [];
      const label = bucketLabel(bucket);
      if (!policy) return [pass(bucket, `${label} has no bucket policy, so it grants no cross-account access.`)];
      // RestrictPublicBuckets blocks all cross-account access to a bucket with a public policy,
      // named accounts included, leaving only this account and AWS service principals.
      const restricted = settingOn(block, 'restrictPublicBuckets') !== undefined && s3DeemsPublic(policy, options);
      const findings = policy.statements.flatMap((statement, index) => {
        const name = statementName(statement, index);
        const outsiders = restricted ? [] : untrustedPrincipals(statement, trusted, options);
        return [
          ...(outsiders.length === 0 ? [] : [`${joinNames(outsiders)} (statement ${name})`]),
          ...unpinnedServiceAccess(statement, name, actions, options),
        ];
      });
      if (restricted && findings.length === 0) {
        return [
          pass(
            bucket,
            `${label} has a public bucket policy, but RestrictPublicBuckets limits access to this account and AWS services.`,
          ),
        ];
      }
      return [
        findings.length === 0
          ? pass(
              bucket,
              `${label}'s bucket policy grants access only to this account, its organization, trusted accounts or AWS services.`,
            )
          : fail(
              bucket,
              `${label}'s bucket policy grants access to ${findings.join('; ')}, outside this account and trustedAccountIds.`,
            ),
      ];
    });
  },
});
