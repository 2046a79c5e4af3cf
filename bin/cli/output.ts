import { constants } from 'node:fs';
import { access, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';

/**
 * Fails before any work is done when `--output` cannot be written: an existing directory, a file without write
 * permission, or a folder that does not exist or cannot be written. Creates nothing.
 */
export async function assertWritable(path: string, flag = '--output'): Promise<void> {
  const target = resolve(path);
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new ConfigurationError(`${flag}: ${path} is a directory, not a file.`);
  const checked = existing ? target : dirname(target);
  try {
    await access(checked, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : 'is not writable';
    throw new ConfigurationError(`${flag}: cannot write ${path}: ${checked} ${reason}.`, { cause: error });
  }
}

/** Writes `text` to `path`, or to the stream when no path is given. */
export async function emit(stream: NodeJS.WritableStream, text: string, path: string | undefined): Promise<void> {
  if (path) await writeFile(path, text);
  else stream.write(text);
}
