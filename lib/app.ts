import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { settingsFromContext } from './settings.js';
import { SrmScanStack } from './srm-scan-stack.js';

/** The stack's name unless `-c stackName=…` says otherwise (one stack per account and region). */
export const DEFAULT_STACK_NAME = 'SrmScan';

/**
 * Composes the CDK app exactly as `cdk synth` runs it: settings from context, one
 * `SrmScanStack`, and cdk-nag's AwsSolutions checks on everything.
 *
 * @throws ConfigurationError when a setting is invalid (the message names it)
 */
export function addSrmScanStack(app: App): SrmScanStack {
  const stackName = (app.node.tryGetContext('stackName') as string | undefined) ?? DEFAULT_STACK_NAME;
  const stack = new SrmScanStack(app, stackName, {
    ...settingsFromContext(app.node),
    description: 'srm-scan: nightly AWS posture scan by the Shared Responsibility Model, findings lifecycle and alerts',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return stack;
}
