import { describe, expect, it } from 'vitest';
import {
  type LogEvent,
  matchesEvent,
  parseFilterPattern,
} from '../../../lambdas/core/checks/cloudwatch/filter-pattern.js';

const matches = (pattern: string, event: LogEvent): boolean => {
  const expression = parseFilterPattern(pattern);
  if (!expression) throw new Error(`${pattern} did not parse`);
  return matchesEvent(expression, event);
};

const STOP = { eventSource: 'cloudtrail.amazonaws.com', eventName: 'StopLogging', userIdentity: { type: 'Root' } };

describe('Filter patterns: parseFilterPattern and matchesEvent', () => {
  it('matches quoted and bare values alike, with or without spaces and parentheses', () => {
    // Prepare
    const patterns = [
      '{ $.eventName = "StopLogging" }',
      '{$.eventName=StopLogging}',
      '{ ( ( $.eventName = StopLogging ) ) }',
      '{ ($.eventSource = cloudtrail.amazonaws.com) && ($.eventName = StopLogging) }',
    ];

    // Act
    const results = patterns.map((p) => matches(p, STOP));

    // Assess
    expect(results).toEqual([true, true, true, true]);
  });

  it('binds && tighter than ||', () => {
    // Prepare
    const pattern = '{ $.eventName = CreateTrail || $.eventName = StopLogging && $.eventSource = s3.amazonaws.com }';

    // Act
    const result = matches(pattern, STOP);

    // Assess
    expect(result).toBe(false);
  });

  it('reads bare values with spaces up to the closing parenthesis', () => {
    // Prepare
    const event = { eventName: 'ConsoleLogin', errorMessage: 'Failed authentication' };

    // Act
    const result = matches('{ ($.eventName = ConsoleLogin) && ($.errorMessage = Failed authentication) }', event);

    // Assess
    expect(result).toBe(true);
  });

  it('applies * wildcards anywhere and %regex% values', () => {
    // Prepare
    const event = { errorCode: 'Client.UnauthorizedOperation' };

    // Act
    const results = [
      matches('{ $.errorCode = "*UnauthorizedOperation" }', event),
      matches('{ $.errorCode = "Client.*Operation" }', event),
      matches('{ $.errorCode = "AccessDenied*" }', event),
      matches('{ $.errorCode = %Unauthori[sz]ed% }', event),
      matches('{ $.errorCode = "UnauthorizedOperation" }', event),
    ];

    // Assess
    expect(results).toEqual([true, true, false, true, false]);
  });

  it('tests nested fields for absence, null and booleans, and != on a missing field', () => {
    // Prepare
    const event = { userIdentity: { type: 'Root', sessionContext: null }, readOnly: false };

    // Act
    const results = [
      matches('{ $.userIdentity.invokedBy NOT EXISTS }', event),
      matches('{ $.userIdentity.type NOT EXISTS }', event),
      matches('{ $.userIdentity.sessionContext IS NULL }', event),
      matches('{ $.readOnly IS FALSE }', event),
      matches('{ $.readOnly IS TRUE }', event),
      matches('{ $.additionalEventData.MFAUsed != "Yes" }', event),
    ];

    // Assess
    expect(results).toEqual([true, false, true, true, false, true]);
  });

  it('compares numbers and indexes arrays', () => {
    // Prepare
    const event = { bytes: 2048, resources: [{ type: 'AWS::S3::Bucket' }] };

    // Act
    const results = [
      matches('{ $.bytes > 1024 }', event),
      matches('{ $.bytes <= 1024 }', event),
      matches('{ $.bytes = 2048 }', event),
      matches('{ $.resources[0].type = "AWS::S3::Bucket" }', event),
      matches('{ $.resources[1].type = "AWS::S3::Bucket" }', event),
    ];

    // Assess
    expect(results).toEqual([true, false, true, true, false]);
  });

  it('does not parse plain-text, space-delimited or malformed patterns', () => {
    // Prepare
    const patterns = ['ERROR', '[ip, user, ...]', '{ $.eventName = }', '{ ($.eventName = A }', '{ eventName = A }', ''];

    // Act
    const parsed = patterns.map(parseFilterPattern);

    // Assess
    expect(parsed).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
