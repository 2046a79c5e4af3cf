import { describe, expect, it } from 'vitest';
import {
  findSecrets,
  fingerprintSalt,
  SECRET_LABELS,
  secretFingerprint,
  secretMarker,
} from '../../lambdas/core/secrets/index.js';
import { windows } from '../helpers/secrets.js';

const ACCOUNT = '123456789012';
const SALT = fingerprintSalt(ACCOUNT, undefined);
// Token-shaped test values are assembled at run time so that secret scanners do not flag this file.
const join = (...parts: string[]) => parts.join('');
const PEM = join('-----BEGIN EC ', 'PRIVATE KEY-----\nMHcCAQEEIBq7Zv\n-----END EC ', 'PRIVATE KEY-----');

describe('Function: secretFingerprint', () => {
  it('is the first 8 hex digits of HMAC-SHA256 over the secret, keyed with the salt', () => {
    // Prepare
    const secret = 'AKIAIOSFODNN7EXAMPLE';

    // Act
    const fingerprint = secretFingerprint(secret, SALT);

    // Assess
    // printf '%s' AKIAIOSFODNN7EXAMPLE | openssl dgst -sha256 -hmac srm-scan/account/123456789012
    expect(fingerprint).toBe('3eba5b88');
  });

  it('gives one secret and salt the same fingerprint every time', () => {
    // Prepare
    const secret = 'Tr0ub4dor&3';

    // Act
    const fingerprints = [
      secretFingerprint(secret, SALT),
      secretFingerprint(`${secret}`, fingerprintSalt(ACCOUNT, undefined)),
    ];

    // Assess
    expect(fingerprints[0]).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprints[1]).toBe(fingerprints[0]);
  });

  it('gives different secrets different fingerprints', () => {
    // Prepare
    const secrets = ['Tr0ub4dor&3', 'Tr0ub4dor&4', 'tr0ub4dor&3', 'AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLF'];

    // Act
    const fingerprints = secrets.map((secret) => secretFingerprint(secret, SALT));

    // Assess
    expect(new Set(fingerprints).size).toBe(secrets.length);
  });

  it('gives one secret unrelated fingerprints under different salts', () => {
    // Prepare
    const salts = [
      fingerprintSalt('123456789012', undefined),
      fingerprintSalt('210987654321', undefined),
      fingerprintSalt('123456789012', 'org-wide private salt 7f3c'),
    ];

    // Act
    const fingerprints = salts.map((salt) => secretFingerprint('Tr0ub4dor&3', salt));

    // Assess
    expect(new Set(fingerprints).size).toBe(salts.length);
  });
});

describe('Function: fingerprintSalt', () => {
  it('uses the configured salt when there is one, whatever the account', () => {
    // Prepare
    const configured = 'org-wide private salt 7f3c';

    // Act
    const salts = [fingerprintSalt('123456789012', configured), fingerprintSalt('210987654321', configured)];

    // Assess
    expect(salts).toEqual([configured, configured]);
  });

  it('derives a default from the account id, stable across runs and different per account', () => {
    // Prepare
    const accounts = ['123456789012', '123456789012', '210987654321'];

    // Act
    const salts = accounts.map((account) => fingerprintSalt(account, undefined));

    // Assess
    expect(salts[1]).toBe(salts[0]);
    expect(salts[2]).not.toBe(salts[0]);
  });
});

describe('Function: secretMarker', () => {
  it('shows the kind and the fingerprint', () => {
    // Prepare
    const label = SECRET_LABELS['aws-access-key-id'];

    // Act
    const marker = secretMarker(label, '3eba5b88');

    // Assess
    expect(marker).toBe('[AWS access key ID, fingerprint 3eba5b88]');
  });

  it.each<[string, string, string]>([
    ['AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['DB_PASSWORD', 'Xq9!', 'Xq9!'],
    ['DB_PASSWORD', 'Xq9!Zv7#Wk', 'Xq9!Zv7#Wk'],
    ['SIGNING_KEY', PEM, PEM],
    ['GH', join('ghp_', 'Zq7Vw'.repeat(8)), join('ghp_', 'Zq7Vw'.repeat(8))],
    ['SQL', 'Server=db.internal;User Id=app;Password=Wk#7Zv9!Xq;', 'Wk#7Zv9!Xq'],
  ])('never shows 4 characters in a row of %s nor its length', (name, value, secret) => {
    // Prepare
    const secretWindows = windows(secret);

    // Act
    const [found] = findSecrets(name, value, SALT);

    // Assess
    const marker = found?.marker ?? '';
    expect(marker).toBe(`[${found?.label}, fingerprint ${found?.fingerprint}]`);
    expect(found?.fingerprint).toMatch(/^[0-9a-f]{8}$/);
    expect(secretWindows.filter((window) => marker.includes(window))).toEqual([]);
    expect(marker).not.toMatch(/chars\)|\(\d+/);
  });

  it('is as long for a short secret as for a long one of the same kind', () => {
    // Prepare
    const passwords = ['Xq9!', 'Xq9!Zv7#Wk', 'Xq9!Zv7#Wk'.repeat(20)];

    // Act
    const markers = passwords.map((password) => findSecrets('DB_PASSWORD', password, SALT)[0]?.marker ?? '');

    // Assess
    expect(new Set(markers.map((marker) => marker.length))).toEqual(new Set([markers[0]?.length]));
    expect(new Set(markers).size).toBe(passwords.length);
  });
});
