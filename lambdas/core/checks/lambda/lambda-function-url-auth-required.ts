import type { LambdaFunctionUrl } from '../../inventory/index.js';
import { defineCheck, fail, pass } from '../define-check.js';

export const lambdaFunctionUrlAuthRequired = defineCheck({
  id: 'lambda-function-url-auth-required',
  title: 'Lambda function URLs require IAM authentication',
  service: 'lambda',
  resourceType: 'AwsLambdaFunction',
  srmClass: 'abstracted',
  obligation: 'public-exposure',
  severity: 'high',
  requires: ['lambda.functions', 'lambda.functionUrls'],
  compliance: [],
  risk:
    'A function URL with auth type NONE is an HTTPS endpoint on the internet that skips IAM: anyone who finds it can ' +
    'call the function unless its own code authenticates every request.',
  remediation: {
    text:
      'Set the function URL auth type to AWS_IAM and grant lambda:InvokeFunctionUrl to the callers that need it, or ' +
      'put the function behind API Gateway or CloudFront with an authoriser; delete URLs that are not used.',
    cli: 'aws lambda update-function-url-config --function-name <function-name> --auth-type AWS_IAM',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html',
  },
  evaluate: ({ lambda }) => {
    const describe = (u: LambdaFunctionUrl) => `${u.url}${u.qualifier ? ` (alias ${u.qualifier})` : ''}`;
    const urlsByFunction = new Map<string, LambdaFunctionUrl[]>();
    for (const u of lambda.functionUrls) urlsByFunction.set(u.arn, [...(urlsByFunction.get(u.arn) ?? []), u]);
    return lambda.functions.flatMap((fn) => {
      const urls = urlsByFunction.get(fn.arn);
      if (!urls) return [];
      const open = urls.filter((u) => u.authType !== 'AWS_IAM');
      if (open.length === 0) {
        return [
          pass(
            fn,
            `Lambda function ${fn.name}'s function URL requires IAM authentication: ${urls.map(describe).join(', ')}.`,
          ),
        ];
      }
      return [
        fail(
          fn,
          `Lambda function ${fn.name} has a function URL without IAM authentication: ${open
            .map((u) => `${describe(u)} has auth type ${u.authType}`)
            .join('; ')}.`,
        ),
      ];
    });
  },
});
