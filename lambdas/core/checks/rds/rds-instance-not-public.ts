import type { DbInstance, SecurityGroup } from '../../inventory/index.js';
import type { InternetExposurePrefix } from '../../network/ip-ranges.js';
import { defineCheck, fail, pass } from '../define-check.js';
import { describePortExposure, internetPortExposures, type PortExposure } from '../shared/port-exposure.js';
import { securityGroupLabel } from '../shared/security-group-label.js';
import { instanceLabel } from './db-helpers.js';

/**
 * What the instance's security groups add to a public endpoint: whether the internet can reach
 * its port (any TCP port when the port is unknown) today, or only after a rule change.
 */
function exposureContext(
  db: DbInstance,
  groups: readonly SecurityGroup[],
  prefix: Readonly<InternetExposurePrefix>,
): string {
  const attached = db.vpcSecurityGroupIds.flatMap((id) =>
    groups.filter((g) => g.id === id && g.region === db.region && g.accountId === db.accountId),
  );
  const reaches = (exposure: PortExposure) =>
    db.port === undefined || (exposure.from <= db.port && db.port <= exposure.to);
  const openings = attached.flatMap((group) => {
    const causes = internetPortExposures(group, ['tcp'], prefix).filter(reaches).flatMap(describePortExposure);
    return causes.length
      ? [`security group ${securityGroupLabel(group)} allows ${[...new Set(causes)].join('; ')}`]
      : [];
  });
  if (openings.length > 0) return `, and ${openings.join('; ')}: it is reachable from the internet now`;
  if (attached.length === 0) {
    return db.vpcSecurityGroupIds.length === 0
      ? '; it has no VPC security group to inspect'
      : `; its security groups (${db.vpcSecurityGroupIds.join(', ')}) were not found in the inventory`;
  }
  const port = db.port === undefined ? 'its port' : `port ${db.port}`;
  return `; its security groups (${attached.map((g) => g.id).join(', ')}) do not admit the internet on ${port} today, so a single rule change would expose it`;
}

export const rdsInstanceNotPublic = defineCheck({
  id: 'rds-instance-not-public',
  title: 'RDS DB instances are not publicly accessible',
  service: 'rds',
  resourceType: 'AwsRdsDbInstance',
  srmClass: 'container',
  obligation: 'public-exposure',
  severity: 'critical',
  requires: ['rds.instances', 'ec2.securityGroups'],
  settings: ['internetExposurePrefix'],
  compliance: [
    { framework: 'aws-fsbp', control: 'RDS.2' },
    { framework: 'cis-aws-3.0', control: '2.3.3' },
    { framework: 'cis-aws-4.0', control: '2.2.3' },
  ],
  risk: 'A publicly accessible instance gets an endpoint that resolves to a public IP address, so only its security groups stand between the database and password guessing or engine exploits from anywhere.',
  remediation: {
    text: 'Turn off public accessibility and reach the database from inside the VPC (application subnets, a bastion or AWS Systems Manager port forwarding). This applies to every instance, Aurora instances included.',
    cli: 'aws rds modify-db-instance --db-instance-identifier <db-instance-id> --no-publicly-accessible --apply-immediately',
    url: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html#USER_VPC.Hiding',
  },
  evaluate: ({ rds, ec2 }, settings) =>
    rds.instances.map((db) =>
      db.publiclyAccessible
        ? fail(
            db,
            `${instanceLabel(db)} is publicly accessible${exposureContext(db, ec2.securityGroups, settings.internetExposurePrefix)}.`,
          )
        : pass(db, `${instanceLabel(db)} is not publicly accessible.`),
    ),
});
