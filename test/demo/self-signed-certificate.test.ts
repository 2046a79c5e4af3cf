import { createPrivateKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { selfSignedCertificate } from '../../demo/seed/self-signed-certificate.js';

describe('Function: selfSignedCertificate', () => {
  it('builds a certificate that parses, verifies against its own key and carries the asked key size and expiry', () => {
    // Prepare
    const notAfter = new Date('2030-01-02T03:04:05Z');

    // Act
    const { certificate, privateKey } = selfSignedCertificate('vpn.harbor.example', 1024, notAfter);

    // Assess
    const x509 = new X509Certificate(certificate);
    expect(x509.subject).toBe('CN=vpn.harbor.example');
    expect(x509.issuer).toBe('CN=vpn.harbor.example');
    expect(new Date(x509.validTo).toISOString()).toBe('2030-01-02T03:04:05.000Z');
    expect(x509.publicKey.asymmetricKeyDetails?.modulusLength).toBe(1024);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.checkPrivateKey(createPrivateKey(privateKey))).toBe(true);
  });
});
