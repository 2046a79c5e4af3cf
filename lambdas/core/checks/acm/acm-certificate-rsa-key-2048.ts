import { defineCheck, verdict } from '../define-check.js';

/** `RSA_1024` → 1024; undefined for elliptic-curve keys. */
const rsaBits = (algorithm: string | undefined): number | undefined => {
  const match = /^RSA[_-](\d+)$/.exec(algorithm ?? '');
  return match ? Number(match[1]) : undefined;
};

export const acmCertificateRsaKey2048 = defineCheck({
  id: 'acm-certificate-rsa-key-2048',
  title: 'RSA certificates managed by ACM use keys of at least 2,048 bits',
  service: 'acm',
  resourceType: 'AwsCertificateManagerCertificate',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'high',
  requires: ['acm.certificates'],
  compliance: [{ framework: 'aws-fsbp', control: 'ACM.2' }],
  risk:
    'A 1,024-bit RSA key is within reach of well-funded attackers: whoever factors it can impersonate the site and, ' +
    'without forward secrecy, decrypt recorded traffic.',
  remediation: {
    text: 'Replace the certificate with one whose key has at least 2,048 bits (ACM-issued RSA certificates always do), move its users to it, and delete the old one.',
    cli: 'aws acm request-certificate --domain-name <domain> --validation-method DNS --key-algorithm RSA_2048',
    url: 'https://docs.aws.amazon.com/acm/latest/userguide/import-certificate-prerequisites.html',
  },
  // Elliptic-curve keys are not RSA: the control does not apply to them.
  evaluate: ({ acm }) =>
    acm.certificates.flatMap((c) => {
      const bits = rsaBits(c.keyAlgorithm);
      if (bits === undefined) return [];
      const name = `ACM certificate ${c.id}${c.domainName ? ` for ${c.domainName}` : ''}`;
      return [
        verdict(
          bits >= 2048,
          c,
          `${name} uses a ${bits}-bit RSA key.`,
          `${name} uses a ${bits}-bit RSA key, shorter than 2,048 bits.`,
        ),
      ];
    }),
});
