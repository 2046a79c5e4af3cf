/**
 * Telling a literal secret from what merely sits where a secret would: a reference to a secret
 * store, a template placeholder, or an ordinary setting.
 */

/** Text too random to be a hand-written path or name (long, mixed case and digits, no separators). */
const looksRandom = (value: string): boolean =>
  value.length >= 32 && /[A-Z]/.test(value) && /[a-z]/.test(value) && /\d/.test(value) && !/[-_.]/.test(value);

/**
 * True when the value points at a secret instead of holding one: any ARN (Secrets Manager,
 * SSM Parameter Store, KMS), a CloudFormation dynamic reference (`{{resolve:…}}`), an SSM
 * parameter path, a store-prefixed name (`ssm:…`, `secretsmanager:…`, `vault:…`) or a
 * lower-case Secrets Manager style name such as `prod/orders/db`.
 */
export function isSecretReference(value: string): boolean {
  const v = value.trim();
  if (/^arn:aws[a-z-]*:/.test(v)) return true;
  if (/\{\{resolve:[^}]+\}\}/.test(v)) return true;
  if (/^(?:ssm|ssm-secure|secretsmanager|secrets-manager|vault|awssm|aws-sm|op):\S+$/i.test(v)) return true;
  if (/^\/[A-Za-z0-9_.\-/]+$/.test(v) && !looksRandom(v)) return true;
  return /^[a-z0-9_.-]+(?:\/[a-z0-9_.+=@-]+)+$/.test(v);
}

const PLACEHOLDER_WORDS = new Set([
  'changeme',
  'change-me',
  'change_me',
  'replaceme',
  'replace-me',
  'replace_me',
  'todo',
  'tbd',
  'fixme',
  'placeholder',
  'dummy',
  'redacted',
  'sample',
  'example',
  'secret',
  'password',
  'token',
  'n/a',
  'na',
  'none',
  'null',
  'nil',
  'undefined',
]);

/** True for template variables (`${X}`, `<password>`, `{{x}}`, `%X%`, `$X`), fillers (`xxxx`, `****`) and stock words (`changeme`). */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v === '') return true;
  if (PLACEHOLDER_WORDS.has(v.toLowerCase())) return true;
  if (
    /^(?:<[^>]*>|\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_][A-Za-z0-9_]*|%[^%\s]+%|\{\{[^}]*\}\}|#\{[^}]*\}|__[A-Z0-9_]+__)$/.test(
      v,
    )
  ) {
    return true;
  }
  if (/^(.)\1*$/.test(v)) return true;
  return /^(?:your|insert|enter|put|add)[-_ ]/i.test(v) || /^x{3,}[-_x]*$/i.test(v);
}

const characterClasses = (value: string): number =>
  [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(value)).length;

/** Values that are settings, not secrets: booleans, URLs without credentials, host names. */
const isOrdinarySetting = (value: string): boolean =>
  /^(?:true|false|yes|no|on|off|enabled|disabled)$/i.test(value) ||
  /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ||
  /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(value);

/** Numbers and durations (`3600`, `30d`, `1.5h`): a token lifetime, not a token. */
const isNumberOrDuration = (value: string): boolean => /^-?\d+(?:\.\d+)?[a-z]{0,3}$/i.test(value);

/**
 * True when a value that sits where a secret belongs is plausibly the secret itself.
 * `password` (a variable named like a password) accepts any non-trivial literal of 4+
 * characters; `secret` (token, API key, …) also wants some randomness, since such names
 * often hold identifiers or settings.
 */
export function isLiteralSecret(value: string, strictness: 'password' | 'secret'): boolean {
  const v = value.trim();
  if (isPlaceholder(v) || isSecretReference(v) || isOrdinarySetting(v)) return false;
  if (strictness === 'password') return [...v].length >= 4;
  if (/\s/.test(v) || isNumberOrDuration(v)) return false;
  return v.length >= 20 || (v.length >= 8 && characterClasses(v) >= 2);
}
