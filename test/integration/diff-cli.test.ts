import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderJson } from '../../lambdas/core/reports/json.js';
import { runCli } from '../helpers/cli.js';
import { CHECK_A, finding, report } from '../helpers/findings.js';

/**
 * `srm-scan diff` as a user runs it (the compiled CLI), on reports written as `scan --format json` writes them: the
 * exit-code contract (0 compared, 1 `--fail-on-new` met, 2 usage or a file that is not a comparable report) and
 * the outputs. The comparison on two real demo scans is in demo-lifecycle.test.ts.
 */
const dir = mkdtempSync(join(tmpdir(), 'srm-scan-diff-'));
const path = (name: string) => join(dir, name);

describe('CLI: srm-scan diff', () => {
  beforeAll(() => {
    const before = report([
      finding(CHECK_A, 'arn:aws:s3:::fixed', 'FAIL'),
      finding(CHECK_A, 'arn:aws:s3:::ok', 'PASS'),
    ]);
    const after = report([
      finding(CHECK_A, 'arn:aws:s3:::fixed', 'PASS'),
      finding(CHECK_A, 'arn:aws:s3:::ok', 'PASS'),
      finding(CHECK_A, 'arn:aws:s3:::fresh', 'FAIL', { severity: 'medium' }),
    ]);
    writeFileSync(path('before.json'), renderJson(before));
    writeFileSync(path('after.json'), renderJson(after));
    const old = JSON.parse(renderJson(before)) as { scan: { schemaVersion: string } };
    old.scan.schemaVersion = '1';
    writeFileSync(path('old.json'), JSON.stringify(old));
    writeFileSync(path('not-json.json'), '{"scan": ');
    mkdirSync(path('folder'));
  });

  it('exits 0 and prints the table of changes', async () => {
    // Act
    const { code, stdout, stderr } = await runCli(['diff', path('before.json'), path('after.json')]);

    // Assess
    expect(code).toBe(0);
    expect(stdout).toContain('Changes:   NEW 1 · RESOLVED 1');
    expect(stdout).toContain('━━ ABSTRACTED SERVICES ━━ NEW 1 · RESOLVED 1');
    expect(stderr).toBe('');
  });

  it('exits 1 with --fail-on-new when a new failure at or above the severity appeared, saying why', async () => {
    // Act
    const { code, stderr } = await runCli([
      'diff',
      path('before.json'),
      path('after.json'),
      '--format',
      'markdown',
      '--fail-on-new',
      'medium',
    ]);

    // Assess
    expect(code).toBe(1);
    expect(stderr).toContain(
      'Exiting with code 1: 1 NEW or REGRESSED unsuppressed finding(s) at or above medium (--fail-on-new).',
    );
  });

  it('exits 0 with --fail-on-new when the new failures are below the severity', async () => {
    // Act
    const { code, stdout } = await runCli(['diff', path('before.json'), path('after.json'), '--fail-on-new', 'high']);

    // Assess
    expect(code).toBe(0);
    expect(stdout).toContain('Gate --fail-on-new high: not met, 0 NEW or REGRESSED finding(s) at or above high.');
  });

  it('writes the JSON diff to --output', async () => {
    // Prepare
    const output = path('diff.json');

    // Act
    const { code, stdout, stderr } = await runCli([
      'diff',
      path('before.json'),
      path('after.json'),
      '--format',
      'json',
      '--output',
      output,
    ]);

    // Assess
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(`Diff written to ${output}`);
    const diff = JSON.parse(readFileSync(output, 'utf8')) as { counts: Record<string, number> };
    expect(diff.counts).toMatchObject({ new: 1, regressed: 0, resolved: 1 });
  });

  it.each([
    [['diff', path('before.json')], "error: missing required argument 'after'"],
    [
      ['diff', path('before.json'), path('missing.json')],
      `${path('missing.json')}: cannot read the report (no such file).`,
    ],
    [['diff', path('folder'), path('after.json')], `${path('folder')}: cannot read the report (is a directory).`],
    [['diff', path('before.json'), path('not-json.json')], `${path('not-json.json')}: not JSON (`],
    [
      ['diff', path('old.json'), path('after.json')],
      `${path('old.json')}: scan.schemaVersion is "1", this srm-scan compares reports of schema "2"`,
    ],
    [['diff', path('before.json'), path('after.json'), '--format', 'html'], "argument 'html' is invalid"],
    [['diff', path('before.json'), path('after.json'), '--fail-on-new', 'urgent'], "argument 'urgent' is invalid"],
    [
      ['diff', path('before.json'), path('after.json'), '--output', path('no/such/dir.json')],
      `--output: cannot write ${path('no/such/dir.json')}`,
    ],
  ])('exits 2 for %j, saying %s', async (args, message) => {
    // Act
    const { code, stderr } = await runCli(args);

    // Assess
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
