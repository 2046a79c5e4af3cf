import { describe, expect, it } from 'vitest';
import type { PolicyStatement } from '../../lambdas/core/inventory/index.js';
import { requiresInsecureTransport, restrictingConditions } from '../../lambdas/core/policy/index.js';

const allowAll = (condition?: PolicyStatement['condition']): PolicyStatement => ({
  effect: 'Allow',
  principal: { AWS: ['*'] },
  action: ['s3:GetObject'],
  resource: ['*'],
  ...(condition && { condition }),
});

describe('Function: restrictingConditions', () => {
  it.each([
    ['StringEquals', 'aws:SourceVpce', ['vpce-1a2b3c4d']],
    ['StringEquals', 'aws:PrincipalOrgID', ['o-abc123']],
    ['ArnEquals', 'aws:SourceArn', ['arn:aws:sns:us-east-1:111122223333:acme-uploads']],
    ['StringEquals', 'AWS:SourceAccount', ['111122223333']],
    ['IpAddress', 'aws:SourceIp', ['203.0.113.0/24']],
    ['ForAnyValue:StringEquals', 'aws:PrincipalAccount', ['111122223333']],
  ])('treats %s on %s with a fixed value as restricting', (operator, key, values) => {
    // Prepare
    const statement = allowAll({ [operator]: { [key]: values } });

    // Act
    const found = restrictingConditions(statement);

    // Assess
    expect(found).toEqual([{ key, values }]);
  });

  it.each([
    ['a wildcard value', { StringLike: { 'aws:SourceVpce': ['vpce-*'] } }],
    ['a negated operator', { StringNotEquals: { 'aws:SourceVpce': ['vpce-1a2b3c4d'] } }],
    ['an IfExists operator', { StringEqualsIfExists: { 'aws:SourceVpce': ['vpce-1a2b3c4d'] } }],
    ['ForAllValues, which matches an absent key', { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': ['o-1'] } }],
    ['an internet-wide CIDR', { IpAddress: { 'aws:SourceIp': ['0.0.0.0/0'] } }],
    ['an IPv4 range wider than /8', { IpAddress: { 'aws:SourceIp': ['10.0.0.0/7'] } }],
    ['a key that does not identify the caller', { Bool: { 'aws:SecureTransport': ['true'] } }],
    ['a user-agent match', { StringEquals: { 'aws:UserAgent': ['curl'] } }],
  ])('does not treat %s as restricting', (_label, condition) => {
    // Prepare
    const statement = allowAll(condition);

    // Act
    const found = restrictingConditions(statement);

    // Assess
    expect(found).toEqual([]);
  });

  it('treats a role-session aws:userid pattern as fixed', () => {
    // Prepare
    const statement = allowAll({ StringLike: { 'aws:userid': ['AROAEXAMPLEID:*'] } });

    // Act
    const found = restrictingConditions(statement);

    // Assess
    expect(found).toHaveLength(1);
  });

  it.each([
    ['ArnLike', 'aws:PrincipalArn', ['arn:aws:iam::111122223333:role/app-*']],
    ['ArnLike', 'AWS:SourceArn', ['arn:aws:cloudtrail:*:111122223333:trail/*']],
    ['StringLike', 'aws:PrincipalOrgPaths', ['o-a1b2c3d4e5/r-ab12/ou-ab12-11111111/*']],
    ['ForAnyValue:StringLike', 'aws:SourceOrgPaths', ['o-a1b2c3d4e5/*']],
  ])(
    'treats %s on %s with a wildcard below a fixed account or organization as restricting',
    (operator, key, values) => {
      // Prepare
      const statement = allowAll({ [operator]: { [key]: values } });

      // Act
      const found = restrictingConditions(statement);

      // Assess
      expect(found).toEqual([{ key, values }]);
    },
  );

  it.each([
    ['an account wildcard in an ARN', { ArnLike: { 'aws:PrincipalArn': ['arn:aws:iam::*:role/app'] } }],
    ['an ARN without an account', { ArnLike: { 'aws:SourceArn': ['arn:aws:s3:::logs-*'] } }],
    ['an S3 bucket ARN, which names no account', { ArnEquals: { 'aws:SourceArn': ['arn:aws:s3:::acme-uploads'] } }],
    ['an organization wildcard in a path', { StringLike: { 'aws:PrincipalOrgPaths': ['o-*/r-ab12/*'] } }],
  ])('does not treat %s as restricting', (_label, condition) => {
    // Prepare
    const statement = allowAll(condition);

    // Act
    const found = restrictingConditions(statement);

    // Assess
    expect(found).toEqual([]);
  });
});

describe('Function: requiresInsecureTransport', () => {
  it('recognises a Bool aws:SecureTransport false condition', () => {
    // Prepare
    const statement: PolicyStatement = {
      effect: 'Deny',
      principal: { AWS: ['*'] },
      action: ['s3:*'],
      condition: { Bool: { 'aws:SecureTransport': ['false'] } },
    };

    // Act
    const insecureOnly = requiresInsecureTransport(statement);

    // Assess
    expect(insecureOnly).toBe(true);
  });

  it('does not treat a SecureTransport true condition as TLS enforcement', () => {
    // Prepare
    const statement: PolicyStatement = {
      effect: 'Deny',
      principal: { AWS: ['*'] },
      action: ['s3:*'],
      condition: { Bool: { 'aws:SecureTransport': ['true'] } },
    };

    // Act
    const insecureOnly = requiresInsecureTransport(statement);

    // Assess
    expect(insecureOnly).toBe(false);
  });
});

describe('Function: restrictingConditions on aws:SourceIp', () => {
  it.each([
    ['two halves of the IPv4 internet', ['0.0.0.0/1', '128.0.0.0/1']],
    ['two /9 ranges that merge into a public /8', ['11.0.0.0/9', '11.128.0.0/9']],
    ['::/1, which holds all of IPv6 global unicast', ['::/1', '203.0.113.0/24']],
  ])('does not treat IpAddress on %s as restricting', (_label, values) => {
    // Prepare
    const statement = allowAll({ IpAddress: { 'aws:SourceIp': values } });

    // Act
    const found = restrictingConditions(statement);

    // Assess
    expect(found).toEqual([]);
  });

  it('treats IpAddress on an office range and a private range as restricting', () => {
    // Prepare
    const statement = allowAll({ IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '10.0.0.0/8'] } });

    // Act
    const found = restrictingConditions(statement);

    // Assess
    expect(found).toEqual([{ key: 'aws:SourceIp', values: ['203.0.113.0/24', '10.0.0.0/8'] }]);
  });

  it('follows the internetExposurePrefix option', () => {
    // Prepare
    const statement = allowAll({ IpAddress: { 'aws:SourceIp': ['52.94.0.0/16'] } });

    // Act
    const byDefault = restrictingConditions(statement);
    const strict = restrictingConditions(statement, { internetExposurePrefix: { ipv4: 16, ipv6: 32 } });

    // Assess
    expect([byDefault.length, strict.length]).toEqual([1, 0]);
  });
});
