import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { configCollectors } from '../../lambdas/core/collectors/config.js';
import { awsError } from '../helpers/aws-errors.js';
import { runCollector } from '../helpers/collect.js';

const configMock = mockClient(ConfigServiceClient);
const base = { id: 'default', region: 'eu-west-1', accountId: '123456789012', name: 'default' };

beforeEach(() => {
  configMock.reset();
});

describe('Collector: config.recorders', () => {
  it('normalises legacy, exclusion and service-linked recorders and joins their status', async () => {
    // Prepare
    configMock
      .on(DescribeConfigurationRecordersCommand)
      .resolves({
        ConfigurationRecorders: [
          { name: 'default', roleARN: 'r', recordingGroup: { allSupported: true, includeGlobalResourceTypes: true } },
          {
            name: 'harbor-exclusions',
            arn: 'arn:aws:config:eu-west-1:123456789012:configuration-recorder/harbor-exclusions/abc',
            recordingGroup: {
              allSupported: false,
              exclusionByResourceTypes: { resourceTypes: ['AWS::S3::Bucket', 'AWS::EC2::Volume'] },
              recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
            },
          },
          {
            name: 'AWSConfigurationRecorderForSecurityHub',
            servicePrincipal: 'securityhub.amazonaws.com',
            recordingGroup: { allSupported: false, resourceTypes: ['AWS::S3::Bucket'] },
          },
        ],
      })
      .on(DescribeConfigurationRecorderStatusCommand)
      .resolves({
        ConfigurationRecordersStatus: [
          { name: 'default', recording: true, lastStatus: 'Success' },
          { name: 'harbor-exclusions', recording: false },
        ],
      });

    // Act
    const { value } = await runCollector(configCollectors['config.recorders'], { region: 'eu-west-1' });

    // Assess
    expect(value).toEqual([
      {
        ...base,
        arn: 'arn:aws:config:eu-west-1:123456789012:configuration-recorder/default',
        recordingStrategy: 'ALL_SUPPORTED_RESOURCE_TYPES',
        recordsAllSupported: true,
        includeGlobalResourceTypes: true,
        excludedResourceTypes: [],
        includedResourceTypes: [],
        recording: true,
        lastStatus: 'Success',
      },
      {
        ...base,
        id: 'harbor-exclusions',
        name: 'harbor-exclusions',
        arn: 'arn:aws:config:eu-west-1:123456789012:configuration-recorder/harbor-exclusions/abc',
        recordingStrategy: 'EXCLUSION_BY_RESOURCE_TYPES',
        recordsAllSupported: false,
        includeGlobalResourceTypes: false,
        excludedResourceTypes: ['AWS::EC2::Volume', 'AWS::S3::Bucket'],
        includedResourceTypes: [],
        recording: false,
      },
      {
        ...base,
        id: 'AWSConfigurationRecorderForSecurityHub',
        name: 'AWSConfigurationRecorderForSecurityHub',
        arn: 'arn:aws:config:eu-west-1:123456789012:configuration-recorder/AWSConfigurationRecorderForSecurityHub',
        servicePrincipal: 'securityhub.amazonaws.com',
        recordingStrategy: 'INCLUSION_BY_RESOURCE_TYPES',
        recordsAllSupported: false,
        includeGlobalResourceTypes: false,
        excludedResourceTypes: [],
        includedResourceTypes: ['AWS::S3::Bucket'],
      },
    ]);
  });

  it('returns no recorder for a region where Config was never set up', async () => {
    // Prepare
    configMock
      .on(DescribeConfigurationRecordersCommand)
      .resolves({ ConfigurationRecorders: [] })
      .on(DescribeConfigurationRecorderStatusCommand)
      .resolves({ ConfigurationRecordersStatus: [] });

    // Act
    const { value } = await runCollector(configCollectors['config.recorders']);

    // Assess
    expect(value).toEqual([]);
  });

  it('lets an AccessDenied throw', async () => {
    // Prepare
    configMock
      .on(DescribeConfigurationRecordersCommand)
      .rejects(awsError('json', 'AccessDeniedException', { status: 400 }))
      .on(DescribeConfigurationRecorderStatusCommand)
      .resolves({});

    // Act
    const collecting = runCollector(configCollectors['config.recorders']);

    // Assess
    await expect(collecting).rejects.toThrow('AccessDeniedException');
  });
});

describe('Collector: config.deliveryChannels', () => {
  it('lists the region’s delivery channels', async () => {
    // Prepare
    configMock.on(DescribeDeliveryChannelsCommand).resolves({
      DeliveryChannels: [
        { name: 'default', s3BucketName: 'harbor-config', snsTopicARN: 'arn:aws:sns:eu-west-1:123456789012:config' },
      ],
    });

    // Act
    const { value } = await runCollector(configCollectors['config.deliveryChannels'], { region: 'eu-west-1' });

    // Assess
    expect(value).toEqual([
      {
        arn: 'arn:aws:config:eu-west-1:123456789012:delivery-channel/default',
        id: 'default',
        region: 'eu-west-1',
        accountId: '123456789012',
        name: 'default',
        s3BucketName: 'harbor-config',
        snsTopicArn: 'arn:aws:sns:eu-west-1:123456789012:config',
      },
    ]);
  });
});
