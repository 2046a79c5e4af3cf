import { join } from 'node:path';
import { getHomeDir, loadSharedConfigFiles } from '@smithy/core/config';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';

/** The shared files the SDK reads profiles from, as it resolves them. */
export function sharedConfigFilePaths(): { config: string; credentials: string } {
  return {
    config: process.env.AWS_CONFIG_FILE ?? join(getHomeDir(), '.aws', 'config'),
    credentials: process.env.AWS_SHARED_CREDENTIALS_FILE ?? join(getHomeDir(), '.aws', 'credentials'),
  };
}

/**
 * Fails with the profile's name and the files searched when `--profile` names a profile that neither shared file
 * defines (the SDK would only say it "could not load credentials from any providers").
 */
export async function assertProfileExists(profile: string): Promise<void> {
  const paths = sharedConfigFilePaths();
  const files = await loadSharedConfigFiles({
    configFilepath: paths.config,
    filepath: paths.credentials,
    ignoreCache: true,
  });
  if (profile in files.configFile || profile in files.credentialsFile) return;
  throw new ConfigurationError(
    `--profile: profile "${profile}" is not defined in ${paths.config} (as [profile ${profile}]) nor in ${paths.credentials} (as [${profile}]). Set AWS_CONFIG_FILE or AWS_SHARED_CREDENTIALS_FILE if your files are elsewhere.`,
  );
}
