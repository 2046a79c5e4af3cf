import { App } from 'aws-cdk-lib';
import type { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import { LISTER_ENV } from '../../lambdas/org/list-accounts.js';
import { SCANNER_ENV } from '../../lambdas/scanner/environment.js';
import { RETRIED_LAMBDA_ERRORS } from '../../lib/organization-scan.js';
import { SCANNER_POLICY_SIDS } from '../../lib/scanner-role.js';
import { settingsFromContext } from '../../lib/settings.js';
import { SrmScanStack } from '../../lib/srm-scan-stack.js';
import { onlyResource, synthStack, testApp } from './stack-fixture.js';

type Statement = { Sid?: string; Action: string | string[]; Resource: unknown; Condition?: unknown };
type State = Record<string, unknown> & { Type: string };
type Definition = { StartAt: string; States: Record<string, State>; QueryLanguage?: string };

/** The state machine's definition, parsed; CloudFormation references become `ref:<id>` / `arn:<id>`. */
function definitionOf(template: Template): Definition {
  const { properties } = onlyResource(template, 'AWS::StepFunctions::StateMachine');
  const body = properties.DefinitionString as { 'Fn::Join': [string, unknown[]] };
  const text = body['Fn::Join'][1]
    .map((part) => {
      if (typeof part === 'string') return part;
      const token = part as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
      if (token.Ref) return `ref:${token.Ref}`;
      if (token['Fn::GetAtt']) return `arn:${token['Fn::GetAtt'][0]}`;
      throw new Error(`unexpected token ${JSON.stringify(part)}`);
    })
    .join('');
  return JSON.parse(text) as Definition;
}

const stateOf = (definition: Definition, name: string): State => {
  const state = definition.States[name];
  if (!state) throw new Error(`no state ${name}`);
  return state;
};

/** Roles by the service that assumes them: statements of their inline policies. */
function roleStatements(template: Template, match: (id: string) => boolean): Statement[] {
  return Object.entries(template.findResources('AWS::IAM::Role'))
    .filter(([id]) => match(id))
    .flatMap(([, role]) =>
      (
        (role as { Properties: { Policies?: { PolicyDocument: { Statement: Statement[] } }[] } }).Properties.Policies ??
        []
      ).flatMap((p) => p.PolicyDocument.Statement),
    );
}
const actions = (statements: readonly Statement[]) =>
  statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));

const scannerFunction = (template: Template) => {
  const functions = template.findResources('AWS::Lambda::Function', {
    Properties: { Description: 'srm-scan: scans this account by the AWS Shared Responsibility Model' },
  });
  const [entry] = Object.entries(functions);
  if (!entry) throw new Error('no scanner function');
  return { id: entry[0], properties: (entry[1] as { Properties: Record<string, unknown> }).Properties };
};

/** Organisation mode listing the organisation, synthesised once. */
const LISTED = synthStack({
  organization: true,
  externalId: 'ext-123',
  maxConcurrency: 20,
  toleratedFailurePercentage: 10,
  organizationalUnit: 'ou-ab12-11111111',
  regions: ['us-east-1', 'eu-west-1', 'eu-central-1'],
  regionShards: 2,
});
/** Organisation mode reading an S3 item list, with its own member role name, synthesised once. */
const ITEM_LIST = synthStack({
  organization: true,
  memberRoleName: 'AuditReader',
  itemList: 's3://org-inventory/srm-scan/items.json',
});

