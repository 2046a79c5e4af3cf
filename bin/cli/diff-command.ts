import { readFile } from 'node:fs/promises';
import { diffReports, withGate } from '../../lambdas/core/diff/compare.js';
import { type ComparedInput, readComparedInput } from '../../lambdas/core/diff/input.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import type { DiffFormat } from '../../lambdas/core/reports/diff/formats.js';
import { renderDiffJson } from '../../lambdas/core/reports/diff/json.js';
import { renderDiffMarkdown } from '../../lambdas/core/reports/diff/markdown.js';
import { renderDiffTable } from '../../lambdas/core/reports/diff/table.js';
import { terminalSafe } from '../../lambdas/core/reports/terminal.js';
import type { Severity } from '../../lambdas/core/srm/vocabulary.js';
import { assertWritable, emit } from './output.js';
import type { ScanCommandIo } from './scan-command.js';

export interface DiffFlags {
  format: DiffFormat;
  output?: string;
  failOnNew?: Severity;
}

/**
 * Reads and validates one report file. Every problem with it is a usage problem (exit 2), named with the file and,
 * for an invalid report, the field: a missing or unreadable file, text that is not JSON, another schema version.
 */
async function readReport(path: string): Promise<ComparedInput> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'not readable'
            : (error as Error).message;
    throw new ConfigurationError(`${path}: cannot read the report (${reason}).`, { cause: error });
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${path}: not JSON (${(error as Error).message}).`, { cause: error });
  }
  return readComparedInput(path, document);
}

/**
 * `srm-scan diff BEFORE AFTER`: compares two JSON reports (single-account or organisation) finding by finding and
 * writes what changed. Exit codes: 0 compared (whatever changed), 1 with `--fail-on-new` when a NEW or REGRESSED
 * unsuppressed FAIL at or above the severity appeared, 2 for bad usage or a file that is not a comparable report.
 */
export async function runDiffCommand(
  beforePath: string,
  afterPath: string,
  flags: DiffFlags,
  io: ScanCommandIo,
): Promise<number> {
  if (flags.output) await assertWritable(flags.output);
  const [before, after] = await Promise.all([readReport(beforePath), readReport(afterPath)]);
  const compared = diffReports(before, after);
  const diff = flags.failOnNew ? withGate(compared, flags.failOnNew) : compared;
  const text =
    flags.format === 'json'
      ? renderDiffJson(diff)
      : flags.format === 'markdown'
        ? renderDiffMarkdown(diff)
        : renderDiffTable(diff);
  await emit(io.stdout, text, flags.output);
  if (flags.output) io.stderr.write(`Diff written to ${flags.output}\n`);
  // The table carries the warnings itself; for the other formats a person running the job sees them on stderr.
  if (flags.format !== 'table' || flags.output) {
    for (const warning of diff.warnings) io.stderr.write(`Scope warning: ${terminalSafe(warning.message)}\n`);
  }
  if (diff.gate?.met) {
    io.stderr.write(
      `Exiting with code 1: ${diff.gate.findings} NEW or REGRESSED unsuppressed finding(s) at or above ${diff.gate.failOnNew} (--fail-on-new).\n`,
    );
    return 1;
  }
  return 0;
}
