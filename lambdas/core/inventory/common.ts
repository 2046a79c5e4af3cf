/** Fields every inventory item carries. `region` is `global` for account-wide resources (IAM, S3 listing). */
export interface AwsResource {
  arn: string;
  id: string;
  region: string;
  accountId: string;
  tags?: Readonly<Record<string, string>>;
}

/** A per-resource attribute fetched by a separate API call, keyed by the owning resource's ARN. */
export type ResourceAttribute<T> = { arn: string; region: string } & T;

export const GLOBAL_REGION = 'global';

/** A normalised IAM/resource policy statement: every list field is an array, principals are a map. */
export interface PolicyStatement {
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** `"*"` is normalised to `{ AWS: ['*'] }`. */
  principal?: Readonly<Record<string, readonly string[]>>;
  notPrincipal?: Readonly<Record<string, readonly string[]>>;
  action?: readonly string[];
  notAction?: readonly string[];
  resource?: readonly string[];
  notResource?: readonly string[];
  /** operator → condition key → values. Operator and key case are kept as written. */
  condition?: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
}

export interface PolicyDocument {
  version?: string;
  statements: readonly PolicyStatement[];
}
