import { accountResource, defineCheck, fail, pass } from '../define-check.js';
import { joinNames } from '../shared/text.js';

export const guarddutyDetectorEnabled = defineCheck({
  id: 'guardduty-detector-enabled',
  title: 'A GuardDuty detector is enabled in every scanned region',
  service: 'guardduty',
  resourceType: 'AwsAccount',
  srmClass: 'account',
  obligation: 'logging-audit',
  severity: 'high',
  requires: ['guardduty.detectors'],
  compliance: [{ framework: 'aws-fsbp', control: 'GuardDuty.1' }],
  risk:
    'Without GuardDuty in a region, compromised credentials, crypto-mining instances or calls from known malicious ' +
    'addresses there raise no finding; attackers favour the regions nobody watches.',
  remediation: {
    text:
      'Enable GuardDuty in every region, including those you do not use (ideally for the whole organization from a ' +
      'delegated administrator account), and route its findings to your alerting.',
    cli: 'aws guardduty create-detector --enable --region <region>',
    url: 'https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html',
  },
  evaluate: (inventory) =>
    inventory.regions.map((region) => {
      const account = accountResource(inventory, region, 'guardduty');
      const detectors = inventory.guardduty.detectors.filter((d) => d.region === region);
      const enabled = detectors.find((d) => d.status === 'ENABLED');
      if (enabled) return pass(account, `GuardDuty detector ${enabled.id} is enabled in ${region}.`);
      if (detectors.length === 0) return fail(account, `GuardDuty has no detector in ${region}.`);
      return fail(
        account,
        `GuardDuty is not enabled in ${region}: detector ${joinNames(detectors.map((d) => `${d.id} is ${d.status}`))}.`,
      );
    }),
});
