import { describe, expect, it } from 'vitest';
import { securityhubHubEnabled } from '../../../lambdas/core/checks/securityhub/index.js';
import { detectionInventory, hub, regionalAccount } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const FSBP = 'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0';
const CIS12 = 'arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0';
const CIS30 = 'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/3.0.0';

describe('Check: securityhub-hub-enabled', () => {
  it('passes naming the enabled standards and fails where the account is not subscribed', () => {
    // Prepare
    const inventory = detectionInventory({
      'securityhub.hubs': [
        hub('us-east-1', [
          { standardsArn: FSBP, status: 'READY' },
          { standardsArn: CIS12, status: 'READY' },
          { standardsArn: CIS30, status: 'PENDING' },
        ]),
      ],
    });

    // Act
    const results = runCheckOn(securityhubHubEnabled, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: regionalAccount('securityhub', 'us-east-1'),
        message:
          'Security Hub is enabled in us-east-1 with the standards aws-foundational-security-best-practices v1.0.0, cis-aws-foundations-benchmark v1.2.0 and cis-aws-foundations-benchmark v3.0.0 (PENDING).',
      },
      {
        status: 'FAIL',
        resource: regionalAccount('securityhub', 'eu-west-1'),
        message: 'Security Hub is not enabled in eu-west-1 (the account is not subscribed).',
      },
    ]);
  });

  it('passes a hub without standards and says so', () => {
    // Prepare
    const inventory = detectionInventory({ 'securityhub.hubs': [hub('us-east-1'), hub('eu-west-1')] });

    // Act
    const [, eu] = runCheckOn(securityhubHubEnabled, inventory);

    // Assess
    expect(eu?.status).toBe('PASS');
    expect(eu?.message).toBe('Security Hub is enabled in eu-west-1, with no security standard enabled.');
  });
});
