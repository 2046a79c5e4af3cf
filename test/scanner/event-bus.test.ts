import { describe, expect, it } from 'vitest';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import {
  parseScannerEnvironment,
  SCANNER_ENV,
  scannerEnvironmentVariables,
} from '../../lambdas/scanner/environment.js';
import { jobOptionsFor } from '../../lambdas/scanner/job-options.js';

const environment = (eventBus?: string): Record<string, string> => ({
  ...scannerEnvironmentVariables({
    config: { regions: ['eu-west-1'] },
    findingsTable: 'SrmScan-FindingsTable-XYZ',
    alertTopicArn: 'arn:aws:sns:eu-west-1:123456789012:SrmScan-AlertsTopic-ABC',
    minAlertSeverity: 'high',
    notifyOn: 'changes',
    historyTtlDays: 90,
    ...(eventBus && { eventBus }),
  }),
  AWS_REGION: 'eu-west-1',
});

describe('Scanner: event bus', () => {
  const clients = new AwsClients(new ApiCallCounter(), { endpoint: undefined });

  it.each([
    ['schedule', { trigger: 'schedule' }],
    ['organization', { trigger: 'organization', accountId: '210987654321' }],
  ] as const)('passes the bus to the %s job, in the function region', (_name, request) => {
    // Prepare
    const env = parseScannerEnvironment(environment('default'));

    // Act
    const options = jobOptionsFor(env, request, [], [], clients);

    // Assess
    expect(env.eventBus).toBe('default');
    expect(options.events).toEqual({ busName: 'default', region: 'eu-west-1' });
  });

  it('sends no events when the variable is not set', () => {
    // Prepare
    const env = parseScannerEnvironment(environment());

    // Act
    const options = jobOptionsFor(env, { trigger: 'schedule' }, [], [], clients);

    // Assess
    expect(env.eventBus).toBeUndefined();
    expect(options.events).toBeUndefined();
  });

  it('refuses a bus value that is neither a name nor an ARN, naming the variable', () => {
    // Prepare
    const env = { ...environment(), [SCANNER_ENV.eventBus]: 'my bus!' };

    // Act
    const parse = () => parseScannerEnvironment(env);

    // Assess
    expect(parse).toThrow(ConfigurationError);
    expect(parse).toThrow(/SRM_SCAN_EVENT_BUS: must be an event bus name or ARN/);
  });
});
