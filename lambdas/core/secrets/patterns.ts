import { isPlaceholder, isSecretReference } from './literals.js';

/** What a detected secret is. Pattern kinds are recognised by shape; `password` and `secret` by the variable's name. */
export type SecretKind =
  | 'aws-access-key-id'
  | 'aws-secret-access-key'
  | 'private-key'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'slack-webhook'
  | 'stripe-secret-key'
  | 'google-api-key'
  | 'openai-api-key'
  | 'anthropic-api-key'
  | 'sendgrid-api-key'
  | 'npm-token'
  | 'json-web-token'
  | 'connection-string-password'
  | 'password'
  | 'secret';

export const SECRET_LABELS: Readonly<Record<SecretKind, string>> = {
  'aws-access-key-id': 'AWS access key ID',
  'aws-secret-access-key': 'AWS secret access key',
  'private-key': 'private key',
  'github-token': 'GitHub token',
  'gitlab-token': 'GitLab token',
  'slack-token': 'Slack token',
  'slack-webhook': 'Slack webhook URL',
  'stripe-secret-key': 'Stripe secret key',
  'google-api-key': 'Google API key',
  'openai-api-key': 'OpenAI API key',
  'anthropic-api-key': 'Anthropic API key',
  'sendgrid-api-key': 'SendGrid API key',
  'npm-token': 'npm access token',
  'json-web-token': 'JSON web token',
  'connection-string-password': 'password in a connection string',
  password: 'literal password',
  secret: 'literal secret',
};

export interface SecretPattern {
  kind: SecretKind;
  /** Global regular expression. With `group`, only that capture group is the secret. */
  regex: RegExp;
  group?: number;
  /** Rejects a match that only looks like a secret (a placeholder in a connection string). */
  accept?: (secret: string, text: string) => boolean;
}

const isLiteralPassword = (secret: string): boolean => !isPlaceholder(secret) && !isSecretReference(secret);

/** `Password=` counts only inside a connection string, i.e. next to a server, host, user or database key. */
const isConnectionStringPassword = (secret: string, text: string): boolean =>
  isLiteralPassword(secret) &&
  /(?:^|;)\s*(?:server|host|data source|user id|uid|database|initial catalog)\s*=/i.test(text);

/**
 * Formats of credentials issued by AWS and common providers, as the providers document them.
 * AWS access key ids are base32 (A–Z, 2–7) after a four-letter prefix: AKIA long-term, ASIA temporary.
 */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  {
    kind: 'private-key',
    regex:
      /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g,
  },
  { kind: 'aws-access-key-id', regex: /\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\b/g },
  {
    kind: 'aws-secret-access-key',
    regex: /\baws_?secret_?access_?key\b["']?\s*[:=]\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    group: 1,
  },
  { kind: 'github-token', regex: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  { kind: 'gitlab-token', regex: /\bglpat-[A-Za-z0-9_-]{20,}/g },
  { kind: 'slack-webhook', regex: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/]{20,}/g },
  { kind: 'slack-token', regex: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'stripe-secret-key', regex: /\b[sr]k_(?:live|test)_[A-Za-z0-9]{16,}\b/g },
  { kind: 'google-api-key', regex: /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'anthropic-api-key', regex: /\bsk-ant-[a-z]+\d{2}-[A-Za-z0-9_-]{40,}/g },
  {
    kind: 'openai-api-key',
    regex: /\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b/g,
  },
  { kind: 'sendgrid-api-key', regex: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g },
  { kind: 'npm-token', regex: /\bnpm_[A-Za-z0-9]{36}\b/g },
  { kind: 'json-web-token', regex: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g },
  {
    // scheme://user:password@host — the password is the secret.
    kind: 'connection-string-password',
    regex: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:([^\s@/]+)@/gi,
    group: 1,
    accept: isLiteralPassword,
  },
  {
    // ADO.NET / JDBC style: Server=…;User Id=…;Password=…;
    kind: 'connection-string-password',
    regex: /(?:^|;)\s*(?:password|pwd)\s*=\s*([^;\s]+)/gi,
    group: 1,
    accept: isConnectionStringPassword,
  },
];
