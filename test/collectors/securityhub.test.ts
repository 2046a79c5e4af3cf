import { DescribeHubCommand, GetEnabledStandardsCommand, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { securityhubCollectors } from '../../lambdas/core/collectors/securityhub.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const securityhubMock = mockClient(SecurityHubClient);
const collector = securityhubCollectors['securityhub.hubs'];
const FSBP = 'arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0';
const CIS = 'arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0';

beforeEach(() => {
  securityhubMock.reset();
});

describe('Collector: securityhub.hubs', () => {
  it('describes the hub and pages through its enabled standards', async () => {
    // Prepare
    securityhubMock
      .on(DescribeHubCommand)
      .resolves({
        HubArn: 'arn:aws:securityhub:eu-west-1:123456789012:hub/default',
        SubscribedAt: '2026-01-10T09:00:00.000Z',
        AutoEnableControls: true,
      })
      .on(GetEnabledStandardsCommand)
      .resolvesOnce({
        StandardsSubscriptions: [
          {
            StandardsSubscriptionArn: 's1',
            StandardsArn: FSBP,
            StandardsInput: {},
            StandardsStatus: 'READY',
          },
        ],
        NextToken: 'p2',
      })
      .resolvesOnce({
        StandardsSubscriptions: [
          { StandardsSubscriptionArn: 's2', StandardsArn: CIS, StandardsInput: {}, StandardsStatus: 'INCOMPLETE' },
        ],
      });

    // Act
    const { value } = await runCollector(collector, { region: 'eu-west-1' });

    // Assess
    expect(securityhubMock).toHaveReceivedNthCommandWith(GetEnabledStandardsCommand, 2, {
      MaxResults: 100,
      NextToken: 'p2',
    });
    expect(value).toEqual([
      {
        arn: 'arn:aws:securityhub:eu-west-1:123456789012:hub/default',
        id: '123456789012/eu-west-1',
        region: 'eu-west-1',
        accountId: '123456789012',
        subscribedAt: '2026-01-10T09:00:00.000Z',
        autoEnableControls: true,
        standards: [
          { standardsArn: FSBP, status: 'READY' },
          { standardsArn: CIS, status: 'INCOMPLETE' },
        ],
      },
    ]);
  });

  it('reads "not subscribed" (InvalidAccessException) as no hub, without asking for standards', async () => {
    // Prepare
    securityhubMock.on(DescribeHubCommand).rejects(
      awsError('json', 'InvalidAccessException', {
        status: 401,
        message: 'Account 123456789012 is not subscribed to AWS Security Hub',
      }),
    );

    // Act
    const { value, issues } = await runCollector(collector);

    // Assess
    expect(value).toEqual([]);
    expect(issues).toEqual([]);
    expect(securityhubMock).not.toHaveReceivedCommand(GetEnabledStandardsCommand);
  });

  it('lets an AccessDenied on DescribeHub throw', async () => {
    // Prepare
    securityhubMock.on(DescribeHubCommand).rejects(awsError('json', 'AccessDeniedException', { status: 403 }));

    // Act
    const collecting = runCollector(collector);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});
