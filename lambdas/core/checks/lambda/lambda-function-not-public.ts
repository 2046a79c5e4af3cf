import type { PolicyStatement } from '../../inventory/index.js';
import { publicGrant } from '../../policy/index.js';
import { defineCheck, fail, pass } from '../define-check.js';
import { describeActions } from '../shared/statements.js';

const describeStatement = (s: PolicyStatement): string => `${s.sid ?? 'unnamed statement'} (${describeActions(s)})`;

/**
 * A statement is open when it grants `*` (or uses NotPrincipal) without a pinning condition, or
 * grants an AWS service principal without a condition pinning the source account: AWS Config's
 * lambda-function-public-access-prohibited (Security Hub Lambda.1) fails a function S3 may invoke
 * without such a condition. A service invokes the function for whichever resource triggers it, in
 * any account; an S3 bucket ARN as aws:SourceArn does not help, as bucket ARNs carry no account and
 * a deleted bucket's name can be taken by anyone.
 */
export const lambdaFunctionNotPublic = defineCheck({
  id: 'lambda-function-not-public',
  title: 'Lambda function resource-based policies do not allow public invocation',
  service: 'lambda',
  resourceType: 'AwsLambdaFunction',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: ['lambda.functions', 'lambda.policies'],
  settings: ['internetExposurePrefix'],
  compliance: [{ framework: 'aws-fsbp', control: 'Lambda.1' }],
  risk:
    'A policy statement that grants everyone access, or lets an AWS service invoke the function without pinning ' +
    'the source account, lets any AWS account or anonymous caller invoke or manage the function, running your ' +
    'code and its role permissions at your expense.',
  remediation: {
    text:
      'Remove the public statement or grant specific principals instead of "*". For a service principal (S3, SNS, ' +
      'EventBridge…), add --source-account with your account id, plus --source-arn for the exact bucket, topic or ' +
      'rule: an S3 bucket ARN names no account, so aws:SourceArn alone does not pin it.',
    cli:
      'aws lambda add-permission --function-name <function-name> --statement-id <statement-id> --action ' +
      'lambda:InvokeFunction --principal s3.amazonaws.com --source-arn arn:aws:s3:::<bucket> --source-account <account-id>',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
  },
  evaluate: ({ lambda }, { internetExposurePrefix }) => {
    const policies = new Map(lambda.policies.map((p) => [p.arn, p.policy]));
    return lambda.functions.flatMap((fn) => {
      const policy = policies.get(fn.arn);
      if (policy === undefined) return [];
      if (policy === null) return [pass(fn, `Lambda function ${fn.name} has no resource-based policy.`)];
      const everyone: string[] = [];
      const services: string[] = [];
      for (const statement of policy.statements) {
        const grant = publicGrant(statement, 'resource-policy', { internetExposurePrefix });
        if (grant?.via === 'everyone') everyone.push(describeStatement(statement));
        if (grant?.via === 'service') {
          services.push(
            `${describeStatement(statement)} grants ${grant.services.join(', ')}, which acts for any AWS account: ${grant.reason}`,
          );
        }
      }
      if (everyone.length === 0 && services.length === 0) {
        return [pass(fn, `Lambda function ${fn.name}'s resource-based policy grants no public access.`)];
      }
      const problems = [
        ...(everyone.length > 0 ? [`allows anyone without a restricting condition: ${everyone.join('; ')}`] : []),
        ...(services.length > 0
          ? [`lets any AWS account invoke or manage it through an AWS service: ${services.join('; ')}`]
          : []),
      ];
      return [fail(fn, `Lambda function ${fn.name}'s resource-based policy ${problems.join('; and ')}.`)];
    });
  },
});
