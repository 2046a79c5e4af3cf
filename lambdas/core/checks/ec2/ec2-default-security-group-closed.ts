import { defineCheck, fail, pass } from '../define-check.js';
import { describeRule } from '../shared/port-exposure.js';
import { plural } from './labels.js';

export const ec2DefaultSecurityGroupClosed = defineCheck({
  id: 'ec2-default-security-group-closed',
  title: 'Default security groups of VPCs allow no inbound or outbound traffic',
  service: 'ec2',
  resourceType: 'AwsEc2SecurityGroup',
  srmClass: 'infrastructure',
  obligation: 'network-firewall',
  severity: 'high',
  requires: ['ec2.securityGroups'],
  compliance: [
    { framework: 'aws-fsbp', control: 'EC2.2' },
    { framework: 'cis-aws-3.0', control: '5.4' },
    { framework: 'cis-aws-4.0', control: '5.5' },
  ],
  risk: 'Resources launched without an explicit security group land in the default one; if it allows traffic, they silently get network access nobody designed or reviewed.',
  remediation: {
    text: 'Remove every inbound and outbound rule from the default security group (it cannot be deleted) and give resources purpose-built groups.',
    cli: 'aws ec2 revoke-security-group-egress --group-id <default-group-id> --ip-permissions \'[{"IpProtocol":"-1","IpRanges":[{"CidrIp":"0.0.0.0/0"}]}]\' --region <region>',
    url: 'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
  },
  evaluate: ({ ec2 }) =>
    // Every VPC has exactly one group named `default`; no other group may take that name.
    ec2.securityGroups
      .filter((group) => group.name === 'default')
      .map((group) => {
        const where = group.vpcId ? ` of ${group.vpcId}` : '';
        const rules = [
          ...group.ingress.map((rule) => `inbound ${describeRule(rule, 'from')}`),
          ...group.egress.map((rule) => `outbound ${describeRule(rule, 'to')}`),
        ];
        if (rules.length === 0) return pass(group, `Default security group ${group.id}${where} has no rules.`);
        return fail(
          group,
          `Default security group ${group.id}${where} has ${plural(rules.length, 'rule')}: ${rules.join('; ')}.`,
        );
      }),
});
