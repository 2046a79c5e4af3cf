import { parseArn } from '../aws/arn.js';
import type { PolicyStatement } from '../inventory/index.js';
import { arnNamesFixedAccount, type ConditionEntry, conditionEntries } from './conditions.js';

/**
 * An Allow statement of a resource policy that grants AWS service principals which any AWS account
 * can put to work: a service acts on behalf of whichever resource (in whichever account) invokes
 * it, the confused-deputy problem.
 */
export interface UnpinnedServiceGrant {
  /** The service principals granted, e.g. `s3.amazonaws.com`. */
  services: readonly string[];
  /** For messages, e.g. `no condition pins the source account (aws:SourceArn arn:aws:s3:::x names no account)`. */
  reason: string;
}

/** Keys whose values are the account, or the organization, a service acts for. */
const SOURCE_KEYS = new Set(['aws:sourceaccount', 'aws:sourceowner', 'aws:sourceorgid', 'kms:calleraccount']);
/** An Alexa skill or similar event source identified by a token only its owner has. */
const EVENT_SOURCE_TOKEN = 'lambda:eventsourcetoken';
const SOURCE_ORG_PATHS = 'aws:sourceorgpaths';
const SOURCE_ARN = 'aws:sourcearn';
/**
 * Encryption context keys AWS services set to the ARN of the resource they encrypt for
 * (`kms:EncryptionContext:aws:cloudtrail:arn`, `…:aws:logs:arn`, `…:aws:sns:topicArn`): a caller
 * cannot make the service put another account's resource there.
 */
const SERVICE_ENCRYPTION_CONTEXT = 'kms:encryptioncontext:aws:';

const ARN_OPERATORS = new Set(['stringequals', 'stringequalsignorecase', 'stringlike', 'arnequals', 'arnlike']);

/** A value with neither a wildcard nor a policy variable. */
const isFixed = (value: string): boolean => !/[*?]|\$\{/.test(value);

const isArnKey = (lowerKey: string): boolean =>
  lowerKey === SOURCE_ARN || lowerKey.startsWith(SERVICE_ENCRYPTION_CONTEXT);

const isSourceKey = (lowerKey: string): boolean =>
  SOURCE_KEYS.has(lowerKey) || lowerKey === EVENT_SOURCE_TOKEN || lowerKey === SOURCE_ORG_PATHS || isArnKey(lowerKey);

/** Whether every value of a source key names fixed accounts, an organization or an event source. */
function pinsValues(lowerKey: string, values: readonly string[]): boolean {
  if (values.length === 0) return false;
  if (isArnKey(lowerKey)) return values.every((v) => arnNamesFixedAccount(v) && !v.includes('${'));
  // A wildcard below a fixed `o-…/` still names only that organization's accounts.
  if (lowerKey === SOURCE_ORG_PATHS) return values.every((v) => /^o-[a-z0-9]+\//.test(v) && !v.includes('${'));
  return values.every(isFixed);
}

const pins = (entry: ConditionEntry): boolean => {
  const lowerKey = entry.key.toLowerCase();
  return (
    isSourceKey(lowerKey) && entry.requiresValue && ARN_OPERATORS.has(entry.base) && pinsValues(lowerKey, entry.values)
  );
};

/**
 * AWS's documented log-delivery policies (CloudTrail, AWS Config, Elastic Load Balancing, VPC flow
 * logs) scope writes to `<bucket>/[prefix/]AWSLogs/<account-id>/…`: the service writes a source's
 * logs only below that source's account id. (A source that chooses a key prefix containing
 * `AWSLogs/<account-id>/` can still reach the path, which is why AWS now adds aws:SourceArn.)
 */
const ACCOUNT_LOG_PATH = /^arn:[\w-]+:s3:::[^/*?]+\/(?:[^*?]*\/)?AWSLogs\/\d{12}\//;

const pinnedByLogPath = (statement: PolicyStatement): boolean =>
  statement.notResource === undefined &&
  (statement.resource ?? []).length > 0 &&
  (statement.resource ?? []).every((r) => ACCOUNT_LOG_PATH.test(r));

/** Why a source key that is present does not pin the statement. */
function whyNotPinning(entry: ConditionEntry): string[] {
  const lowerKey = entry.key.toLowerCase();
  if (!entry.requiresValue || !ARN_OPERATORS.has(entry.base)) {
    return [`${entry.operator} on ${entry.key} does not require it`];
  }
  return entry.values.flatMap((value) => {
    if (pinsValues(lowerKey, [value])) return [];
    if (!isArnKey(lowerKey)) return [`${entry.key} ${value} is a pattern, not a fixed value`];
    const account = parseArn(value)?.accountId;
    return [`${entry.key} ${value} ${account ? 'leaves the account open' : 'names no account'}`];
  });
}

/**
 * The service principals of an Allow statement of a resource policy (Lambda function, SNS topic,
 * SQS queue, S3 bucket or KMS key policy) that every AWS account can reach, or undefined when the
 * statement grants none or pins the source. Not for role trust policies, where a service principal
 * gets the role only through iam:PassRole inside the account: callers go through `publicGrant`,
 * which asks which kind of policy the statement is from. A pin is a condition in a positive operator (not
 * `…IfExists`, not `ForAllValues:`, not negated) with fixed values on aws:SourceAccount,
 * aws:SourceOwner, aws:SourceOrgID, aws:SourceOrgPaths, kms:CallerAccount or
 * lambda:EventSourceToken; aws:SourceArn or a service's kms:EncryptionContext key when the ARN
 * names a fixed account; or resources all below `AWSLogs/<account-id>/`.
 *
 * @example
 * // Lambda AddPermission for S3 with --source-arn only: a bucket ARN names no account.
 * unpinnedServiceGrant(statement);
 * // → { services: ['s3.amazonaws.com'], reason: 'no condition pins the source account (AWS:SourceArn arn:aws:s3:::uploads names no account)' }
 */
export function unpinnedServiceGrant(statement: PolicyStatement): UnpinnedServiceGrant | undefined {
  const services = statement.effect === 'Allow' ? (statement.principal?.Service ?? []) : [];
  if (services.length === 0) return undefined;
  const entries = conditionEntries(statement);
  if (entries.some(pins) || pinnedByLogPath(statement)) return undefined;
  const notes = entries.filter((e) => isSourceKey(e.key.toLowerCase())).flatMap(whyNotPinning);
  const reason = `no condition pins the source account${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`;
  return { services, reason };
}
