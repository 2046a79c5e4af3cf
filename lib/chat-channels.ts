import * as chatbot from 'aws-cdk-lib/aws-chatbot';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { z } from 'zod';
import { describeIssues } from '../lambdas/core/config/config-file.js';
import { ConfigurationError } from '../lambdas/core/model/errors.js';

/** Chat channels the alert topic is routed to through AWS Chatbot (Amazon Q Developer in chat applications). */
export interface ChatSettings {
  /** Slack workspace id (`T…`), shown in the Chatbot console once the workspace is authorised. */
  slackWorkspaceId?: string;
  /** Slack channel id (`C…`): the last part of the channel's "Copy link". */
  slackChannelId?: string;
  /** Microsoft Teams tenant id (a GUID), shown in the Chatbot console once the team is authorised. */
  teamsTenantId?: string;
  /** Microsoft Teams team id (a GUID). */
  teamsTeamId?: string;
  /** Microsoft Teams channel id, `19:…@thread.tacv2` or URL-encoded `19%3a…%40thread.tacv2`. */
  teamsChannelId?: string;
}

export interface ResolvedChatSettings {
  slack?: { workspaceId: string; channelId: string };
  teams?: { tenantId: string; teamId: string; channelId: string };
}

/** The context keys, each a field of {@link ChatSettings}. */
export const CHAT_CONTEXT_KEYS = [
  'slackWorkspaceId',
  'slackChannelId',
  'teamsTenantId',
  'teamsTeamId',
  'teamsChannelId',
] as const;

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const chatSchema = z
  .object({
    // AWS::Chatbot::SlackChannelConfiguration: SlackWorkspaceId ^[0-9A-Z]{1,255}$, SlackChannelId ^[A-Za-z0-9]+$.
    slackWorkspaceId: z
      .string()
      .regex(
        /^T[0-9A-Z]{2,254}$/,
        'must be a Slack workspace id such as T0123ABCDEF (Chatbot console, after authorising the workspace)',
      )
      .optional(),
    slackChannelId: z
      .string()
      .regex(
        /^[CG][0-9A-Z]{2,254}$/,
        'must be a Slack channel id such as C0123ABCDEF (the end of the channel\'s "Copy link")',
      )
      .optional(),
    teamsTenantId: z.string().regex(GUID, 'must be a Microsoft Teams tenant id (a GUID)').optional(),
    teamsTeamId: z.string().regex(GUID, 'must be a Microsoft Teams team id (a GUID)').optional(),
    // Teams shows `19:…@thread.tacv2`; CloudFormation wants it URL-encoded (`19%3a…%40thread.tacv2`).
    teamsChannelId: z
      .string()
      .transform((id) => id.replace(/:/g, '%3a').replace(/@/g, '%40'))
      .pipe(
        z
          .string()
          .regex(
            /^[\w\-=+/.,]*%3[aA][\w\-=+/.,]*%40[\w\-=+/.,]*$/,
            'must be a Microsoft Teams channel id such as 19:abc123@thread.tacv2 (the channel\'s "Copy link")',
          ),
      )
      .optional(),
  })
  .strict();

/**
 * Validates the chat context: each id's shape, and the keys of one chat client given together.
 *
 * @throws ConfigurationError naming the context key
 */
export function resolveChatSettings(settings: ChatSettings): ResolvedChatSettings {
  const given = Object.fromEntries(CHAT_CONTEXT_KEYS.flatMap((key) => (settings[key] ? [[key, settings[key]]] : [])));
  const parsed = chatSchema.safeParse(given);
  if (!parsed.success)
    throw new ConfigurationError(`Invalid SrmScanStack chat settings: ${describeIssues(parsed.error)}`);
  const v = parsed.data;
  const together = (keys: readonly (keyof ChatSettings)[], what: string) => {
    const set = keys.filter((key) => v[key]);
    if (set.length > 0 && set.length < keys.length) {
      throw new ConfigurationError(
        `Invalid SrmScanStack chat settings: ${what} needs ${keys.join(', ')} together; missing ${keys.filter((k) => !v[k]).join(', ')}.`,
      );
    }
  };
  together(['slackWorkspaceId', 'slackChannelId'], 'Slack');
  together(['teamsTenantId', 'teamsTeamId', 'teamsChannelId'], 'Microsoft Teams');
  return {
    ...(v.slackWorkspaceId &&
      v.slackChannelId && { slack: { workspaceId: v.slackWorkspaceId, channelId: v.slackChannelId } }),
    ...(v.teamsTenantId &&
      v.teamsTeamId &&
      v.teamsChannelId && { teams: { tenantId: v.teamsTenantId, teamId: v.teamsTeamId, channelId: v.teamsChannelId } }),
  };
}

/** Props of {@link ChatChannels}. */
export interface ChatChannelsProps {
  chat: ResolvedChatSettings;
  /** The alert topic: digests (also as a chat notification) and the scanner's alarms. */
  topic: sns.ITopic;
}

/**
 * Slack and Microsoft Teams channels subscribed to the alert topic through AWS Chatbot. Notifications only: the
 * channel role has no permission, and the guardrail denies every action, so nobody can run AWS commands from the
 * channel (without a guardrail Chatbot applies AdministratorAccess). The Slack workspace or Teams tenant must be
 * authorised once in the Chatbot console before deploying.
 */
export class ChatChannels extends Construct {
  readonly role: iam.Role;
  readonly guardrail: iam.ManagedPolicy;
  readonly slack: chatbot.SlackChannelConfiguration | undefined;
  readonly teams: chatbot.CfnMicrosoftTeamsChannelConfiguration | undefined;

  constructor(scope: Construct, id: string, props: ChatChannelsProps) {
    super(scope, id);
    this.role = new iam.Role(this, 'ChannelRole', {
      assumedBy: new iam.ServicePrincipal('chatbot.amazonaws.com'),
      description: 'srm-scan chat channels: notifications only, no permissions',
    });
    this.guardrail = new iam.ManagedPolicy(this, 'Guardrail', {
      description: 'srm-scan chat channels: no AWS action may be run from the channel',
      statements: [
        new iam.PolicyStatement({
          sid: 'NoActionsFromChat',
          effect: iam.Effect.DENY,
          actions: ['*'],
          resources: ['*'],
        }),
      ],
    });
    const { slack, teams } = props.chat;
    this.slack = slack
      ? new chatbot.SlackChannelConfiguration(this, 'Slack', {
          slackChannelConfigurationName: `srm-scan-${slack.channelId}`,
          slackWorkspaceId: slack.workspaceId,
          slackChannelId: slack.channelId,
          role: this.role,
          notificationTopics: [props.topic],
          guardrailPolicies: [this.guardrail],
          loggingLevel: chatbot.LoggingLevel.ERROR,
        })
      : undefined;
    this.teams = teams
      ? new chatbot.CfnMicrosoftTeamsChannelConfiguration(this, 'Teams', {
          configurationName: `srm-scan-teams-${teams.teamId.slice(0, 8)}`,
          teamsTenantId: teams.tenantId,
          teamId: teams.teamId,
          teamsChannelId: teams.channelId,
          iamRoleArn: this.role.roleArn,
          snsTopicArns: [props.topic.topicArn],
          guardrailPolicies: [this.guardrail.managedPolicyArn],
          loggingLevel: 'ERROR',
        })
      : undefined;
  }
}
