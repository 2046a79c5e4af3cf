import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';

/** The compiled CLI, as `npm install` puts it on the PATH (`test/integration/build-cli.ts` compiles it first). */
export const CLI = join(import.meta.dirname, '../../dist/bin/srm-scan.js');
export const REPOSITORY = join(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `srm-scan args` to completion. By default nothing may reach AWS: the endpoint is a closed loopback port and
 * the keys are fake; `env` adds to (or, with `undefined` values, removes from) that environment.
 */
export function runCli(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'y',
    AWS_REGION: 'us-east-1',
    ...env,
  };
  const cleaned = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd: REPOSITORY, env: cleaned }, (error, stdout, stderr) => {
      const failure = error as (Error & { code?: number; signal?: NodeJS.Signals }) | null;
      resolve({ code: failure ? (failure.code ?? null) : 0, signal: failure?.signal ?? null, stdout, stderr });
    });
  });
}

/** Starts `srm-scan args` and returns the child, for tests that signal it or close its pipes. */
export const startCli = (args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
  spawn(process.execPath, [CLI, ...args], {
    cwd: REPOSITORY,
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_REGION: 'us-east-1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
