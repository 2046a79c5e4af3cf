import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDigest, selectAlertable } from '../../lambdas/core/alerts/digest.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { lambdaFunctionNoSecretsInEnv } from '../../lambdas/core/checks/lambda/index.js';
import { parseConfig } from '../../lambdas/core/config/config-file.js';
import { defaultSettings } from '../../lambdas/core/config/settings.js';
import { runScan } from '../../lambdas/core/engine/scan.js';
import { DEFAULT_HISTORY_TTL_DAYS, findingItem, scanItem, transitionItem } from '../../lambdas/core/findings/items.js';
import { computeLifecycle } from '../../lambdas/core/findings/lifecycle.js';
import { renderAsff } from '../../lambdas/core/reports/asff.js';
import { renderCsv } from '../../lambdas/core/reports/csv.js';
import { renderHtml } from '../../lambdas/core/reports/html.js';
import { renderJson } from '../../lambdas/core/reports/json.js';
import { renderOcsf } from '../../lambdas/core/reports/ocsf.js';
import { renderTable } from '../../lambdas/core/reports/table.js';
import { fingerprintSalt, secretFingerprint } from '../../lambdas/core/secrets/index.js';
import { SCHEDULED_RUN_EVENT } from '../../lambdas/scanner/event.js';
import { createScanHandler, type ScanLogger } from '../../lambdas/scanner/handler.js';
import { ACCOUNT_ID, lambdaFunction } from '../fixtures/lambda.js';
import { fakeCollectors } from '../helpers/fake-collectors.js';
import { leakedWindows } from '../helpers/secrets.js';

const sts = mockClient(STSClient);
const ec2 = mockClient(EC2Client);
afterEach(() => {
  sts.reset();
  ec2.reset();
});

// Token-shaped test values are assembled at run time so that secret scanners do not flag this file.
// Every secret uses characters that ordinary report text does not, so a shared window means a leak.
const join = (...parts: string[]) => parts.join('');
const ACCESS_KEY_ID = join('AKIA', 'ZQ7VWXK3MJ5PLN2R');
const SECRET_ACCESS_KEY = 'Qx7vZp2Lk9Wm4Tj8Rb6Yh3Nc5Gd1Sf0Ke/Ua+VqW';
const DB_PASSWORD = 'Wq9#Zx7!Kv3$';
const CONNECTION_PASSWORD = 'Jm4%Xq8&Zr2';
const GITHUB_TOKEN = join('ghp_', 'Zq7VwXk3Mj5PLn2RtY8bHc4DfG6sJ9aQe1Uo');
const PRIVATE_KEY = join(
  '-----BEGIN EC ',
  'PRIVATE KEY-----\nMHcCAQEEIQz7VxK3mJ5pLn2RtY8bHc4DfG6sJ9aQe1UoWq9Zx7Kv3oAoGCCqGSM49\n',
  'AwEHoUQDQgAEq7Zv4Xk9Mj2Pl5Rn8Ty3Bh6Cd1Gf0Sj7Ae4Uo9Wq2Zx5Kv8Jm3Xq6Zr1\n-----END EC ',
  'PRIVATE KEY-----',
);
const SECRETS = [ACCESS_KEY_ID, SECRET_ACCESS_KEY, DB_PASSWORD, CONNECTION_PASSWORD, GITHUB_TOKEN, PRIVATE_KEY];

const NOW = new Date('2026-11-23T03:00:00Z');

/** One function holding every kind of secret in us-east-1; in eu-west-1 Lambda answers an error that quotes input. */
const collectors = fakeCollectors({
  'lambda.functions': {
    key: 'lambda.functions',
    scope: 'regional',
    actions: ['lambda:ListFunctions'],
    collect: async ({ region }) => {
      if (region === 'eu-west-1') {
        throw Object.assign(
          new Error(
            `1 validation error detected: Value 'Server=db;User Id=app;Password=${CONNECTION_PASSWORD};' at ` +
              `'environment' failed to satisfy constraint; token ${GITHUB_TOKEN} rejected`,
          ),
          { name: 'ValidationException' },
        );
      }
      return [
        lambdaFunction('invoice-export', {
          environment: {
            UPLOADER_ACCESS_KEY_ID: ACCESS_KEY_ID,
            UPLOADER_AWS_SECRET_ACCESS_KEY: SECRET_ACCESS_KEY,
            DB_PASSWORD,
            ORDERS_DB: `Server=orders-db.internal;Database=orders;User Id=app;Password=${CONNECTION_PASSWORD};`,
            RELEASE_TOKEN: GITHUB_TOKEN,
            SIGNING_KEY: PRIVATE_KEY,
            STAGE: 'prod',
          },
        }),
      ];
    },
  },
});

