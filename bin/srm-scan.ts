import { CommanderError } from 'commander';
import { ConfigurationError, SrmScanError } from '../lambdas/core/model/errors.js';
import { buildProgram } from './cli/program.js';

// The SDK's notice that releases after January 2027 need Node 22 is for maintainers, not scan output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  setExitCode: (code: number) => {
    process.exitCode = code;
  },
};

try {
  await buildProgram(io).parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; usage errors (unknown option, bad choice) are configuration errors.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof ConfigurationError) {
    process.stderr.write(`srm-scan: ${error.message}\n`);
    process.exitCode = 2;
  } else if (error instanceof SrmScanError) {
    process.stderr.write(`srm-scan: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(
      `srm-scan: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  }
}
