import { defineCheck, fail, pass } from '../define-check.js';
import { labelOf, plural } from './labels.js';
import { managedInstanceLookup } from './ssm-coverage.js';

export const ec2InstancePatchCompliant = defineCheck({
  id: 'ec2-instance-patch-compliant',
  title: 'EC2 instances managed by Systems Manager comply with their patch baseline',
  service: 'ec2',
  resourceType: 'AwsEc2Instance',
  srmClass: 'infrastructure',
  obligation: 'os-and-platform',
  severity: 'high',
  requires: ['ec2.instances', 'ssm.managedInstances', 'ssm.patchCompliance'],
  compliance: [{ framework: 'aws-fsbp', control: 'SSM.2' }],
  risk: 'Missing operating system patches leave known, often publicly exploited vulnerabilities open on the instance; patching the guest OS is the customer side of the model.',
  remediation: {
    text: 'Scan and install patches with Patch Manager (a patch policy or a maintenance window running AWS-RunPatchBaseline), then confirm the instance reports COMPLIANT.',
    cli: 'aws ssm send-command --document-name AWS-RunPatchBaseline --targets Key=InstanceIds,Values=<instance-id> --parameters Operation=Install --region <region>',
    url: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/patch-manager.html',
  },
  evaluate: ({ ec2, ssm }) => {
    const managedRecord = managedInstanceLookup(ssm.managedInstances);
    const patchOf = new Map(ssm.patchCompliance.map((p) => [`${p.region}/${p.resourceId}`, p]));
    // Unmanaged instances are ec2-instance-managed-by-ssm's finding: without the agent there is nothing to scan.
    return ec2.instances
      .filter((instance) => managedRecord(instance) !== undefined)
      .map((instance) => {
        const label = labelOf(instance);
        const patch = patchOf.get(`${instance.region}/${instance.id}`);
        const scanned = patch?.executedAt ? ` (last scan ${patch.executedAt.toISOString()})` : '';
        if (!patch) {
          return fail(
            instance,
            `EC2 instance ${label} is managed by Systems Manager but has never been scanned for patches.`,
          );
        }
        if (patch.status === 'COMPLIANT') {
          return pass(instance, `EC2 instance ${label} is compliant with its patch baseline${scanned}.`);
        }
        const severity = patch.overallSeverity ? `, worst severity ${patch.overallSeverity}` : '';
        return fail(
          instance,
          `EC2 instance ${label} is ${patch.status} with its patch baseline: ${plural(patch.nonCompliantCount, 'non-compliant patch', 'non-compliant patches')}${severity}${scanned}.`,
        );
      });
  },
});
