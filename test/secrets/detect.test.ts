import { describe, expect, it } from 'vitest';
import {
  findSecrets,
  fingerprintSalt,
  redactSecrets,
  redactSecretsDeep,
  type SecretKind,
  secretFingerprint,
} from '../../lambdas/core/secrets/index.js';
import { leakedWindows } from '../helpers/secrets.js';

// Token-shaped test values are assembled at run time so that secret scanners do not flag this file.
const join = (...parts: string[]) => parts.join('');
const AWS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const PEM = join('-----BEGIN RSA ', 'PRIVATE KEY-----\nMIIEowIBAAKCAQEAx4Tq\n-----END RSA ', 'PRIVATE KEY-----');
const SALT = fingerprintSalt('123456789012', undefined);

describe('Function: findSecrets', () => {
  it.each<[string, string, SecretKind]>([
    ['ACCESS_KEY', AWS_KEY_ID, 'aws-access-key-id'],
    ['TEMP_KEY', join('ASIA', 'QWERTYUIOPASDFGH'), 'aws-access-key-id'],
    ['AWS_SECRET_ACCESS_KEY', AWS_SECRET, 'aws-secret-access-key'],
    ['SIGNING_CERT', PEM, 'private-key'],
    ['GH', join('ghp_', 'Ab1'.repeat(12)), 'github-token'],
    ['GL', join('glpat-', 'xY2_'.repeat(5)), 'gitlab-token'],
    ['SLACK', join('xoxb-', '123456789012-', 'AbCdEfGhIjKl'), 'slack-token'],
    [
      'ALERTS',
      join('https://hooks.slack.com/services/', 'T00000000/B00000000/', 'XXXXXXXXXXXXXXXXXXXXXXXX'),
      'slack-webhook',
    ],
    ['PAYMENTS', join('sk_', 'live_', 'Zx9'.repeat(8)), 'stripe-secret-key'],
    ['MAPS', join('AIza', 'SyD-'.repeat(8), 'abc'), 'google-api-key'],
    ['LLM', join('sk-', 'proj-', 'Q'.repeat(40)), 'openai-api-key'],
    ['CLAUDE', join('sk-', 'ant-', 'api03-', 'k'.repeat(90)), 'anthropic-api-key'],
    ['MAIL', join('SG.', 'a'.repeat(22), '.', 'b'.repeat(43)), 'sendgrid-api-key'],
    ['NPM', join('npm_', 'c'.repeat(36)), 'npm-token'],
    [
      'BEARER',
      join('eyJhbGciOiJIUzI1NiJ9', '.', 'eyJzdWIiOiJvcmRlcnMifQ', '.', 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'),
      'json-web-token',
    ],
    ['DATABASE_URL', 'postgres://orders:S3cretPassw0rd@db.internal:5432/orders', 'connection-string-password'],
    ['SQL', 'Server=db.internal;Database=orders;User Id=app;Password=P@ssw0rd!;', 'connection-string-password'],
    ['DB_PASSWORD', 'Tr0ub4dor&3', 'password'],
    ['dbPassword', 'hunter22', 'password'],
    ['SMTP_PASS', 'mailpass', 'password'],
    ['JWT_SECRET', 'prod-signing-key-2024', 'secret'],
    ['PARTNER_API_KEY', 'a1b2c3d4e5f6', 'secret'],
    ['ServiceToken', 'Zx9!Qw3$Lp', 'secret'],
  ])('finds %s as %s', (name, value, kind) => {
    // Prepare
    const secret = value;

    // Act
    const found = findSecrets(name, secret, SALT);

    // Assess
    expect(found.map((f) => f.kind)).toEqual([kind]);
    expect(found[0]?.marker).toMatch(/^\[[^\]]+, fingerprint [0-9a-f]{8}\]$/);
  });

  it.each<[string, string]>([
    ['DB_PASSWORD', 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/orders/db-AbCdEf'],
    ['DB_PASSWORD', '{{resolve:secretsmanager:prod/orders/db:SecretString:password}}'],
    ['DB_PASSWORD', '{{resolve:ssm-secure:/prod/orders/db-password:1}}'],
    ['API_KEY', '/prod/orders/payment-api-key'],
    ['API_KEY', 'ssm:/prod/orders/payment-api-key'],
    ['DB_SECRET', 'prod/orders/db'],
    ['DB_PASSWORD', ''],
    ['DB_PASSWORD', '   '],
    ['DB_PASSWORD', 'changeme'],
    ['DB_PASSWORD', '<your-password>'],
    ['DB_PASSWORD', `\${DB_PASSWORD}`],
    ['DB_PASSWORD', '********'],
    ['API_KEY', 'xxxxxxxxxxxx'],
    ['API_KEY', 'your-api-key-here'],
    ['TOKEN_TTL', '3600'],
    ['SESSION_TOKEN_LIFETIME', '12h'],
    ['TOKEN_ENDPOINT', 'https://auth.example.com/oauth2/token'],
    ['JWT_SECRET_ARN', 'prod-signing-key'],
    ['DB_PASSWORD_PARAMETER_NAME', 'OrdersDbPassword'],
    ['SECRET_STORE', 'vault'],
    ['API_KEY_HEADER', 'X-Api-Key'],
    ['TOKEN', 'bearer'],
    ['PASSWORD_AUTH', 'true'],
    ['DATABASE_URL', 'postgres://orders@db.internal:5432/orders'],
    ['DATABASE_URL', `postgres://orders:\${DB_PASS}@db.internal:5432/orders`],
    ['LOG_LEVEL', 'debug'],
    ['BYPASS_CACHE', 'Yes-Please-123'],
  ])('finds nothing in %s=%s', (name, value) => {
    // Prepare
    const candidate = value;

    // Act
    const found = findSecrets(name, candidate, SALT);

    // Assess
    expect(found).toEqual([]);
  });

  it('fingerprints the password, not the whole connection string', () => {
    // Prepare
    const value = 'mysql://app:Sup3rS3cret!@db.internal/shop';
    const fingerprint = secretFingerprint('Sup3rS3cret!', SALT);

    // Act
    const found = findSecrets('DATABASE_URL', value, SALT);

    // Assess
    expect(found).toEqual([
      {
        kind: 'connection-string-password',
        label: 'password in a connection string',
        fingerprint,
        marker: `[password in a connection string, fingerprint ${fingerprint}]`,
      },
    ]);
  });

  it('finds every credential in free text when no name is given', () => {
    // Prepare
    const text = `aws_secret_access_key = ${AWS_SECRET}\naws_access_key_id = ${AWS_KEY_ID}`;

    // Act
    const found = findSecrets(undefined, text, SALT);

    // Assess
    expect(found.map((f) => f.kind)).toEqual(['aws-secret-access-key', 'aws-access-key-id']);
  });

  it('ignores name-only suspicion in free text', () => {
    // Prepare
    const text = 'password reset e-mails are sent by the auth service';

    // Act
    const found = findSecrets(undefined, text, SALT);

    // Assess
    expect(found).toEqual([]);
  });
});

describe('Function: redactSecrets', () => {
  it('replaces each credential with its kind and fingerprint and keeps the rest', () => {
    // Prepare
    const text = `Deploy failed: key ${AWS_KEY_ID} rejected for postgres://orders:S3cretPassw0rd@db:5432/orders.`;
    const key = secretFingerprint(AWS_KEY_ID, SALT);
    const password = secretFingerprint('S3cretPassw0rd', SALT);

    // Act
    const redacted = redactSecrets(text, SALT);

    // Assess
    expect(redacted).toBe(
      `Deploy failed: key [AWS access key ID, fingerprint ${key}] rejected for ` +
        `postgres://orders:[password in a connection string, fingerprint ${password}]@db:5432/orders.`,
    );
  });

  it('leaves no 4 characters of any credential in the text', () => {
    // Prepare
    const secrets = [AWS_KEY_ID, AWS_SECRET, PEM, join('ghp_', 'Zq7Vw'.repeat(8)), 'P@ssw0rd!Xq'];
    const text = [
      `aws_access_key_id=${secrets[0]}`,
      `aws_secret_access_key=${secrets[1]}`,
      `key:\n${secrets[2]}`,
      `token ${secrets[3]} expired`,
      `Server=db.internal;Database=orders;User Id=app;Password=${secrets[4]};`,
    ].join('\n');

    // Act
    const redacted = redactSecrets(text, SALT);

    // Assess
    expect(leakedWindows(redacted, secrets)).toEqual([]);
    expect(redacted).not.toMatch(/\bchars\)/);
    expect(redacted.match(/fingerprint [0-9a-f]{8}\]/g)).toHaveLength(5);
  });

  it('leaves markers alone when text is redacted again', () => {
    // Prepare
    const once = redactSecrets(`Server=db.internal;User Id=app;Password=P@ssw0rd!Xq; key ${AWS_KEY_ID}`, SALT);

    // Act
    const twice = redactSecrets(once, SALT);

    // Assess
    expect(twice).toBe(once);
  });

  it('still redacts a credential inside text shaped like a marker of no known kind', () => {
    // Prepare
    const text = `[key ${AWS_KEY_ID}, fingerprint 0123abcd]`;

    // Act
    const redacted = redactSecrets(text, SALT);

    // Assess
    expect(redacted).toBe(
      `[key [AWS access key ID, fingerprint ${secretFingerprint(AWS_KEY_ID, SALT)}], fingerprint 0123abcd]`,
    );
  });

  it('gives one secret the same marker throughout a process when no salt is given', () => {
    // Prepare
    const text = `first ${AWS_KEY_ID}, again ${AWS_KEY_ID}`;

    // Act
    const redacted = redactSecrets(text);

    // Assess
    const markers = redacted.match(/\[AWS access key ID, fingerprint [0-9a-f]{8}\]/g) ?? [];
    expect(markers).toHaveLength(2);
    expect(markers[0]).toBe(markers[1]);
    expect(redacted).not.toContain(AWS_KEY_ID.slice(0, 4));
  });

  it('leaves text without credentials unchanged', () => {
    // Prepare
    const text = 'Lambda function orders-api uses the deprecated runtime python3.8.';

    // Act
    const redacted = redactSecrets(text, SALT);

    // Assess
    expect(redacted).toBe(text);
  });
});

