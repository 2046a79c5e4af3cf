import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { describe, expect, it } from 'vitest';
import { addSrmScanStack } from '../../lib/app.js';
import { testApp } from './stack-fixture.js';

interface Violation {
  ruleName: string;
  severity: string;
  violatingConstructs: { constructPath: string }[];
  reason?: string;
  acknowledgedAt?: string;
}

interface ValidationReport {
  pluginReports: { pluginName: string; violations?: Violation[]; suppressedViolations?: Violation[] }[];
}

/** Synthesises the app as `cdk synth -c alertEmails=…` does (context as strings) and reads the validation report. */
function synthWithNag(context: Record<string, string>): ValidationReport {
  const app = testApp({ validate: true, context });
  addSrmScanStack(app);
  const assembly = app.synth();
  return JSON.parse(readFileSync(join(assembly.directory, VALIDATION_REPORT_FILE), 'utf8'));
}

const awsSolutions = (report: ValidationReport) => {
  const plugin = report.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
  if (!plugin) throw new Error('the AwsSolutions pack did not report');
  return plugin;
};

describe('cdk-nag AwsSolutions', () => {
  it.each([
    [{ alertEmails: 'sec@example.com' }],
    [{ alertEmails: 'a@example.com,b@example.com', regions: 'eu-west-1', checks: 'iam-*', notifyOn: 'always' }],
    [{ alertEmails: 'sec@example.com', securityHub: 'true' }],
  ])(
    'leaves no unacknowledged finding, error or warning, for %j',
    (context) => {
      // Prepare, Act
      const report = synthWithNag(context);

      // Assess
      const unacknowledged = (awsSolutions(report).violations ?? []).map(
        (v) => `${v.ruleName} (${v.severity}) at ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`,
      );
      expect(unacknowledged).toEqual([]);
    },
    120_000,
  );

  it('gives every acknowledgement a reason, on the resource it excuses', () => {
    // Prepare, Act
    const report = synthWithNag({ alertEmails: 'sec@example.com' });

    // Assess
    const acknowledged = awsSolutions(report).suppressedViolations ?? [];
    expect(acknowledged.map((v) => v.ruleName).sort()).toEqual(['AwsSolutions-IAM5[Resource::*]', 'AwsSolutions-SQS3']);
    for (const violation of acknowledged) {
      expect(violation.reason?.length, violation.ruleName).toBeGreaterThan(40);
      for (const construct of violation.violatingConstructs) {
        // Acknowledged on the L2 construct whose CfnResource it excuses, not on the stack or app.
        expect(construct.constructPath).toBe(`${violation.acknowledgedAt}/Resource`);
      }
    }
  }, 120_000);

  describe('organisation mode', () => {
    const CONTEXT = {
      alertEmails: 'sec@example.com',
      organization: 'true',
      externalId: 'ext-123',
      regions: 'us-east-1,eu-west-1',
      regionShards: '2',
    };

    it.each([
      [CONTEXT],
      [{ alertEmails: 'sec@example.com', organization: 'true', itemList: 's3://org-inventory/items.json' }],
    ])(
      'leaves no unacknowledged finding, error or warning, for %j',
      (context) => {
        // Prepare, Act
        const report = synthWithNag(context);

        // Assess
        const unacknowledged = (awsSolutions(report).violations ?? []).map(
          (v) => `${v.ruleName} (${v.severity}) at ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`,
        );
        expect(unacknowledged).toEqual([]);
      },
      120_000,
    );

    it('acknowledges only wildcards it explains, each on the construct that owns the resource', () => {
      // Prepare, Act
      const report = synthWithNag(CONTEXT);

      // Assess
      const acknowledged = awsSolutions(report).suppressedViolations ?? [];
      const rules = [...new Set(acknowledged.map((v) => v.ruleName.replace(/\[.*$/, '')))].sort();
      expect(rules).toEqual(['AwsSolutions-IAM5', 'AwsSolutions-S1', 'AwsSolutions-SQS3']);
      expect(acknowledged.map((v) => v.ruleName)).toContain(
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::*:role/SrmScanReader]',
      );
      for (const violation of acknowledged) {
        expect(violation.reason?.length, violation.ruleName).toBeGreaterThan(40);
        for (const construct of violation.violatingConstructs) {
          expect(construct.constructPath.startsWith(`${violation.acknowledgedAt}/`), construct.constructPath).toBe(
            true,
          );
        }
      }
    }, 120_000);
  });
});
