import { accountResource, defineCheck, verdict } from '../define-check.js';

export const iamRootNoAccessKeys = defineCheck({
  id: 'iam-root-no-access-keys',
  title: 'The root user has no access keys',
  service: 'iam',
  resourceType: 'AwsAccount',
  srmClass: 'account',
  obligation: 'identity-mfa',
  severity: 'critical',
  // GetAccountSummary's AccountAccessKeysPresent covers active and inactive root keys; requiring the
  // credential report as well would turn this verdict into ERROR wherever the report lacks a root row.
  requires: ['iam.accountSummary'],
  compliance: [
    { framework: 'aws-fsbp', control: 'IAM.4' },
    { framework: 'cis-aws-3.0', control: '1.4' },
    { framework: 'cis-aws-4.0', control: '1.4' },
  ],
  risk: 'A root access key gives unrestricted, MFA-free programmatic control of the whole account; if it leaks from a script or laptop, nothing in IAM can limit it.',
  remediation: {
    text: 'Sign in as the root user, replace any automation that uses the root key with an IAM role, then delete the root access keys.',
    cli: 'aws iam delete-access-key --access-key-id <root-access-key-id>',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html',
  },
  evaluate: (inventory) => {
    const { accountAccessKeysPresent } = inventory.iam.accountSummary;
    return [
      verdict(
        !accountAccessKeysPresent,
        accountResource(inventory),
        `The root user of account ${inventory.accountId} has no access keys (GetAccountSummary AccountAccessKeysPresent is 0).`,
        `The root user of account ${inventory.accountId} has access keys (GetAccountSummary AccountAccessKeysPresent is 1).`,
      ),
    ];
  },
});
