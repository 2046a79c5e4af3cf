import type { AwsResource, PolicyDocument, ResourceAttribute } from './common.js';

export interface LambdaFunction extends AwsResource {
  name: string;
  /** Undefined for container-image functions. */
  runtime?: string;
  packageType?: string;
  roleArn?: string;
  lastModified?: string;
  /** Environment variables as configured. Values may hold secrets: never print them unmasked. */
  environment: Readonly<Record<string, string>>;
  kmsKeyArn?: string;
}

/** `policy` is null when the function has no resource-based policy. */
export type LambdaFunctionPolicy = ResourceAttribute<{ policy: PolicyDocument | null }>;

export type LambdaFunctionUrl = ResourceAttribute<{ url: string; authType: 'NONE' | 'AWS_IAM' | string }>;
