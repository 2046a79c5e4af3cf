import { GetResourcesCommand, ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { resourceTypeOf, taggingCollectors } from '../../lambdas/core/collectors/tagging.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const tagging = mockClient(ResourceGroupsTaggingAPIClient);

beforeEach(() => {
  tagging.reset();
});

const mapping = (arn: string) => ({ ResourceARN: arn, Tags: [{ Key: 'team', Value: 'orders' }] });

describe('Collector: tagging.resourceTypes', () => {
  it('pages through GetResources and keeps only counts per resource type', async () => {
    // Prepare
    tagging
      .on(GetResourcesCommand)
      .resolvesOnce({
        ResourceTagMappingList: [
          mapping('arn:aws:ec2:eu-west-1:123456789012:instance/i-0abc'),
          mapping('arn:aws:ec2:eu-west-1:123456789012:instance/i-0def'),
        ],
        PaginationToken: 'next',
      })
      .resolvesOnce({
        ResourceTagMappingList: [mapping('arn:aws:states:eu-west-1:123456789012:stateMachine:orders')],
        PaginationToken: '',
      });

    // Act
    const { value, issues } = await runCollector(taggingCollectors['tagging.resourceTypes'], { region: 'eu-west-1' });

    // Assess
    expect(issues).toEqual([]);
    expect(tagging).toHaveReceivedNthCommandWith(GetResourcesCommand, 2, {
      ResourcesPerPage: 100,
      IncludeComplianceDetails: false,
      PaginationToken: 'next',
    });
    expect(value).toEqual([
      { region: 'eu-west-1', resourceType: 'ec2:instance', count: 2 },
      { region: 'eu-west-1', resourceType: 'states:stateMachine', count: 1 },
    ]);
  });

  it('fails the region when the scanner may not call GetResources', async () => {
    // Prepare
    tagging.on(GetResourcesCommand).rejects(awsError('json', 'AccessDeniedException', { status: 400 }));

    // Act
    const run = runCollector(taggingCollectors['tagging.resourceTypes'], { region: 'eu-west-1' });

    // Assess
    await expect(run).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('Function: resourceTypeOf', () => {
  it.each([
    ['arn:aws:s3:::harbor-logs', 's3:bucket'],
    [
      'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188',
      'elasticloadbalancing:loadbalancer/app',
    ],
    [
      'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/legacy-web',
      'elasticloadbalancing:loadbalancer/classic',
    ],
    ['arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/api', 'logs:log-group'],
    ['arn:aws:lambda:eu-west-1:123456789012:function:api', 'lambda:function'],
  ])('reads the type of %s as %s', (arn, type) => {
    // Act
    const actual = resourceTypeOf(arn);

    // Assess
    expect(actual).toBe(type);
  });

  it('ignores a value that is not an ARN', () => {
    // Act
    const actual = resourceTypeOf('not-an-arn');

    // Assess
    expect(actual).toBeUndefined();
  });
});
