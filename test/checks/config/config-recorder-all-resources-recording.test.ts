import { describe, expect, it } from 'vitest';
import { configRecorderAllResourcesRecording } from '../../../lambdas/core/checks/config/index.js';
import { deliveryChannel, detectionInventory, recorder, regionalAccount } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const check = configRecorderAllResourcesRecording;

describe('Check: config-recorder-all-resources-recording', () => {
  it('passes where all types are recorded with a channel, global types being recorded in one region only', () => {
    // Prepare
    const inventory = detectionInventory({
      'config.recorders': [recorder('us-east-1'), recorder('eu-west-1', { includeGlobalResourceTypes: false })],
      'config.deliveryChannels': [deliveryChannel('us-east-1'), deliveryChannel('eu-west-1', 'harbor-eu')],
    });

    // Act
    const results = runCheckOn(check, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'PASS',
        resource: regionalAccount('config', 'us-east-1'),
        message:
          'AWS Config recorder default records all supported resource types in us-east-1 and delivers through default.',
      },
      {
        status: 'PASS',
        resource: regionalAccount('config', 'eu-west-1'),
        message:
          'AWS Config recorder default records all supported resource types in eu-west-1 and delivers through harbor-eu.',
      },
    ]);
  });

  it('fails a region without a recorder and a stopped recorder without a channel', () => {
    // Prepare
    const inventory = detectionInventory({
      'config.recorders': [recorder('us-east-1', { recording: false })],
      'config.deliveryChannels': [],
    });

    // Act
    const results = runCheckOn(check, inventory);

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: regionalAccount('config', 'us-east-1'),
        message:
          'AWS Config in us-east-1 is incomplete: recorder default is not recording; there is no delivery channel; no scanned region records the global IAM resource types.',
      },
      {
        status: 'FAIL',
        resource: regionalAccount('config', 'eu-west-1'),
        message: 'AWS Config has no configuration recorder in eu-west-1.',
      },
    ]);
  });

  it('fails recorders that exclude or select resource types, and ignores service-linked recorders', () => {
    // Prepare
    const inventory = detectionInventory({
      'config.recorders': [
        recorder('us-east-1', {
          recordingStrategy: 'EXCLUSION_BY_RESOURCE_TYPES',
          recordsAllSupported: false,
          excludedResourceTypes: ['AWS::EC2::NetworkInterface', 'AWS::S3::Bucket'],
        }),
        recorder('eu-west-1', {
          recordingStrategy: 'INCLUSION_BY_RESOURCE_TYPES',
          recordsAllSupported: false,
          includedResourceTypes: ['AWS::S3::Bucket'],
        }),
        recorder('eu-west-1', {
          name: 'AWSConfigurationRecorderForSecurityHub',
          servicePrincipal: 'securityhub.amazonaws.com',
        }),
      ],
      'config.deliveryChannels': [deliveryChannel('us-east-1'), deliveryChannel('eu-west-1')],
    });

    // Act
    const [us, eu] = runCheckOn(check, inventory);

    // Assess
    expect(us?.status).toBe('FAIL');
    expect(us?.message).toBe(
      'AWS Config in us-east-1 is incomplete: recorder default excludes AWS::EC2::NetworkInterface and AWS::S3::Bucket.',
    );
    expect(eu?.status).toBe('FAIL');
    expect(eu?.message).toBe(
      'AWS Config in eu-west-1 is incomplete: recorder default records only 1 selected resource type.',
    );
  });
});
