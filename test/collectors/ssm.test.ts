import {
  DescribeInstanceInformationCommand,
  ListResourceComplianceSummariesCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ssmCollectors } from '../../lambdas/core/collectors/ssm.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const ssmMock = mockClient(SSMClient);

const PATCH_FILTER = [{ Key: 'ComplianceType', Values: ['Patch'], Type: 'EQUAL' as const }];

beforeEach(() => {
  ssmMock.reset();
});

describe('Collector: ssm.managedInstances', () => {
  it('pages through DescribeInstanceInformation with 50 a page and normalises managed nodes', async () => {
    // Prepare
    const lastPing = new Date('2026-11-20T10:00:00Z');
    ssmMock
      .on(DescribeInstanceInformationCommand)
      .resolvesOnce({
        InstanceInformationList: [
          {
            InstanceId: 'i-web',
            PingStatus: 'Online',
            LastPingDateTime: lastPing,
            PlatformName: 'Amazon Linux',
            AgentVersion: '3.3.1',
            ResourceType: 'EC2Instance',
          },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({ InstanceInformationList: [{ InstanceId: 'mi-0123', ResourceType: 'ManagedInstance' }, {}] });

    // Act
    const { value, issues } = await runCollector(ssmCollectors['ssm.managedInstances'], { region: 'eu-west-1' });

    // Assess
    expect(issues).toEqual([]);
    expect(ssmMock).toHaveReceivedNthCommandWith(DescribeInstanceInformationCommand, 1, { MaxResults: 50 });
    expect(ssmMock).toHaveReceivedNthCommandWith(DescribeInstanceInformationCommand, 2, {
      MaxResults: 50,
      NextToken: 'page-2',
    });
    expect(await ssmMock.call(0).thisValue.config.region()).toBe('eu-west-1');
    expect(value).toEqual([
      {
        instanceId: 'i-web',
        region: 'eu-west-1',
        pingStatus: 'Online',
        lastPingAt: lastPing,
        platformName: 'Amazon Linux',
        agentVersion: '3.3.1',
        resourceType: 'EC2Instance',
      },
      { instanceId: 'mi-0123', region: 'eu-west-1', resourceType: 'ManagedInstance' },
    ]);
  });

  it('throws when the listing is denied', async () => {
    // Prepare
    ssmMock.on(DescribeInstanceInformationCommand).rejects(awsError('json', 'AccessDeniedException'));

    // Act / Assess
    await expect(runCollector(ssmCollectors['ssm.managedInstances'])).rejects.toThrow('AccessDeniedException');
  });
});

describe('Collector: ssm.patchCompliance', () => {
  it('asks only for patch compliance, pages, and normalises the counts', async () => {
    // Prepare
    const executed = new Date('2026-11-19T03:00:00Z');
    ssmMock
      .on(ListResourceComplianceSummariesCommand)
      .resolvesOnce({
        ResourceComplianceSummaryItems: [
          {
            ComplianceType: 'Patch',
            ResourceType: 'ManagedInstance',
            ResourceId: 'i-web',
            Status: 'NON_COMPLIANT',
            OverallSeverity: 'CRITICAL',
            ExecutionSummary: { ExecutionTime: executed },
            CompliantSummary: { CompliantCount: 110 },
            NonCompliantSummary: { NonCompliantCount: 3 },
          },
        ],
        NextToken: 'page-2',
      })
      .resolvesOnce({
        ResourceComplianceSummaryItems: [
          { ComplianceType: 'Patch', ResourceId: 'i-db', Status: 'COMPLIANT' },
          { ComplianceType: 'Association', ResourceId: 'i-db', Status: 'NON_COMPLIANT' },
        ],
      });

    // Act
    const { value } = await runCollector(ssmCollectors['ssm.patchCompliance']);

    // Assess
    expect(ssmMock).toHaveReceivedNthCommandWith(ListResourceComplianceSummariesCommand, 1, {
      Filters: PATCH_FILTER,
      MaxResults: 50,
    });
    expect(ssmMock).toHaveReceivedNthCommandWith(ListResourceComplianceSummariesCommand, 2, {
      Filters: PATCH_FILTER,
      MaxResults: 50,
      NextToken: 'page-2',
    });
    expect(value).toEqual([
      {
        resourceId: 'i-web',
        region: 'us-east-1',
        status: 'NON_COMPLIANT',
        overallSeverity: 'CRITICAL',
        nonCompliantCount: 3,
        compliantCount: 110,
        resourceType: 'ManagedInstance',
        executedAt: executed,
      },
      { resourceId: 'i-db', region: 'us-east-1', status: 'COMPLIANT', nonCompliantCount: 0 },
    ]);
  });

  it('throws when the listing is denied', async () => {
    // Prepare
    ssmMock.on(ListResourceComplianceSummariesCommand).rejects(awsError('json', 'AccessDeniedException'));

    // Act / Assess
    await expect(runCollector(ssmCollectors['ssm.patchCompliance'])).rejects.toThrow('AccessDeniedException');
  });

  it('declares exactly the actions it calls', () => {
    // Prepare / Act
    const actions = Object.values(ssmCollectors).map((c) => [c.key, c.actions]);

    // Assess
    expect(actions).toEqual([
      ['ssm.managedInstances', ['ssm:DescribeInstanceInformation']],
      ['ssm.patchCompliance', ['ssm:ListResourceComplianceSummaries']],
    ]);
  });
});
