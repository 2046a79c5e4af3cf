import { defineCheck } from '../define-check.js';
import { evaluateInternetPorts } from '../shared/port-exposure.js';

export const ec2SecurityGroupNoPublicHighRiskPorts = defineCheck({
  id: 'ec2-security-group-no-public-high-risk-ports',
  title:
    'Security groups do not allow high-risk ports (databases, remote administration, file sharing) from the internet',
  service: 'ec2',
  resourceType: 'AwsEc2SecurityGroup',
  srmClass: 'infrastructure',
  obligation: 'network-firewall',
  severity: 'critical',
  requires: ['ec2.securityGroups'],
  settings: ['highRiskPorts', 'internetExposurePrefix'],
  compliance: [
    { framework: 'aws-fsbp', control: 'EC2.19' },
    { framework: 'cis-aws-4.0', control: '5.1.2' },
  ],
  risk: 'Databases, caches, search engines and legacy remote-access services exposed to the internet are found by scanners within minutes and are a common source of data theft and ransom.',
  remediation: {
    text: 'Remove internet-wide rules for these ports; reach the services through private networking, a VPN or a load balancer that only exposes the intended application port.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <group-id> --protocol tcp --port <port> --cidr 0.0.0.0/0 --region <region>',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  evaluate: ({ ec2 }, settings) =>
    evaluateInternetPorts(ec2.securityGroups, settings.highRiskPorts, {
      subject: `any of the ${settings.highRiskPorts.length} high-risk TCP ports (setting highRiskPorts)`,
      exposedSubject: (ports) => `high-risk TCP port${ports.length === 1 ? '' : 's'} ${ports.join(', ')}`,
      prefix: settings.internetExposurePrefix,
    }),
});
