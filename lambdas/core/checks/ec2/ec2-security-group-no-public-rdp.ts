import { defineCheck } from '../define-check.js';
import {
  evaluateInternetPorts,
  REMOTE_ADMINISTRATION_CONTROLS,
  REMOTE_ADMINISTRATION_PROTOCOLS,
} from '../shared/port-exposure.js';

export const ec2SecurityGroupNoPublicRdp = defineCheck({
  id: 'ec2-security-group-no-public-rdp',
  title: 'Security groups do not allow RDP (TCP or UDP 3389) from the internet',
  service: 'ec2',
  resourceType: 'AwsEc2SecurityGroup',
  srmClass: 'infrastructure',
  obligation: 'network-firewall',
  severity: 'high',
  requires: ['ec2.securityGroups'],
  settings: ['internetExposurePrefix'],
  compliance: [{ framework: 'aws-fsbp', control: 'EC2.14' }, ...REMOTE_ADMINISTRATION_CONTROLS],
  risk: 'Remote Desktop reachable from anywhere is a favourite ransomware entry point: brute force and RDP vulnerabilities hand attackers an interactive Windows session.',
  remediation: {
    text: 'Remove the internet-wide rules for port 3389 (TCP and UDP); reach Windows hosts through Fleet Manager, Session Manager port forwarding or a VPN, or allow 3389 only from known CIDRs.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <group-id> --protocol tcp --port 3389 --cidr 0.0.0.0/0 --region <region>',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  evaluate: ({ ec2 }, settings) =>
    evaluateInternetPorts(ec2.securityGroups, [3389], {
      subject: 'RDP (TCP or UDP port 3389)',
      protocols: REMOTE_ADMINISTRATION_PROTOCOLS,
      prefix: settings.internetExposurePrefix,
    }),
});
