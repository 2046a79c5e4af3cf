import { describe, expect, it } from 'vitest';
import { acmCertificateRsaKey2048 } from '../../../lambdas/core/checks/acm/index.js';
import { certificate } from '../../fixtures/acm.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

describe('Check: acm-certificate-rsa-key-2048', () => {
  it('fails a 1,024-bit RSA certificate', () => {
    // Prepare
    const cert = certificate('c1', 100, { type: 'IMPORTED', keyAlgorithm: 'RSA_1024' });

    // Act
    const [result] = runCheckOn(acmCertificateRsaKey2048, inventoryWith({ 'acm.certificates': [cert] }));

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: cert,
      message: 'ACM certificate c1 for shop.harbor.example uses a 1024-bit RSA key, shorter than 2,048 bits.',
    });
  });

  it('passes 2,048- and 4,096-bit RSA certificates and skips elliptic-curve ones', () => {
    // Prepare
    const inventory = inventoryWith({
      'acm.certificates': [
        certificate('c2', 100),
        certificate('c3', 100, { keyAlgorithm: 'RSA_4096' }),
        certificate('c4', 100, { keyAlgorithm: 'EC_prime256v1' }),
      ],
    });

    // Act
    const results = runCheckOn(acmCertificateRsaKey2048, inventory);

    // Assess
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([
      ['c2', 'PASS'],
      ['c3', 'PASS'],
    ]);
  });
});
