import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, startCli } from '../helpers/cli.js';

/**
 * The exit-code contract, run against the compiled CLI as a user runs it: 0 the command ran, 1 a gate was met or the
 * scan could not run, 2 bad usage (the message names the flag). Nothing here reaches AWS: the endpoint is a closed
 * loopback port. The gates that need a scanned account (`--fail-on-error`, region validation) are in
 * test/integration/cli.test.ts against the emulator.
 */
const dir = mkdtempSync(join(tmpdir(), 'srm-scan-cli-'));
const version = (
  JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }
).version;

describe('CLI: srm-scan exit codes', () => {
  it.each([['--version'], ['-V']])('prints the package version for %s and exits 0', async (flag) => {
    // Act
    const { code, stdout } = await runCli([flag]);

    // Assess
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(version);
  });

  it.each([
    [['scan', '--regions', 'mars-1'], '--regions: "mars-1" is not an AWS region name'],
    [['scan', '--regions', ''], '--regions needs at least one value'],
    [['scan', '--format', 'xml'], "argument 'xml' is invalid"],
    [['scan', '--pass-results', 'none'], "argument 'none' is invalid. Allowed choices are store, count."],
    [['scan', '--history-ttl-days', '-1'], '--history-ttl-days must be a whole number of at least 1, got "-1"'],
    [['scan', '--history-ttl-days', 'ten'], '--history-ttl-days must be a whole number of at least 1, got "ten"'],
    [
      ['scan', '--services', 'rds', '--srm-class', 'account'],
      'The selection --services rds, --srm-class account matches no check',
    ],
    [['scan', '--exclude-checks', 'nothing-*'], '--exclude-checks: "nothing-*" matches no check id'],
    [['scan', '--checks', 's4-*'], '--checks: "s4-*" matches no check id'],
    [['scan', '--alert-topic-arn', 'arn:aws:sns:us-east-1:123456789012:t'], '--alert-topic-arn needs --findings-table'],
    [['scan', '--event-bus', 'default'], '--event-bus needs --findings-table'],
    [['scan', '--alert-chat'], '--alert-chat needs --alert-topic-arn'],
    [
      ['iam-policy', '--srm-class', 'acount'],
      '--srm-class: "acount" is not one of infrastructure, container, abstracted, account',
    ],
    [['checks', '--services', 'nope'], '--services: "nope" is not a service srm-scan checks'],
    [['scan', '--services', 'nope'], '--services: "nope" is not a service srm-scan checks'],
    [
      ['iam-policy', '--services', 'rds', '--srm-class', 'account'],
      'The selection --services rds, --srm-class account',
    ],
  ])('exits 2 for %j, saying %s', async (args, message) => {
    // Act
    const { code, stderr } = await runCli(args);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('checks --output before the scan starts and names the flag', async () => {
    // Prepare
    const output = join(dir, 'missing-folder', 'report.json');

    // Act
    const { code, stderr } = await runCli(['scan', '--output', output]);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(`--output: cannot write ${output}`);
    expect(stderr).not.toContain('sts:GetCallerIdentity');
  });

  it('names a missing --profile and the files it looked in', async () => {
    // Prepare
    const config = join(dir, 'config');
    const credentials = join(dir, 'credentials');
    writeFileSync(config, '[profile audit]\nregion = eu-west-1\n');
    writeFileSync(credentials, '[default]\naws_access_key_id = x\naws_secret_access_key = y\n');

    // Act
    const { code, stderr } = await runCli(['scan', '--profile', 'audti'], {
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: credentials,
    });

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(`profile "audti" is not defined in ${config}`);
    expect(stderr).toContain(credentials);
  });

  it('exits 1 when the endpoint cannot be reached, saying so instead of blaming the credentials', async () => {
    // Act
    const { code, stderr } = await runCli(['scan', '--regions', 'eu-west-1']);

    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain('Could not identify the AWS account (sts:GetCallerIdentity in us-east-1)');
    expect(stderr).toContain('could not reach the endpoint (connect ECONNREFUSED 127.0.0.1:9)');
  });

  it('exits 1 when no credentials can be found, naming where it looked', async () => {
    // Prepare
    const empty = mkdtempSync(join(tmpdir(), 'srm-scan-home-'));

    // Act
    const { code, stderr } = await runCli(['scan', '--regions', 'eu-west-1'], {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_PROFILE: undefined,
      HOME: empty,
      AWS_CONFIG_FILE: join(empty, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(empty, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });

    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain('no AWS credentials were found');
  });

  it('prints the least-privilege policy for a selection', async () => {
    // Act
    const { code, stdout } = await runCli(['iam-policy', '--checks', 'kms-*']);

    // Assess
    expect(code).toBe(0);
    const policy = JSON.parse(stdout) as { Statement: { Action: string[] }[] };
    expect(policy.Statement[0]?.Action).toEqual([
      'ec2:DescribeRegions',
      'kms:DescribeKey',
      'kms:GetKeyPolicy',
      'kms:GetKeyRotationStatus',
      'kms:ListAliases',
      'kms:ListKeys',
      'sts:GetCallerIdentity',
      // The coverage map's service discovery, whatever the selection.
      'tag:GetResources',
    ]);
  });

  it('lists only the checks a selection runs', async () => {
    // Act
    const { code, stdout } = await runCli(['checks', '--services', 'kms']);

    // Assess
    expect(code).toBe(0);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((line) => line.split(/\s+/)[0]),
    ).toEqual(['kms-key-not-pending-deletion', 'kms-key-not-public', 'kms-key-rotation-enabled']);
  });

  it('ends quietly when its reader closes the pipe early (srm-scan checks | head -1)', async () => {
    // Prepare
    const child = startCli(['checks', '--format', 'json']);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });

    // Act
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));

    // Assess
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });
});
