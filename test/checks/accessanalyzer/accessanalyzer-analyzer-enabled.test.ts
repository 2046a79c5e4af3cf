import { describe, expect, it } from 'vitest';
import { accessanalyzerAnalyzerEnabled } from '../../../lambdas/core/checks/accessanalyzer/index.js';
import { analyzer, detectionInventory, regionalAccount } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const check = accessanalyzerAnalyzerEnabled;

describe('Check: accessanalyzer-analyzer-enabled', () => {
  it('passes with an active account or organization analyzer and fails without any analyzer', () => {
    // Prepare
    const inventory = detectionInventory({
      'accessanalyzer.analyzers': [analyzer('harbor-org', 'us-east-1', { type: 'ORGANIZATION' })],
    });

    // Act
    const results = runCheckOn(check, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: regionalAccount('accessanalyzer', 'us-east-1'),
        message: 'IAM Access Analyzer harbor-org (ORGANIZATION) is active in us-east-1.',
      },
      {
        status: 'FAIL',
        resource: regionalAccount('accessanalyzer', 'eu-west-1'),
        message: 'IAM Access Analyzer has no analyzer in eu-west-1.',
      },
    ]);
  });

  it('fails when the only analyzers look for unused access or are not active', () => {
    // Prepare
    const inventory = detectionInventory({
      'accessanalyzer.analyzers': [
        analyzer('harbor-unused', 'us-east-1', { type: 'ACCOUNT_UNUSED_ACCESS' }),
        analyzer('harbor-external', 'eu-west-1', { status: 'FAILED' }),
        analyzer('harbor-unused-eu', 'eu-west-1', { type: 'ACCOUNT_UNUSED_ACCESS' }),
      ],
    });

    // Act
    const [us, eu] = runCheckOn(check, inventory);

    // Assess
    expect(us).toEqual({
      status: 'FAIL',
      resource: regionalAccount('accessanalyzer', 'us-east-1'),
      message:
        'IAM Access Analyzer has no external access analyzer in us-east-1, only harbor-unused (ACCOUNT_UNUSED_ACCESS).',
    });
    expect(eu?.status).toBe('FAIL');
    expect(eu?.message).toBe('No external access analyzer is active in eu-west-1: harbor-external is FAILED.');
  });
});
