import type { AwsResource, PolicyDocument } from './common.js';

/** One of the two access-key slots of a credential report row; a slot with no key is left out. */
export interface AccessKeyState {
  /** The report's `access_key_1_*` or `access_key_2_*` columns. */
  slot: 1 | 2;
  active: boolean;
  lastRotated?: Date;
  lastUsed?: Date;
}

/** One row of the IAM credential report (users and, on AWS, the `<root_account>` row). */
export interface CredentialReportEntry extends AwsResource {
  user: string;
  createdAt?: Date;
  /** Undefined for the root row, where the report says `not_supported`. */
  passwordEnabled?: boolean;
  passwordLastUsed?: Date;
  passwordLastChanged?: Date;
  mfaActive: boolean;
  accessKeys: readonly AccessKeyState[];
}

export interface CredentialReport {
  generatedAt: Date;
  /** Absent when the report has no `<root_account>` row (some emulators omit it). */
  root?: CredentialReportEntry;
  users: readonly CredentialReportEntry[];
}

export interface AttachedPolicy {
  arn: string;
  name: string;
}

export interface InlinePolicy {
  name: string;
  document: PolicyDocument;
}

export interface IamPrincipalBase extends AwsResource {
  name: string;
  path: string;
  attachedPolicies: readonly AttachedPolicy[];
  inlinePolicies: readonly InlinePolicy[];
  /** ARN of the managed policy set as permissions boundary (users and roles only). */
  permissionsBoundaryArn?: string;
}

export interface IamUser extends IamPrincipalBase {
  createdAt?: Date;
  groupNames: readonly string[];
}

export type IamGroup = IamPrincipalBase;

export interface IamRole extends IamPrincipalBase {
  trustPolicy: PolicyDocument;
  /** Service-linked roles (path `/aws-service-role/`) are managed by AWS and cannot be edited. */
  serviceLinked: boolean;
}

export interface IamManagedPolicy extends AwsResource {
  name: string;
  path: string;
  awsManaged: boolean;
  attachmentCount: number;
  /** The default version's document. */
  document?: PolicyDocument;
}

/** The account's identities and policies from GetAccountAuthorizationDetails. */
export interface AuthorizationDetails {
  users: readonly IamUser[];
  groups: readonly IamGroup[];
  roles: readonly IamRole[];
  policies: readonly IamManagedPolicy[];
}

export interface PasswordPolicy {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
  /** Number of previous passwords that cannot be reused; undefined when reuse prevention is off. */
  reusePrevention?: number;
  maxAgeDays?: number;
  allowUsersToChangePassword: boolean;
  hardExpiry: boolean;
}

export interface AccountSummary {
  accountMfaEnabled: boolean;
  accountAccessKeysPresent: boolean;
  raw: Readonly<Record<string, number>>;
}

export interface VirtualMfaDevice {
  serialNumber: string;
  /** ARN of the user the device is assigned to; the root user's ARN ends in `:root`. */
  userArn?: string;
  enabledAt?: Date;
}