describe('Class: SrmScanStack, organisation mode', () => {
  describe('Distributed Map', () => {
    it('maps over the listed accounts in DISTRIBUTED mode with the configured concurrency and tolerated failures', () => {
      // Prepare
      const definition = definitionOf(LISTED.template);

      // Act
      const map = stateOf(definition, 'ScanAccounts');

      // Assess
      expect(definition.StartAt).toBe('ListAccounts');
      expect(stateOf(definition, 'ListAccounts').Next).toBe('ScanAccounts');
      expect(map).toMatchObject({
        Type: 'Map',
        MaxConcurrency: 20,
        ToleratedFailurePercentage: 10,
        Items: '{% $states.input.items %}',
        ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' } },
        Next: 'Aggregate',
      });
      expect(map.ItemReader).toBeUndefined();
    });

    it('runs the scanner per item with the organisation event source, a share of the table write budget, and retries Lambda throttling and service errors', () => {
      // Prepare
      const definition = definitionOf(LISTED.template);
      const { id: scannerId } = scannerFunction(LISTED.template);

      // Act
      const processor = stateOf(definition, 'ScanAccounts').ItemProcessor as Definition;
      const task = stateOf(processor, processor.StartAt);

      // Assess
      expect(task.Arguments).toEqual({
        FunctionName: `arn:${scannerId}`,
        // 20 runs at once share the new on-demand table's 4,000 write units per second.
        Payload: "{% $merge([$states.input, {'source': 'srm-scan.organization', 'writeUnitsPerSecond': 200}]) %}",
      });
      const retry = task.Retry as { ErrorEquals: string[]; MaxAttempts: number }[];
      expect(retry.flatMap((r) => r.ErrorEquals)).toEqual(expect.arrayContaining([...RETRIED_LAMBDA_ERRORS]));
      expect(retry.flatMap((r) => r.ErrorEquals)).not.toContain('States.ALL');
      expect(task.End).toBe(true);
    });

    it('writes the per-account results to its own bucket and hands the result manifest to one aggregation step', () => {
      // Prepare
      const definition = definitionOf(LISTED.template);
      const bucket = onlyResource(LISTED.template, 'AWS::S3::Bucket');

      // Act
      const map = stateOf(definition, 'ScanAccounts');
      const aggregate = stateOf(definition, 'Aggregate');

      // Assess
      expect(map.ResultWriter).toMatchObject({ Arguments: { Bucket: `ref:${bucket.id}`, Prefix: 'map-results' } });
      expect((aggregate.Arguments as { Payload: unknown }).Payload).toMatchObject({
        resultWriterDetails: '{% $states.input.ResultWriterDetails %}',
      });
      expect(aggregate.End).toBe(true);
    });

    it('reports a run that stops early through the aggregation step, then fails the execution', () => {
      // Prepare
      const definition = definitionOf(LISTED.template);

      // Act
      const catchers = ['ListAccounts', 'ScanAccounts'].map((name) => stateOf(definition, name).Catch);

      // Assess
      for (const catcher of catchers)
        expect(catcher).toEqual([{ ErrorEquals: ['States.ALL'], Next: 'ReportFailedRun' }]);
      expect(stateOf(definition, 'ReportFailedRun').Next).toBe('RunFailed');
      expect(stateOf(definition, 'RunFailed').Type).toBe('Fail');
    });

    it('reads the items from the S3 item list instead of listing the organisation when one is configured', () => {
      // Prepare
      const definition = definitionOf(ITEM_LIST.template);

      // Act
      const map = stateOf(definition, 'ScanAccounts');

      // Assess
      expect(definition.StartAt).toBe('ScanAccounts');
      expect(map.Items).toBeUndefined();
      expect(map.ItemReader).toMatchObject({
        ReaderConfig: { InputType: 'JSON' },
        Arguments: { Bucket: 'org-inventory', Key: 'srm-scan/items.json' },
      });
      expect(actions(roleStatements(ITEM_LIST.template, () => true))).not.toContain('organizations:ListAccounts');
    });

    it('logs every state transition and traces with X-Ray', () => {
      // Prepare, Act
      const { properties } = onlyResource(LISTED.template, 'AWS::StepFunctions::StateMachine');

      // Assess
      expect(properties.TracingConfiguration).toEqual({ Enabled: true });
      expect(properties.LoggingConfiguration).toMatchObject({ Level: 'ALL' });
    });
  });

  describe('roles', () => {
    it('lets the scanner assume only the member role in any account, and read nothing itself', () => {
      // Prepare
      const { id } = scannerFunction(LISTED.template);
      const roleId = (scannerFunction(LISTED.template).properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];

      // Act
      const statements = roleStatements(LISTED.template, (logicalId) => logicalId === roleId);

      // Assess
      expect(id).toBeTruthy();
      const assume = statements.find((s) => s.Sid === SCANNER_POLICY_SIDS.memberRole);
      expect(assume).toEqual({
        Sid: SCANNER_POLICY_SIDS.memberRole,
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::*:role/SrmScanReader']] },
      });
      expect(statements.find((s) => s.Sid === SCANNER_POLICY_SIDS.scan)).toBeUndefined();
      expect(actions(statements).filter((a) => a.startsWith('sts:'))).toEqual(['sts:AssumeRole']);
    });

    it('uses the configured member role name in the assume-role resource', () => {
      // Prepare
      const roleId = (scannerFunction(ITEM_LIST.template).properties.Role as { 'Fn::GetAtt': [string] })[
        'Fn::GetAtt'
      ][0];

      // Act
      const assume = roleStatements(ITEM_LIST.template, (id) => id === roleId).find(
        (s) => s.Sid === SCANNER_POLICY_SIDS.memberRole,
      );

      // Assess
      expect(JSON.stringify(assume?.Resource)).toContain(':iam::*:role/AuditReader');
    });

    it('passes the member role name and the external id to the scanner', () => {
      // Prepare, Act
      const { properties } = scannerFunction(LISTED.template);

      // Assess
      expect(properties.Environment).toMatchObject({
        Variables: { [SCANNER_ENV.memberRoleName]: 'SrmScanReader', [SCANNER_ENV.memberExternalId]: 'ext-123' },
      });
    });

    it('runs as many scanner invocations at once as the map starts', () => {
      // Prepare, Act
      const { properties } = scannerFunction(LISTED.template);

      // Assess
      expect(properties.ReservedConcurrentExecutions).toBe(20);
    });

    it('gives the lister only the Organizations list actions, and passes it the OU, the shards and the regions', () => {
      // Prepare
      const lister = Object.entries(LISTED.template.findResources('AWS::Lambda::Function')).find(([id]) =>
        id.startsWith('OrganizationLister'),
      );
      if (!lister) throw new Error('no lister function');
      const properties = (lister[1] as { Properties: { Role: { 'Fn::GetAtt': [string] }; Environment: unknown } })
        .Properties;

      // Act
      const statements = roleStatements(LISTED.template, (id) => id === properties.Role['Fn::GetAtt'][0]);

      // Assess
      expect(actions(statements).sort()).toEqual([
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'organizations:ListAccounts',
        'organizations:ListAccountsForParent',
        'organizations:ListOrganizationalUnitsForParent',
      ]);
      expect(properties.Environment).toMatchObject({
        Variables: {
          [LISTER_ENV.ou]: 'ou-ab12-11111111',
          [LISTER_ENV.regionShards]: '2',
          [LISTER_ENV.regions]: '["us-east-1","eu-west-1","eu-central-1"]',
        },
      });
    });
  });

  describe('schedule', () => {
    it('starts the state machine nightly instead of invoking the scanner', () => {
      // Prepare
      const machine = onlyResource(LISTED.template, 'AWS::StepFunctions::StateMachine');

      // Act
      const schedule = onlyResource(LISTED.template, 'AWS::Scheduler::Schedule');

      // Assess
      expect(schedule.properties).toMatchObject({
        ScheduleExpression: 'cron(0 3 * * ? *)',
        Target: { Arn: { Ref: machine.id } },
      });
      const roleId = (schedule.properties.Target as { RoleArn: { 'Fn::GetAtt': [string] } }).RoleArn['Fn::GetAtt'][0];
      const statements = roleStatements(LISTED.template, (id) => id === roleId);
      expect(statements).toEqual([
        {
          Sid: 'StartOrganizationScan',
          Effect: 'Allow',
          Action: 'states:StartExecution',
          Resource: { Ref: machine.id },
        },
      ]);
    });
  });

  describe('settings', () => {
    it('refuses region shards without the regions to split', () => {
      // Prepare, Act
      const build = () => new SrmScanStack(testApp(), 'Shards', { organization: true, regionShards: 3 });

      // Assess
      expect(build).toThrow(ConfigurationError);
      expect(build).toThrow('regionShards needs regions');
    });

    it('refuses an external id STS would reject, naming the field', () => {
      // Prepare, Act
      const build = () => new SrmScanStack(testApp(), 'ExternalId', { organization: true, externalId: 'x' });

      // Assess
      expect(build).toThrow('externalId');
    });

    it('reads organisation mode from context as cdk synth -c organization=true gives it', () => {
      // Prepare
      const app = new App({
        context: {
          organization: 'true',
          memberRoleName: 'AuditReader',
          maxConcurrency: '5',
          itemList: 's3://b-1/items.json',
        },
      });

      // Act
      const settings = settingsFromContext(app.node);

      // Assess
      expect(settings).toMatchObject({
        organization: true,
        memberRoleName: 'AuditReader',
        maxConcurrency: 5,
        itemList: 's3://b-1/items.json',
      });
    });
  });
});
