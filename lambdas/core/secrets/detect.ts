import { randomBytes } from 'node:crypto';
import { SECRET_MARKER_REGEX, secretFingerprint, secretMarker } from './fingerprint.js';
import { isLiteralSecret } from './literals.js';
import { SECRET_LABELS, SECRET_PATTERNS, type SecretKind } from './patterns.js';

/** A secret found in a value: what it is and how to show it. Never carries any character of the secret. */
export interface SecretFinding {
  kind: SecretKind;
  /** Human-readable kind, e.g. `AWS access key ID`. */
  label: string;
  /** `secretFingerprint` of the secret: 8 hex digits. */
  fingerprint: string;
  /** What to show instead of the secret: `[<label>, fingerprint <fingerprint>]`. */
  marker: string;
}

interface Span {
  kind: SecretKind;
  start: number;
  end: number;
}

/**
 * Non-overlapping spans of recognisable credentials, in text order; earlier patterns win overlaps.
 * Markers already in the text are no credentials (`Password=[password in …]` stays as it is).
 */
function scan(text: string): Span[] {
  const markers = [...text.matchAll(SECRET_MARKER_REGEX)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const spans: Span[] = [];
  for (const pattern of SECRET_PATTERNS) {
    for (const match of text.matchAll(pattern.regex)) {
      const secret = pattern.group === undefined ? match[0] : match[pattern.group];
      if (!secret || (pattern.accept && !pattern.accept(secret, text))) continue;
      // Every grouped pattern ends with its group (at most one delimiter follows), so the last occurrence is it.
      const start = match.index + match[0].lastIndexOf(secret);
      const end = start + secret.length;
      if ([...markers, ...spans].some((s) => start < s.end && s.start < end)) continue;
      spans.push({ kind: pattern.kind, start, end });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** A name split into upper-case words: `dbPassword`, `DB_PASSWORD` and `db-password` all give `DB`, `PASSWORD`. */
const words = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);

/** Last words that make a name describe a secret's metadata or location rather than hold it. */
const METADATA_WORDS = new Set(
  (
    'ARN NAME NAMES ID IDS PATH PARAM PARAMS PARAMETER REF FILE URL URI ENDPOINT HOST PORT REGION TTL EXPIRY EXPIRES ' +
    'EXPIRATION LIFETIME TIMEOUT LENGTH LEN MIN MAX ENABLED DISABLED REQUIRED TYPE HEADER VERSION AGE DAYS HOURS ' +
    'MINUTES SECONDS SECS MS POLICY ALGORITHM ALG ISSUER AUDIENCE FIELD LOCATION PREFIX SUFFIX COUNT LIMIT SIZE ' +
    'FORMAT MODE STORE PROVIDER BUCKET TABLE QUEUE TOPIC DIR ROTATION KMS'
  ).split(' '),
);

const KEY_QUALIFIERS = new Set([
  'API',
  'PRIVATE',
  'ACCESS',
  'AUTH',
  'SIGNING',
  'ENCRYPTION',
  'MASTER',
  'SECRET',
  'LICENSE',
]);

/** How strictly a variable's name says it holds a secret, or null when the name says nothing. */
function nameSuggests(name: string): 'aws-secret-access-key' | 'password' | 'secret' | null {
  const w = words(name);
  const last = w.at(-1);
  if (last === undefined || METADATA_WORDS.has(last)) return null;
  if (w.includes('SECRET') && (w.includes('AWS') || w.includes('ACCESS'))) return 'aws-secret-access-key';
  if (w.some((x) => /(?:PASSWORD|PASSWD|PASSPHRASE)$/.test(x) || x === 'PASS' || x === 'PWD')) return 'password';
  const namedKey = w.some((x, i) => x === 'KEY' && KEY_QUALIFIERS.has(w[i - 1] ?? ''));
  if (namedKey || w.some((x) => /(?:SECRET|TOKENS?|APIKEY|CREDENTIALS?|SALT)$/.test(x))) return 'secret';
  return null;
}

function finding(kind: SecretKind, secret: string, salt: string): SecretFinding {
  const label = SECRET_LABELS[kind];
  const fingerprint = secretFingerprint(secret, salt);
  return { kind, label, fingerprint, marker: secretMarker(label, fingerprint) };
}

/**
 * Finds secrets in a value: credentials recognisable by their format anywhere in it, else —
 * when `name` (an environment variable, a parameter) says it holds a secret — the value itself
 * if it is a literal rather than a reference (`arn:…`, `{{resolve:…}}`, `/ssm/path`) or a
 * placeholder. Pass `undefined` as the name for free text. `salt` keys the fingerprints: use
 * `fingerprintSalt(accountId, settings.secretFingerprintSalt)`.
 *
 * @example
 * const salt = fingerprintSalt('123456789012', undefined);
 * findSecrets('ACCESS_KEY', 'AKIAIOSFODNN7EXAMPLE', salt);
 * // [{ kind: 'aws-access-key-id', label: 'AWS access key ID', fingerprint: '3eba5b88',
 * //    marker: '[AWS access key ID, fingerprint 3eba5b88]' }]
 * findSecrets('DB_PASSWORD', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf', salt); // []
 */
export function findSecrets(name: string | undefined, value: string, salt: string): SecretFinding[] {
  const spans = scan(value);
  if (spans.length > 0) return spans.map((s) => finding(s.kind, value.slice(s.start, s.end), salt));
  const suggested = name === undefined ? null : nameSuggests(name);
  if (suggested === 'aws-secret-access-key' && /^[A-Za-z0-9/+]{40}$/.test(value.trim())) {
    return [finding('aws-secret-access-key', value.trim(), salt)];
  }
  const strictness = suggested === 'password' ? 'password' : 'secret';
  if (suggested !== null && isLiteralSecret(value, strictness)) return [finding(strictness, value.trim(), salt)];
  return [];
}

/**
 * Salt of `redactSecrets` when the caller gives none: random, drawn once per process (one CLI
 * run, one Lambda execution environment). Such fingerprints still tell secrets apart within that
 * process, cannot be confirmed by guessing, and match nothing outside it.
 */
const PROCESS_SALT = randomBytes(32).toString('hex');

/**
 * Replaces every credential recognisable by its format in free text (log lines, e-mail bodies,
 * messages, AWS error messages) with its marker; the rest of the text, markers already in it
 * included, is left as it is. Pass the scan's `fingerprintSalt` so that fingerprints match the
 * findings'; without it, a random per-process salt is used (defence in depth on text that was
 * already redacted where the scan report was assembled).
 *
 * @example
 * redactSecrets('key=AKIAIOSFODNN7EXAMPLE', fingerprintSalt('123456789012', undefined));
 * // 'key=[AWS access key ID, fingerprint 3eba5b88]'
 */
export function redactSecrets(text: string, salt: string = PROCESS_SALT): string {
  let result = text;
  for (const span of scan(text).reverse()) {
    const secret = text.slice(span.start, span.end);
    result = result.slice(0, span.start) + finding(span.kind, secret, salt).marker + result.slice(span.end);
  }
  return result;
}

/**
 * `redactSecrets` applied to every string inside a value: arrays, plain objects and errors
 * (message, stack, cause and their own properties, which loggers print) are copied with their
 * strings redacted; a reference back to an enclosing value becomes `[Circular]`; other values
 * are returned as they are. For log records.
 *
 * @example
 * logger.warn('Collection issues', redactSecretsDeep({ collectionIssues }));
 */
export function redactSecretsDeep<T>(value: T, salt: string = PROCESS_SALT): T {
  return redactUnknown(value, salt, new WeakSet()) as T;
}

function redactUnknown(value: unknown, salt: string, enclosing: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactSecrets(value, salt);
  if (value === null || typeof value !== 'object') return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  const plain = Array.isArray(value) || prototype === Object.prototype || prototype === null;
  if (!plain && !(value instanceof Error)) return value;
  if (enclosing.has(value)) return '[Circular]';
  enclosing.add(value);
  const redact = (item: unknown) => redactUnknown(item, salt, enclosing);
  let copy: unknown;
  if (Array.isArray(value)) copy = value.map(redact);
  else if (value instanceof Error) {
    const message = redactSecrets(value.message, salt);
    const error = 'cause' in value ? new Error(message, { cause: redact(value.cause) }) : new Error(message);
    // A real error of the same class, so loggers and `instanceof` treat it as the original.
    Object.setPrototypeOf(error, Object.getPrototypeOf(value));
    error.stack = value.stack === undefined ? undefined : redactSecrets(value.stack, salt);
    Object.assign(error, Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item)])));
    copy = error;
  } else copy = Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redact(item)]));
  enclosing.delete(value);
  return copy;
}
