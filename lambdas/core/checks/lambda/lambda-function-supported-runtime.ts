import { defineCheck, fail, pass } from '../define-check.js';

export const lambdaFunctionSupportedRuntime = defineCheck({
  id: 'lambda-function-supported-runtime',
  title: 'Lambda functions use a runtime that AWS still supports',
  service: 'lambda',
  resourceType: 'AwsLambdaFunction',
  srmClass: 'abstracted',
  obligation: 'os-and-platform',
  severity: 'medium',
  requires: ['lambda.functions'],
  settings: ['deprecatedLambdaRuntimes'],
  compliance: [{ framework: 'aws-fsbp', control: 'Lambda.2' }],
  risk:
    'AWS stops applying security patches to a deprecated runtime, so the function keeps running a language version ' +
    'and OS image with known vulnerabilities and can soon no longer be updated.',
  remediation: {
    text: 'Upgrade the function code to a supported runtime version, test it, and update the function configuration.',
    cli: 'aws lambda update-function-configuration --function-name <function-name> --runtime <supported-runtime>',
    url: 'https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html',
  },
  evaluate: ({ lambda }, settings) => {
    const deprecated = new Set(settings.deprecatedLambdaRuntimes);
    // Container-image functions have no managed runtime: their base image is the customer's to patch.
    return lambda.functions.flatMap((fn) => {
      if (fn.runtime === undefined) return [];
      return deprecated.has(fn.runtime)
        ? [fail(fn, `Lambda function ${fn.name} uses the deprecated runtime ${fn.runtime}.`)]
        : [pass(fn, `Lambda function ${fn.name} uses the supported runtime ${fn.runtime}.`)];
    });
  },
});
