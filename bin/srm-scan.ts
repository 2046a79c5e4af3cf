#!/usr/bin/env node
import { CommanderError } from 'commander';
import { ConfigurationError, SrmScanError } from '../lambdas/core/model/errors.js';
import { terminalSafe } from '../lambdas/core/reports/terminal.js';
import { redactSecrets } from '../lambdas/core/secrets/index.js';
import { buildProgram } from './cli/program.js';
import { installInterruptHandlers } from './cli/signals.js';

// The SDK's notice that releases after January 2027 need Node 22 is for maintainers, not scan output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// A reader that stops early (`srm-scan checks | head`) closes the pipe: end quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
installInterruptHandlers(process.stderr);

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  setExitCode: (code: number) => {
    process.exitCode = code;
  },
};

/**
 * Exit codes: 0 the command ran, 1 a gate was met or the scan could not run, 2 bad usage or configuration. Messages
 * quote input files and AWS answers: secrets are redacted and control characters neutralised.
 */
try {
  await buildProgram(io).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Commander has printed the message; help and version exit 0, usage errors 2.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof ConfigurationError) {
    process.stderr.write(`srm-scan: ${terminalSafe(redactSecrets(error.message))}\n`);
    process.exitCode = 2;
  } else if (error instanceof SrmScanError) {
    process.stderr.write(`srm-scan: ${terminalSafe(redactSecrets(error.message))}\n`);
    process.exitCode = 1;
  } else {
    const detail =
      error instanceof Error
        ? process.env.SRM_SCAN_DEBUG
          ? (error.stack ?? error.message)
          : `${error.message} (set SRM_SCAN_DEBUG=1 for the stack trace)`
        : String(error);
    process.stderr.write(`srm-scan: unexpected error: ${terminalSafe(redactSecrets(detail))}\n`);
    process.exitCode = 1;
  }
}
