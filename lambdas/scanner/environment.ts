import { z } from 'zod';
import { describeIssues, parseConfig, type ScanConfig, type ScanConfigInput } from '../core/config/config-file.js';
import { EVENT_BUS } from '../core/events/schema.js';
import { ConfigurationError } from '../core/model/errors.js';
import { EXTERNAL_ID, ROLE_NAME } from '../core/org/identifiers.js';
import { NOTIFY_ON, type NotifyOn, SEVERITIES, type Severity } from '../core/srm/vocabulary.js';

/** Names of the scanner function's environment variables, shared with the CDK construct that sets them. */
export const SCANNER_ENV = {
  /** The scan configuration (the same JSON as the CLI's `--config` file), validated by `parseConfig`. */
  config: 'SRM_SCAN_CONFIG',
  findingsTable: 'SRM_SCAN_FINDINGS_TABLE',
  alertTopicArn: 'SRM_SCAN_ALERT_TOPIC_ARN',
  minAlertSeverity: 'SRM_SCAN_MIN_ALERT_SEVERITY',
  notifyOn: 'SRM_SCAN_NOTIFY_ON',
  historyTtlDays: 'SRM_SCAN_HISTORY_TTL_DAYS',
  /** Organisation mode: the role assumed in each member account (set only in organisation mode). */
  memberRoleName: 'SRM_SCAN_MEMBER_ROLE_NAME',
  /** Organisation mode: the external id the member roles' trust requires, if any. */
  memberExternalId: 'SRM_SCAN_MEMBER_EXTERNAL_ID',
  /** `true`: push the findings to Security Hub in the function's region after each scan (stack option securityHub). */
  securityHub: 'SRM_SCAN_SECURITY_HUB',
  /** EventBridge bus for the finding and summary events (`default`); unset: no events. */
  eventBus: 'SRM_SCAN_EVENT_BUS',
  /** `true`: the digest also goes out as an AWS Chatbot custom notification (Slack/Teams channels on the topic). */
  alertChat: 'SRM_SCAN_ALERT_CHAT',
} as const;

/** The function's settings, parsed once per execution environment. */
export interface ScannerEnvironment {
  config: ScanConfig;
  findingsTable: string;
  alertTopicArn: string;
  minAlertSeverity: Severity;
  notifyOn: NotifyOn;
  historyTtlDays: number;
  /** The function's own region (`AWS_REGION`): where its table and topic live. */
  region: string;
  /** Organisation mode: how member accounts are entered. Absent in a single-account deployment. */
  organization?: { memberRoleName: string; externalId?: string };
  /** Push the findings to Security Hub in `region` after each scan. */
  securityHub?: boolean;
  /** The bus the run's events go to; absent: no events. */
  eventBus?: string;
  /** Publish the digest in the chat notification format too. */
  alertChat?: boolean;
}

/** What the stack passes in; `config` is the unparsed input, kept small for Lambda's 4 KB environment limit. */
export interface ScannerEnvironmentInput {
  config: ScanConfigInput;
  findingsTable: string;
  alertTopicArn: string;
  minAlertSeverity: Severity;
  notifyOn: NotifyOn;
  historyTtlDays: number;
  /** Organisation mode only. */
  organization?: { memberRoleName: string; externalId?: string };
  securityHub?: boolean;
  /** The bus for the run's events; absent: no events. */
  eventBus?: string;
  /** A chat channel is subscribed to the topic. */
  alertChat?: boolean;
}

const required = () => z.string({ error: 'is not set' }).trim().min(1, 'is empty');

