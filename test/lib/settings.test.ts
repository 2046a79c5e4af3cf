import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import { scanConfigInput, settingsFromContext } from '../../lib/settings.js';

const contextOf = (values: Record<string, unknown>) => ({ tryGetContext: (key: string): unknown => values[key] });

describe('Function: settingsFromContext', () => {
  it('reads command-line strings: comma-separated lists, numbers and inline JSON', () => {
    // Prepare
    const node = contextOf({
      alertEmails: 'sec@example.com, soc@example.com',
      regions: 'eu-west-1,eu-central-1',
      allowedRegions: 'eu-west-1',
      checks: 's3-*,iam-*',
      minSeverity: 'medium',
      historyTtlDays: '30',
      memorySize: '2048',
      settings: '{"accessKeyMaxAgeDays":60}',
      suppressions: '[{"checkId":"s3-*","resource":"arn:aws:s3:::logs","reason":"Public by design."}]',
      notifyOn: 'always',
      reservedConcurrency: 'none',
      staleScanAlarmHours: '74',
      maxCollectionIssues: '3',
    });

    // Act
    const settings = settingsFromContext(node);

    // Assess
    expect(settings).toEqual({
      alertEmails: ['sec@example.com', 'soc@example.com'],
      regions: ['eu-west-1', 'eu-central-1'],
      allowedRegions: ['eu-west-1'],
      selection: { checks: ['s3-*', 'iam-*'], minSeverity: 'medium' },
      historyTtlDays: 30,
      memorySize: 2048,
      settings: { accessKeyMaxAgeDays: 60 },
      suppressions: [{ checkId: 's3-*', resource: 'arn:aws:s3:::logs', reason: 'Public by design.' }],
      notifyOn: 'always',
      reservedConcurrency: 'none',
      staleScanAlarmHours: 74,
      maxCollectionIssues: 3,
    });
  });

  it('reads cdk.json values: lists, numbers and objects as they are', () => {
    // Prepare
    const node = contextOf({
      alertEmails: ['sec@example.com'],
      historyTtlDays: 14,
      settings: { trustedAccountIds: ['111122223333'] },
      schedule: 'cron(0 5 * * ? *)',
    });

    // Act
    const settings = settingsFromContext(node);

    // Assess
    expect(settings).toEqual({
      alertEmails: ['sec@example.com'],
      historyTtlDays: 14,
      settings: { trustedAccountIds: ['111122223333'] },
      schedule: 'cron(0 5 * * ? *)',
    });
  });

  it('treats an empty value as unset', () => {
    // Prepare
    const node = contextOf({ alertEmails: '', regions: ' , ', schedule: '' });

    // Act
    const settings = settingsFromContext(node);

    // Assess
    expect(settings).toEqual({});
  });

  it('loads a CLI configuration file named by configFile', () => {
    // Prepare
    const path = join(mkdtempSync(join(tmpdir(), 'srm-scan-config-')), 'srm-scan.config.json');
    writeFileSync(path, JSON.stringify({ regions: ['eu-west-1'], excludeChecks: ['ec2-*'] }));

    // Act
    const settings = settingsFromContext(contextOf({ configFile: path }));

    // Assess
    expect(settings.scan).toEqual({ regions: ['eu-west-1'], excludeChecks: ['ec2-*'] });
  });

  it.each([
    [{ settings: '{accessKeyMaxAgeDays: 60}' }, 'Context settings: not valid JSON'],
    [{ historyTtlDays: 'ninety' }, 'Context historyTtlDays: expected a number'],
    [{ staleScanAlarmHours: 'a day' }, 'Context staleScanAlarmHours: expected a number'],
    [{ maxCollectionIssues: 'none' }, 'Context maxCollectionIssues: expected a number'],
    [{ alertEmails: [1, 2] }, 'Context alertEmails: expected a comma-separated string or a list of strings'],
    [{ configFile: '/nonexistent/srm-scan.config.json' }, 'Context configFile: cannot read'],
  ])('rejects %j, naming the context key', (values, message) => {
    // Prepare, Act
    const read = () => settingsFromContext(contextOf(values));

    // Assess
    expect(read).toThrow(ConfigurationError);
    expect(read).toThrow(message);
  });
});

describe('Setting: passResults', () => {
  it('reads passResults from context into the scan configuration the function parses', () => {
    // Prepare
    const node = contextOf({ passResults: 'count', regions: 'eu-west-1' });

    // Act
    const settings = settingsFromContext(node);
    const input = scanConfigInput(settings);

    // Assess
    expect(settings.passResults).toBe('count');
    expect(input).toEqual({ regions: ['eu-west-1'], passResults: 'count' });
    expect(parseConfig(input, 'test').passResults).toBe('count');
    expect(parseConfig(scanConfigInput({}), 'test').passResults).toBe('store');
  });

  it('rejects an unknown passResults value when the configuration is parsed', () => {
    // Prepare
    const input = scanConfigInput({ passResults: 'none' as unknown as 'count' });

    // Act
    const parse = () => parseConfig(input, 'the SrmScanStack scan configuration');

    // Assess
    expect(parse).toThrow(/passResults/);
  });
});

describe('Function: scanConfigInput', () => {
  it('layers the individual settings over the base configuration, merging check settings key by key', () => {
    // Prepare
    const settings = {
      scan: {
        regions: ['us-east-1'],
        checks: ['s3-*'],
        settings: { accessKeyMaxAgeDays: 60, unusedCredentialDays: 30 },
        suppressions: [{ checkId: 'iam-*', reason: 'Old.' }],
      },
      regions: ['eu-west-1'],
      allowedRegions: ['eu-west-1'],
      selection: { excludeChecks: ['s3-bucket-*'] },
      settings: { accessKeyMaxAgeDays: 45 },
    };

    // Act
    const input = scanConfigInput(settings);

    // Assess
    expect(input).toEqual({
      regions: ['eu-west-1'],
      checks: ['s3-*'],
      excludeChecks: ['s3-bucket-*'],
      settings: { accessKeyMaxAgeDays: 45, unusedCredentialDays: 30, allowedRegions: ['eu-west-1'] },
      suppressions: [{ checkId: 'iam-*', reason: 'Old.' }],
    });
  });

  it('is empty when nothing is configured, so the function environment stays small', () => {
    // Prepare, Act
    const input = scanConfigInput({});

    // Assess
    expect(input).toEqual({});
  });
});
