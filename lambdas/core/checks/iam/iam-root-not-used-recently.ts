import { accountResource, defineCheck, fail, notEvaluated, pass } from '../define-check.js';
import { day, daysSince, keyLabel, reportNote } from './credential-report.js';

export const iamRootNotUsedRecently = defineCheck({
  id: 'iam-root-not-used-recently',
  title: 'The root user has not signed in or used an access key recently',
  service: 'iam',
  resourceType: 'AwsAccount',
  srmClass: 'account',
  obligation: 'identity-mfa',
  severity: 'high',
  requires: ['iam.credentialReport'],
  settings: ['rootRecentUseDays'],
  compliance: [
    { framework: 'cis-aws-3.0', control: '1.7' },
    { framework: 'cis-aws-4.0', control: '1.7' },
  ],
  risk: 'Routine work as root bypasses every IAM guardrail and leaves one all-powerful identity in daily use; recent root activity is either a habit to break or a sign of compromise.',
  remediation: {
    text: 'Confirm the root activity was legitimate (CloudTrail), move the task to an IAM role or IAM Identity Center user, and keep root for the few tasks that require it.',
    cli: 'aws cloudtrail lookup-events --lookup-attributes AttributeKey=Username,AttributeValue=root --max-results 50',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/root-user-best-practices.html',
  },
  evaluate: (inventory, settings) => {
    const report = inventory.iam.credentialReport;
    const root = report.root;
    // AWS always includes the root row; a report without it (some emulators) cannot show root use.
    if (!root) {
      return [
        notEvaluated(
          accountResource(inventory),
          `The IAM credential report ${reportNote(report)} has no <root_account> row, so root password and access-key use cannot be checked.`,
        ),
      ];
    }
    const window = settings.rootRecentUseDays;
    const uses = [
      { what: 'signed in with its password', at: root.passwordLastUsed },
      ...root.accessKeys.map((k) => ({ what: `used ${keyLabel(k)}`, at: k.lastUsed })),
    ].filter((u): u is { what: string; at: Date } => u.at !== undefined);
    const recent = uses.filter((u) => daysSince(u.at, inventory.scannedAt) < window);
    const subject = `The root user of account ${inventory.accountId}`;
    if (recent.length > 0) {
      const list = recent.map((u) => `${u.what} on ${day(u.at)} (${daysSince(u.at, inventory.scannedAt)} days ago)`);
      return [
        fail(
          accountResource(inventory),
          `${subject} ${list.join(' and ')}, within the last ${window} days ${reportNote(report)}.`,
        ),
      ];
    }
    const latest = uses.sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    const last = latest ? `last ${latest.what} on ${day(latest.at)}` : 'no password or access-key use on record';
    return [
      pass(
        accountResource(inventory),
        `${subject} was not used in the last ${window} days (${last}) ${reportNote(report)}.`,
      ),
    ];
  },
});
