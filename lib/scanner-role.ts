import { Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { productArn } from '../lambdas/core/securityhub/product.js';

/** Statement ids of the scanner role's policy, for tests and for reading the template. */
export const SCANNER_POLICY_SIDS = {
  scan: 'ScanReadOnly',
  table: 'FindingsTableReadWrite',
  key: 'FindingsTableAndTopicKeyViaService',
  topic: 'AlertTopicPublish',
  failureQueue: 'FailedInvocationDestination',
  logs: 'OwnLogGroup',
  memberRole: 'AssumeMemberRole',
  securityHubImport: 'SecurityHubImport',
  securityHubRead: 'SecurityHubReadOwnFindings',
  events: 'PutEventsOnDefaultBus',
} as const;

/**
 * What the Security Hub push sends (`lambdas/core/securityhub/push.ts`): import into the account's own product, and
 * read the findings it imported earlier to archive the resolved ones. Publishing permissions, like sns:Publish: the
 * scan itself stays read-only (`requiredActions` never lists them).
 */
export const SECURITY_HUB_PUSH_ACTIONS = ['securityhub:BatchImportFindings', 'securityhub:GetFindings'] as const;

/**
 * What the findings store sends (`FindingsStore`: Query the previous states, BatchWriteItem the
 * run): nothing else, no table management, no Scan, no index. A test keeps this in step with
 * the commands the job's code sends.
 */
export const FINDINGS_TABLE_ACTIONS = ['dynamodb:BatchWriteItem', 'dynamodb:Query'] as const;

/** What DynamoDB and SNS need of the caller to use a customer-managed key on its behalf. */
export const KEY_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'] as const;

/** Props of {@link ScannerRole}. */
export interface ScannerRoleProps {
  /** The read actions the selected checks need: `requiredActions(selectChecks(CHECKS, selection), COLLECTORS)`. */
  scanActions: readonly string[];
  table: dynamodb.ITable;
  topic: sns.ITopic;
  key: kms.IKey;
  logGroup: logs.ILogGroup;
  /** The on-failure destination; Lambda sends failed async invocations there with this role. */
  failureQueue: sqs.IQueue;
  /**
   * Organisation mode: the scanner reads nothing with its own credentials; it assumes this role in each member
   * account (where the read-only policy lives), and `scanActions` is not granted here.
   */
  memberRoleName?: string;
  /** Push the findings to Security Hub in the stack's region (`securityHub=true`): grants {@link SECURITY_HUB_PUSH_ACTIONS}. */
  securityHub?: boolean;
  /** The bus the run's events go to (the account's default bus): `events:PutEvents` on it and nothing else. */
  eventBusArn?: string;
}

/**
 * The scanner function's execution role: exactly the read-only actions the selected checks
 * require (the same list `srm-scan iam-policy` prints), and writes only to its own table,
 * topic, failure queue and log group. No managed policies: the role is the whole truth.
 */
export class ScannerRole extends Construct {
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ScannerRoleProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const region = stack.region;
    const access = props.memberRoleName
      ? new iam.PolicyStatement({
          sid: SCANNER_POLICY_SIDS.memberRole,
          actions: ['sts:AssumeRole'],
          resources: [`arn:${stack.partition}:iam::*:role/${props.memberRoleName}`],
        })
      : new iam.PolicyStatement({
          sid: SCANNER_POLICY_SIDS.scan,
          actions: [...props.scanActions],
          resources: ['*'],
        });
    const statements = [
      access,
      new iam.PolicyStatement({
        sid: SCANNER_POLICY_SIDS.table,
        actions: [...FINDINGS_TABLE_ACTIONS],
        resources: [props.table.tableArn],
      }),
      new iam.PolicyStatement({
        sid: SCANNER_POLICY_SIDS.key,
        actions: [...KEY_ACTIONS],
        resources: [props.key.keyArn],
        conditions: {
          StringEquals: { 'kms:ViaService': [`dynamodb.${region}.amazonaws.com`, `sns.${region}.amazonaws.com`] },
        },
      }),
      new iam.PolicyStatement({
        sid: SCANNER_POLICY_SIDS.topic,
        actions: ['sns:Publish'],
        resources: [props.topic.topicArn],
      }),
      new iam.PolicyStatement({
        sid: SCANNER_POLICY_SIDS.failureQueue,
        actions: ['sqs:SendMessage'],
        resources: [props.failureQueue.queueArn],
      }),
      new iam.PolicyStatement({
        sid: SCANNER_POLICY_SIDS.logs,
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        // The log group ARN ends in `:*`, which covers its log streams and nothing else.
        resources: [props.logGroup.logGroupArn],
      }),
      ...(props.eventBusArn
        ? [
            new iam.PolicyStatement({
              sid: SCANNER_POLICY_SIDS.events,
              actions: ['events:PutEvents'],
              resources: [props.eventBusArn],
            }),
          ]
        : []),
    ];
    if (props.securityHub) {
      const [importAction, readAction] = SECURITY_HUB_PUSH_ACTIONS;
      statements.push(
        new iam.PolicyStatement({
          sid: SCANNER_POLICY_SIDS.securityHubImport,
          actions: [importAction],
          // The account's own custom-integration product in the stack's region: nothing else can be imported into.
          resources: [productArn(stack.partition, region, stack.account)],
        }),
        new iam.PolicyStatement({
          sid: SCANNER_POLICY_SIDS.securityHubRead,
          actions: [readAction],
          resources: ['*'],
        }),
      );
    }
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'srm-scan scanner: read-only access for the selected checks, writes to its own resources',
      inlinePolicies: { ScannerPermissions: new iam.PolicyDocument({ statements }) },
    });
    if (props.memberRoleName) {
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::*:role/${props.memberRoleName}]`,
        reason: `Statement ${SCANNER_POLICY_SIDS.memberRole}: organisation mode scans every member account, listed at run time, so the account is a wildcard; the role name is fixed (the StackSet-deployed read-only member role), each member role's trust names this role and requires the external id, and nothing else is granted on other accounts.`,
      });
      return;
    }
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason: `Statement ScanReadOnly: a posture scan reads every resource of the account; the List/Describe/Get actions are exactly those the selected checks require (the catalogue, as \`srm-scan iam-policy\` prints), all of access level List or Read, and many of them (List*, Describe*) support no resource-level permissions.${
        props.securityHub
          ? ` Statement ${SCANNER_POLICY_SIDS.securityHubRead}: securityhub:GetFindings (Read) has no required resource type; the push reads only the findings of its own product and account, to archive those a scan resolved.`
          : ''
      }`,
    });
  }
}
