import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { CHECKS } from '../../lambdas/core/checks/registry.js';
import { COLLECTORS } from '../../lambdas/core/collectors/index.js';
import { requiredActions, scannerPolicyDocument } from '../../lambdas/core/engine/permissions.js';
import { selectChecks } from '../../lambdas/core/engine/select.js';
import { FRAMEWORKS, OBLIGATIONS, SEVERITIES, SRM_CLASSES } from '../../lambdas/core/model/types.js';
import { catalogueJson, catalogueMarkdown, catalogueTable } from '../../lambdas/core/reports/catalogue.js';
import { commaList, oneOf } from './options.js';
import { runScanCommand, type ScanFlags } from './scan-command.js';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  setExitCode: (code: number) => void;
}

const selectionOptions = (command: Command): Command =>
  command
    .option('--checks <globs>', 'check ids or globs, comma-separated (e.g. "s3-*,iam-root-*")', commaList)
    .option('--exclude-checks <globs>', 'check ids or globs to leave out', commaList)
    .option('--services <names>', 'services, comma-separated (s3,iam,ec2,…)', commaList)
    .option('--srm-class <classes>', `SRM classes: ${SRM_CLASSES.join(', ')}`, commaList)
    .option('--obligation <names>', `obligations: ${OBLIGATIONS.join(', ')}`, commaList)
    .option('--framework <ids>', `frameworks: ${FRAMEWORKS.join(', ')}`, commaList)
    .addOption(new Option('--min-severity <severity>', 'only checks at or above this severity').choices(SEVERITIES));

async function emit(io: CliIo, text: string, output: string | undefined): Promise<void> {
  if (output) await writeFile(output, text);
  else io.stdout.write(text);
}

/** The `srm-scan` command line. */
export function buildProgram(io: CliIo): Command {
  const program = new Command('srm-scan')
    .description(
      'Checks an AWS account, resource by resource, against the customer side of the Shared Responsibility Model.',
    )
    .showHelpAfterError()
    // Set before the subcommands are added: they inherit it, so usage errors reach main's handler.
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  selectionOptions(
    program
      .command('scan')
      .description('scan the account of the current credentials (standard AWS credential chain)')
      .option('--config <file>', 'configuration file (JSON), overridden by flags')
      .option('--profile <name>', 'AWS profile from the shared config files')
      .option('--regions <regions>', 'regions to scan, comma-separated (default: every enabled region)', commaList)
      .option('--allowed-regions <regions>', 'regions where data may live (data residency)', commaList),
  )
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .option('--show-passes', 'list PASS findings in the table instead of counting them')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a FAIL at or above this severity exists').choices(SEVERITIES),
    )
    .option('--findings-table <name>', 'DynamoDB table to keep the findings lifecycle in')
    .option('--alert-topic-arn <arn>', 'SNS topic for the digest of new and regressed findings')
    .option('--suppressions <file>', 'suppressions file (JSON array)')
    .addOption(
      new Option('--min-alert-severity <severity>', 'lowest severity that triggers an alert')
        .choices(SEVERITIES)
        .default('high'),
    )
    .addOption(
      new Option('--notify-on <when>', 'when to send the digest')
        .choices(['changes', 'always', 'never'])
        .default('changes'),
    )
    .option('--history-ttl-days <days>', 'days to keep resolved history', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new Error('--history-ttl-days must be a positive integer.');
      return n;
    })
    .action(async (flags: ScanFlags) => {
      const { exitCode } = await runScanCommand(flags, io);
      io.setExitCode(exitCode);
    });

  program
    .command('checks')
    .description('list the check catalogue')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .option('--output <file>', 'write to a file instead of stdout')
    .action(async (flags: { format: 'table' | 'json' | 'markdown'; output?: string }) => {
      const render = { table: catalogueTable, json: catalogueJson, markdown: catalogueMarkdown }[flags.format];
      await emit(io, render(CHECKS), flags.output);
    });

  selectionOptions(
    program
      .command('iam-policy')
      .description('print the least-privilege, read-only IAM policy the selected checks need')
      .option('--output <file>', 'write to a file instead of stdout'),
  ).action(async (flags: Omit<ScanFlags, 'format'> & { output?: string }) => {
    const checks = selectChecks(CHECKS, {
      ...(flags.checks && { checks: flags.checks }),
      ...(flags.excludeChecks && { excludeChecks: flags.excludeChecks }),
      ...(flags.services && { services: flags.services }),
      ...(flags.srmClass && { srmClasses: flags.srmClass.map(oneOf(SRM_CLASSES, '--srm-class')) }),
      ...(flags.obligation && { obligations: flags.obligation.map(oneOf(OBLIGATIONS, '--obligation')) }),
      ...(flags.framework && { frameworks: flags.framework.map(oneOf(FRAMEWORKS, '--framework')) }),
      ...(flags.minSeverity && { minSeverity: oneOf(SEVERITIES, '--min-severity')(flags.minSeverity) }),
    });
    const policy = scannerPolicyDocument(requiredActions(checks, COLLECTORS));
    await emit(io, `${JSON.stringify(policy, null, 2)}\n`, flags.output);
  });

  program
    .command('demo')
    .description('scan an embedded emulated account (needs moto_server) and write demo-report.json')
    .action(async () => {
      const { runDemo } = await import('../../demo/run.js');
      io.setExitCode(await runDemo(io));
    });

  return program;
}
