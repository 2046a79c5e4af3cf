import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { describe, expect, it } from 'vitest';
import { AGGREGATOR_ENV } from '../../lambdas/org/aggregate.js';
import { SCANNER_ENV } from '../../lambdas/scanner/environment.js';
import { addSrmScanStack } from '../../lib/app.js';
import { resolveChatSettings } from '../../lib/chat-channels.js';
import { SCANNER_POLICY_SIDS } from '../../lib/scanner-role.js';
import { settingsFromContext } from '../../lib/settings.js';
import { actionsOf, onlyResource, scannerRoleStatements, synthStack, testApp } from './stack-fixture.js';

const SLACK = { slackWorkspaceId: 'T0123ABCDEF', slackChannelId: 'C0123ABCDEF' };
const TEAMS = {
  teamsTenantId: '11111111-2222-3333-4444-555555555555',
  teamsTeamId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  teamsChannelId: '19:abc123def456@thread.tacv2',
};

const functionEnv = (template: ReturnType<typeof synthStack>['template']) =>
  (onlyResource(template, 'AWS::Lambda::Function').properties.Environment as { Variables: Record<string, unknown> })
    .Variables;

describe('Stack: EventBridge events', () => {
  const { template } = synthStack();

  it('grants events:PutEvents on the default bus of its own account and region only', () => {
    // Prepare, Act
    const statement = scannerRoleStatements(template).find((s) => s.Sid === SCANNER_POLICY_SIDS.events);

    // Assess
    expect(actionsOf(statement)).toEqual(['events:PutEvents']);
    expect(statement?.Resource).toEqual({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':events:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          ':event-bus/default',
        ],
      ],
    });
    const elsewhere = scannerRoleStatements(template).filter((s) => actionsOf(s).some((a) => a.startsWith('events:')));
    expect(elsewhere).toHaveLength(1);
  });

  it('tells the function to put its events on the default bus', () => {
    // Prepare, Act
    const variables = functionEnv(template);

    // Assess
    expect(variables[SCANNER_ENV.eventBus]).toBe('default');
    expect(variables[SCANNER_ENV.alertChat]).toBeUndefined();
  });

  it('grants nothing and sets nothing with events turned off', () => {
    // Prepare, Act
    const { template: off } = synthStack({ events: false });

    // Assess
    expect(scannerRoleStatements(off).find((s) => s.Sid === SCANNER_POLICY_SIDS.events)).toBeUndefined();
    expect(functionEnv(off)[SCANNER_ENV.eventBus]).toBeUndefined();
  });

  it('creates no chat channel without chat context', () => {
    // Prepare, Act
    const resources = Object.keys({
      ...template.findResources('AWS::Chatbot::SlackChannelConfiguration'),
      ...template.findResources('AWS::Chatbot::MicrosoftTeamsChannelConfiguration'),
    });

    // Assess
    expect(resources).toEqual([]);
  });
});

describe('Stack: chat channels', () => {
  const { stack, template } = synthStack({ ...SLACK, ...TEAMS, alertEmails: ['sec@example.com'] });
  const topic = onlyResource(template, 'AWS::SNS::Topic').id;
  const guardrail = onlyResource(template, 'AWS::IAM::ManagedPolicy');

  it('subscribes a Slack channel to the alert topic with the deny-all guardrail', () => {
    // Prepare, Act
    const slack = onlyResource(template, 'AWS::Chatbot::SlackChannelConfiguration').properties;

    // Assess
    expect(slack).toMatchObject({
      SlackWorkspaceId: 'T0123ABCDEF',
      SlackChannelId: 'C0123ABCDEF',
      SnsTopicArns: [{ Ref: topic }],
      GuardrailPolicies: [{ Ref: guardrail.id }],
      LoggingLevel: 'ERROR',
    });
  });

  it('subscribes a Teams channel (URL-encoded channel id) to the alert topic with the same guardrail', () => {
    // Prepare, Act
    const teams = onlyResource(template, 'AWS::Chatbot::MicrosoftTeamsChannelConfiguration').properties;

    // Assess
    expect(teams).toMatchObject({
      TeamsTenantId: TEAMS.teamsTenantId,
      TeamId: TEAMS.teamsTeamId,
      TeamsChannelId: '19%3aabc123def456%40thread.tacv2',
      SnsTopicArns: [{ Ref: topic }],
      GuardrailPolicies: [{ Ref: guardrail.id }],
    });
  });

  it('gives the channels a role with no permission and a guardrail that denies every action', () => {
    // Prepare, Act
    const roles = template.findResources('AWS::IAM::Role', {
      Properties: {
        AssumeRolePolicyDocument: { Statement: [{ Principal: { Service: 'chatbot.amazonaws.com' } }] },
      },
    });

    // Assess
    const [role] = Object.values(roles) as { Properties: Record<string, unknown> }[];
    expect(Object.keys(roles)).toHaveLength(1);
    expect(role?.Properties.Policies).toBeUndefined();
    expect(role?.Properties.ManagedPolicyArns).toBeUndefined();
    expect(guardrail.properties.PolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'NoActionsFromChat', Effect: 'Deny', Action: '*', Resource: '*' }],
    });
    template.resourcePropertiesCountIs('AWS::IAM::Policy', { Roles: Match.arrayWith([{ Ref: Match.anyValue() }]) }, 0);
  });

  it('publishes the digest in the chat format too', () => {
    // Prepare, Act
    const variables = functionEnv(template);

    // Assess
    expect(variables[SCANNER_ENV.alertChat]).toBe('true');
    expect(stack.settings.warnings.map((w) => w.id)).not.toContain('srm-scan:no-alert-emails');
  });
});

