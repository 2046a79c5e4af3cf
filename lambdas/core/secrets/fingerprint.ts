/**
 * How a detected secret is shown: never a character of it, nor its length, only what kind of
 * secret it is and a fingerprint, e.g. `[AWS access key ID, fingerprint 3eba5b88]`.
 *
 * The fingerprint is the first 8 hex digits of HMAC-SHA256 keyed with a salt over the secret. It
 * cannot be turned back into the secret; it tells two secrets apart and follows one across scans.
 *
 * The salt is:
 * - stable: the same every run, so one secret keeps its fingerprint night after night;
 * - scoped: by default derived from the scanned account id (`fingerprintSalt`), so one secret gives
 *   unrelated fingerprints in two accounts and reports of different customers never correlate;
 * - configurable: the `secretFingerprintSalt` check setting replaces the default.
 *
 * Why a private salt: the account id is no secret (it is in every ARN of the report), so whoever
 * holds a report knows the default salt and can test guesses. Hashing a list of common passwords
 * confirms a weak literal password (`DB_PASSWORD=Summer2024!`) from its 8-hex fingerprint. A salt
 * that only the scanner knows prevents that. Credentials with real entropy (access keys, provider
 * tokens, private keys) cannot be guessed with or without it. One private salt shared by an
 * organisation's accounts also gives a secret reused across them the same fingerprint everywhere.
 * The deployed scanner receives its settings in its `SRM_SCAN_CONFIG` environment variable, so the
 * salt stays private from readers of reports, e-mails and the findings table, not from those who
 * may read the scanner function's configuration.
 *
 * Text redacted without the scan's salt (`redactSecrets` with no salt: logs, AWS error messages)
 * gets a random per-process salt instead: never guessable, never stable.
 */
import { createHmac } from 'node:crypto';
import { SECRET_LABELS } from './patterns.js';

/** Hex digits of the fingerprint: 32 bits tell a function's few secrets apart without a collision in practice. */
const FINGERPRINT_LENGTH = 8;

/**
 * The salt for one account's fingerprints: `configured` (the `secretFingerprintSalt` setting)
 * when set, else one derived from the account id.
 *
 * @example
 * fingerprintSalt('123456789012', settings.secretFingerprintSalt);
 */
export function fingerprintSalt(accountId: string, configured: string | undefined): string {
  return configured ?? `srm-scan/account/${accountId}`;
}

/**
 * The first 8 hex digits of HMAC-SHA256(salt, secret): the same for the same secret and salt,
 * unrelated for a different secret or salt.
 *
 * @example
 * secretFingerprint('AKIAIOSFODNN7EXAMPLE', fingerprintSalt('123456789012', undefined)); // '3eba5b88'
 */
export function secretFingerprint(secret: string, salt: string): string {
  return createHmac('sha256', salt).update(secret, 'utf8').digest('hex').slice(0, FINGERPRINT_LENGTH);
}

/**
 * What replaces a secret in any output: its kind and its fingerprint.
 *
 * @example
 * secretMarker('AWS access key ID', '3eba5b88'); // '[AWS access key ID, fingerprint 3eba5b88]'
 */
export const secretMarker = (label: string, fingerprint: string): string => `[${label}, fingerprint ${fingerprint}]`;

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A marker as `secretMarker` writes it for a known kind, so that redacting text twice leaves the first
 * markers alone. Only the fixed labels match: a secret cannot hide inside marker-shaped text.
 */
export const SECRET_MARKER_REGEX = new RegExp(
  `\\[(?:${Object.values(SECRET_LABELS).map(escapeRegex).join('|')}), fingerprint [0-9a-f]{${FINGERPRINT_LENGTH}}\\]`,
  'g',
);
