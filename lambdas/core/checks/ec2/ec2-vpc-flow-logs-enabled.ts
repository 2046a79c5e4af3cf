import { defineCheck, fail, pass } from '../define-check.js';
import { labelOf } from './labels.js';

/**
 * EC2.6 and CIS 3.7 ask for flow logs of rejected packets: a flow log of type REJECT, or ALL
 * (which includes them). An ACCEPT-only flow log records no rejected traffic.
 * (AWS always reports the traffic type of a flow log; one without it is not held against the VPC.)
 */
const LOGS_REJECTED_TRAFFIC = ['REJECT', 'ALL'];

export const ec2VpcFlowLogsEnabled = defineCheck({
  id: 'ec2-vpc-flow-logs-enabled',
  title: 'VPCs have an active flow log capturing rejected traffic',
  service: 'ec2',
  resourceType: 'AwsEc2Vpc',
  srmClass: 'infrastructure',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['ec2.vpcs', 'ec2.flowLogs'],
  compliance: [
    { framework: 'aws-fsbp', control: 'EC2.6' },
    { framework: 'cis-aws-3.0', control: '3.7' },
    { framework: 'cis-aws-4.0', control: '3.7' },
  ],
  risk: 'Without flow logs there is no record of who connected to what inside the VPC, which blinds incident response and the detection of exfiltration or scanning.',
  remediation: {
    text: 'Create a flow log on the VPC itself (at least rejected traffic; all traffic for investigations) delivered to CloudWatch Logs or S3.',
    cli: 'aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type ALL --log-destination-type s3 --log-destination arn:aws:s3:::<bucket> --region <region>',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
  },
  evaluate: ({ ec2 }) =>
    ec2.vpcs.map((vpc) => {
      const label = `${vpc.isDefault ? 'Default VPC' : 'VPC'} ${labelOf(vpc)}`;
      // Flow logs on subnets or network interfaces cover only part of the VPC.
      const active = ec2.flowLogs.filter(
        (log) =>
          log.region === vpc.region &&
          log.resourceId === vpc.id &&
          log.status === 'ACTIVE' &&
          (log.trafficType === undefined || LOGS_REJECTED_TRAFFIC.includes(log.trafficType)),
      );
      return active.length > 0
        ? pass(
            vpc,
            `${label} has an active flow log (${active.map((log) => `${log.id}, ${log.trafficType ?? 'unknown'} traffic`).join('; ')}).`,
          )
        : fail(vpc, `${label} has no active flow log of rejected traffic (REJECT or ALL) attached to the VPC.`);
    }),
});
