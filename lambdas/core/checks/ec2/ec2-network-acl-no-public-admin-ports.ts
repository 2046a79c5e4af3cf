import { defineCheck, fail, pass } from '../define-check.js';
import { REMOTE_ADMINISTRATION_PROTOCOLS } from '../shared/port-exposure.js';
import { labelOf } from './labels.js';
import { aclInternetExposure } from './network-acl-exposure.js';

/** Remote administration ports: SSH and RDP. */
const ADMIN_PORTS = [22, 3389];

export const ec2NetworkAclNoPublicAdminPorts = defineCheck({
  id: 'ec2-network-acl-no-public-admin-ports',
  title: 'Network ACLs do not allow SSH (22) or RDP (3389) from the internet',
  service: 'ec2',
  resourceType: 'AwsEc2NetworkAcl',
  srmClass: 'infrastructure',
  obligation: 'network-firewall',
  severity: 'medium',
  requires: ['ec2.networkAcls'],
  settings: ['internetExposurePrefix'],
  compliance: [
    { framework: 'aws-fsbp', control: 'EC2.21' },
    { framework: 'cis-aws-3.0', control: '5.1' },
    { framework: 'cis-aws-4.0', control: '5.2' },
  ],
  risk: 'A network ACL that lets remote administration traffic in from anywhere leaves a single security group mistake between the internet and every instance in its subnets.',
  remediation: {
    text: 'Add inbound deny rules for TCP and UDP 22 and 3389 from 0.0.0.0/0 and ::/0 numbered below the allow rule (or narrow the allow rule to known CIDRs).',
    cli: 'aws ec2 create-network-acl-entry --network-acl-id <acl-id> --ingress --rule-number <number-below-the-allow> --protocol tcp --port-range From=22,To=22 --cidr-block 0.0.0.0/0 --rule-action deny --region <region>',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html',
  },
  evaluate: ({ ec2 }, settings) =>
    ec2.networkAcls.map((acl) => {
      // EC2.21 and CIS 5.1 count TCP and UDP alike.
      const open = ADMIN_PORTS.flatMap((port) =>
        REMOTE_ADMINISTRATION_PROTOCOLS.flatMap((protocol) =>
          aclInternetExposure(acl, port, protocol, settings.internetExposurePrefix),
        ),
      );
      const label = `${acl.isDefault ? 'Default network ACL' : 'Network ACL'} ${labelOf(acl)}`;
      return open.length === 0
        ? pass(acl, `${label} does not allow TCP or UDP 22 or 3389 from the internet.`)
        : fail(acl, `${label} allows remote administration from the internet: ${open.join('; ')}.`);
    }),
});
