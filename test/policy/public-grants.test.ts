import { describe, expect, it } from 'vitest';
import { isPublicStatement, parsePolicyDocument, publicGrant } from '../../lambdas/core/policy/index.js';

const ACCOUNT = '111122223333';

/** The first statement of a policy written the way AWS returns it. */
const statementOf = (statement: object) => {
  const [parsed] = parsePolicyDocument({ Version: '2012-10-17', Statement: [statement] }).statements;
  if (!parsed) throw new Error('no statement');
  return parsed;
};

/** A Lambda permission for S3 event notifications, shaped as GetPolicy returns it. */
const s3Invoke = (principal: unknown, condition?: object) =>
  statementOf({
    Sid: 's3-uploads',
    Effect: 'Allow',
    Principal: principal,
    Action: 'lambda:InvokeFunction',
    Resource: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:thumbnailer`,
    ...(condition && { Condition: condition }),
  });

describe('Function: publicGrant on resource policies', () => {
  it.each([
    ['a map', { Service: 's3.amazonaws.com' }, ['s3.amazonaws.com']],
    [
      'a list',
      { Service: ['cloudtrail.amazonaws.com', 'config.amazonaws.com'] },
      ['cloudtrail.amazonaws.com', 'config.amazonaws.com'],
    ],
    ['a bare string, as moto stores it', 'alexa-appkit.amazon.com', ['alexa-appkit.amazon.com']],
  ])(
    'reports a service principal written as %s with no condition as reachable by every account',
    (_shape, principal, services) => {
      // Prepare
      const statement = s3Invoke(principal);

      // Act
      const grant = publicGrant(statement, 'resource-policy');

      // Assess
      expect(grant).toEqual({ via: 'service', services, reason: 'no condition pins the source account' });
    },
  );

  it.each([
    [
      'Lambda AddPermission with SourceAccount',
      { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::harbor-uploads' }, StringEquals: { 'AWS:SourceAccount': ACCOUNT } },
    ],
    ['aws:SourceOwner', { StringEquals: { 'aws:SourceOwner': ACCOUNT } }],
    ['aws:SourceOrgID', { StringEquals: { 'aws:SourceOrgID': 'o-a1b2c3d4e5' } }],
    [
      'aws:SourceOrgPaths below a fixed organization',
      { 'ForAnyValue:StringLike': { 'aws:SourceOrgPaths': ['o-a1b2c3d4e5/*'] } },
    ],
    ['aws:SourceArn of an SNS topic', { ArnLike: { 'AWS:SourceArn': `arn:aws:sns:us-east-1:${ACCOUNT}:uploads` } }],
    [
      'aws:SourceArn of an EventBridge rule',
      { ArnEquals: { 'aws:SourceArn': `arn:aws:events:us-east-1:${ACCOUNT}:rule/nightly` } },
    ],
    [
      'aws:SourceArn of CloudTrail trails in any Region',
      { StringLike: { 'aws:SourceArn': `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` } },
    ],
    [
      'lambda:EventSourceToken of an Alexa skill',
      { StringEquals: { 'lambda:EventSourceToken': 'amzn1.ask.skill.0a1b2c3d' } },
    ],
    ['kms:CallerAccount', { StringEquals: { 'kms:CallerAccount': ACCOUNT } }],
    [
      'the CloudTrail encryption context',
      { StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` } },
    ],
    [
      'the CloudWatch Logs encryption context',
      { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:us-east-1:${ACCOUNT}:log-group:*` } },
    ],
  ])('treats a service principal pinned by %s as not public', (_label, condition) => {
    // Prepare
    const statement = s3Invoke({ Service: 's3.amazonaws.com' }, condition);

    // Act
    const grant = publicGrant(statement, 'resource-policy');

    // Assess
    expect(grant).toBeUndefined();
  });

  it.each([
    [
      'an S3 bucket ARN, which names no account',
      { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::harbor-uploads' } },
      'AWS:SourceArn arn:aws:s3:::harbor-uploads names no account',
    ],
    [
      'an ARN with a wildcard account',
      { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:us-east-1:*:uploads' } },
      'aws:SourceArn arn:aws:sns:us-east-1:*:uploads leaves the account open',
    ],
    [
      'an IfExists operator',
      { StringEqualsIfExists: { 'aws:SourceAccount': ACCOUNT } },
      'StringEqualsIfExists on aws:SourceAccount does not require it',
    ],
    [
      'ForAllValues, which matches an absent key',
      { 'ForAllValues:StringEquals': { 'aws:SourceAccount': ACCOUNT } },
      'ForAllValues:StringEquals on aws:SourceAccount does not require it',
    ],
    [
      'a negated operator',
      { StringNotEquals: { 'aws:SourceAccount': '444455556666' } },
      'StringNotEquals on aws:SourceAccount does not require it',
    ],
    [
      'an account pattern',
      { StringLike: { 'aws:SourceAccount': '1111*' } },
      'aws:SourceAccount 1111* is a pattern, not a fixed value',
    ],
    [
      'an encryption context in any account',
      { StringLike: { 'kms:EncryptionContext:aws:cloudtrail:arn': 'arn:aws:cloudtrail:*:*:trail/*' } },
      'kms:EncryptionContext:aws:cloudtrail:arn arn:aws:cloudtrail:*:*:trail/* leaves the account open',
    ],
  ])('reports a service principal whose only condition is %s, and says why', (_label, condition, note) => {
    // Prepare
    const statement = s3Invoke({ Service: 's3.amazonaws.com' }, condition);

    // Act
    const grant = publicGrant(statement, 'resource-policy');

    // Assess
    expect(grant).toEqual({
      via: 'service',
      services: ['s3.amazonaws.com'],
      reason: `no condition pins the source account (${note})`,
    });
  });

  it('does not count a pin on a key that does not identify the source account, such as s3:x-amz-acl', () => {
    // Prepare
    const statement = statementOf({
      Sid: 'AWSCloudTrailWrite',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::harbor-trail/*',
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
    });

    // Act
    const grant = publicGrant(statement, 'resource-policy');

    // Assess
    expect(grant?.via).toBe('service');
  });

  it.each([
    ['the CloudTrail log path', ['arn:aws:s3:::harbor-trail/AWSLogs/111122223333/*']],
    ['a log path below a prefix (ELB access logs)', ['arn:aws:s3:::harbor-elb-logs/prod/AWSLogs/111122223333/*']],
    ['the AWS Config log path', ['arn:aws:s3:::harbor-config/AWSLogs/111122223333/Config/*']],
  ])('treats a delivery grant whose every resource lies under %s as pinned to that account', (_label, resource) => {
    // Prepare
    const statement = statementOf({
      Sid: 'LogDelivery',
      Effect: 'Allow',
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: resource,
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
    });

    // Act
    const grant = publicGrant(statement, 'resource-policy');

    // Assess
    expect(grant).toBeUndefined();
  });

  it.each([
    [
      'one resource is outside the account path',
      ['arn:aws:s3:::harbor-trail/AWSLogs/111122223333/*', 'arn:aws:s3:::harbor-trail/*'],
    ],
    ['the path names an organization, not an account', ['arn:aws:s3:::harbor-trail/AWSLogs/o-a1b2c3d4e5/*']],
    ['the account in the path is a wildcard', ['arn:aws:s3:::harbor-trail/AWSLogs/*/*']],
  ])('does not treat a log path as a pin when %s', (_label, resource) => {
    // Prepare
    const statement = statementOf({
      Sid: 'AWSCloudTrailWrite',
      Effect: 'Allow',
      Principal: { Service: 'cloudtrail.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: resource,
    });

    // Act
    const grant = publicGrant(statement, 'resource-policy');

    // Assess
    expect(grant?.via).toBe('service');
  });

  it('ignores a Deny to a service principal', () => {
    // Prepare
    const statement = statementOf({ Effect: 'Deny', Principal: { Service: 's3.amazonaws.com' }, Action: '*' });

    // Act
    const grant = publicGrant(statement, 'resource-policy');

    // Assess
    expect(grant).toBeUndefined();
  });

  it('reports a "*" principal as everyone', () => {
    // Prepare
    const statement = s3Invoke('*');

    // Act
    const grant = publicGrant(statement, 'resource-policy');

    // Assess
    expect(grant).toEqual({ via: 'everyone' });
  });

  it('does not let a bucket ARN alone pin a "*" principal: the bucket name can be claimed by any account', () => {
    // Prepare
    const statement = s3Invoke('*', { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::harbor-uploads' } });

    // Act
    const grant = publicGrant(statement, 'resource-policy');

    // Assess
    expect(grant).toEqual({ via: 'everyone' });
  });
});

describe('Function: publicGrant on role trust policies', () => {
  it('keeps treating a service principal as fixed: only iam:PassRole inside the account can hand it the role', () => {
    // Prepare
    const statement = statementOf({
      Effect: 'Allow',
      Principal: { Service: 'ec2.amazonaws.com' },
      Action: 'sts:AssumeRole',
    });

    // Act
    const trust = publicGrant(statement, 'trust-policy');
    const resource = publicGrant(statement, 'resource-policy');

    // Assess
    expect(trust).toBeUndefined();
    expect(resource?.via).toBe('service');
  });

  it('still reports a "*" principal without a pinning condition', () => {
    // Prepare
    const statement = statementOf({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' });

    // Act
    const publicTrust = isPublicStatement(statement, 'trust-policy');

    // Assess
    expect(publicTrust).toBe(true);
  });
});
