/** Shows the terminal cursor again (the progress bar hides it while it draws). */
export const SHOW_CURSOR = '\u001b[?25h';

type Cleanup = () => Promise<void> | void;

const cleanups = new Set<Cleanup>();

/** Runs `cleanup` if the process is interrupted (Ctrl-C, SIGTERM) before the returned function unregisters it. */
export function onInterrupt(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Exit codes of a process ended by a signal, as shells report them: 128 + the signal number. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/**
 * On SIGINT or SIGTERM: restore the cursor, run the registered cleanups (the demo stops its emulator), and exit with
 * 128 + the signal number. A second signal while cleaning up exits at once.
 */
export function installInterruptHandlers(
  stderr: Pick<NodeJS.WriteStream, 'isTTY' | 'write'>,
  host: { on(signal: NodeJS.Signals, listener: () => void): unknown; exit(code: number): void } = process,
): void {
  let interrupted = false;
  for (const signal of Object.keys(SIGNAL_EXIT_CODES) as (keyof typeof SIGNAL_EXIT_CODES)[]) {
    host.on(signal, () => {
      const code = SIGNAL_EXIT_CODES[signal];
      if (stderr.isTTY) stderr.write(SHOW_CURSOR);
      if (interrupted) return host.exit(code);
      interrupted = true;
      stderr.write(`\nsrm-scan: interrupted (${signal}), stopping.\n`);
      void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).finally(() => host.exit(code));
    });
  }
}
