import type { PolicyDocument, PolicyStatement } from '../../inventory/index.js';
import { grantsToEveryone, iamWildcardMatch, onlyInsecureTransport } from '../../policy/index.js';
import { statementName } from './statements.js';

const coversAction = (statement: PolicyStatement, action: string): boolean =>
  statement.notAction
    ? !statement.notAction.some((pattern) => iamWildcardMatch(pattern, action, { ignoreCase: true }))
    : (statement.action ?? []).some((pattern) => iamWildcardMatch(pattern, action, { ignoreCase: true }));

const coversResource = (statement: PolicyStatement, arn: string): boolean =>
  statement.notResource
    ? !statement.notResource.some((pattern) => iamWildcardMatch(pattern, arn))
    : // EFS file system policies may leave Resource out: the statement then applies to the file system.
      statement.resource === undefined || statement.resource.some((pattern) => iamWildcardMatch(pattern, arn));

export interface TlsDenyVerdict {
  /** Names of the statements that deny every listed action over plain HTTP to everyone. */
  enforcing: string[];
  /** Names of Deny statements on aws:SecureTransport false that miss some of the actions or the resource. */
  partial: string[];
}

/**
 * How a resource policy refuses requests made without TLS: Deny statements for every principal
 * whose only condition is `aws:SecureTransport` false and which cover each of `actions` (an action
 * pattern such as `sqs:*` must be covered literally, so `sqs:Send*` does not cover it) on `arn`.
 *
 * @example
 * tlsDenyVerdict(queue.policy, queue.arn, ['sqs:*']); // → { enforcing: ['statement DenyPlainHttp'], partial: [] }
 */
export function tlsDenyVerdict(policy: PolicyDocument, arn: string, actions: readonly string[]): TlsDenyVerdict {
  const enforcing: string[] = [];
  const partial: string[] = [];
  policy.statements.forEach((statement, index) => {
    if (statement.effect !== 'Deny' || !grantsToEveryone(statement) || !onlyInsecureTransport(statement)) return;
    const complete = actions.every((a) => coversAction(statement, a)) && coversResource(statement, arn);
    (complete ? enforcing : partial).push(`statement ${statementName(statement, index)}`);
  });
  return { enforcing, partial };
}
