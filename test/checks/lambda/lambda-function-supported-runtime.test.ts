import { describe, expect, it } from 'vitest';
import { lambdaFunctionSupportedRuntime } from '../../../lambdas/core/checks/lambda/index.js';
import { defaultSettings } from '../../../lambdas/core/config/settings.js';
import { lambdaFunction, lambdaInventory, runCheck } from '../../fixtures/lambda.js';

describe('Check: lambda-function-supported-runtime', () => {
  it('fails when the function runs on a deprecated runtime', () => {
    // Prepare
    const fn = lambdaFunction('legacy-etl', { runtime: 'python3.8' });

    // Act
    const [result] = runCheck(lambdaFunctionSupportedRuntime, lambdaInventory({ functions: [fn] }));

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: fn,
      message: 'Lambda function legacy-etl uses the deprecated runtime python3.8.',
    });
  });

  it('passes when the runtime is supported', () => {
    // Prepare
    const fn = lambdaFunction('orders-api', { runtime: 'nodejs22.x' });

    // Act
    const [result] = runCheck(lambdaFunctionSupportedRuntime, lambdaInventory({ functions: [fn] }));

    // Assess
    expect(result?.status).toBe('PASS');
  });

  it('follows the deprecatedLambdaRuntimes setting', () => {
    // Prepare
    const fn = lambdaFunction('orders-api', { runtime: 'nodejs20.x' });
    const settings = { ...defaultSettings(), deprecatedLambdaRuntimes: ['nodejs20.x'] };

    // Act
    const [result] = runCheck(lambdaFunctionSupportedRuntime, lambdaInventory({ functions: [fn] }), settings);

    // Assess
    expect(result?.status).toBe('FAIL');
  });

  it('produces no result for a container-image function, which has no managed runtime', () => {
    // Prepare
    const fn = lambdaFunction('ml-scorer', { runtime: undefined, packageType: 'Image' });

    // Act
    const results = runCheck(lambdaFunctionSupportedRuntime, lambdaInventory({ functions: [fn] }));

    // Assess
    expect(results).toEqual([]);
  });
});
