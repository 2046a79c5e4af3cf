import type { Obligation, SrmClass } from '../model/types.js';

export interface SrmClassDescription {
  label: string;
  /** Typical services of the class that srm-scan checks. */
  services: string;
  /** What AWS secures for this class ("security of the cloud"). */
  awsHandles: string;
  /** What remains the customer's ("security in the cloud"). */
  customerOwes: string;
}

/**
 * The three service categories of the AWS Shared Responsibility Model, plus the account-wide
 * duties that stay with the customer whatever the service. Summarised in our own words from
 * AWS's published descriptions of the model.
 */
export const SRM_CLASS_DESCRIPTIONS: Record<SrmClass, SrmClassDescription> = {
  infrastructure: {
    label: 'Infrastructure services',
    services: 'EC2, EBS, VPC',
    awsHandles: 'AWS runs the data centres, hardware, network and hypervisor.',
    customerOwes:
      'You run the guest operating system and its patching, the applications, security groups and network ACLs, and encryption of data at rest and in transit.',
  },
  container: {
    label: 'Container services',
    services: 'RDS',
    awsHandles: 'AWS also runs the operating system and the database platform, and patches the engine when you let it.',
    customerOwes:
      'You own the data and its encryption, network exposure and firewall rules, database access, and backup and retention choices.',
  },
  abstracted: {
    label: 'Abstracted services',
    services: 'S3, Lambda, DynamoDB, KMS, CloudTrail',
    awsHandles: 'AWS also runs the platform and the server-side encryption infrastructure.',
    customerOwes:
      'You own the data, the resource policies that grant access to it, encryption choices, and what your code and configuration leak.',
  },
  account: {
    label: 'Account-wide duties',
    services: 'IAM, root user, region choice',
    awsHandles: 'Nothing: these duties are always the customer’s.',
    customerOwes:
      'You own identities and their credentials, MFA, least privilege, audit logging, and the regions where your data lives.',
  },
};

export const OBLIGATION_LABELS: Record<Obligation, string> = {
  'data-protection': 'Data protection (encryption, secrets)',
  'backup-recovery': 'Backup and recovery',
  'public-exposure': 'Public exposure',
  'least-privilege': 'Least privilege',
  'identity-mfa': 'Identities, root and MFA',
  'logging-audit': 'Logging and audit',
  'network-firewall': 'Network and firewall',
  'os-and-platform': 'Operating system and platform',
  'data-residency': 'Data residency (region choice)',
};