/** Keeps what a logger is given, as JSON (errors with their message and stack), like the Lambda log lines. */
function recordingLogger(lines: string[]): ScanLogger {
  const record = (...input: unknown[]) =>
    lines.push(
      JSON.stringify(input, (_key, value: unknown) =>
        value instanceof Error ? { ...value, name: value.name, message: value.message, stack: value.stack } : value,
      ),
    );
  return { addContext: vi.fn(), info: record, warn: record, error: record };
}

describe('Secrets in scan outputs', () => {
  it('shows no 4 characters in a row of any detected secret in any output, only its fingerprint', async () => {
    // Prepare
    sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT_ID, Arn: `arn:aws:iam::${ACCOUNT_ID}:user/audit` });
    ec2.on(DescribeRegionsCommand).resolves({
      Regions: ['us-east-1', 'eu-west-1'].map((RegionName) => ({ RegionName, OptInStatus: 'opt-in-not-required' })),
    });
    const clients = new AwsClients(new ApiCallCounter());
    const salt = fingerprintSalt(ACCOUNT_ID, undefined);
    const fingerprints = SECRETS.map((secret) => secretFingerprint(secret, salt));

    // Act
    const report = await runScan({
      checks: [lambdaFunctionNoSecretsInEnv],
      collectors,
      settings: defaultSettings(),
      clients,
      regions: ['us-east-1', 'eu-west-1'],
      now: () => NOW,
    });
    const lifecycle = computeLifecycle({ previous: [], report, now: NOW });
    const alertable = selectAlertable(lifecycle.transitions, 'low');
    const digest = formatDigest({
      report,
      lifecycle: lifecycle.summary,
      alertable,
      minSeverity: 'low',
      table: { name: 'srm-scan-findings', region: 'us-east-1' },
    });
    const logLines: string[] = [];
    const handler = createScanHandler({
      runScanJob: async () => ({
        report,
        lifecycle: lifecycle.summary,
        alert: { published: true, subject: digest.subject, messageId: 'm-1', reason: 'new findings' },
      }),
      environment: () => ({
        config: parseConfig({}, 'test'),
        findingsTable: 'srm-scan-findings',
        alertTopicArn: `arn:aws:sns:us-east-1:${ACCOUNT_ID}:srm-scan-alerts`,
        minAlertSeverity: 'low',
        notifyOn: 'changes',
        historyTtlDays: DEFAULT_HISTORY_TTL_DAYS,
        region: 'us-east-1',
      }),
      catalogue: [lambdaFunctionNoSecretsInEnv],
      createClients: () => new AwsClients(new ApiCallCounter()),
      logger: recordingLogger(logLines),
      metrics: { count: vi.fn(), seconds: vi.fn(), flush: vi.fn() },
    });
    await handler({ ...SCHEDULED_RUN_EVENT });
    const outputs: Record<string, string> = {
      table: renderTable(report, { showPasses: true }),
      json: renderJson(report),
      csv: renderCsv(report),
      ocsf: renderOcsf(report),
      asff: renderAsff(report, 'us-east-1'),
      html: renderHtml(report),
      findingItems: JSON.stringify(lifecycle.states.map((s) => findingItem(ACCOUNT_ID, s, DEFAULT_HISTORY_TTL_DAYS))),
      transitionItems: JSON.stringify(
        lifecycle.transitions.map((t) => transitionItem(ACCOUNT_ID, t, DEFAULT_HISTORY_TTL_DAYS)),
      ),
      scanItem: JSON.stringify(scanItem(report, { lifecycle: lifecycle.summary }, DEFAULT_HISTORY_TTL_DAYS)),
      digestSubject: digest.subject,
      digestBody: digest.body,
      logs: logLines.join('\n'),
    };

    // Assess
    const names = Object.keys(outputs);
    const leaks = Object.fromEntries(names.map((name) => [name, leakedWindows(outputs[name] ?? '', SECRETS)]));
    expect(leaks).toEqual(Object.fromEntries(names.map((name) => [name, []])));
    expect(names.filter((name) => outputs[name]?.includes('chars)'))).toEqual([]);
    expect(report.findings.map((f) => [f.region, f.status])).toEqual([
      ['us-east-1', 'FAIL'],
      ['eu-west-1', 'ERROR'],
    ]);
    for (const name of [
      'table',
      'json',
      'csv',
      'html',
      'ocsf',
      'asff',
      'findingItems',
      'transitionItems',
      'digestBody',
    ]) {
      expect({ name, missing: fingerprints.filter((f) => !outputs[name]?.includes(f)) }).toEqual({ name, missing: [] });
    }
    for (const name of ['table', 'json', 'html', 'scanItem', 'digestBody', 'logs']) {
      expect(outputs[name]).toMatch(/\[GitHub token, fingerprint [0-9a-f]{8}\]/);
    }
  });
});
