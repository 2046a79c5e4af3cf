import { defineCheck } from '../define-check.js';
import {
  evaluateInternetPorts,
  REMOTE_ADMINISTRATION_CONTROLS,
  REMOTE_ADMINISTRATION_PROTOCOLS,
} from '../shared/port-exposure.js';

export const ec2SecurityGroupNoPublicSsh = defineCheck({
  id: 'ec2-security-group-no-public-ssh',
  title: 'Security groups do not allow SSH (TCP or UDP 22) from the internet',
  service: 'ec2',
  resourceType: 'AwsEc2SecurityGroup',
  srmClass: 'infrastructure',
  obligation: 'network-firewall',
  severity: 'high',
  requires: ['ec2.securityGroups'],
  settings: ['internetExposurePrefix'],
  compliance: [{ framework: 'aws-fsbp', control: 'EC2.13' }, ...REMOTE_ADMINISTRATION_CONTROLS],
  risk: 'SSH open to the internet (0.0.0.0/0, ::/0, or ranges that together cover it) invites continuous credential-guessing and exploitation of SSH daemon flaws against every instance using the group.',
  remediation: {
    text: 'Remove the internet-wide rules for port 22 (TCP and UDP); allow port 22 only from known administrative CIDRs, or use Systems Manager Session Manager instead of inbound SSH.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <group-id> --protocol tcp --port 22 --cidr 0.0.0.0/0 --region <region>',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  evaluate: ({ ec2 }, settings) =>
    evaluateInternetPorts(ec2.securityGroups, [22], {
      subject: 'SSH (TCP or UDP port 22)',
      protocols: REMOTE_ADMINISTRATION_PROTOCOLS,
      prefix: settings.internetExposurePrefix,
    }),
});
