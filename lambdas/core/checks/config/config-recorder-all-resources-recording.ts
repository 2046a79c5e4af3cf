import type { ConfigRecorder } from '../../inventory/index.js';
import { accountResource, defineCheck, fail, pass } from '../define-check.js';
import { joinNames } from '../shared/text.js';

/** What keeps a customer recorder from recording every supported resource type, or undefined. */
function recordingGap(recorder: ConfigRecorder): string | undefined {
  if (recorder.recording !== true) return `recorder ${recorder.name} is not recording`;
  if (recorder.recordsAllSupported) return undefined;
  return recorder.recordingStrategy === 'EXCLUSION_BY_RESOURCE_TYPES'
    ? `recorder ${recorder.name} excludes ${joinNames([...recorder.excludedResourceTypes])}`
    : `recorder ${recorder.name} records only ${recorder.includedResourceTypes.length} selected resource type${recorder.includedResourceTypes.length === 1 ? '' : 's'}`;
}

export const configRecorderAllResourcesRecording = defineCheck({
  id: 'config-recorder-all-resources-recording',
  title:
    'AWS Config records all supported resource types in every scanned region, with a delivery channel, and global IAM types in at least one',
  service: 'config',
  resourceType: 'AwsAccount',
  srmClass: 'account',
  obligation: 'logging-audit',
  severity: 'high',
  requires: ['config.recorders', 'config.deliveryChannels'],
  compliance: [
    { framework: 'aws-fsbp', control: 'Config.1' },
    { framework: 'cis-aws-3.0', control: '3.3' },
    { framework: 'cis-aws-4.0', control: '3.3' },
  ],
  risk:
    'Without a running recorder there is no configuration history: you cannot tell what a resource looked like ' +
    'before an incident, and Config rules and Security Hub controls have nothing to evaluate.',
  remediation: {
    text:
      'In each region, create a recorder for all supported resource types (include global IAM types in exactly one ' +
      'region), a delivery channel to an S3 bucket, and start the recorder.',
    cli:
      'aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=<role-arn> ' +
      '--recording-group allSupported=true,includeGlobalResourceTypes=true && aws configservice ' +
      'put-delivery-channel --delivery-channel name=default,s3BucketName=<bucket> && aws configservice ' +
      'start-configuration-recorder --configuration-recorder-name default',
    url: 'https://docs.aws.amazon.com/config/latest/developerguide/stop-start-recorder.html',
  },
  evaluate: (inventory) => {
    // Service-linked recorders record only for their service (e.g. Security Hub's own controls).
    const customer = inventory.config.recorders.filter((r) => r.servicePrincipal === undefined);
    const globalsRecorded = customer.some((r) => r.recording === true && r.includeGlobalResourceTypes);
    return inventory.regions.map((region) => {
      const account = accountResource(inventory, region, 'config');
      const recorders = customer.filter((r) => r.region === region);
      const channels = inventory.config.deliveryChannels.filter((c) => c.region === region);
      if (recorders.length === 0) return fail(account, `AWS Config has no configuration recorder in ${region}.`);
      const good = recorders.find((r) => recordingGap(r) === undefined);
      const gaps = [
        ...(good ? [] : recorders.map(recordingGap).filter((g): g is string => g !== undefined)),
        ...(channels.length === 0 ? ['there is no delivery channel'] : []),
        ...(globalsRecorded ? [] : ['no scanned region records the global IAM resource types']),
      ];
      if (gaps.length > 0) return fail(account, `AWS Config in ${region} is incomplete: ${gaps.join('; ')}.`);
      return pass(
        account,
        `AWS Config recorder ${good?.name} records all supported resource types in ${region} and delivers through ` +
          `${joinNames(channels.map((c) => c.name))}.`,
      );
    });
  },
});
