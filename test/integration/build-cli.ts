import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Compiles the CLI once before the tests that run it as users do (`dist/bin/srm-scan.js`). */
export function setup(): void {
  const root = join(import.meta.dirname, '../..');
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}