const environmentSchema = z.object({
  [SCANNER_ENV.config]: required(),
  [SCANNER_ENV.findingsTable]: required(),
  [SCANNER_ENV.alertTopicArn]: required().regex(
    /^arn:aws[\w-]*:sns:[a-z0-9-]+:\d{12}:[\w-]+$/,
    'must be an SNS topic ARN',
  ),
  [SCANNER_ENV.minAlertSeverity]: z.enum(SEVERITIES).default('high'),
  [SCANNER_ENV.notifyOn]: z.enum(NOTIFY_ON).default('changes'),
  [SCANNER_ENV.historyTtlDays]: z.coerce.number().int().positive().default(90),
  [SCANNER_ENV.memberRoleName]: z.string().regex(ROLE_NAME, 'must be an IAM role name').optional(),
  [SCANNER_ENV.memberExternalId]: z
    .string()
    .regex(EXTERNAL_ID, 'must be an STS external id (2 to 1,224 characters)')
    .optional(),
  [SCANNER_ENV.securityHub]: z.enum(['true', 'false']).optional(),
  [SCANNER_ENV.eventBus]: z.string().regex(EVENT_BUS, 'must be an event bus name or ARN').optional(),
  [SCANNER_ENV.alertChat]: z.enum(['true', 'false'], 'must be true or false').optional(),
  AWS_REGION: required(),
});

/**
 * Builds the environment variables for the scanner function. The inverse of `parseScannerEnvironment`.
 */
export function scannerEnvironmentVariables(input: ScannerEnvironmentInput): Record<string, string> {
  return {
    [SCANNER_ENV.config]: JSON.stringify(input.config),
    [SCANNER_ENV.findingsTable]: input.findingsTable,
    [SCANNER_ENV.alertTopicArn]: input.alertTopicArn,
    [SCANNER_ENV.minAlertSeverity]: input.minAlertSeverity,
    [SCANNER_ENV.notifyOn]: input.notifyOn,
    [SCANNER_ENV.historyTtlDays]: String(input.historyTtlDays),
    ...(input.organization && { [SCANNER_ENV.memberRoleName]: input.organization.memberRoleName }),
    ...(input.organization?.externalId && { [SCANNER_ENV.memberExternalId]: input.organization.externalId }),
    ...(input.securityHub && { [SCANNER_ENV.securityHub]: 'true' }),
    ...(input.eventBus && { [SCANNER_ENV.eventBus]: input.eventBus }),
    ...(input.alertChat && { [SCANNER_ENV.alertChat]: 'true' }),
  };
}

/**
 * Validates the function's environment; a bad value fails with a message naming the variable
 * (and, inside `SRM_SCAN_CONFIG`, the configuration field).
 *
 * @throws ConfigurationError
 */
export function parseScannerEnvironment(env: Readonly<Record<string, string | undefined>>): ScannerEnvironment {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) throw new ConfigurationError(`Invalid environment: ${describeIssues(parsed.error)}`);
  const values = parsed.data;
  const memberRoleName = values[SCANNER_ENV.memberRoleName];
  let configJson: unknown;
  try {
    configJson = JSON.parse(values[SCANNER_ENV.config]);
  } catch (error) {
    throw new ConfigurationError(
      `Invalid environment: ${SCANNER_ENV.config} is not valid JSON: ${(error as Error).message}`,
      { cause: error },
    );
  }
  return {
    config: parseConfig(configJson, SCANNER_ENV.config),
    findingsTable: values[SCANNER_ENV.findingsTable],
    alertTopicArn: values[SCANNER_ENV.alertTopicArn],
    minAlertSeverity: values[SCANNER_ENV.minAlertSeverity],
    notifyOn: values[SCANNER_ENV.notifyOn],
    historyTtlDays: values[SCANNER_ENV.historyTtlDays],
    region: values.AWS_REGION,
    ...(values[SCANNER_ENV.securityHub] === 'true' && { securityHub: true }),
    ...(values[SCANNER_ENV.eventBus] && { eventBus: values[SCANNER_ENV.eventBus] }),
    ...(values[SCANNER_ENV.alertChat] === 'true' && { alertChat: true }),
    ...(memberRoleName && {
      organization: {
        memberRoleName,
        ...(values[SCANNER_ENV.memberExternalId] && { externalId: values[SCANNER_ENV.memberExternalId] }),
      },
    }),
  };
}

let cached: ScannerEnvironment | undefined;

/** `parseScannerEnvironment(process.env)`, once per execution environment (cold start). */
export function scannerEnvironment(): ScannerEnvironment {
  cached ??= parseScannerEnvironment(process.env);
  return cached;
}
