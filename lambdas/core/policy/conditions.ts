import { arnAccount } from '../aws/arn.js';
import type { PolicyStatement } from '../inventory/index.js';
import {
  DEFAULT_INTERNET_EXPOSURE_PREFIX,
  type InternetExposurePrefix,
  isInternetExposure,
} from '../network/ip-ranges.js';

/**
 * Condition keys that pin a statement to known callers when compared with a fixed value.
 * From AWS's definition of a public bucket policy (S3 "The meaning of public") and the keys
 * IAM Access Analyzer treats the same way for other resource policies.
 */
const RESTRICTING_KEYS = new Set([
  'aws:sourcearn',
  'aws:sourcevpc',
  'aws:sourcevpce',
  'aws:sourceowner',
  'aws:sourceaccount',
  'aws:sourceorgid',
  'aws:sourceorgpaths',
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'aws:userid',
  's3:x-amz-server-side-encryption-aws-kms-key-id',
  's3:dataaccesspointaccount',
  's3:dataaccesspointarn',
  'kms:calleraccount',
  'lambda:eventsourcetoken',
]);

/** Operators that only match when the request carries the given value. */
const POSITIVE_OPERATORS = new Set([
  'stringequals',
  'stringequalsignorecase',
  'stringlike',
  'arnequals',
  'arnlike',
  'ipaddress',
]);

const hasWildcard = (value: string): boolean => value.includes('*') || value.includes('?');

/** Keys whose values are ARNs: a wildcard after a fixed 12-digit account still names only that account's callers. */
const ARN_KEYS = new Set(['aws:principalarn']);
/** Keys whose values are organization paths: a wildcard after a fixed `o-…/` still names only that organization. */
const ORG_PATH_KEYS = new Set(['aws:principalorgpaths', 'aws:sourceorgpaths']);

/**
 * Whether an ARN names one fixed 12-digit account (wildcards elsewhere allowed). S3 bucket ARNs
 * (`arn:aws:s3:::name`) name none: whoever creates a bucket of that name, once it is free, matches.
 */
export const arnNamesFixedAccount = (arn: string): boolean => arnAccount(arn) !== undefined;

/** Whether a value of a restricting key pins the caller to someone who owns it: no wildcard, or one only below a fixed account or organization. */
function isFixedValue(lowerKey: string, value: string): boolean {
  if (lowerKey === 'aws:sourcearn') return arnNamesFixedAccount(value);
  if (!hasWildcard(value)) return true;
  // aws:userid values like `AROAEXAMPLE:*` still admit only sessions of one role, which AWS counts as fixed.
  if (lowerKey === 'aws:userid') return !hasWildcard(value.replace(/:\*$/, ''));
  if (ARN_KEYS.has(lowerKey)) return arnNamesFixedAccount(value);
  if (ORG_PATH_KEYS.has(lowerKey)) return /^o-[a-z0-9]+\//.test(value);
  return false;
}

/** How policy analysis decides what is the internet; the check setting `internetExposurePrefix`. */
export interface PolicyAnalysisOptions {
  internetExposurePrefix?: Readonly<InternetExposurePrefix>;
}

function splitOperator(operator: string): { base: string; setQualifier?: string; ifExists: boolean } {
  let rest = operator.toLowerCase();
  let setQualifier: string | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    setQualifier = rest.slice(0, colon);
    rest = rest.slice(colon + 1);
  }
  const ifExists = rest.endsWith('ifexists');
  if (ifExists) rest = rest.slice(0, -'ifexists'.length);
  return { base: rest, ...(setQualifier !== undefined && { setQualifier }), ifExists };
}

/** One condition key of a statement with its operator, split into parts. */
export interface ConditionEntry {
  /** The operator as written, e.g. `ForAnyValue:StringLike`. */
  operator: string;
  /** The lower-cased operator without set qualifier and `IfExists`, e.g. `stringlike`. */
  base: string;
  key: string;
  values: readonly string[];
  /**
   * True when the condition only matches requests that carry one of its values: a positive
   * operator, without `…IfExists` or `ForAllValues:` (both match when the key is absent).
   */
  requiresValue: boolean;
}

/** Every condition key of a statement, in the order written. */
export function conditionEntries(statement: PolicyStatement): ConditionEntry[] {
  return Object.entries(statement.condition ?? {}).flatMap(([operator, keys]) => {
    const { base, setQualifier, ifExists } = splitOperator(operator);
    const requiresValue = !ifExists && setQualifier !== 'forallvalues' && POSITIVE_OPERATORS.has(base);
    return Object.entries(keys).map(([key, values]) => ({ operator, base, key, values, requiresValue }));
  });
}

export interface RestrictingCondition {
  key: string;
  values: readonly string[];
}

/**
 * The conditions of a statement that pin it to fixed callers. `…IfExists` and `ForAllValues:`
 * operators match when the key is absent, so they never restrict; neither do wildcard values,
 * except below a fixed account in an ARN (`arn:aws:iam::111122223333:role/app-*`) or a fixed
 * organization in a path (`o-a1b2c3d4e5/*`): the account or organization owner controls who matches.
 */
export function restrictingConditions(
  statement: PolicyStatement,
  options: PolicyAnalysisOptions = {},
): RestrictingCondition[] {
  const found: RestrictingCondition[] = [];
  for (const { base, key, values, requiresValue } of conditionEntries(statement)) {
    const lowerKey = key.toLowerCase();
    if (!requiresValue || values.length === 0) continue;
    if (lowerKey === 'aws:sourceip') {
      // The values are OR-ed: the condition pins callers only when together they are not the internet.
      const prefix = options.internetExposurePrefix ?? DEFAULT_INTERNET_EXPOSURE_PREFIX;
      if (base === 'ipaddress' && !isInternetExposure(values, prefix)) found.push({ key, values });
      continue;
    }
    if (!RESTRICTING_KEYS.has(lowerKey) || base === 'ipaddress') continue;
    if (values.every((v) => isFixedValue(lowerKey, v))) found.push({ key, values });
  }
  return found;
}

/** Values of a condition key in positive operators, lower-cased key lookup (e.g. all fixed `aws:PrincipalOrgID` values). */
export function conditionValues(statement: PolicyStatement, conditionKey: string): string[] {
  const wanted = conditionKey.toLowerCase();
  return restrictingConditions(statement)
    .filter((c) => c.key.toLowerCase() === wanted)
    .flatMap((c) => [...c.values]);
}

/** The statement's only condition is `aws:SecureTransport` false: it applies to every plain-HTTP request and no other. */
export const onlyInsecureTransport = (statement: PolicyStatement): boolean =>
  requiresInsecureTransport(statement) &&
  Object.values(statement.condition ?? {}).reduce((n, keys) => n + Object.keys(keys).length, 0) === 1;

/** True when the statement only applies to requests over plain HTTP (`aws:SecureTransport` false). */
export function requiresInsecureTransport(statement: PolicyStatement): boolean {
  for (const { base, key, values } of conditionEntries(statement)) {
    if (key.toLowerCase() !== 'aws:securetransport') continue;
    if (base === 'bool' && values.every((v) => v.toLowerCase() === 'false')) return true;
    if (base === 'null' && values.every((v) => v.toLowerCase() === 'true')) return false;
  }
  return false;
}
