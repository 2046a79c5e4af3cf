import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveConfig, type ScanFlags } from '../../bin/cli/resolve-config.js';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'srm-scan-config-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const flags = (overrides: Partial<ScanFlags> = {}): ScanFlags => ({
  format: 'table',
  minAlertSeverity: 'high',
  notifyOn: 'changes',
  ...overrides,
});

describe('Function: resolveConfig', () => {
  it('applies defaults when neither a file nor flags set anything', async () => {
    // Prepare
    const noFlags = flags();

    // Act
    const { config } = await resolveConfig(noFlags);

    // Assess
    expect(config.settings.accessKeyMaxAgeDays).toBe(90);
    expect(config.settings.authorizedPublicPorts).toEqual([80, 443]);
    expect(config.settings.allowedRegions).toBeUndefined();
    expect(config.suppressions).toEqual([]);
  });

  it('lets flags override the configuration file and keeps the file’s other settings', async () => {
    // Prepare
    const config = file('override.json', {
      regions: ['us-east-1'],
      settings: { allowedRegions: ['us-east-1'], accessKeyMaxAgeDays: 30 },
    });

    // Act
    const { config: resolved } = await resolveConfig(
      flags({ config, regions: ['eu-west-1', 'eu-central-1'], allowedRegions: ['eu-west-1'] }),
    );

    // Assess
    expect(resolved.regions).toEqual(['eu-west-1', 'eu-central-1']);
    expect(resolved.settings.allowedRegions).toEqual(['eu-west-1']);
    expect(resolved.settings.accessKeyMaxAgeDays).toBe(30);
  });

  it('names the offending field of a malformed configuration', async () => {
    // Prepare
    const config = file('bad-type.json', { settings: { accessKeyMaxAgeDays: 'ninety' } });

    // Act
    const resolve = resolveConfig(flags({ config }));

    // Assess
    await expect(resolve).rejects.toThrow(ConfigurationError);
    await expect(resolve).rejects.toThrow(/settings\.accessKeyMaxAgeDays/);
  });

  it('rejects an unknown key instead of ignoring a typo', async () => {
    // Prepare
    const config = file('typo.json', { settings: { allowedRegion: ['eu-west-1'] } });

    // Act
    const resolve = resolveConfig(flags({ config }));

    // Assess
    await expect(resolve).rejects.toThrow(/allowedRegion/);
  });

  it('rejects a bad region in the configuration file, naming the field', async () => {
    // Prepare
    const config = file('bad-region.json', { regions: ['us-east-1', 'Frankfurt'] });

    // Act
    const resolve = resolveConfig(flags({ config }));

    // Assess
    await expect(resolve).rejects.toThrow(/regions\.1: must be an AWS region name/);
  });

  it('names selection fields by flag when a flag set them and by file key otherwise', async () => {
    // Prepare
    const config = file('selection.json', { services: ['s3'], minSeverity: 'high' });

    // Act
    const { labels } = await resolveConfig(flags({ config, checks: ['s3-*'] }));

    // Assess
    expect(labels.checks).toBe('--checks');
    expect(labels.services).toBe(`services (in ${config})`);
  });

  it('reports a file that is not JSON', async () => {
    // Prepare
    const config = file('broken.json', '{ "regions": [');

    // Act
    const resolve = resolveConfig(flags({ config }));

    // Assess
    await expect(resolve).rejects.toThrow(/is not valid JSON/);
  });

  it('adds suppressions from a suppressions file and validates them', async () => {
    // Prepare
    const good = file('suppressions.json', [
      { checkId: 's3-bucket-versioning-enabled', resource: 'arn:aws:s3:::tmp-*', reason: 'scratch buckets' },
    ]);
    const bad = file('suppressions-bad.json', [{ checkId: 's3-*' }]);

    // Act
    const { config: resolved } = await resolveConfig(flags({ suppressions: good }));
    const rejected = resolveConfig(flags({ suppressions: bad }));

    // Assess
    expect(resolved.suppressions).toEqual([
      { checkId: 's3-bucket-versioning-enabled', resource: 'arn:aws:s3:::tmp-*', reason: 'scratch buckets' },
    ]);
    await expect(rejected).rejects.toThrow(/suppressions\.0\.reason/);
  });
  it('keeps PASS results by default, takes passResults from the file and lets --pass-results override it', async () => {
    // Prepare
    const config = file('pass-results.json', { passResults: 'count' });

    // Act
    const byDefault = await resolveConfig(flags());
    const fromFile = await resolveConfig(flags({ config }));
    const fromFlag = await resolveConfig(flags({ config, passResults: 'store' }));

    // Assess
    expect(byDefault.config.passResults).toBe('store');
    expect(fromFile.config.passResults).toBe('count');
    expect(fromFlag.config.passResults).toBe('store');
  });
});
