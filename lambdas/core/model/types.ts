/** Closed vocabularies shared by checks, findings, reports and the CDK stack. */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'informational'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Lower rank means more severe. */
export const severityRank = (severity: Severity): number => SEVERITIES.indexOf(severity);
export const atLeast = (severity: Severity, minimum: Severity): boolean =>
  severityRank(severity) <= severityRank(minimum);

export const SRM_CLASSES = ['infrastructure', 'container', 'abstracted', 'account'] as const;
export type SrmClass = (typeof SRM_CLASSES)[number];

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

export const FRAMEWORKS = ['aws-fsbp', 'cis-aws-3.0'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export interface ComplianceRef {
  framework: Framework;
  control: string;
}

export const STATUSES = ['PASS', 'FAIL', 'ERROR'] as const;
export type Status = (typeof STATUSES)[number];

export interface Remediation {
  text: string;
  /** A ready-to-adapt AWS CLI command; placeholders in angle brackets. */
  cli?: string;
  url: string;
}
