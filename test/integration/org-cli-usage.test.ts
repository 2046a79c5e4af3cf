import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Organisation-mode usage errors from the compiled CLI: exit 2, the message names the flag, nothing reaches AWS
 * (the endpoint is a closed loopback port).
 */
describe('CLI: organisation-mode usage errors', () => {
  it.each([
    [['scan', '--accounts', '1234'], '--accounts: "1234" is not a 12-digit AWS account id'],
    [['scan', '--accounts', '111111111111,abc'], '--accounts: "abc" is not a 12-digit AWS account id'],
    [['scan', '--accounts', '111111111111', '--org'], "option '--accounts <ids>' cannot be used with option '--org'"],
    [['scan', '--ou', 'ou-abcd-12345678'], '--ou needs --org'],
    [['scan', '--org', '--ou', 'engineering'], '--ou: "engineering" is not an organisational unit id'],
    [['scan', '--role-name', 'Reader'], '--role-name applies to member accounts only: add --accounts <ids> or --org'],
    [['scan', '--external-id', 'x1', '--max-parallel-accounts', '2'], '--external-id, --max-parallel-accounts apply'],
    [
      ['scan', '--accounts', '111111111111', '--role-name', 'bad/name'],
      '--role-name: "bad/name" is not an IAM role name',
    ],
    [['scan', '--accounts', '111111111111', '--external-id', 'x'], '--external-id: "x" is not an external id'],
    [
      ['scan', '--accounts', '111111111111', '--max-parallel-accounts', '0'],
      '--max-parallel-accounts must be a whole number of at least 1',
    ],
    [
      ['scan', '--accounts', '111111111111', '--alert-topic-arn', 'arn:aws:sns:us-east-1:123456789012:t'],
      '--alert-topic-arn needs --findings-table',
    ],
    [['member-role-template', '--scanner-principal', '123456789012'], '--scanner-principal: "123456789012" is not'],
    [['member-role-template', '--external-id', 'a b'], '--external-id: "a b" is not an external id'],
  ])('exits 2 for %j, saying %s', async (args, message) => {
    // Act
    const { code, stderr } = await runCli(args);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('prints the member-role template for a selection as JSON', async () => {
    // Act
    const { code, stdout } = await runCli([
      'member-role-template',
      '--services',
      's3',
      '--scanner-principal',
      'arn:aws:iam::999999999999:role/scanner',
    ]);

    // Assess
    expect(code).toBe(0);
    const template = JSON.parse(stdout) as { Resources: Record<string, { Type: string }> };
    expect(template.Resources.SrmScanReaderRole?.Type).toBe('AWS::IAM::Role');
  });
});
