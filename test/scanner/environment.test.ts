import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import {
  parseScannerEnvironment,
  SCANNER_ENV,
  scannerEnvironmentVariables,
} from '../../lambdas/scanner/environment.js';

const TOPIC_ARN = 'arn:aws:sns:eu-west-1:123456789012:SrmScan-AlertsTopic-ABC';

const validEnvironment = (): Record<string, string> => ({
  ...scannerEnvironmentVariables({
    config: { regions: ['eu-west-1'], checks: ['s3-*'], settings: { accessKeyMaxAgeDays: 60 } },
    findingsTable: 'SrmScan-FindingsTable-XYZ',
    alertTopicArn: TOPIC_ARN,
    minAlertSeverity: 'critical',
    notifyOn: 'always',
    historyTtlDays: 30,
  }),
  AWS_REGION: 'eu-west-1',
});

describe('Function: parseScannerEnvironment', () => {
  it('reads back what the stack writes, with the configuration parsed and defaulted', () => {
    // Prepare
    const env = validEnvironment();

    // Act
    const parsed = parseScannerEnvironment(env);

    // Assess
    expect(parsed).toMatchObject({
      findingsTable: 'SrmScan-FindingsTable-XYZ',
      alertTopicArn: TOPIC_ARN,
      minAlertSeverity: 'critical',
      notifyOn: 'always',
      historyTtlDays: 30,
      region: 'eu-west-1',
      config: { regions: ['eu-west-1'], checks: ['s3-*'], suppressions: [] },
    });
    expect(parsed.config.settings.accessKeyMaxAgeDays).toBe(60);
    expect(parsed.config.settings.unusedCredentialDays).toBe(45);
  });

  it('defaults the alert threshold to high, notifications to changes and history to 90 days', () => {
    // Prepare
    const env = validEnvironment();
    delete env[SCANNER_ENV.minAlertSeverity];
    delete env[SCANNER_ENV.notifyOn];
    delete env[SCANNER_ENV.historyTtlDays];

    // Act
    const parsed = parseScannerEnvironment(env);

    // Assess
    expect(parsed).toMatchObject({ minAlertSeverity: 'high', notifyOn: 'changes', historyTtlDays: 90 });
  });

  it.each([
    [SCANNER_ENV.config, undefined, 'SRM_SCAN_CONFIG: is not set'],
    [SCANNER_ENV.findingsTable, '  ', 'SRM_SCAN_FINDINGS_TABLE: is empty'],
    [SCANNER_ENV.alertTopicArn, 'my-topic', 'SRM_SCAN_ALERT_TOPIC_ARN: must be an SNS topic ARN'],
    [SCANNER_ENV.minAlertSeverity, 'urgent', 'SRM_SCAN_MIN_ALERT_SEVERITY'],
    [SCANNER_ENV.notifyOn, 'sometimes', 'SRM_SCAN_NOTIFY_ON'],
    [SCANNER_ENV.historyTtlDays, '-1', 'SRM_SCAN_HISTORY_TTL_DAYS'],
    ['AWS_REGION', undefined, 'AWS_REGION: is not set'],
    [SCANNER_ENV.config, '{not json', 'SRM_SCAN_CONFIG is not valid JSON'],
    [
      SCANNER_ENV.config,
      '{"regions":["eu-west-1"],"settings":{"allowedRegions":["mars"]}}',
      'settings.allowedRegions.0',
    ],
    [SCANNER_ENV.config, '{"check":["s3-*"]}', '"check"'],
  ])('fails fast when %s is %j, naming it', (name, value, message) => {
    // Prepare
    const env: Record<string, string | undefined> = { ...validEnvironment(), [name]: value };

    // Act
    const parse = () => parseScannerEnvironment(env);

    // Assess
    expect(parse).toThrow(ConfigurationError);
    expect(parse).toThrow(message);
  });
});
