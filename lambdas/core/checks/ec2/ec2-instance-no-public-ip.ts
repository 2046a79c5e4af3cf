import { defineCheck, verdict } from '../define-check.js';
import { labelOf } from './labels.js';

export const ec2InstanceNoPublicIp = defineCheck({
  id: 'ec2-instance-no-public-ip',
  title: 'EC2 instances have no public IPv4 address',
  service: 'ec2',
  resourceType: 'AwsEc2Instance',
  srmClass: 'infrastructure',
  obligation: 'public-exposure',
  severity: 'medium',
  requires: ['ec2.instances'],
  compliance: [{ framework: 'aws-fsbp', control: 'EC2.9' }],
  risk: 'An instance with a public address is directly reachable from the internet, so one permissive security group rule or an unpatched service is enough to expose it.',
  remediation: {
    text: 'Place the instance in a private subnet behind a load balancer, NAT gateway or Session Manager; release or disassociate any Elastic IP and launch replacements without a public address.',
    cli: 'aws ec2 disassociate-address --association-id <eip-association-id> --region <region>',
    url: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html',
  },
  evaluate: ({ ec2 }) =>
    ec2.instances.map((instance) =>
      verdict(
        instance.publicIpAddress === undefined,
        instance,
        `EC2 instance ${labelOf(instance)} has no public IPv4 address.`,
        `EC2 instance ${labelOf(instance)} has the public IPv4 address ${instance.publicIpAddress}.`,
      ),
    ),
});
