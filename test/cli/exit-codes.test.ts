import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = async (...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> => {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['bin/srm-scan.js', ...args], {
      cwd: join(import.meta.dirname, '../..'),
      // Nothing may reach AWS from this test: an unroutable endpoint and fake keys.
      env: {
        ...process.env,
        AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        AWS_ACCESS_KEY_ID: 'x',
        AWS_SECRET_ACCESS_KEY: 'y',
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

describe('CLI: srm-scan exit codes', () => {
  it('exits 2 and names the field for a bad region', async () => {
    // Prepare
    const args = ['scan', '--regions', 'mars-1'];

    // Act
    const { code, stderr } = await run(...args);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain('regions.0: must be an AWS region name');
  });

  it('exits 2 for an unknown output format', async () => {
    // Prepare
    const args = ['scan', '--format', 'xml'];

    // Act
    const { code, stderr } = await run(...args);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain("argument 'xml' is invalid");
  });

  it('exits 1 when the scan cannot start, saying why', async () => {
    // Prepare
    const args = ['scan', '--regions', 'eu-west-1'];

    // Act
    const { code, stderr } = await run(...args);

    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain('Could not identify the AWS account (sts:GetCallerIdentity)');
  });

  it('prints the least-privilege policy for a selection', async () => {
    // Prepare
    const args = ['iam-policy', '--checks', 'kms-*'];

    // Act
    const { code, stdout } = await run(...args);

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
    ]);
  });
});
