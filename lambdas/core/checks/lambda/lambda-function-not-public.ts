import { isPublicStatement } from '../../policy/index.js';
import { defineCheck, fail, pass } from '../define-check.js';

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
    'A policy statement that grants everyone access lets any AWS account or anonymous caller invoke or manage the ' +
    'function, running your code and its role permissions at your expense.',
  remediation: {
    text:
      'Remove the public statement, or pin it to the calling resource with an aws:SourceArn or aws:SourceAccount ' +
      'condition, or grant access to specific principals instead of "*".',
    cli: 'aws lambda remove-permission --function-name <function-name> --statement-id <statement-id>',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/access-control-resource-based.html',
  },
  evaluate: ({ lambda }, { internetExposurePrefix }) => {
    const policies = new Map(lambda.policies.map((p) => [p.arn, p.policy]));
    return lambda.functions.flatMap((fn) => {
      const policy = policies.get(fn.arn);
      if (policy === undefined) return [];
      if (policy === null) return [pass(fn, `Lambda function ${fn.name} has no resource-based policy.`)];
      const open = policy.statements.filter((s) => isPublicStatement(s, { internetExposurePrefix }));
      if (open.length === 0) {
        return [pass(fn, `Lambda function ${fn.name}'s resource-based policy grants no public access.`)];
      }
      const described = open.map(
        (s) =>
          `${s.sid ?? 'unnamed statement'} (${s.notAction ? `every action except ${s.notAction.join(', ')}` : (s.action ?? []).join(', ')})`,
      );
      return [
        fail(
          fn,
          `Lambda function ${fn.name}'s resource-based policy allows anyone without a restricting condition: ${described.join('; ')}.`,
        ),
      ];
    });
  },
});
