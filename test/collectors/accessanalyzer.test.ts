import { AccessAnalyzerClient, ListAnalyzersCommand } from '@aws-sdk/client-accessanalyzer';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { accessanalyzerCollectors } from '../../lambdas/core/collectors/accessanalyzer.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const analyzerMock = mockClient(AccessAnalyzerClient);
const collector = accessanalyzerCollectors['accessanalyzer.analyzers'];
const arnOf = (name: string) => `arn:aws:access-analyzer:eu-west-1:123456789012:analyzer/${name}`;
const createdAt = new Date('2026-01-01T00:00:00Z');

beforeEach(() => {
  analyzerMock.reset();
});

describe('Collector: accessanalyzer.analyzers', () => {
  it('pages through analyzers of every type', async () => {
    // Prepare
    analyzerMock
      .on(ListAnalyzersCommand)
      .resolvesOnce({
        analyzers: [{ arn: arnOf('harbor'), name: 'harbor', type: 'ACCOUNT', status: 'ACTIVE', createdAt, tags: {} }],
        nextToken: 'p2',
      })
      .resolvesOnce({
        analyzers: [
          { arn: arnOf('unused'), name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS', status: 'CREATING', createdAt },
        ],
      });

    // Act
    const { value } = await runCollector(collector, { region: 'eu-west-1' });

    // Assess
    expect(analyzerMock).toHaveReceivedNthCommandWith(ListAnalyzersCommand, 2, { maxResults: 100, nextToken: 'p2' });
    expect(value).toEqual([
      {
        arn: arnOf('harbor'),
        id: 'harbor',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'harbor',
        type: 'ACCOUNT',
        status: 'ACTIVE',
      },
      {
        arn: arnOf('unused'),
        id: 'unused',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'unused',
        type: 'ACCOUNT_UNUSED_ACCESS',
        status: 'CREATING',
      },
    ]);
  });

  it('returns no analyzer for a region without one', async () => {
    // Prepare
    analyzerMock.on(ListAnalyzersCommand).resolves({ analyzers: [] });

    // Act
    const { value } = await runCollector(collector);

    // Assess
    expect(value).toEqual([]);
  });

  it('lets an AccessDenied throw', async () => {
    // Prepare
    analyzerMock.on(ListAnalyzersCommand).rejects(awsError('json', 'AccessDeniedException', { status: 403 }));

    // Act
    const collecting = runCollector(collector);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});
