/**
 * The CIS Amazon Web Services Foundations Benchmark v4.0.x, recommendation by recommendation: which
 * srm-scan checks evaluate it (each of them carries the `cis-aws-4.0` ref with that id), or why none does.
 * Titles are short paraphrases, not the benchmark's text. Numbering and assessment status (automated or
 * manual) follow v4.0.1; v4.0 renumbered storage (RDS is 2.2, EFS 2.3) and networking (EBS encryption is
 * 5.1.1, IMDSv2 5.7) relative to v3.0.
 */

export type CisAssessment = 'automated' | 'manual';

interface CisRecommendationBase {
  id: string;
  title: string;
  assessment: CisAssessment;
}

/** Evaluated by these checks. */
export interface MappedRecommendation extends CisRecommendationBase {
  checks: readonly string[];
}

/** Not evaluated, for the reason given. */
export interface UnmappedRecommendation extends CisRecommendationBase {
  reason: string;
}

export type CisRecommendation = MappedRecommendation | UnmappedRecommendation;

export const isMapped = (r: CisRecommendation): r is MappedRecommendation => 'checks' in r;

const MANUAL = 'manual: the benchmark leaves it to human review';
const NOT_READ = (what: string) => `not readable from the APIs srm-scan reads: needs ${what}`;

export const CIS_AWS_4_0: readonly CisRecommendation[] = [
  // 1 Identity and Access Management
  {
    id: '1.1',
    title: 'Account contact details are current and reach more than one person',
    assessment: 'manual',
    reason: `${MANUAL}; needs contact details (Account Management GetContactInformation), which srm-scan does not read`,
  },
  {
    id: '1.2',
    title: 'A security contact is registered for the account',
    assessment: 'manual',
    reason: NOT_READ('the security alternate contact (Account Management GetAlternateContact)'),
  },
  {
    id: '1.3',
    title: 'Security questions are registered for the account',
    assessment: 'manual',
    reason: `${MANUAL}; security questions exist only in the console, with no API`,
  },
  {
    id: '1.4',
    title: 'The root user has no access keys',
    assessment: 'automated',
    checks: ['iam-root-no-access-keys'],
  },
  { id: '1.5', title: 'The root user has MFA', assessment: 'automated', checks: ['iam-root-mfa-enabled'] },
  {
    id: '1.6',
    title: 'The root user has a hardware MFA device',
    assessment: 'manual',
    checks: ['iam-root-hardware-mfa-enabled'],
  },
  {
    id: '1.7',
    title: 'The root user is not used for administration or daily work',
    assessment: 'manual',
    checks: ['iam-root-not-used-recently'],
  },
  {
    id: '1.8',
    title: 'The password policy requires at least 14 characters',
    assessment: 'automated',
    checks: ['iam-password-policy-strong'],
  },
  {
    id: '1.9',
    title: 'The password policy prevents password reuse',
    assessment: 'automated',
    checks: ['iam-password-policy-strong'],
  },
  {
    id: '1.10',
    title: 'IAM users with a console password have MFA',
    assessment: 'automated',
    checks: ['iam-user-console-mfa-enabled'],
  },
  {
    id: '1.11',
    title: 'No access keys are created when a console user is first set up',
    assessment: 'manual',
    reason: `${MANUAL}; it is about how users are provisioned, not a state the APIs show`,
  },
  {
    id: '1.12',
    title: 'Credentials unused for 45 days or more are disabled',
    assessment: 'automated',
    checks: ['iam-user-unused-credentials-disabled'],
  },
  {
    id: '1.13',
    title: 'No IAM user has more than one active access key',
    assessment: 'automated',
    checks: ['iam-user-single-active-access-key'],
  },
  {
    id: '1.14',
    title: 'Access keys are rotated at least every 90 days',
    assessment: 'automated',
    checks: ['iam-user-access-keys-rotated'],
  },
  {
    id: '1.15',
    title: 'IAM users get permissions only through groups',
    assessment: 'automated',
    checks: ['iam-user-no-direct-policies'],
  },
  {
    id: '1.16',
    title: 'No attached IAM policy grants full *:* administrative access',
    assessment: 'automated',
    checks: ['iam-policy-no-full-admin'],
  },
  {
    id: '1.17',
    title: 'A role exists for managing incidents with AWS Support',
    assessment: 'automated',
    reason:
      'not checked: the policy attachments are collected (GetAccountAuthorizationDetails) but no check looks for an AWSSupportAccess role yet',
  },
  {
    id: '1.18',
    title: 'EC2 instances use instance roles to reach AWS resources',
    assessment: 'automated',
    reason: 'not checked: no check requires an instance profile on EC2 instances yet',
  },
  {
    id: '1.19',
    title: 'Expired TLS certificates stored in IAM are removed',
    assessment: 'automated',
    reason: NOT_READ('IAM ListServerCertificates'),
  },
  {
    id: '1.20',
    title: 'IAM Access Analyzer is enabled in every region',
    assessment: 'automated',
    checks: ['accessanalyzer-analyzer-enabled'],
  },
  {
    id: '1.21',
    title: 'IAM users are managed centrally through federation or AWS Organizations',
    assessment: 'manual',
    reason: `${MANUAL}; it depends on the organization's identity architecture`,
  },
  {
    id: '1.22',
    title: 'Access to the AWSCloudShellFullAccess policy is restricted',
    assessment: 'manual',
    reason: `${MANUAL}; who may use CloudShell is a judgement of the account owner`,
  },

  // 2 Storage
  {
    id: '2.1.1',
    title: 'S3 bucket policies deny requests over plain HTTP',
    assessment: 'automated',
    checks: ['s3-bucket-tls-required'],
  },
  {
    id: '2.1.2',
    title: 'MFA Delete is enabled on S3 buckets',
    assessment: 'manual',
    reason: `${MANUAL}; MFA Delete can only be set by the root user and suits only selected buckets`,
  },
  {
    id: '2.1.3',
    title: 'Data in S3 is discovered, classified and secured where needed',
    assessment: 'manual',
    reason: `${MANUAL}; ${NOT_READ('Amazon Macie')}`,
  },
  {
    id: '2.1.4',
    title: 'S3 Block Public Access is enabled',
    assessment: 'automated',
    checks: ['s3-account-public-access-block-enabled', 's3-bucket-public-access-block-enabled'],
  },
  {
    id: '2.2.1',
    title: 'RDS instances are encrypted at rest',
    assessment: 'automated',
    checks: ['rds-instance-storage-encrypted'],
  },
  {
    id: '2.2.2',
    title: 'RDS instances upgrade minor versions automatically',
    assessment: 'automated',
    checks: ['rds-instance-minor-upgrade-enabled'],
  },
  {
    id: '2.2.3',
    title: 'RDS instances are not publicly accessible',
    assessment: 'automated',
    checks: ['rds-instance-not-public'],
  },
  {
    id: '2.2.4',
    title: 'RDS uses Multi-AZ deployments',
    assessment: 'manual',
    checks: ['rds-instance-multi-az'],
  },
  {
    id: '2.3.1',
    title: 'EFS file systems are encrypted',
    assessment: 'automated',
    checks: ['efs-file-system-encrypted'],
  },

  // 3 Logging
  {
    id: '3.1',
    title: 'CloudTrail is enabled in every region',
    assessment: 'automated',
    checks: ['cloudtrail-multi-region-trail-logging'],
  },
  {
    id: '3.2',
    title: 'CloudTrail log file validation is enabled',
    assessment: 'automated',
    checks: ['cloudtrail-trail-log-validation-enabled'],
  },
  {
    id: '3.3',
    title: 'AWS Config is enabled in every region',
    assessment: 'automated',
    checks: ['config-recorder-all-resources-recording'],
  },
  {
    id: '3.4',
    title: 'The CloudTrail S3 bucket has server access logging',
    assessment: 'automated',
    reason:
      'not checked as such: s3-bucket-access-logging-enabled flags every bucket without access logs, the trail bucket included, but no check singles out the trail bucket',
  },
  {
    id: '3.5',
    title: 'CloudTrail logs are encrypted with KMS keys',
    assessment: 'automated',
    checks: ['cloudtrail-trail-kms-encrypted'],
  },
  {
    id: '3.6',
    title: 'Customer managed symmetric KMS keys rotate',
    assessment: 'automated',
    checks: ['kms-key-rotation-enabled'],
  },
  {
    id: '3.7',
    title: 'Every VPC has flow logs',
    assessment: 'automated',
    checks: ['ec2-vpc-flow-logs-enabled'],
  },
  {
    id: '3.8',
    title: 'Object-level write events of S3 buckets are logged',
    assessment: 'automated',
    reason:
      'not checked: the event selectors are collected but normalised to management events only; S3 data events are not assessed yet',
  },
  {
    id: '3.9',
    title: 'Object-level read events of S3 buckets are logged',
    assessment: 'automated',
    reason:
      'not checked: the event selectors are collected but normalised to management events only; S3 data events are not assessed yet',
  },

  // 4 Monitoring
  {
    id: '4.1',
    title: 'Unauthorized API calls are monitored',
    assessment: 'automated',
    checks: ['cloudwatch-alarm-unauthorized-api-calls'],
  },
  {
    id: '4.2',
    title: 'Console sign-in without MFA is monitored',
    assessment: 'manual',
    checks: ['cloudwatch-alarm-console-sign-in-without-mfa'],
  },
  {
    id: '4.3',
    title: 'Use of the root user is monitored',
    assessment: 'manual',
    checks: ['cloudwatch-alarm-root-usage'],
  },
  {
    id: '4.4',
    title: 'IAM policy changes are monitored',
    assessment: 'manual',
    checks: ['cloudwatch-alarm-iam-policy-changes'],
  },
  {
    id: '4.5',
    title: 'CloudTrail configuration changes are monitored',
    assessment: 'manual',
    checks: ['cloudwatch-alarm-cloudtrail-changes'],
  },
  {
    id: '4.6',
    title: 'Console authentication failures are monitored',
    assessment: 'manual',
    checks: ['cloudwatch-alarm-console-auth-failures'],
  },
  {
    id: '4.7',
    title: 'Disabling or scheduled deletion of customer managed keys is monitored',
    assessment: 'manual',
    checks: ['cloudwatch-alarm-kms-key-disable-or-deletion'],
  },
  {
    id: '4.8',
    title: 'S3 bucket policy changes are monitored',
    assessment: 'manual',
    checks: ['cloudwatch-alarm-s3-bucket-policy-changes'],
  },
  {
    id: '4.9',
    title: 'AWS Config configuration changes are monitored',
    assessment: 'manual',
    checks: ['cloudwatch-alarm-config-changes'],
  },
  {
    id: '4.10',
    title: 'Security group changes are monitored',
    assessment: 'manual',
    checks: ['cloudwatch-alarm-security-group-changes'],
  },
  {
    id: '4.11',
    title: 'Network ACL changes are monitored',
    assessment: 'manual',
    checks: ['cloudwatch-alarm-nacl-changes'],
  },
  {
    id: '4.12',
    title: 'Network gateway changes are monitored',
    assessment: 'manual',
    checks: ['cloudwatch-alarm-network-gateway-changes'],
  },
  {
    id: '4.13',
    title: 'Route table changes are monitored',
    assessment: 'manual',
    checks: ['cloudwatch-alarm-route-table-changes'],
  },
  { id: '4.14', title: 'VPC changes are monitored', assessment: 'manual', checks: ['cloudwatch-alarm-vpc-changes'] },
  {
    id: '4.15',
    title: 'AWS Organizations changes are monitored',
    assessment: 'manual',
    checks: ['cloudwatch-alarm-organizations-changes'],
  },
  { id: '4.16', title: 'Security Hub is enabled', assessment: 'automated', checks: ['securityhub-hub-enabled'] },

  // 5 Networking
  {
    id: '5.1.1',
    title: 'EBS encryption by default is enabled in every region',
    assessment: 'automated',
    checks: ['ec2-ebs-default-encryption-enabled'],
  },
  {
    id: '5.1.2',
    title: 'CIFS (port 445) is reachable only from trusted networks',
    assessment: 'manual',
    // Port 445 is among the default highRiskPorts.
    checks: ['ec2-security-group-no-public-high-risk-ports'],
  },
  {
    id: '5.2',
    title: 'No network ACL admits 0.0.0.0/0 to remote administration ports',
    assessment: 'automated',
    checks: ['ec2-network-acl-no-public-admin-ports'],
  },
  {
    id: '5.3',
    title: 'No security group admits 0.0.0.0/0 to remote administration ports',
    assessment: 'automated',
    checks: ['ec2-security-group-no-public-ssh', 'ec2-security-group-no-public-rdp'],
  },
  {
    id: '5.4',
    title: 'No security group admits ::/0 to remote administration ports',
    assessment: 'automated',
    checks: ['ec2-security-group-no-public-ssh', 'ec2-security-group-no-public-rdp'],
  },
  {
    id: '5.5',
    title: "Every VPC's default security group restricts all traffic",
    assessment: 'automated',
    checks: ['ec2-default-security-group-closed'],
  },
  {
    id: '5.6',
    title: 'Routes to peered VPCs grant the least access',
    assessment: 'manual',
    reason: `${MANUAL}; ${NOT_READ('route tables (DescribeRouteTables) and the intended peering scope')}`,
  },
  {
    id: '5.7',
    title: 'EC2 instances require IMDSv2',
    assessment: 'automated',
    checks: ['ec2-instance-imdsv2-required'],
  },
];
