import { GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { guarddutyCollectors } from '../../lambdas/core/collectors/guardduty.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const guarddutyMock = mockClient(GuardDutyClient);

beforeEach(() => {
  guarddutyMock.reset();
});

describe('Collector: guardduty.detectors', () => {
  it('pages through detector ids and reads each detector’s status', async () => {
    // Prepare
    guarddutyMock
      .on(ListDetectorsCommand)
      .resolvesOnce({ DetectorIds: ['d1'], NextToken: 'p2' })
      .resolvesOnce({ DetectorIds: ['d2'] })
      .on(GetDetectorCommand, { DetectorId: 'd1' })
      .resolves({
        Status: 'ENABLED',
        FindingPublishingFrequency: 'FIFTEEN_MINUTES',
        ServiceRole: 'r',
        Tags: { team: 'security' },
      })
      .on(GetDetectorCommand, { DetectorId: 'd2' })
      .resolves({ Status: 'DISABLED', ServiceRole: 'r', Tags: {} });

    // Act
    const { value, issues } = await runCollector(guarddutyCollectors['guardduty.detectors'], { region: 'eu-west-1' });

    // Assess
    expect(issues).toEqual([]);
    expect(guarddutyMock).toHaveReceivedNthCommandWith(ListDetectorsCommand, 2, { MaxResults: 50, NextToken: 'p2' });
    expect(value).toEqual([
      {
        arn: 'arn:aws:guardduty:eu-west-1:123456789012:detector/d1',
        id: 'd1',
        region: 'eu-west-1',
        accountId: '123456789012',
        status: 'ENABLED',
        findingPublishingFrequency: 'FIFTEEN_MINUTES',
        tags: { team: 'security' },
      },
      {
        arn: 'arn:aws:guardduty:eu-west-1:123456789012:detector/d2',
        id: 'd2',
        region: 'eu-west-1',
        accountId: '123456789012',
        status: 'DISABLED',
      },
    ]);
  });

  it('returns no detector for a region where GuardDuty was never enabled', async () => {
    // Prepare
    guarddutyMock.on(ListDetectorsCommand).resolves({ DetectorIds: [] });

    // Act
    const { value } = await runCollector(guarddutyCollectors['guardduty.detectors']);

    // Assess
    expect(value).toEqual([]);
  });

  it('fails the region when the detector cannot be read, since the region has only that one', async () => {
    // Prepare
    guarddutyMock
      .on(ListDetectorsCommand)
      .resolves({ DetectorIds: ['d1'] })
      .on(GetDetectorCommand)
      .rejects(awsError('json', 'AccessDeniedException', { status: 403 }));

    // Act
    const collecting = runCollector(guarddutyCollectors['guardduty.detectors']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});
