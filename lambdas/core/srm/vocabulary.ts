import { z } from 'zod';

/**
 * The closed vocabularies of srm-scan, stated once: severities, the Shared Responsibility Model classes and
 * obligations with their labels and headings, statuses, frameworks, when to notify, and what a region name looks
 * like. The CLI, the Lambda, the CDK settings, every report and the digest import them from here.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Lower rank means more severe. */
export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);
export const atLeast = (severity: Severity, minimum: Severity): boolean =>
  severityRank(severity) <= severityRank(minimum);

export const SRM_CLASSES = ['infrastructure', 'container', 'abstracted', 'account'] as const;
export type SrmClass = (typeof SRM_CLASSES)[number];

export interface SrmClassDescription {
  label: string;
  /** What AWS secures for this class ("security of the cloud"). */
  awsHandles: string;
  /** What remains the customer's ("security in the cloud"). */
  customerOwes: string;
  /** The customer's share in a few words, for one-line headings (e-mail digest). */
  inShort: string;
}

/**
 * The three service categories of the AWS Shared Responsibility Model, plus the account-wide
 * duties that stay with the customer whatever the service. Summarised in our own words from
 * AWS's published descriptions of the model.
 */
export const SRM_CLASS_DESCRIPTIONS: Readonly<Record<SrmClass, SrmClassDescription>> = {
  infrastructure: {
    label: 'Infrastructure services',
    awsHandles: 'AWS runs the data centres, hardware, network and hypervisor.',
    customerOwes:
      'You run the guest operating system and its patching, the applications, security groups and network ACLs, and encryption of data at rest and in transit.',
    inShort: 'you secure the guest OS, network controls and data',
  },
  container: {
    label: 'Container services',
    awsHandles:
      'AWS also runs the operating system and the platform (database, cache and search engines, the container control plane), and patches it when you let it.',
    customerOwes:
      'You own the data and its encryption, network exposure and firewall rules, access to the platform, what your containers run and with which privileges, and backup and retention choices.',
    inShort: 'AWS runs the OS and platform; you secure access, exposure, backups and data',
  },
  abstracted: {
    label: 'Abstracted services',
    awsHandles: 'AWS also runs the platform and the server-side encryption infrastructure.',
    customerOwes:
      'You own the data, the resource policies that grant access to it, encryption choices, and what your code and configuration leak.',
    inShort: 'AWS runs the service; you secure access policies and data',
  },
  account: {
    label: 'Account-wide duties',
    awsHandles: 'Nothing: these duties are always the customer’s.',
    customerOwes:
      'You own identities and their credentials, MFA, least privilege, audit logging, and the regions where your data lives.',
    inShort: 'you secure identities, credentials, audit logging and where data lives',
  },
};

export const OBLIGATIONS = [
  'data-protection',
  'backup-recovery',
  'public-exposure',
  'least-privilege',
  'identity-mfa',
  'logging-audit',
  'network-firewall',
  'os-and-platform',
  'data-residency',
] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

export const OBLIGATION_LABELS: Readonly<Record<Obligation, string>> = {
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

export const FRAMEWORKS = ['aws-fsbp', 'cis-aws-3.0', 'cis-aws-4.0'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/** A finding's verdict: `ERROR` means "not evaluated" for that scope. */
export const STATUSES = ['PASS', 'FAIL', 'ERROR'] as const;
export type Status = (typeof STATUSES)[number];

/** When to send the digest: on new or regressed findings (default), on every run, or never. */
export const NOTIFY_ON = ['changes', 'always', 'never'] as const;
export type NotifyOn = (typeof NOTIFY_ON)[number];

/** An AWS region name (`eu-west-1`, `us-gov-west-1`, `cn-north-1`): the shape only; which regions exist is the partition's. */
export const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export const regionNameSchema = z.string().regex(REGION_NAME, 'must be an AWS region name such as eu-west-1');
