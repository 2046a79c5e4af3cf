import { accountResource, defineCheck, verdict } from '../define-check.js';

export const iamRootMfaEnabled = defineCheck({
  id: 'iam-root-mfa-enabled',
  title: 'The root user has multi-factor authentication enabled',
  service: 'iam',
  resourceType: 'AwsAccount',
  srmClass: 'account',
  obligation: 'identity-mfa',
  severity: 'critical',
  // GetAccountSummary answers for root on every partition and emulator; the credential report's
  // root row says the same but is not needed for the verdict.
  requires: ['iam.accountSummary'],
  compliance: [
    { framework: 'aws-fsbp', control: 'IAM.9' },
    { framework: 'cis-aws-3.0', control: '1.5' },
    { framework: 'cis-aws-4.0', control: '1.5' },
  ],
  risk: 'The root user can do anything in the account, including closing it; with only a password, one phished or reused password hands all of that to an attacker.',
  remediation: {
    text: 'Sign in as the root user and assign an MFA device (preferably a hardware security key) under Security credentials.',
    cli: 'aws iam get-account-summary --query SummaryMap.AccountMFAEnabled',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-virt-mfa-for-root.html',
  },
  evaluate: (inventory) => {
    const { accountMfaEnabled } = inventory.iam.accountSummary;
    return [
      verdict(
        accountMfaEnabled,
        accountResource(inventory),
        `The root user of account ${inventory.accountId} has MFA enabled (GetAccountSummary AccountMFAEnabled is 1).`,
        `The root user of account ${inventory.accountId} has no MFA device (GetAccountSummary AccountMFAEnabled is 0).`,
      ),
    ];
  },
});
