import { describe, expect, it } from 'vitest';
import { acmCertificateNotExpiring } from '../../../lambdas/core/checks/acm/index.js';
import { defaultSettings } from '../../../lambdas/core/config/settings.js';
import { certificate } from '../../fixtures/acm.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: acm-certificate-not-expiring', () => {
  it('fails an imported certificate that expires within the window', () => {
    // Prepare
    const cert = certificate('c1', 12, { type: 'IMPORTED' });

    // Act
    const [result] = runCheckOn(acmCertificateNotExpiring, inventoryWith({ 'acm.certificates': [cert] }));

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: cert,
      message:
        'ACM certificate c1 for shop.harbor.example (imported, renewed only by re-import, in use) expires on 2026-12-02, in 12 days (threshold 30).',
    });
  });

  it('passes a certificate valid beyond the window', () => {
    // Prepare
    const cert = certificate('c2', 200, { inUse: false });

    // Act
    const [result] = runCheckOn(acmCertificateNotExpiring, inventoryWith({ 'acm.certificates': [cert] }));

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message:
        'ACM certificate c2 for shop.harbor.example (not in use) is valid until 2027-06-08, 200 days from the scan.',
    });
  });

  it('reads the window from acmCertificateExpiryDays', () => {
    // Prepare
    const cert = certificate('c3', 45);
    const settings = { ...defaultSettings(), acmCertificateExpiryDays: 60 };

    // Act
    const [byDefault] = runCheckOn(acmCertificateNotExpiring, inventoryWith({ 'acm.certificates': [cert] }));
    const [wider] = runCheckOn(acmCertificateNotExpiring, inventoryWith({ 'acm.certificates': [cert] }), { settings });

    // Assess
    expect([byDefault?.status, wider?.status]).toEqual(['PASS', 'FAIL']);
  });

  it('fails an expired certificate still in use and skips unused expired and pending ones', () => {
    // Prepare
    const used = certificate('c4', -3, { status: 'EXPIRED' });
    const unused = certificate('c5', -3, { status: 'EXPIRED', inUse: false });
    const pending = certificate('c6', 5, { status: 'PENDING_VALIDATION', inUse: false });

    // Act
    const results = runCheckOn(
      acmCertificateNotExpiring,
      inventoryWith({ 'acm.certificates': [used, unused, pending] }),
    );

    // Assess
    expect(results.map((r) => [r.resource.id, r.status, r.message])).toEqual([
      ['c4', 'FAIL', 'ACM certificate c4 for shop.harbor.example (AMAZON_ISSUED, in use) expired on 2026-11-17.'],
    ]);
  });
});
