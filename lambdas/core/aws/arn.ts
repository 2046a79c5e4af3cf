import { type ARN, parse, validate } from '@aws-sdk/util-arn-parser';

export type { ARN };

/**
 * ARNs through `@aws-sdk/util-arn-parser`: `arn:partition:service:region:account-id:resource`, where the resource
 * part may itself hold colons (`function:name:alias`) or slashes (`security-group/sg-1`). Global resources leave the
 * region empty (IAM, S3), S3 buckets the account too.
 */

/** The ARN's parts, or undefined when the text is not an ARN. */
export function parseArn(arn: string): ARN | undefined {
  return validate(arn) ? parse(arn) : undefined;
}

/** The 12-digit account an ARN names, if it names one (an S3 bucket ARN or a wildcard does not). */
export function arnAccount(arn: string): string | undefined {
  const account = parseArn(arn)?.accountId;
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}

/**
 * The last element of the ARN's resource part: `sg-1` for `…:security-group/sg-1`, `name` for `…:function:name`,
 * the bucket for `arn:aws:s3:::bucket`. Qualifiers after the name are not resource ids, so use a service-specific
 * reader for those (`lambdaQualifier`).
 */
export function arnResourceId(arn: string): string {
  const resource = parseArn(arn)?.resource ?? arn;
  return resource.split(/[:/]/).pop() || resource;
}

/** The alias or version of a Lambda function ARN (`…:function:name:alias` → `alias`), undefined when unqualified. */
export const lambdaQualifier = (functionArn: string): string | undefined =>
  parseArn(functionArn)?.resource.split(':')[2];
