import type { AcmCertificate } from '../../inventory/index.js';
import { defineCheck, fail, pass } from '../define-check.js';

const DAY_MS = 86_400_000;

const certificateLabel = (c: AcmCertificate): string =>
  `ACM certificate ${c.id}${c.domainName ? ` for ${c.domainName}` : ''}`;

/**
 * Issued certificates, and expired ones still attached to a resource (those break clients today). An expired
 * certificate nothing uses is inert, and pending or failed requests were never valid.
 */
const evaluated = (c: AcmCertificate): boolean =>
  c.notAfter !== undefined && (c.status === 'ISSUED' || (c.status === 'EXPIRED' && c.inUse));

export const acmCertificateNotExpiring = defineCheck({
  id: 'acm-certificate-not-expiring',
  title: 'ACM certificates are valid for longer than the renewal window',
  service: 'acm',
  resourceType: 'AwsCertificateManagerCertificate',
  srmClass: 'abstracted',
  obligation: 'data-protection',
  severity: 'medium',
  requires: ['acm.certificates'],
  settings: ['acmCertificateExpiryDays'],
  compliance: [{ framework: 'aws-fsbp', control: 'ACM.1' }],
  risk:
    'When a certificate expires, clients refuse the TLS connection (an outage) or users learn to click through ' +
    'warnings. ACM renews only Amazon-issued certificates that are in use and validated; imported ones never renew.',
  remediation: {
    text: 'Re-import a renewed certificate for imported certificates; for Amazon-issued ones, fix the DNS or e-mail validation that blocks managed renewal, or request a new certificate.',
    cli: 'aws acm import-certificate --certificate-arn <certificate-arn> --certificate fileb://cert.pem --private-key fileb://key.pem --certificate-chain fileb://chain.pem',
    url: 'https://docs.aws.amazon.com/acm/latest/userguide/managed-renewal.html',
  },
  evaluate: ({ acm, scannedAt }, settings) =>
    acm.certificates.filter(evaluated).map((c) => {
      const notAfter = c.notAfter as Date;
      const days = Math.floor((notAfter.getTime() - scannedAt.getTime()) / DAY_MS);
      const date = notAfter.toISOString().slice(0, 10);
      const use = c.inUse ? 'in use' : 'not in use';
      const kind = c.type === 'IMPORTED' ? 'imported, renewed only by re-import' : (c.type ?? 'unknown type');
      if (days < 0) return fail(c, `${certificateLabel(c)} (${kind}, ${use}) expired on ${date}.`);
      return days < settings.acmCertificateExpiryDays
        ? fail(
            c,
            `${certificateLabel(c)} (${kind}, ${use}) expires on ${date}, in ${days} days (threshold ${settings.acmCertificateExpiryDays}).`,
          )
        : pass(c, `${certificateLabel(c)} (${use}) is valid until ${date}, ${days} days from the scan.`);
    }),
});
