import { describe, expect, it } from 'vitest';
import { lambdaFunctionUrlAuthRequired } from '../../../lambdas/core/checks/lambda/index.js';
import { functionUrl, lambdaFunction, lambdaInventory, runCheck } from '../../fixtures/lambda.js';

describe('Check: lambda-function-url-auth-required', () => {
  it('fails when a function URL has auth type NONE', () => {
    // Prepare
    const fn = lambdaFunction('webhook-receiver');

    // Act
    const [result] = runCheck(
      lambdaFunctionUrlAuthRequired,
      lambdaInventory({ functions: [fn], functionUrls: [functionUrl(fn, 'NONE')] }),
    );

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toBe(
      'Lambda function webhook-receiver has a function URL without IAM authentication: https://webhook-receiver.lambda-url.us-east-1.on.aws/ has auth type NONE.',
    );
  });

  it("fails once for a function when only an alias's URL is open", () => {
    // Prepare
    const fn = lambdaFunction('webhook-receiver');
    const urls = [functionUrl(fn, 'AWS_IAM'), functionUrl(fn, 'NONE', 'live')];

    // Act
    const results = runCheck(lambdaFunctionUrlAuthRequired, lambdaInventory({ functions: [fn], functionUrls: urls }));

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe('FAIL');
    expect(results[0]?.message).toContain('(alias live) has auth type NONE');
  });

  it('passes when the function URL requires IAM authentication', () => {
    // Prepare
    const fn = lambdaFunction('internal-api');

    // Act
    const [result] = runCheck(
      lambdaFunctionUrlAuthRequired,
      lambdaInventory({ functions: [fn], functionUrls: [functionUrl(fn, 'AWS_IAM')] }),
    );

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('produces no result for a function without a URL', () => {
    // Prepare
    const fn = lambdaFunction('thumbnailer');

    // Act
    const results = runCheck(lambdaFunctionUrlAuthRequired, lambdaInventory({ functions: [fn] }));

    // Assess
    expect(results).toEqual([]);
  });
});
