import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SrmScanStack } from '../../lib/srm-scan-stack.js';
import { testApp } from './stack-fixture.js';

const run = promisify(execFile);

/** Synthesises organisation mode with bundling on, once; the asset directory of each organisation function. */
function bundleOrganizationFunctions(): { lister: string; aggregator: string } {
  const app = testApp({ bundle: true, context: { 'aws:cdk:enable-asset-metadata': true } });
  const stack = new SrmScanStack(app, 'OrgBundleTest', { organization: true });
  const assembly = app.synth();
  const resources = assembly.getStackByName('OrgBundleTest').template.Resources as Record<
    string,
    { Metadata?: Record<string, string> }
  >;
  const assetOf = (fn: { node: { defaultChild?: unknown } } | undefined) => {
    if (!fn) throw new Error('function missing');
    const resource = resources[stack.getLogicalId(fn.node.defaultChild as never)];
    return join(assembly.directory, resource?.Metadata?.['aws:asset:path'] ?? '');
  };
  return {
    lister: assetOf(stack.organizationScan?.lister),
    aggregator: assetOf(stack.organizationScan?.aggregator),
  };
}

/** Imports a bundle in a plain Node process outside the repository and calls its handler. */
async function invokeBundle(assetDir: string, event: unknown, env: Record<string, string> = {}): Promise<string> {
  const script = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(join(assetDir, 'index.mjs')).href)});
    try { console.log(JSON.stringify({ result: await handler(${JSON.stringify(event)}) })); }
    catch (error) { console.log(JSON.stringify({ error: error.name + ': ' + error.message })); }`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '--enable-source-maps', '-e', script], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1', ...env },
  });
  return stdout.trim().split('\n').at(-1) ?? '';
}

describe('organisation functions bundling', () => {
  const assets = bundleOrganizationFunctions();

  it('bundles the account lister so it loads on its own and validates its environment', async () => {
    // Prepare, Act
    const output = await invokeBundle(assets.lister, {}, { SRM_SCAN_REGION_SHARDS: '2' });

    // Assess
    expect(output).toContain('ConfigurationError');
    expect(output).toContain('SRM_SCAN_REGIONS');
  });

  it('bundles the aggregator so it loads on its own and validates its environment', async () => {
    // Prepare, Act
    const output = await invokeBundle(assets.aggregator, {});

    // Assess
    expect(output).toContain('ConfigurationError');
    expect(output).toContain('SRM_SCAN_FINDINGS_TABLE');
  });
}, 180_000);
