import { describe, expect, it } from 'vitest';
import {
  grantedAccounts,
  isPublicStatement,
  PolicyParseError,
  parsePolicyDocument,
  principalAccountId,
} from '../../lambdas/core/policy/index.js';

describe('Function: parsePolicyDocument', () => {
  it('normalises single values to arrays and "*" principals to AWS "*"', () => {
    // Prepare
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
    });

    // Act
    const doc = parsePolicyDocument(text);

    // Assess
    expect(doc).toEqual({
      version: '2012-10-17',
      statements: [
        { effect: 'Allow', principal: { AWS: ['*'] }, action: ['s3:GetObject'], resource: ['arn:aws:s3:::b/*'] },
      ],
    });
  });

  it('decodes URL-encoded documents as GetAccountAuthorizationDetails returns them', () => {
    // Prepare
    const encoded = encodeURIComponent(
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
    );

    // Act
    const doc = parsePolicyDocument(encoded);

    // Assess
    expect(doc.statements[0]).toEqual({ effect: 'Allow', action: ['*'], resource: ['*'] });
  });

  it('reads a bare account id principal as an AWS principal', () => {
    // Prepare
    const text = JSON.stringify({
      Statement: [{ Effect: 'Allow', Principal: '111122223333', Action: 'lambda:InvokeFunction' }],
    });

    // Act
    const doc = parsePolicyDocument(text);

    // Assess
    expect(doc.statements[0]?.principal).toEqual({ AWS: ['111122223333'] });
  });

  it('reads a bare service name that is not under amazonaws.com, as moto stores an Alexa permission, as a service principal', () => {
    // Prepare
    const text = JSON.stringify({
      Statement: [{ Effect: 'Allow', Principal: 'alexa-appkit.amazon.com', Action: 'lambda:InvokeFunction' }],
    });

    // Act
    const doc = parsePolicyDocument(text);

    // Assess
    expect(doc.statements[0]?.principal).toEqual({ Service: ['alexa-appkit.amazon.com'] });
  });

  it('rejects a statement with an unknown effect', () => {
    // Prepare
    const text = JSON.stringify({ Statement: [{ Effect: 'Permit', Action: '*' }] });

    // Act
    const parse = () => parsePolicyDocument(text);

    // Assess
    expect(parse).toThrow(PolicyParseError);
  });
});

describe('Function: isPublicStatement', () => {
  it('is true for an Allow to everyone without conditions', () => {
    // Prepare
    const [statement] = parsePolicyDocument({
      Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject' }],
    }).statements;

    // Act
    const publicGrant = statement ? isPublicStatement(statement, 'resource-policy') : undefined;

    // Assess
    expect(publicGrant).toBe(true);
  });

  it('is true for Allow with NotPrincipal, which grants everyone else', () => {
    // Prepare
    const [statement] = parsePolicyDocument({
      Statement: [{ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:*' }],
    }).statements;

    // Act
    const publicGrant = statement ? isPublicStatement(statement, 'resource-policy') : undefined;

    // Assess
    expect(publicGrant).toBe(true);
  });

  it('is false for a grant to everyone pinned to one VPC endpoint', () => {
    // Prepare
    const [statement] = parsePolicyDocument({
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d' } },
        },
      ],
    }).statements;

    // Act
    const publicGrant = statement ? isPublicStatement(statement, 'resource-policy') : undefined;

    // Assess
    expect(publicGrant).toBe(false);
  });

  it('is true for a grant to everyone from aws:SourceIp 0.0.0.0/1 and 128.0.0.0/1, and false from an office /24', () => {
    // Prepare
    const statementFrom = (sourceIp: string[]) =>
      parsePolicyDocument({
        Statement: [
          {
            Effect: 'Allow',
            Principal: '*',
            Action: 's3:GetObject',
            Condition: { IpAddress: { 'aws:SourceIp': sourceIp } },
          },
        ],
      }).statements[0];
    const split = statementFrom(['0.0.0.0/1', '128.0.0.0/1']);
    const office = statementFrom(['203.0.113.0/24']);

    // Act
    const verdicts = [split, office].map((s) => (s ? isPublicStatement(s, 'resource-policy') : undefined));

    // Assess
    expect(verdicts).toEqual([true, false]);
  });

  it('passes the internetExposurePrefix option on to the aws:SourceIp decision', () => {
    // Prepare
    const [statement] = parsePolicyDocument({
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Condition: { IpAddress: { 'aws:SourceIp': '52.94.0.0/16' } },
        },
      ],
    }).statements;

    // Act
    const strict = statement
      ? isPublicStatement(statement, 'resource-policy', { internetExposurePrefix: { ipv4: 16, ipv6: 32 } })
      : undefined;

    // Assess
    expect(strict).toBe(true);
  });

  it('is false for a Deny to everyone', () => {
    // Prepare
    const [statement] = parsePolicyDocument({
      Statement: [{ Effect: 'Deny', Principal: '*', Action: 's3:*' }],
    }).statements;

    // Act
    const publicGrant = statement ? isPublicStatement(statement, 'resource-policy') : undefined;

    // Assess
    expect(publicGrant).toBe(false);
  });
});

describe('Function: grantedAccounts', () => {
  it('lists the accounts named by account ids and ARNs, ignoring service principals', () => {
    // Prepare
    const [statement] = parsePolicyDocument({
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            AWS: ['111122223333', 'arn:aws:iam::444455556666:role/reader', 'AROAEXAMPLEDELETEDROLE'],
            Service: 'cloudtrail.amazonaws.com',
          },
          Action: 's3:GetObject',
        },
      ],
    }).statements;

    // Act
    const accounts = statement ? grantedAccounts(statement) : new Set();

    // Assess
    expect([...accounts].sort()).toEqual(['111122223333', '444455556666']);
  });

  it('returns "*" for a grant to everyone', () => {
    // Prepare
    const [statement] = parsePolicyDocument({
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:*' }],
    }).statements;

    // Act
    const accounts = statement ? grantedAccounts(statement) : new Set();

    // Assess
    expect([...accounts]).toEqual(['*']);
  });

  it('extracts the account from STS assumed-role ARNs', () => {
    // Prepare
    const arn = 'arn:aws:sts::777788889999:assumed-role/ops/jane';

    // Act
    const account = principalAccountId(arn);

    // Assess
    expect(account).toBe('777788889999');
  });
});
