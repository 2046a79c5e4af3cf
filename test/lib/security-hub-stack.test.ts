import { describe, expect, it } from 'vitest';
import { SCANNER_ENV } from '../../lambdas/scanner/environment.js';
import { SCANNER_POLICY_SIDS, SECURITY_HUB_PUSH_ACTIONS } from '../../lib/scanner-role.js';
import { settingsFromContext } from '../../lib/settings.js';
import { actionsOf, onlyResource, scannerRoleStatements, synthStack, testApp } from './stack-fixture.js';

const env = { account: '111122223333', region: 'eu-west-1' };

describe('SrmScanStack with securityHub', () => {
  // One synthesis for the file: template validation is what costs.
  const { template } = synthStack({ env, securityHub: true });
  const { template: without } = synthStack({ env });

  it('grants BatchImportFindings on the account product of its region and GetFindings, and nothing more', () => {
    // Prepare
    const statements = scannerRoleStatements(template);

    // Act
    const importing = statements.find((s) => s.Sid === SCANNER_POLICY_SIDS.securityHubImport);
    const reading = statements.find((s) => s.Sid === SCANNER_POLICY_SIDS.securityHubRead);
    const securityHubActions = statements.flatMap(actionsOf).filter((a) => a.startsWith('securityhub:'));
    const scanActions = actionsOf(statements.find((s) => s.Sid === SCANNER_POLICY_SIDS.scan));

    // Assess
    expect(actionsOf(importing)).toEqual(['securityhub:BatchImportFindings']);
    expect(JSON.stringify(importing?.Resource)).toContain(
      ':securityhub:eu-west-1:111122223333:product/111122223333/default',
    );
    expect(actionsOf(reading)).toEqual(['securityhub:GetFindings']);
    expect(reading?.Resource).toBe('*');
    // The scan statement stays read-only: the push's actions are granted beside it, never inside it.
    expect(scanActions.some((a) => (SECURITY_HUB_PUSH_ACTIONS as readonly string[]).includes(a))).toBe(false);
    expect(securityHubActions.filter((a) => !scanActions.includes(a)).sort()).toEqual(
      [...SECURITY_HUB_PUSH_ACTIONS].sort(),
    );
  });

  it('tells the function to push through its environment, and neither grants nor tells without the option', () => {
    // Prepare
    const fn = (t: typeof template) =>
      onlyResource(t, 'AWS::Lambda::Function').properties as { Environment: { Variables: Record<string, unknown> } };

    // Act
    const withVariables = fn(template).Environment.Variables;
    const withoutVariables = fn(without).Environment.Variables;

    // Assess
    expect(withVariables[SCANNER_ENV.securityHub]).toBe('true');
    expect(withoutVariables[SCANNER_ENV.securityHub]).toBeUndefined();
    const sids = scannerRoleStatements(without).map((s) => s.Sid);
    expect(sids).not.toContain(SCANNER_POLICY_SIDS.securityHubImport);
    expect(sids).not.toContain(SCANNER_POLICY_SIDS.securityHubRead);
  });

  it('reads -c securityHub=true and refuses it in organisation mode', () => {
    // Prepare
    const app = testApp({ context: { securityHub: 'true' } });

    // Act
    const settings = settingsFromContext(app.node);

    // Assess
    expect(settings.securityHub).toBe(true);
    expect(() => synthStack({ env, securityHub: true, organization: true })).toThrow(
      /securityHub is not supported with organization/,
    );
  });
});
