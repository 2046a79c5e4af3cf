import { defineCheck, fail, pass } from '../define-check.js';
import { labelOf } from './labels.js';
import { managedInstanceLookup } from './ssm-coverage.js';

export const ec2InstanceManagedBySsm = defineCheck({
  id: 'ec2-instance-managed-by-ssm',
  title: 'Running EC2 instances are managed by AWS Systems Manager',
  service: 'ec2',
  resourceType: 'AwsEc2Instance',
  srmClass: 'infrastructure',
  obligation: 'os-and-platform',
  severity: 'medium',
  requires: ['ec2.instances', 'ssm.managedInstances'],
  compliance: [{ framework: 'aws-fsbp', control: 'SSM.1' }],
  risk: 'An instance Systems Manager does not manage gets no Patch Manager scans or patching, no inventory and no Session Manager access, so its guest OS drifts out of sight.',
  remediation: {
    text: 'Run the SSM Agent and attach an instance profile whose role has the AmazonSSMManagedInstanceCore policy (or turn on Default Host Management Configuration).',
    cli: 'aws ec2 associate-iam-instance-profile --instance-id <instance-id> --iam-instance-profile Name=<profile-with-AmazonSSMManagedInstanceCore> --region <region>',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-setting-up-ec2.html',
  },
  evaluate: ({ ec2, ssm }) => {
    const managedRecord = managedInstanceLookup(ssm.managedInstances);
    // Only running instances can register with Systems Manager.
    return ec2.instances
      .filter((instance) => instance.state === 'running')
      .map((instance) => {
        const managed = managedRecord(instance);
        if (!managed) {
          return fail(instance, `EC2 instance ${labelOf(instance)} is running but not managed by Systems Manager.`);
        }
        // A running instance whose agent stopped stays registered but stops pinging (ConnectionLost):
        // SSM.1 (Config rule ec2-instance-managed-by-systems-manager) counts it as not managed.
        if (managed.pingStatus !== undefined && managed.pingStatus !== 'Online') {
          const lastPing = managed.lastPingAt ? `, last ping ${managed.lastPingAt.toISOString()}` : '';
          return fail(
            instance,
            `EC2 instance ${labelOf(instance)} is running but its SSM Agent is not reporting to Systems Manager (ping status ${managed.pingStatus}${lastPing}).`,
          );
        }
        return pass(
          instance,
          `EC2 instance ${labelOf(instance)} is managed by Systems Manager (ping status ${managed.pingStatus ?? 'unknown'}).`,
        );
      });
  },
});
