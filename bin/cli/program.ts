import { Command, Option } from 'commander';
import { PASS_RESULTS } from '../../lambdas/core/findings/table-schema.js';
import { TOOL_VERSION } from '../../lambdas/core/model/version.js';
import { EXTERNAL_ID, ORGANIZATION_PARENT_ID, ROLE_NAME } from '../../lambdas/core/org/identifiers.js';
import { DIFF_FORMATS } from '../../lambdas/core/reports/diff/formats.js';
import { NOTIFY_ON, REGION_NAME, SEVERITIES } from '../../lambdas/core/srm/vocabulary.js';
import type { CoverageFlags } from './coverage-command.js';
import type { DiffFlags } from './diff-command.js';
import { accountList, matching, positiveInteger, regionList } from './options.js';
import { assertWritable, emit } from './output.js';
import { OUTPUT_FORMATS, type ScanFlags } from './resolve-config.js';
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
    program
      .command('scan')
      .description(
        'scan the account of the current credentials (standard AWS credential chain), or member accounts through their role (--accounts, --org)',
      ),
  )
    .addOption(
      new Option(
        '--format <format>',
        'output format (html: one self-contained page; ocsf: OCSF 1.8 JSON Lines; asff: AWS Security Finding Format)',
      )
        .choices(OUTPUT_FORMATS)
        .default('table'),
    )
    .option('--output <file>', 'write the report to a file instead of stdout (checked before the scan starts)')
    .option(
      '--security-hub',
      'import the FAIL findings into AWS Security Hub and archive the ones this scan resolved (needs securityhub:BatchImportFindings and securityhub:GetFindings)',
    )
    .option(
      '--security-hub-region <region>',
      'with --security-hub: the region to import into (default: the configured region, else the first scanned one)',
      matching('--security-hub-region', REGION_NAME, 'an AWS region name such as eu-west-1'),
    )
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
      'SNS topic for the digest of new and regressed findings, one across accounts with --accounts or --org (needs --findings-table)',
    )
    .option(
      '--alert-chat',
      'also publish the digest as an AWS Chatbot custom notification, for Slack or Teams channels subscribed to the topic (needs --alert-topic-arn)',
    )
    .option(
      '--event-bus <name>',
      'EventBridge bus (default, a name or an ARN) for one event per NEW, REGRESSED and RESOLVED finding and a run summary (needs --findings-table)',
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
    .addOption(
      new Option('--accounts <ids>', 'scan these accounts (12-digit ids, comma-separated) through their member role')
        .argParser(accountList('--accounts'))
        .conflicts('org'),
    )
    .option(
      '--org',
      'scan every ACTIVE account of the AWS Organization (management or delegated administrator credentials)',
    )
    .option(
      '--ou <id>',
      'with --org: only the accounts under this organisational unit (ou-…) or root (r-…), child OUs included',
      matching('--ou', ORGANIZATION_PARENT_ID, 'an organisational unit id (ou-xxxx-xxxxxxxx) or a root id (r-xxxx)'),
    )
    .option(
      '--role-name <name>',
      'with --accounts/--org: the role to assume in each member account (default SrmScanReader)',
      matching('--role-name', ROLE_NAME, 'an IAM role name (up to 64 of letters, digits and +=,.@_-)'),
    )
    .option(
      '--external-id <id>',
      "with --accounts/--org: the sts:ExternalId the member roles' trust requires",
      matching('--external-id', EXTERNAL_ID, 'an external id (2 to 1,224 of letters, digits and +=,.@:/_-)'),
    )
    .option(
      '--max-parallel-accounts <n>',
      'with --accounts/--org: accounts scanned at once (default 4)',
      positiveInteger('--max-parallel-accounts'),
    )
    .action(async (flags: ScanFlags) => {
      if (flags.accounts || flags.org || flags.ou || flags.roleName || flags.externalId || flags.maxParallelAccounts) {
        const { runOrganizationScanCommand } = await import('./org-scan-command.js');
        const { exitCode } = await runOrganizationScanCommand(flags, io);
        io.setExitCode(exitCode);
        return;
      }
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

  withSelectionOptions(
    program
      .command('member-role-template')
      .description(
        'print a CloudFormation template (JSON, StackSet-ready) of the read-only role srm-scan assumes in member accounts',
      )
      .option(
        '--role-name <name>',
        'default of the RoleName parameter (default SrmScanReader)',
        matching('--role-name', ROLE_NAME, 'an IAM role name (up to 64 of letters, digits and +=,.@_-)'),
      )
      .option('--scanner-principal <arn>', "default of the ScannerPrincipalArn parameter: the scanner's role ARN")
      .option(
        '--external-id <id>',
        'default of the ExternalId parameter',
        matching('--external-id', EXTERNAL_ID, 'an external id (2 to 1,224 of letters, digits and +=,.@:/_-)'),
      )
      .option('--output <file>', 'write to a file instead of stdout'),
  ).action(
    async (
      flags: SelectionFlags & { roleName?: string; scannerPrincipal?: string; externalId?: string; output?: string },
    ) => {
      if (flags.output) await assertWritable(flags.output);
      const [catalogue, { COLLECTORS }, { requiredActions }, { memberRoleTemplate }] = await Promise.all([
        loadCatalogue(),
        import('../../lambdas/core/collectors/index.js'),
        import('../../lambdas/core/engine/permissions.js'),
        import('../../lambdas/core/org/member-role-template.js'),
      ]);
      const template = memberRoleTemplate({
        actions: requiredActions(catalogue.select(flags), COLLECTORS),
        ...(flags.roleName && { roleName: flags.roleName }),
        ...(flags.scannerPrincipal && { scannerPrincipal: flags.scannerPrincipal }),
        ...(flags.externalId && { externalId: flags.externalId }),
      });
      await emit(io.stdout, `${JSON.stringify(template, null, 2)}\n`, flags.output);
    },
  );

  program
    .command('diff')
    .description(
      'compare two JSON reports (scan --format json, single account or --accounts/--org) finding by finding: new, regressed, resolved, by SRM class',
    )
    .argument('<before>', 'the earlier JSON report')
    .argument('<after>', 'the later JSON report')
    .addOption(
      new Option('--format <format>', 'output format (markdown: for a pull-request comment or CI summary)')
        .choices(DIFF_FORMATS)
        .default('table'),
    )
    .option('--output <file>', 'write to a file instead of stdout')
    .addOption(
      new Option(
        '--fail-on-new <severity>',
        'exit 1 when a NEW or REGRESSED unsuppressed FAIL at or above this severity appeared: failing now and not before (absent, passing, suppressed, not evaluated or outside the earlier scope)',
      ).choices(SEVERITIES),
    )
    .addHelpText(
      'after',
      `
Changes: NEW (failing now, not before: absent, suppressed, not evaluated or outside BEFORE's scope), REGRESSED
(passed in BEFORE), RESOLVED (passes now, or no longer reported where AFTER covered the scope), SUPPRESSED,
NOT EVALUATED (ERROR now), EVALUATED AGAIN, NOT OBSERVED (outside AFTER's scope: not resolved). Findings match
by their stable id (check and resource ARN) within an account. Scope differences are warned about in every format.

Exit codes: 0 compared, 1 --fail-on-new met (NEW and REGRESSED both count: "did this change make the account
worse"), 2 bad usage or a file that is not a readable srm-scan JSON report of this schema version.`,
    )
    .action(async (before: string, after: string, flags: DiffFlags) => {
      const { runDiffCommand } = await import('./diff-command.js');
      io.setExitCode(await runDiffCommand(before, after, flags, io));
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
