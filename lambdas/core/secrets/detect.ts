import { isLiteralSecret } from './literals.js';
import { maskSecret } from './mask.js';
import { SECRET_LABELS, SECRET_PATTERNS, type SecretKind } from './patterns.js';

/** A secret found in a value: what it is and how to show it. Never carries the secret itself. */
export interface SecretFinding {
  kind: SecretKind;
  /** Human-readable kind, e.g. `AWS access key ID`. */
  label: string;
  /** The secret through `maskSecret`. */
  masked: string;
}

interface Span {
  kind: SecretKind;
  start: number;
  end: number;
}

/** Non-overlapping spans of recognisable credentials, in text order; earlier patterns win overlaps. */
function scan(text: string): Span[] {
  const spans: Span[] = [];
  for (const pattern of SECRET_PATTERNS) {
    for (const match of text.matchAll(pattern.regex)) {
      const secret = pattern.group === undefined ? match[0] : match[pattern.group];
      if (!secret || (pattern.accept && !pattern.accept(secret, text))) continue;
      // Every grouped pattern ends with its group (at most one delimiter follows), so the last occurrence is it.
      const start = match.index + match[0].lastIndexOf(secret);
      const end = start + secret.length;
      if (spans.some((s) => start < s.end && s.start < end)) continue;
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

const finding = (kind: SecretKind, secret: string): SecretFinding => ({
  kind,
  label: SECRET_LABELS[kind],
  masked: maskSecret(secret),
});

/**
 * Finds secrets in a value: credentials recognisable by their format anywhere in it, else —
 * when `name` (an environment variable, a parameter) says it holds a secret — the value itself
 * if it is a literal rather than a reference (`arn:…`, `{{resolve:…}}`, `/ssm/path`) or a
 * placeholder. Pass `undefined` as the name for free text.
 *
 * @example
 * findSecrets('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE');
 * // [{ kind: 'aws-access-key-id', label: 'AWS access key ID', masked: 'AKIA…(20 chars)' }]
 * findSecrets('DB_PASSWORD', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf'); // []
 */
export function findSecrets(name: string | undefined, value: string): SecretFinding[] {
  const spans = scan(value);
  if (spans.length > 0) return spans.map((s) => finding(s.kind, value.slice(s.start, s.end)));
  const suggested = name === undefined ? null : nameSuggests(name);
  if (suggested === 'aws-secret-access-key' && /^[A-Za-z0-9/+]{40}$/.test(value.trim())) {
    return [finding('aws-secret-access-key', value.trim())];
  }
  const strictness = suggested === 'password' ? 'password' : 'secret';
  if (suggested !== null && isLiteralSecret(value, strictness)) return [finding(strictness, value.trim())];
  return [];
}

/**
 * Replaces every credential recognisable by its format in free text (log lines, e-mail bodies,
 * messages) with its masked form; the rest of the text is left as it is.
 *
 * @example
 * redactSecrets('key=AKIAIOSFODNN7EXAMPLE'); // 'key=AKIA…(20 chars)'
 */
export function redactSecrets(text: string): string {
  let result = text;
  for (const span of scan(text).reverse()) {
    result = result.slice(0, span.start) + maskSecret(text.slice(span.start, span.end)) + result.slice(span.end);
  }
  return result;
}
