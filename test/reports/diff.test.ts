import { describe, expect, it } from 'vitest';
import { diffReports, type ScanDiff, withGate } from '../../lambdas/core/diff/compare.js';
import { readComparedInput } from '../../lambdas/core/diff/input.js';
import type { Finding, ScanReport } from '../../lambdas/core/findings/model.js';
import { renderDiffJson } from '../../lambdas/core/reports/diff/json.js';
import { escapeMarkdown, markdownCode, renderDiffMarkdown } from '../../lambdas/core/reports/diff/markdown.js';
import { renderDiffTable } from '../../lambdas/core/reports/diff/table.js';
import { renderJson } from '../../lambdas/core/reports/json.js';
import { terminalSafe } from '../../lambdas/core/reports/terminal.js';
import { CHECK_A, CHECK_B, finding, report } from '../helpers/findings.js';

const BUCKET = 'arn:aws:s3:::data';
const VOLUME = 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1';
const HOSTILE =
  'Volume <img src=x onerror=alert(1)> | `rm` [click](https://evil.example) @org/security *x* is unencrypted.';

const volume = (status: Finding['status'], overrides: Partial<Finding> = {}) =>
  finding(CHECK_B, VOLUME, status, { srmClass: 'infrastructure', obligation: 'data-protection', ...overrides });

const compare = (before: ScanReport, after: ScanReport): ScanDiff =>
  diffReports(
    readComparedInput('before.json', JSON.parse(renderJson(before))),
    readComparedInput('after.json', JSON.parse(renderJson(after))),
  );

/** One NEW, one REGRESSED with a hostile message, one RESOLVED, one check that ran only in AFTER's scan. */
const sample = (): ScanDiff =>
  compare(
    report([finding(CHECK_A, BUCKET, 'FAIL'), volume('PASS')], { checks: [CHECK_A, CHECK_B] }),
    report(
      [
        finding(CHECK_A, BUCKET, 'PASS'),
        finding(CHECK_A, 'arn:aws:s3:::fresh', 'FAIL', { severity: 'critical' }),
        volume('FAIL', { message: HOSTILE }),
      ],
      { checks: [CHECK_A, CHECK_B, 'iam-root-mfa'] },
    ),
  );

/** The cells of a Markdown table row, split at unescaped pipes as GitHub does. */
const cells = (line: string): string[] =>
  line
    .replace(/^\| /, '')
    .replace(/ \|$/, '')
    .split(/(?<!\\)\| /);

describe('Function: renderDiffTable', () => {
  it('lists the changes by SRM class and obligation with the counts, the scope warnings and the gate', () => {
    // Prepare
    const diff = withGate(sample(), 'high');

    // Act
    const text = renderDiffTable(diff);

    // Assess
    expect(text).toContain('Changes:   NEW 1 · REGRESSED 1 · RESOLVED 1');
    expect(text).toContain('! The scans ran different checks: 1 check only in AFTER (iam-root-mfa).');
    expect(text.indexOf('━━ INFRASTRUCTURE SERVICES ━━ REGRESSED 1')).toBeLessThan(
      text.indexOf('━━ ABSTRACTED SERVICES ━━ NEW 1 · RESOLVED 1'),
    );
    expect(text).toContain('  Data protection (encryption, secrets) — REGRESSED 1');
    expect(text).toMatch(/REGRESSED\s+high\s+ec2-volume-encrypted {2}vol-1 \(us-east-1\)/);
    expect(text).toContain('passes now (was failing): arn:aws:s3:::data is compliant.');
    expect(text).toContain('Gate --fail-on-new high: met, 2 NEW or REGRESSED finding(s) at or above high.');
  });

  it('summarises NOT OBSERVED findings by reason instead of listing them', () => {
    // Prepare
    const before = report([volume('FAIL'), finding(CHECK_A, BUCKET, 'FAIL', { region: 'eu-west-1' })], {
      checks: [CHECK_A, CHECK_B],
      regions: ['us-east-1', 'eu-west-1'],
    });
    const after = report([volume('FAIL')], { checks: [CHECK_A, CHECK_B], regions: ['us-east-1'] });
    const diff = compare(before, after);

    // Act
    const text = renderDiffTable(diff);
    const markdown = renderDiffMarkdown(diff);

    // Assess
    expect(diff.counts['not-observed']).toBe(1);
    expect(text).not.toContain('NOT OBSERVED    ');
    expect(text).toContain(
      "Not observed (1): failing or not evaluated in BEFORE, outside AFTER's scope (region not scanned 1)",
    );
    expect(markdown).not.toContain('| **NOT OBSERVED** |');
    expect(markdown).toContain(
      "*Not observed (1): failing or not evaluated in BEFORE, outside AFTER's scope (region not scanned 1)",
    );
  });

  it('says so when nothing changed', () => {
    // Prepare
    const same = report([finding(CHECK_A, BUCKET, 'FAIL')]);

    // Act
    const text = renderDiffTable(compare(same, same));

    // Assess
    expect(text).toContain('Changes:   none');
    expect(text).toContain('Unchanged: still failing 1');
    expect(text).toContain('No finding changed between the two reports.');
  });
});

