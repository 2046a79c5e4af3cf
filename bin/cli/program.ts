import { Command, Option } from 'commander';
import { PASS_RESULTS } from '../../lambdas/core/findings/table-schema.js';
import { TOOL_VERSION } from '../../lambdas/core/model/version.js';
import { NOTIFY_ON, SEVERITIES } from '../../lambdas/core/srm/vocabulary.js';
import type { CoverageFlags } from './coverage-command.js';
import { positiveInteger, regionList } from './options.js';
import { assertWritable, emit } from './output.js';
import type { ScanFlags } from './resolve-config.js';
import { SELECTION_FLAGS, type SelectionFlags, selectionFromFlags, withSelectionOptions } from './selection.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  setExitCode: (code: number) => void;
}

/**
 * The catalogue and the scan modules load every check and every SDK client: they are imported by the commands that
 * use them, so `srm-scan --help` and `--version` start in a fraction of that time.
 */
const loadCatalogue = async () => {
  const [{ CHECKS }, { selectChecks }] = await Promise.all([
    import('../../lambdas/core/checks/registry.js'),
    import('../../lambdas/core/engine/select.js'),
  ]);
  return {
    checks: CHECKS,
    select: (flags: SelectionFlags) => selectChecks(CHECKS, selectionFromFlags(flags), SELECTION_FLAGS),
  };
};

/** What to scan and how: the options `scan` and `coverage` share, with the check selection. */
const withScanOptions = (command: Command): Command =>
  withSelectionOptions(
    command
      .option('--config <file>', 'configuration file (JSON), overridden by flags')
      .option('--profile <name>', 'AWS profile from the shared config files')
      .option(
        '--regions <regions>',
        'regions to scan, comma-separated (default: every enabled region)',
        regionList('--regions'),
      )
      .option(
        '--allowed-regions <regions>',
        'regions where data may live (data residency)',
        regionList('--allowed-regions'),
      ),
  );

/** The `srm-scan` command line. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('srm-scan')
    .description(
      'Checks an AWS account, resource by resource, against the customer side of the Shared Responsibility Model.',
    )
    .version(TOOL_VERSION, '-V, --version', 'print the version')
    .showHelpAfterError()
    // Set before the subcommands are added: they inherit it, so usage errors reach main's handler.
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  withScanOptions(
    program.command('scan').description('scan the account of the current credentials (standard AWS credential chain)'),
  )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--output <file>', 'write the report to a file instead of stdout (checked before the scan starts)')
    .option('--show-passes', 'list PASS findings in the table instead of counting them')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when an unsuppressed FAIL at or above this severity exists').choices(
        SEVERITIES,
      ),
    )
    .option('--fail-on-error', 'exit 1 when any selected check could not be evaluated for some scope (ERROR)')
    .option('--findings-table <name>', 'DynamoDB table to keep the findings lifecycle in')
    .option(
      '--alert-topic-arn <arn>',
      'SNS topic for the digest of new and regressed findings (needs --findings-table)',
    )
    .option('--suppressions <file>', 'suppressions file (JSON array)')
    .addOption(
      new Option('--min-alert-severity <severity>', 'lowest severity that triggers an alert')
        .choices(SEVERITIES)
        .default('high'),
    )
    .addOption(new Option('--notify-on <when>', 'when to send the digest').choices(NOTIFY_ON).default('changes'))
    .option('--history-ttl-days <days>', 'days to keep resolved history', positiveInteger('--history-ttl-days'))
    .addOption(
      new Option(
        '--pass-results <mode>',
        'what the findings table keeps of PASS results: a state each (store) or only per-check counts (count)',
      ).choices(PASS_RESULTS),
    )
    .action(async (flags: ScanFlags) => {
      const { runScanCommand } = await import('./scan-command.js');
      const { exitCode } = await runScanCommand(flags, io);
      io.setExitCode(exitCode);
    });

  withScanOptions(
    program
      .command('coverage')
      .description(
        'list the services this account uses with what you owe for each and which obligations srm-scan checked (scans, or reads --report)',
      )
      .option('--report <file>', 'read the map from a JSON report written by `srm-scan scan --format json`'),
  )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--output <file>', 'write to a file instead of stdout')
    .action(async (flags: CoverageFlags) => {
      const { runCoverageCommand } = await import('./coverage-command.js');
      io.setExitCode(await runCoverageCommand(flags, io));
    });

  withSelectionOptions(
    program
      .command('checks')
      .description('list the check catalogue (or the checks a selection runs)')
      .addOption(
        new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'),
      )
      .option('--output <file>', 'write to a file instead of stdout'),
  ).action(async (flags: SelectionFlags & { format: 'table' | 'json' | 'markdown'; output?: string }) => {
    if (flags.output) await assertWritable(flags.output);
    const [catalogue, reports] = await Promise.all([
      loadCatalogue(),
      import('../../lambdas/core/reports/catalogue.js'),
    ]);
    const render = { table: reports.catalogueTable, json: reports.catalogueJson, markdown: reports.catalogueMarkdown }[
      flags.format
    ];
    await emit(io.stdout, render(catalogue.select(flags)), flags.output);
  });

  withSelectionOptions(
    program
      .command('iam-policy')
      .description('print the least-privilege, read-only IAM policy the selected checks need')
      .option('--output <file>', 'write to a file instead of stdout'),
  ).action(async (flags: SelectionFlags & { output?: string }) => {
    if (flags.output) await assertWritable(flags.output);
    const [catalogue, { COLLECTORS }, { requiredActions, scannerPolicyDocument }] = await Promise.all([
      loadCatalogue(),
      import('../../lambdas/core/collectors/index.js'),
      import('../../lambdas/core/engine/permissions.js'),
    ]);
    const policy = scannerPolicyDocument(requiredActions(catalogue.select(flags), COLLECTORS));
    await emit(io.stdout, `${JSON.stringify(policy, null, 2)}\n`, flags.output);
  });

  program
    .command('demo')
    .description('scan an embedded emulated account (needs moto_server) and write demo-report.json')
    .action(async () => {
      const { runDemoCommand } = await import('./demo-command.js');
      io.setExitCode(await runDemoCommand(io));
    });

  return program;
}
