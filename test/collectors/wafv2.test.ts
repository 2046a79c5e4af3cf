import {
  GetLoggingConfigurationCommand,
  GetWebACLCommand,
  ListWebACLsCommand,
  WAFV2Client,
} from '@aws-sdk/client-wafv2';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { wafv2Collectors } from '../../lambdas/core/collectors/wafv2.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const wafMock = mockClient(WAFV2Client);

const regionalArn = (name: string) => `arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/${name}/id-${name}`;
const summary = (name: string) => ({ Name: name, Id: `id-${name}`, ARN: regionalArn(name) });

beforeEach(() => {
  wafMock.reset();
});

describe('Collector: wafv2.webAcls', () => {
  it('follows NextMarker, counts rules and reads a missing logging configuration as logging off', async () => {
    // Prepare
    wafMock
      .on(ListWebACLsCommand)
      .resolvesOnce({ WebACLs: [summary('harbor-api')], NextMarker: 'm2' })
      .resolvesOnce({ WebACLs: [summary('harbor-empty')], NextMarker: 'm3' })
      .resolvesOnce({ WebACLs: [] })
      .on(GetLoggingConfigurationCommand, { ResourceArn: regionalArn('harbor-api') })
      .resolves({
        LoggingConfiguration: {
          ResourceArn: regionalArn('harbor-api'),
          LogDestinationConfigs: ['arn:aws:logs:eu-west-1:123456789012:log-group:aws-waf-logs-api'],
        },
      })
      // No logging configuration is an answer, not an error.
      .on(GetLoggingConfigurationCommand, { ResourceArn: regionalArn('harbor-empty') })
      .rejects(awsError('json', 'WAFNonexistentItemException'))
      .on(GetWebACLCommand, { Name: 'harbor-api' })
      .resolves({
        WebACL: {
          Name: 'harbor-api',
          Id: 'id-harbor-api',
          ARN: regionalArn('harbor-api'),
          DefaultAction: { Allow: {} },
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'api' },
          Rules: [
            {
              Name: 'common',
              Priority: 0,
              Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } },
              VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'common' },
            },
          ],
        },
      })
      .on(GetWebACLCommand, { Name: 'harbor-empty' })
      .resolves({
        WebACL: {
          Name: 'harbor-empty',
          Id: 'id-harbor-empty',
          ARN: regionalArn('harbor-empty'),
          DefaultAction: { Block: {} },
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'empty' },
        },
      });

    // Act
    const { value } = await runCollector(wafv2Collectors['wafv2.webAcls'], { region: 'eu-west-1' });

    // Assess
    expect(wafMock).toHaveReceivedNthCommandWith(ListWebACLsCommand, 2, {
      Scope: 'REGIONAL',
      Limit: 100,
      NextMarker: 'm2',
    });
    expect(value).toEqual([
      {
        arn: regionalArn('harbor-api'),
        id: 'id-harbor-api',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'harbor-api',
        scope: 'REGIONAL',
        ruleCount: 1,
        defaultAction: 'ALLOW',
        loggingEnabled: true,
      },
      expect.objectContaining({ name: 'harbor-empty', ruleCount: 0, defaultAction: 'BLOCK', loggingEnabled: false }),
    ]);
  });

  it('reads CLOUDFRONT-scope web ACLs as global resources', async () => {
    // Prepare
    const arn = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/harbor-edge/e1';
    wafMock
      .on(ListWebACLsCommand, { Scope: 'CLOUDFRONT' })
      .resolves({ WebACLs: [{ Name: 'harbor-edge', Id: 'e1', ARN: arn }] })
      .on(GetLoggingConfigurationCommand)
      .rejects(awsError('json', 'WAFNonexistentItemException'))
      .on(GetWebACLCommand)
      .resolves({
        WebACL: {
          Name: 'harbor-edge',
          Id: 'e1',
          ARN: arn,
          DefaultAction: { Allow: {} },
          VisibilityConfig: { SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true, MetricName: 'edge' },
        },
      });

    // Act
    const { value } = await runCollector(wafv2Collectors['wafv2.cloudfrontWebAcls']);

    // Assess
    expect(wafMock).toHaveReceivedCommandWith(GetWebACLCommand, { Scope: 'CLOUDFRONT', Id: 'e1', Name: 'harbor-edge' });
    expect(value).toEqual([
      expect.objectContaining({ arn, region: 'global', scope: 'CLOUDFRONT', loggingEnabled: false }),
    ]);
  });

  it('reports a web ACL that cannot be read and lets a denied listing throw', async () => {
    // Prepare
    wafMock
      .on(ListWebACLsCommand)
      .resolves({ WebACLs: [summary('harbor-api')] })
      .on(GetLoggingConfigurationCommand)
      .resolves({})
      .on(GetWebACLCommand)
      .rejects(awsError('json', 'AccessDeniedException'));

    // Act
    const { value, issues } = await runCollector(wafv2Collectors['wafv2.webAcls'], { region: 'eu-west-1' });
    wafMock.on(ListWebACLsCommand).rejects(awsError('json', 'AccessDeniedException'));
    const listing = runCollector(wafv2Collectors['wafv2.webAcls']);

    // Assess
    expect(value).toEqual([]);
    expect(issues.map((i) => [i.resourceArn, i.errorCode])).toEqual([
      [regionalArn('harbor-api'), 'AccessDeniedException'],
    ]);
    await expect(listing).rejects.toThrow('AccessDeniedException');
  });
});
