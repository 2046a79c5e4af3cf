import type { PolicyDocument, PolicyStatement } from '../../inventory/index.js';
import { type PolicyAnalysisOptions, publicGrant } from '../../policy/index.js';
import { type CheckResult, type ResultResource, verdict } from '../define-check.js';
import { describeActions, statementName } from './statements.js';

/**
 * The statements of a resource policy (SNS topic, SQS queue, ECR repository, EFS file system,
 * Secrets Manager secret, OpenSearch domain…) that are open to every AWS account, each described
 * in one phrase: AWS's definition of public (a `*` principal, or Allow with NotPrincipal, that no
 * condition pins to accounts, organisations, VPCs or a narrow source address range) plus service
 * principals that no condition pins to a source account. An optional `relevant` filter skips
 * statements whose actions do not matter for the resource (e.g. metadata reads).
 *
 * @example
 * publicStatements(topicPolicy, { internetExposurePrefix });
 * // → ['statement AllowAll grants everyone SNS:Publish']
 */
export function publicStatements(
  policy: PolicyDocument,
  options: PolicyAnalysisOptions = {},
  relevant: (statement: PolicyStatement) => boolean = () => true,
): string[] {
  return policy.statements.flatMap((statement, index) => {
    const grant = publicGrant(statement, 'resource-policy', options);
    if (!grant || !relevant(statement)) return [];
    const name = `statement ${statementName(statement, index)}`;
    return grant.via === 'everyone'
      ? [`${name} grants everyone ${describeActions(statement)}`]
      : [
          `${name} grants ${grant.services.join(', ')} ${describeActions(statement)} for any AWS account (${grant.reason})`,
        ];
  });
}

/**
 * One PASS or FAIL for a resource policy: FAIL naming every public statement, PASS when there are
 * none (or no policy at all, which grants nothing beyond the owner's IAM policies).
 *
 * @example
 * resourcePolicyExposureResult(queue, `SQS queue ${queue.name}`, policy, { internetExposurePrefix });
 */
export function resourcePolicyExposureResult(
  resource: ResultResource,
  label: string,
  policy: PolicyDocument | null,
  options: PolicyAnalysisOptions = {},
  relevant?: (statement: PolicyStatement) => boolean,
): CheckResult {
  const open = policy ? publicStatements(policy, options, relevant) : [];
  return verdict(
    open.length === 0,
    resource,
    policy
      ? `${label}'s resource policy grants nothing to everyone, nor to an AWS service acting for any account.`
      : `${label} has no resource policy, so only principals of its own account that IAM allows can reach it.`,
    `${label}'s resource policy is open to every AWS account: ${open.join('; ')}.`,
  );
}
