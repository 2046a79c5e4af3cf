import type { SecurityHubStandard } from '../../inventory/index.js';
import { accountResource, defineCheck, fail, pass } from '../define-check.js';
import { joinNames } from '../shared/text.js';

/**
 * `standards/aws-foundational-security-best-practices/v/1.0.0` → `aws-foundational-security-best-practices v1.0.0`;
 * the older `ruleset/cis-aws-foundations-benchmark/v/1.2.0` alike. A status other than READY is shown.
 */
function standardLabel(standard: SecurityHubStandard): string {
  const match = /:(?:standards|ruleset)\/([^/]+)\/v\/([^/]+)$/.exec(standard.standardsArn);
  const name = match ? `${match[1]} v${match[2]}` : standard.standardsArn;
  return standard.status === 'READY' ? name : `${name} (${standard.status})`;
}

export const securityhubHubEnabled = defineCheck({
  id: 'securityhub-hub-enabled',
  title: 'Security Hub is enabled in every scanned region',
  service: 'securityhub',
  resourceType: 'AwsAccount',
  srmClass: 'account',
  obligation: 'logging-audit',
  severity: 'medium',
  requires: ['securityhub.hubs'],
  compliance: [
    { framework: 'cis-aws-3.0', control: '4.16' },
    { framework: 'cis-aws-4.0', control: '4.16' },
  ],
  risk:
    'Without Security Hub, findings from GuardDuty, Inspector, Macie and Access Analyzer and the results of security ' +
    'standards stay scattered per service and region, so a critical finding can go unseen.',
  remediation: {
    text:
      'Enable Security Hub in every region (centrally from a delegated administrator for an organization) with at ' +
      'least the AWS Foundational Security Best Practices standard.',
    cli: 'aws securityhub enable-security-hub --enable-default-standards --region <region>',
    url: 'https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-enable.html',
  },
  evaluate: (inventory) =>
    inventory.regions.map((region) => {
      const account = accountResource(inventory, region, 'securityhub');
      const hub = inventory.securityhub.hubs.find((h) => h.region === region);
      if (!hub) return fail(account, `Security Hub is not enabled in ${region} (the account is not subscribed).`);
      const standards = hub.standards.map(standardLabel).sort();
      return pass(
        account,
        standards.length > 0
          ? `Security Hub is enabled in ${region} with the standards ${joinNames(standards)}.`
          : `Security Hub is enabled in ${region}, with no security standard enabled.`,
      );
    }),
});
