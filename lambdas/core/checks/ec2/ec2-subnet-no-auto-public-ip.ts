import { defineCheck, verdict } from '../define-check.js';
import { labelOf } from './labels.js';

export const ec2SubnetNoAutoPublicIp = defineCheck({
  id: 'ec2-subnet-no-auto-public-ip',
  title: 'Subnets do not assign public IPv4 addresses to instances on launch',
  service: 'ec2',
  resourceType: 'AwsEc2Subnet',
  srmClass: 'infrastructure',
  obligation: 'public-exposure',
  severity: 'medium',
  requires: ['ec2.subnets'],
  compliance: [{ framework: 'aws-fsbp', control: 'EC2.15' }],
  risk: 'Every instance launched into the subnet gets an internet-reachable address by default, so exposure depends on nobody forgetting to opt out.',
  remediation: {
    text: 'Turn off auto-assign public IPv4 on the subnet; request a public address explicitly for the few instances that need one.',
    cli: 'aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-map-public-ip-on-launch --region <region>',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-public-ip.html',
  },
  evaluate: ({ ec2 }) =>
    ec2.subnets.map((subnet) => {
      const label = `${subnet.defaultForAz ? 'Default subnet' : 'Subnet'} ${labelOf(subnet)}${subnet.vpcId ? ` in ${subnet.vpcId}` : ''}`;
      return verdict(
        !subnet.mapPublicIpOnLaunch,
        subnet,
        `${label} does not assign public IPv4 addresses on launch.`,
        `${label} assigns a public IPv4 address to every instance launched in it (MapPublicIpOnLaunch is true).`,
      );
    }),
});