describe('Stack: chat channels in organisation mode', () => {
  it('has the aggregator publish the organisation digest in the chat format too, and the scanner may put events', () => {
    // Prepare, Act
    const { template } = synthStack({ organization: true, ...SLACK, alertEmails: ['sec@example.com'] });

    // Assess
    const functions = Object.values(template.findResources('AWS::Lambda::Function')) as {
      Properties: { Environment?: { Variables?: Record<string, unknown> } };
    }[];
    const chatFlags = functions.map((f) => f.Properties.Environment?.Variables?.[AGGREGATOR_ENV.alertChat]);
    expect(chatFlags.filter((flag) => flag === 'true')).toHaveLength(2);
    expect(JSON.stringify(template.toJSON())).toContain(`"Sid":"${SCANNER_POLICY_SIDS.events}"`);
  });
});

describe('Settings: chat context', () => {
  it('reads the chat ids from context and resolves them', () => {
    // Prepare
    const app = testApp({ context: { ...SLACK, events: 'false' } });

    // Act
    const settings = settingsFromContext(app.node);

    // Assess
    expect(settings).toMatchObject({ ...SLACK, events: false });
    expect(resolveChatSettings(settings)).toEqual({
      slack: { workspaceId: 'T0123ABCDEF', channelId: 'C0123ABCDEF' },
    });
  });

  it.each([
    [
      { slackWorkspaceId: 'T0123ABCDEF' },
      /Slack needs slackWorkspaceId, slackChannelId together; missing slackChannelId/,
    ],
    [{ ...SLACK, slackChannelId: '#security' }, /slackChannelId: must be a Slack channel id/],
    [{ ...SLACK, slackWorkspaceId: 'acme' }, /slackWorkspaceId: must be a Slack workspace id/],
    [{ ...TEAMS, teamsTenantId: 'contoso' }, /teamsTenantId: must be a Microsoft Teams tenant id/],
    [{ ...TEAMS, teamsChannelId: 'general' }, /teamsChannelId: must be a Microsoft Teams channel id/],
    [{ teamsTeamId: TEAMS.teamsTeamId }, /Microsoft Teams needs .* missing teamsTenantId, teamsChannelId/],
  ])('refuses %j naming the context key', (settings, message) => {
    // Prepare, Act
    const resolve = () => resolveChatSettings(settings);

    // Assess
    expect(resolve).toThrow(message);
  });
});

describe('cdk-nag with chat channels', () => {
  it('leaves no unacknowledged finding with Slack and Teams configured', () => {
    // Prepare
    const app = testApp({
      validate: true,
      context: { alertEmails: 'sec@example.com', ...SLACK, ...TEAMS },
    });
    addSrmScanStack(app);

    // Act
    const assembly = app.synth();

    // Assess
    const report = JSON.parse(readFileSync(join(assembly.directory, VALIDATION_REPORT_FILE), 'utf8')) as {
      pluginReports: {
        pluginName: string;
        violations?: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
      }[];
    };
    const violations = report.pluginReports.find((p) => p.pluginName === 'AwsSolutions')?.violations ?? [];
    expect(
      violations.map((v) => `${v.ruleName} at ${v.violatingConstructs.map((c) => c.constructPath).join(', ')}`),
    ).toEqual([]);
  }, 120_000);
});
