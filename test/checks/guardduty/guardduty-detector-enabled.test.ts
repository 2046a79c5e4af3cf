import { describe, expect, it } from 'vitest';
import { guarddutyDetectorEnabled } from '../../../lambdas/core/checks/guardduty/index.js';
import { detectionInventory, detector, regionalAccount } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

describe('Check: guardduty-detector-enabled', () => {
  it('passes in a region with an enabled detector and fails in a region without any', () => {
    // Prepare
    const inventory = detectionInventory({ 'guardduty.detectors': [detector('d1a2b3', 'us-east-1')] });

    // Act
    const results = runCheckOn(guarddutyDetectorEnabled, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: regionalAccount('guardduty', 'us-east-1'),
        message: 'GuardDuty detector d1a2b3 is enabled in us-east-1.',
      },
      {
        status: 'FAIL',
        resource: regionalAccount('guardduty', 'eu-west-1'),
        message: 'GuardDuty has no detector in eu-west-1.',
      },
    ]);
  });

  it('fails when the region’s detector is suspended', () => {
    // Prepare
    const inventory = detectionInventory({
      'guardduty.detectors': [detector('d1a2b3', 'us-east-1'), detector('e4f5', 'eu-west-1', 'DISABLED')],
    });

    // Act
    const [, eu] = runCheckOn(guarddutyDetectorEnabled, inventory);

    // Assess
    expect(eu).toEqual({
      status: 'FAIL',
      resource: regionalAccount('guardduty', 'eu-west-1'),
      message: 'GuardDuty is not enabled in eu-west-1: detector e4f5 is DISABLED.',
    });
  });
});