describe('Function: renderDiffMarkdown', () => {
  it('renders a hostile message as inert text: no HTML, code, link, mention or extra table cell', () => {
    // Prepare
    const diff = sample();

    // Act
    const markdown = renderDiffMarkdown(diff);

    // Assess
    const line = markdown.split('\n').find((l) => l.startsWith('| **REGRESSED**')) ?? '';
    expect(cells(line)).toHaveLength(6);
    expect(line).not.toContain('<img');
    expect(line).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(line).toContain('\\| \\`rm\\` \\[click\\](https:\\/\\/evil.example)');
    expect(line).toContain('@\u2060org/security \\*x\\*');
  });

  it('heads the comment with the counts, the reports, the warnings and one table per class and obligation', () => {
    // Prepare
    const diff = withGate(sample(), 'critical');

    // Act
    const markdown = renderDiffMarkdown(diff);

    // Assess
    expect(markdown.startsWith('## srm-scan diff: 1 new, 1 regressed, 1 resolved\n')).toBe(true);
    expect(markdown).toContain('**Before:** `before.json` · scan `');
    expect(markdown).toContain(
      '> **Scope warning:** The scans ran different checks: 1 check only in AFTER (iam-root-mfa).',
    );
    expect(markdown).toContain(
      '**Gate --fail-on-new critical: met, 1 NEW or REGRESSED finding(s) at or above critical.**',
    );
    expect(markdown).toContain('### Infrastructure services');
    expect(markdown).toContain('**Data protection (encryption, secrets)**');
    expect(markdown).toContain('| **NEW** | critical | `s3-bucket-versioning-enabled` | `fresh` | us-east-1 |');
  });

  it('lists the most important changes first when there are more than the row limit, and says how many are left out', () => {
    // Prepare
    const diff = sample();

    // Act
    const markdown = renderDiffMarkdown(diff, { maxRows: 2 });

    // Assess
    expect(markdown).toContain('| **NEW** |');
    expect(markdown).toContain('| **REGRESSED** |');
    expect(markdown).not.toContain('| **RESOLVED** |');
    expect(markdown).toContain('*1 more change(s) not listed');
    expect(markdown).toContain('**Changes:** NEW 1 · REGRESSED 1 · RESOLVED 1');
  });
});

describe('Function: escapeMarkdown / markdownCode', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['a\\|b', 'a\\\\\\|b'],
    ['`code`', '\\`code\\`'],
    ['[x](y)', '\\[x\\](y)'],
    ['<script>&', '&lt;script&gt;&amp;'],
    ['line\nbreak', 'line break'],
    ['see http://x.example or www.x.example', 'see http:\\/\\/x.example or www\\.x.example'],
    ['$x$ ~y~ _z_', '\\$x\\$ \\~y\\~ \\_z\\_'],
  ])('escapes %j as %j', (text, escaped) => {
    // Act
    const result = escapeMarkdown(text);

    // Assess
    expect(result).toBe(escaped);
  });

  it.each([
    ['arn:aws:s3:::my-bucket', '`arn:aws:s3:::my-bucket`'],
    ['<b>name</b> [x](y) @team', '`<b>name</b> [x](y) @team`'],
    ['new|`x`', 'new\\|\\`x\\`'],
    ['back\\slash', 'back\\\\slash'],
    [' edge', ' edge'],
  ])('puts %j in a code span only when nothing can end it', (text, rendered) => {
    // Act
    const result = markdownCode(text);

    // Assess
    expect(result).toBe(rendered);
  });
});

describe('Function: renderDiffJson', () => {
  it('writes the documented shape, with the gate when asked for', () => {
    // Prepare
    const diff = withGate(sample(), 'high');

    // Act
    const parsed = JSON.parse(renderDiffJson(diff));

    // Assess
    expect(Object.keys(parsed)).toEqual([
      'schemaVersion',
      'before',
      'after',
      'warnings',
      'counts',
      'unchanged',
      'changes',
      'severityChanges',
      'gate',
    ]);
    expect(parsed.gate).toEqual({ failOnNew: 'high', findings: 2, met: true });
    expect(parsed.changes[0]).toMatchObject({
      kind: 'regressed',
      cause: 'passed-before',
      checkId: CHECK_B,
      resourceArn: VOLUME,
      before: { status: 'PASS' },
      after: { status: 'FAIL', message: HOSTILE },
    });
  });
});

describe('Function: terminalSafe', () => {
  it('replaces control characters and escape sequences, keeping line breaks', () => {
    // Prepare
    const hostile = 'bucket\u001b[2J\u001b]0;pwned\u0007 name\r\u009b31m\nnext';

    // Act
    const safe = terminalSafe(hostile);

    // Assess
    expect(safe).toBe('bucket?[2J?]0;pwned? name??31m\nnext');
  });

  it('replaces the bidirectional controls and line separators that reorder or break what the reader sees', () => {
    // Prepare: a right-to-left override makes "logs-gpj.exe" read as "logs-exe.jpg".
    const hostile = 'logs-\u202egpj.exe\u202c \u2066a\u2069\u200f\u2028b';

    // Act
    const safe = terminalSafe(hostile);

    // Assess
    expect(safe).toBe('logs-?gpj.exe? ?a???b');
  });
});
