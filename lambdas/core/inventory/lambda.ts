import type { AwsResource, PolicyDocument, ResourceAttribute } from './common.js';

export interface LambdaFunction extends AwsResource {
  name: string;
  /** Undefined for container-image functions. */
  runtime?: string;
  packageType?: string;
  roleArn?: string;
  lastModified?: string;
  /** Environment variables as configured. Values may hold secrets: never print any part of them. */
  environment: Readonly<Record<string, string>>;
  /**
   * Set when Lambda returned an error instead of the variables (`Environment.Error`, e.g. the
   * caller may not use the function's KMS key): `environment` is then incomplete.
   */
  environmentError?: string;
  kmsKeyArn?: string;
}

/** `policy` is null when the function has no resource-based policy. */
export type LambdaFunctionPolicy = ResourceAttribute<{ policy: PolicyDocument | null }>;

/**
 * A function URL, keyed by the function's unqualified ARN. A function may have several: one for
 * the function itself and one per alias (`qualifier`).
 */
export type LambdaFunctionUrl = ResourceAttribute<{
  url: string;
  authType: 'NONE' | 'AWS_IAM' | string;
  /** The alias the URL belongs to; undefined for the unqualified function. */
  qualifier?: string;
}>;
