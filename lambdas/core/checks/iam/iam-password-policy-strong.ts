import { accountResource, defineCheck, fail, verdict } from '../define-check.js';

/** CIS 1.8 asks for 14 characters and 1.9 for reuse prevention; FSBP IAM.7/IAM.11–16 for the character classes and 24 remembered passwords. */
const MIN_LENGTH = 14;
const MIN_REUSE_PREVENTION = 24;

export const iamPasswordPolicyStrong = defineCheck({
  id: 'iam-password-policy-strong',
  title:
    'The account password policy requires 14+ characters, all character classes and prevents reuse of 24 passwords',
  service: 'iam',
  resourceType: 'AwsAccount',
  srmClass: 'account',
  obligation: 'identity-mfa',
  severity: 'medium',
  requires: ['iam.passwordPolicy'],
  compliance: [
    { framework: 'aws-fsbp', control: 'IAM.7' },
    { framework: 'aws-fsbp', control: 'IAM.11' },
    { framework: 'aws-fsbp', control: 'IAM.12' },
    { framework: 'aws-fsbp', control: 'IAM.13' },
    { framework: 'aws-fsbp', control: 'IAM.14' },
    { framework: 'aws-fsbp', control: 'IAM.15' },
    { framework: 'aws-fsbp', control: 'IAM.16' },
    { framework: 'cis-aws-3.0', control: '1.8' },
    { framework: 'cis-aws-3.0', control: '1.9' },
    { framework: 'cis-aws-4.0', control: '1.8' },
    { framework: 'cis-aws-4.0', control: '1.9' },
  ],
  risk: 'Short, simple or recycled IAM user passwords are guessed or replayed from other breaches; the account policy is the only thing that stops users from choosing them.',
  remediation: {
    text: 'Set an account password policy that requires at least 14 characters, upper- and lowercase letters, numbers and symbols, and remembers the last 24 passwords.',
    cli: 'aws iam update-account-password-policy --minimum-password-length 14 --require-uppercase-characters --require-lowercase-characters --require-numbers --require-symbols --password-reuse-prevention 24',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_passwords_account-policy.html',
  },
  evaluate: (inventory) => {
    const account = accountResource(inventory);
    const policy = inventory.iam.passwordPolicy;
    if (policy === null) {
      return [
        fail(
          account,
          `Account ${inventory.accountId} has no IAM password policy, so IAM users may choose any password AWS's defaults accept and reuse old ones.`,
        ),
      ];
    }
    const gaps = [
      ...(policy.minimumLength < MIN_LENGTH ? [`minimum length is ${policy.minimumLength} (needs ${MIN_LENGTH})`] : []),
      ...(policy.requireUppercase ? [] : ['uppercase letters are not required']),
      ...(policy.requireLowercase ? [] : ['lowercase letters are not required']),
      ...(policy.requireNumbers ? [] : ['numbers are not required']),
      ...(policy.requireSymbols ? [] : ['symbols are not required']),
      ...((policy.reusePrevention ?? 0) < MIN_REUSE_PREVENTION
        ? [
            policy.reusePrevention === undefined
              ? `password reuse prevention is off (needs ${MIN_REUSE_PREVENTION})`
              : `password reuse prevention remembers ${policy.reusePrevention} passwords (needs ${MIN_REUSE_PREVENTION})`,
          ]
        : []),
    ];
    return [
      verdict(
        gaps.length === 0,
        account,
        `Account ${inventory.accountId}'s password policy requires ${policy.minimumLength}+ characters with upper, lower, numbers and symbols and prevents reuse of ${policy.reusePrevention} passwords.`,
        `Account ${inventory.accountId}'s password policy is weak: ${gaps.join('; ')}.`,
      ),
    ];
  },
});
