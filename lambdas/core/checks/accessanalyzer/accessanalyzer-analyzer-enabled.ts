import { EXTERNAL_ACCESS_ANALYZER_TYPES } from '../../inventory/index.js';
import { accountResource, defineCheck, fail, pass } from '../define-check.js';
import { joinNames } from '../shared/text.js';

export const accessanalyzerAnalyzerEnabled = defineCheck({
  id: 'accessanalyzer-analyzer-enabled',
  title: 'An active IAM Access Analyzer external access analyzer exists in every scanned region',
  service: 'accessanalyzer',
  resourceType: 'AwsAccount',
  srmClass: 'account',
  obligation: 'public-exposure',
  severity: 'high',
  requires: ['accessanalyzer.analyzers'],
  compliance: [
    { framework: 'aws-fsbp', control: 'IAM.28' },
    { framework: 'cis-aws-3.0', control: '1.20' },
    { framework: 'cis-aws-4.0', control: '1.20' },
  ],
  risk:
    'Without an external access analyzer, a bucket, key, role or queue shared with another account or the public ' +
    'in that region produces no finding; the analyzer only sees resources in its own region.',
  remediation: {
    text:
      'Create an analyzer with the account (or, from the management or delegated administrator account, the ' +
      'organization) as zone of trust in every region, and review its findings.',
    cli: 'aws accessanalyzer create-analyzer --analyzer-name <name> --type ACCOUNT --region <region>',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-create-external.html',
  },
  evaluate: (inventory) =>
    inventory.regions.map((region) => {
      const account = accountResource(inventory, region, 'accessanalyzer');
      const analyzers = inventory.accessanalyzer.analyzers.filter((a) => a.region === region);
      const external = analyzers.filter((a) => EXTERNAL_ACCESS_ANALYZER_TYPES.includes(a.type));
      const active = external.find((a) => a.status === 'ACTIVE');
      if (active) {
        return pass(account, `IAM Access Analyzer ${active.name} (${active.type}) is active in ${region}.`);
      }
      if (external.length > 0) {
        return fail(
          account,
          `No external access analyzer is active in ${region}: ${joinNames(external.map((a) => `${a.name} is ${a.status}`))}.`,
        );
      }
      return fail(
        account,
        analyzers.length === 0
          ? `IAM Access Analyzer has no analyzer in ${region}.`
          : `IAM Access Analyzer has no external access analyzer in ${region}, only ${joinNames(analyzers.map((a) => `${a.name} (${a.type})`))}.`,
      );
    }),
});
