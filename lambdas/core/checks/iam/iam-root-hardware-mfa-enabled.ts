import { accountResource, defineCheck, fail, pass } from '../define-check.js';

export const iamRootHardwareMfaEnabled = defineCheck({
  id: 'iam-root-hardware-mfa-enabled',
  title: 'The root user uses a hardware MFA device',
  service: 'iam',
  resourceType: 'AwsAccount',
  srmClass: 'account',
  obligation: 'identity-mfa',
  severity: 'critical',
  requires: ['iam.accountSummary', 'iam.virtualMfaDevices'],
  compliance: [
    { framework: 'aws-fsbp', control: 'IAM.6' },
    { framework: 'cis-aws-3.0', control: '1.6' },
    { framework: 'cis-aws-4.0', control: '1.6' },
  ],
  risk: 'A virtual MFA app lives on a phone or laptop that can be lost, cloned or compromised together with the root password; a hardware key or FIDO security key cannot be copied.',
  remediation: {
    text: 'Sign in as the root user, assign a hardware TOTP token or FIDO security key, then deactivate and delete the virtual MFA device.',
    cli: 'aws iam list-virtual-mfa-devices --assignment-status Assigned --query "VirtualMFADevices[?ends_with(User.Arn, \':root\')]"',
    url: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-hw-mfa-for-root.html',
  },
  evaluate: (inventory) => {
    const account = accountResource(inventory);
    const rootArn = account.arn;
    const root = `The root user of account ${inventory.accountId}`;
    if (!inventory.iam.accountSummary.accountMfaEnabled) {
      return [fail(account, `${root} has no MFA device at all, hardware or virtual (AccountMFAEnabled is 0).`)];
    }
    // An MFA-enabled root with no virtual device assigned to it must be using a hardware token or security key.
    const virtual = inventory.iam.virtualMfaDevices.filter((d) => d.userArn === rootArn);
    if (virtual.length > 0) {
      return [fail(account, `${root} uses the virtual MFA device ${virtual.map((d) => d.serialNumber).join(', ')}.`)];
    }
    return [pass(account, `${root} has MFA enabled and no virtual MFA device assigned, so it uses a hardware device.`)];
  },
});
