import { defineCheck, verdict } from '../define-check.js';
import { reportNote, userLabel } from './credential-report.js';

export const iamUserConsoleMfaEnabled = defineCheck({
  id: 'iam-user-console-mfa-enabled',
  title: 'IAM users with a console password have MFA enabled',
  service: 'iam',
  resourceType: 'AwsIamUser',
  srmClass: 'account',
  obligation: 'identity-mfa',
  severity: 'high',
  requires: ['iam.credentialReport'],
  compliance: [
    { framework: 'aws-fsbp', control: 'IAM.5' },
    { framework: 'aws-fsbp', control: 'IAM.19' },
    { framework: 'cis-aws-3.0', control: '1.10' },
    { framework: 'cis-aws-4.0', control: '1.10' },
  ],
  risk: 'A console password alone falls to phishing, reuse and guessing; MFA stops a stolen password from becoming a console session.',
  remediation: {
    text: 'Have the user register an MFA device (a FIDO security key or authenticator app), and require MFA with an IAM policy condition until they do.',
    cli: 'aws iam enable-mfa-device --user-name <user> --serial-number <mfa-device-arn> --authentication-code1 <code1> --authentication-code2 <code2>',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable_virtual.html',
  },
  evaluate: (inventory) => {
    const report = inventory.iam.credentialReport;
    return report.users
      .filter((user) => user.passwordEnabled === true)
      .map((user) =>
        verdict(
          user.mfaActive,
          user,
          `${userLabel(user)} has a console password and an active MFA device ${reportNote(report)}.`,
          `${userLabel(user)} has a console password but no MFA device ${reportNote(report)}.`,
        ),
      );
  },
});
