import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The names a system Chromium (or Chrome) goes by on the PATH: Debian's package, other distributions, Google's. */
const NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH` when set, else the first of {@link NAMES} on the PATH;
 * undefined when there is none (`.ci/run` installs Debian's `chromium`). No browser is ever downloaded.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (executable(candidate)) return candidate;
    }
  }
  return undefined;
}
