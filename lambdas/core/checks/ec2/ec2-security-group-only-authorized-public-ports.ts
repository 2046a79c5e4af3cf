import { defineCheck, verdict } from '../define-check.js';
import { describePortExposure, internetPortExposures, type PortExposure } from '../shared/port-exposure.js';
import { securityGroupLabel } from '../shared/security-group-label.js';

/** True when the exposed run of ports holds at least one port outside `authorized`. */
function opensUnauthorizedPort(exposure: PortExposure, authorized: ReadonlySet<number>): boolean {
  let authorizedInRange = 0;
  for (const port of authorized) if (exposure.from <= port && port <= exposure.to) authorizedInRange += 1;
  return authorizedInRange < exposure.to - exposure.from + 1;
}

export const ec2SecurityGroupOnlyAuthorizedPublicPorts = defineCheck({
  id: 'ec2-security-group-only-authorized-public-ports',
  title: 'Security groups open only authorized TCP/UDP ports to the internet',
  service: 'ec2',
  resourceType: 'AwsEc2SecurityGroup',
  srmClass: 'infrastructure',
  obligation: 'network-firewall',
  severity: 'high',
  requires: ['ec2.securityGroups'],
  settings: ['authorizedPublicPorts', 'internetExposurePrefix'],
  compliance: [{ framework: 'aws-fsbp', control: 'EC2.18' }],
  risk: 'Every port reachable from the internet beyond the ones the business meant to publish widens the attack surface, often exposing admin consoles, debug endpoints or internal services.',
  remediation: {
    text: 'Restrict internet-wide rules to the authorized ports (by default 80 and 443); put everything else behind private networking, or add the port to authorizedPublicPorts if publishing it is intended.',
    cli: 'aws ec2 revoke-security-group-ingress --group-id <group-id> --protocol <tcp|udp> --port <port> --cidr 0.0.0.0/0 --region <region>',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
  },
  evaluate: ({ ec2 }, settings) => {
    const authorized = new Set(settings.authorizedPublicPorts);
    const allowed = settings.authorizedPublicPorts.length > 0 ? settings.authorizedPublicPorts.join(', ') : 'none';
    return ec2.securityGroups.map((group) => {
      const label = securityGroupLabel(group);
      const unauthorized = internetPortExposures(group, ['tcp', 'udp'], settings.internetExposurePrefix).filter((e) =>
        opensUnauthorizedPort(e, authorized),
      );
      const causes = [...new Set(unauthorized.flatMap(describePortExposure))];
      return verdict(
        unauthorized.length === 0,
        group,
        `Security group ${label} opens no port to the internet beyond the authorized ports (${allowed}).`,
        `Security group ${label} opens unauthorized ports to the internet: ${causes.join('; ')} (authorized: ${allowed}).`,
      );
    });
  },
});
