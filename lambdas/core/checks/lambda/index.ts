export { lambdaFunctionNoSecretsInEnv } from './lambda-function-no-secrets-in-env.js';
export { lambdaFunctionNotPublic } from './lambda-function-not-public.js';
export { lambdaFunctionSupportedRuntime } from './lambda-function-supported-runtime.js';
export { lambdaFunctionUrlAuthRequired } from './lambda-function-url-auth-required.js';
