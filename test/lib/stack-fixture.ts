import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { PROJECT_ROOT } from '../../lib/scanner-function.js';
import { SrmScanStack, type SrmScanStackProps } from '../../lib/srm-scan-stack.js';

/** The context of `cdk.json` (feature flags and defaults), so tests see what `cdk synth` builds. */
export const CDK_CONTEXT: Record<string, unknown> = JSON.parse(
  readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8'),
).context;

/**
 * A fresh app with cdk.json's context. Bundling is skipped unless asked for (it is tested on its
 * own), and so is CDK's built-in CloudFormation schema validation (15 s on first use) unless
 * `validate` (the cdk-nag test runs everything `cdk synth` runs).
 */
export function testApp(
  options: { bundle?: boolean; validate?: boolean; context?: Record<string, unknown> } = {},
): App {
  return new App({
    outdir: mkdtempSync(join(tmpdir(), 'srm-scan-cdk-')),
    builtinCloudFormationValidation: options.validate ?? false,
    context: {
      ...CDK_CONTEXT,
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
      ...options.context,
    },
  });
}

export function synthStack(props: SrmScanStackProps = {}): { stack: SrmScanStack; template: Template } {
  const stack = new SrmScanStack(testApp(), 'SrmScanTest', props);
  return { stack, template: Template.fromStack(stack) };
}

type PolicyStatement = { Sid?: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

/** The statements of the scanner role's inline policy. */
export function scannerRoleStatements(template: Template): PolicyStatement[] {
  const roles = template.findResources('AWS::IAM::Role', {
    Properties: { AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: 'lambda.amazonaws.com' } }] } },
  });
  const [role, ...others] = Object.values(roles);
  if (!role || others.length > 0) throw new Error(`expected one Lambda role, found ${Object.keys(roles).length}`);
  const policies = (role as { Properties: { Policies: { PolicyDocument: { Statement: PolicyStatement[] } }[] } })
    .Properties.Policies;
  return policies.flatMap((policy) => policy.PolicyDocument.Statement);
}

export const actionsOf = (statement: PolicyStatement | undefined): string[] =>
  statement === undefined ? [] : Array.isArray(statement.Action) ? statement.Action : [statement.Action];

/** The one resource of a type; fails when there are none or several. */
export function onlyResource(template: Template, type: string): { id: string; properties: Record<string, unknown> } {
  const resources = Object.entries(template.findResources(type));
  if (resources.length !== 1) throw new Error(`expected one ${type}, found ${resources.length}`);
  const [id, resource] = resources[0] as [string, { Properties: Record<string, unknown> }];
  return { id, properties: resource.Properties };
}
