export { acmCertificateNotExpiring } from './acm-certificate-not-expiring.js';
export { acmCertificateRsaKey2048 } from './acm-certificate-rsa-key-2048.js';