describe('Function: redactSecretsDeep', () => {
  it('redacts every string in nested objects and arrays and keeps the shape', () => {
    // Prepare
    const record = {
      summary: { scanId: 'scan-1', sample: [{ errorCode: 'ValidationException', message: `bad key ${AWS_KEY_ID}` }] },
      count: 3,
      at: new Date('2026-11-23T03:00:00Z'),
    };

    // Act
    const redacted = redactSecretsDeep(record, SALT);

    // Assess
    expect(redacted).toEqual({
      summary: {
        scanId: 'scan-1',
        sample: [
          {
            errorCode: 'ValidationException',
            message: `bad key [AWS access key ID, fingerprint ${secretFingerprint(AWS_KEY_ID, SALT)}]`,
          },
        ],
      },
      count: 3,
      at: record.at,
    });
    expect(record.summary.sample[0]?.message).toContain(AWS_KEY_ID);
  });

  it('redacts the message, stack, cause and own properties of an error and keeps its name', () => {
    // Prepare
    const cause = new Error(`aws_secret_access_key=${AWS_SECRET}`);
    const error = Object.assign(new Error(`Scan failed for ${AWS_KEY_ID}`, { cause }), {
      name: 'CollectionError',
      request: { AccessKeyId: AWS_KEY_ID },
    });

    // Act
    const redacted = redactSecretsDeep(error, SALT);

    // Assess
    const text = JSON.stringify({
      ...redacted,
      message: redacted.message,
      stack: redacted.stack,
      cause: String(redacted.cause),
    });
    expect(redacted).toBeInstanceOf(Error);
    expect(redacted.name).toBe('CollectionError');
    expect(redacted.message).toContain('[AWS access key ID, fingerprint ');
    expect(redacted.stack).toContain('[AWS access key ID, fingerprint ');
    expect(String(redacted.cause)).toContain('[AWS secret access key, fingerprint ');
    expect(leakedWindows(text, [AWS_KEY_ID, AWS_SECRET])).toEqual([]);
  });

  it('stops at a reference back to an enclosing object', () => {
    // Prepare
    const record: Record<string, unknown> = { message: `key ${AWS_KEY_ID}` };
    record.self = record;

    // Act
    const redacted = redactSecretsDeep(record, SALT);

    // Assess
    expect(redacted.self).toBe('[Circular]');
    expect(JSON.stringify(redacted)).not.toContain(AWS_KEY_ID.slice(0, 4));
  });
});
