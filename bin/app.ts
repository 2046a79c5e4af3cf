#!/usr/bin/env node
/**
 * CDK app: `npx cdk synth|deploy [-c alertEmails=a@example.com,b@example.com] [-c key=value …]`.
 * Settings come from CDK context (cdk.json, then `-c`); see the README, "Deploying the nightly scanner".
 */
import { App } from 'aws-cdk-lib';
import { ConfigurationError } from '../lambdas/core/model/errors.js';
import { addSrmScanStack } from '../lib/app.js';

const app = new App();
try {
  addSrmScanStack(app);
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  // A bad setting: say which, without a stack trace.
  console.error(`srm-scan: ${error.message}`);
  process.exit(1);
}
