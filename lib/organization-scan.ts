import { join } from 'node:path';
import { type CfnElement, Duration, type RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import type * as sns from 'aws-cdk-lib/aws-sns';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { DEFAULT_WRITE_UNITS_PER_SECOND } from '../lambdas/core/findings/store.js';
import type { NotifyOn, Severity } from '../lambdas/core/srm/vocabulary.js';
import { AGGREGATOR_ENV } from '../lambdas/org/aggregate.js';
import { LISTER_ENV } from '../lambdas/org/list-accounts.js';
import { ORGANIZATION_EVENT_SOURCE } from '../lambdas/scanner/event.js';
import { PROJECT_ROOT, SCANNER_RUNTIME, scannerBundling } from './scanner-function.js';
import type { ResolvedOrganizationSettings } from './settings.js';

/**
 * Lambda errors worth retrying: the service throttled or failed the invoke itself (not the scan). A scan that fails
 * (member role missing, access denied) is not retried: it would fail the same way; it counts against the tolerated
 * failures and the digest names it.
 */
export const RETRIED_LAMBDA_ERRORS = [
  'Lambda.TooManyRequestsException',
  'Lambda.ServiceException',
  'Lambda.AWSLambdaException',
  'Lambda.SdkClientException',
  'Lambda.ClientExecutionTimeoutException',
] as const;

/** Where the Distributed Map writes its per-account results (`ResultWriter`), under the results bucket. */
export const MAP_RESULTS_PREFIX = 'map-results';

/** Props of {@link OrganizationScan}. */
export interface OrganizationScanProps {
  /** The scanner function; in organisation mode it scans the account an item names through its member role. */
  scanner: lambda.IFunction;
  table: dynamodb.ITable;
  topic: sns.ITopic;
  key: kms.IKey;
  settings: ResolvedOrganizationSettings;
  /** The deployment's regions: split into shards when `settings.regionShards` > 1. */
  regions?: readonly string[];
  minAlertSeverity: Severity;
  notifyOn: NotifyOn;
  historyTtlDays: number;
  logRetentionDays: number;
  dataRemovalPolicy: RemovalPolicy;
  /** Chat channels are subscribed to the topic: publish the digest in their format too. @default false */
  alertChat?: boolean;
}

/**
 * esbuild options of the organisation functions: the scanner's, without its run-time data packages. Nothing is
 * external (left unset, CDK would leave `@aws-sdk/*` to the runtime's copy): the SDK versions we test are bundled.
 */
function orgBundling(): nodejs.BundlingOptions {
  const { commandHooks: _hooks, ...rest } = scannerBundling();
  return { ...rest, externalModules: [] };
}

/**
 * Organisation mode's engine: a Standard state machine that lists the accounts (or reads an S3 item list), runs
 * the scanner once per account (or region shard) in a Distributed Map, and hands every result to one aggregation
 * step, which publishes the organisation digest and writes the organisation summary item.
 */
export class OrganizationScan extends Construct {
  readonly stateMachine: sfn.StateMachine;
  readonly map: sfn.DistributedMap;
  readonly lister: nodejs.NodejsFunction | undefined;
  readonly aggregator: nodejs.NodejsFunction;
  readonly resultsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: OrganizationScanProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const { settings } = props;

    this.resultsBucket = new s3.Bucket(this, 'Results', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(7), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
      removalPolicy: props.dataRemovalPolicy,
    });
    Validations.of(this.resultsBucket).acknowledge({
      id: 'AwsSolutions::AwsSolutions-S1',
      reason:
        "Scratch space of the Distributed Map: per-account scan summaries (counts, no secrets) written by the state machine and read by the aggregation step, expired after 7 days. Access logs would log the service's own writes; the findings table is the record.",
    });

    const functionRole = (
      name: string,
      description: string,
      statements: iam.PolicyStatement[],
      logGroup: logs.ILogGroup,
    ) =>
      new iam.Role(this, `${name}Role`, {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description,
        inlinePolicies: {
          [`${name}Permissions`]: new iam.PolicyDocument({
            statements: [
              ...statements,
              new iam.PolicyStatement({
                sid: 'OwnLogGroup',
                actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
                resources: [logGroup.logGroupArn],
              }),
            ],
          }),
        },
      });
    const orgFunction = (
      name: string,
      entry: string,
      description: string,
      role: iam.IRole,
      logGroup: logs.ILogGroup,
      environment: Record<string, string>,
    ) =>
      new nodejs.NodejsFunction(this, name, {
        description,
        entry: join(PROJECT_ROOT, 'lambdas', 'org', entry),
        handler: 'handler',
        projectRoot: PROJECT_ROOT,
        depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
        runtime: SCANNER_RUNTIME,
        architecture: lambda.Architecture.ARM_64,
        timeout: Duration.minutes(5),
        memorySize: 512,
        role,
        logGroup,
        loggingFormat: lambda.LoggingFormat.JSON,
        applicationLogLevelV2: lambda.ApplicationLogLevel.INFO,
        systemLogLevelV2: lambda.SystemLogLevel.WARN,
        environment: { ...environment, NODE_OPTIONS: '--enable-source-maps' },
        bundling: orgBundling(),
      });
    const logGroup = (name: string) =>
      new logs.LogGroup(this, `${name}Logs`, {
        retention: props.logRetentionDays as logs.RetentionDays,
        removalPolicy: props.dataRemovalPolicy,
      });

    // The lister: only when the accounts come from Organizations rather than an item list.
    if (!settings.itemList) {
      const listerLogs = logGroup('Lister');
      const listerRole = functionRole(
        'Lister',
        'srm-scan organisation lister: lists the accounts of the organisation (or of one OU)',
        [
          new iam.PolicyStatement({
            sid: 'ListOrganizationAccounts',
            actions: [
              'organizations:ListAccounts',
              'organizations:ListAccountsForParent',
              'organizations:ListOrganizationalUnitsForParent',
            ],
            resources: ['*'],
          }),
        ],
        listerLogs,
      );
      Validations.of(listerRole).acknowledge({
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason:
          'Statement ListOrganizationAccounts: organizations:ListAccounts supports no resource-level permission, and the OU walk (ListAccountsForParent, ListOrganizationalUnitsForParent) reaches OUs only known at run time; all three are List-only.',
      });
      this.lister = orgFunction(
        'Lister',
        'list-accounts.ts',
        'srm-scan: lists the organisation accounts the nightly scan covers',
        listerRole,
        listerLogs,
        {
          [LISTER_ENV.regionShards]: String(settings.regionShards),
          ...(settings.organizationalUnit && { [LISTER_ENV.ou]: settings.organizationalUnit }),
          ...(props.regions && { [LISTER_ENV.regions]: JSON.stringify(props.regions) }),
        },
      );
    }

    const region = stack.region;
    const aggregatorLogs = logGroup('Aggregator');
    const aggregatorRole = functionRole(
      'Aggregator',
      'srm-scan organisation aggregator: reads the map results, publishes the digest, writes the summary item',
      [
        new iam.PolicyStatement({
          sid: 'ReadMapResults',
          actions: ['s3:GetObject'],
          resources: [this.resultsBucket.arnForObjects(`${MAP_RESULTS_PREFIX}/*`)],
        }),
        new iam.PolicyStatement({
          sid: 'AlertTopicPublish',
          actions: ['sns:Publish'],
          resources: [props.topic.topicArn],
        }),
        new iam.PolicyStatement({
          sid: 'OrganizationSummaryItem',
          actions: ['dynamodb:PutItem'],
          resources: [props.table.tableArn],
        }),
        new iam.PolicyStatement({
          sid: 'FindingsTableAndTopicKeyViaService',
          actions: ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'],
          resources: [props.key.keyArn],
          conditions: {
            StringEquals: { 'kms:ViaService': [`dynamodb.${region}.amazonaws.com`, `sns.${region}.amazonaws.com`] },
          },
        }),
      ],
      aggregatorLogs,
    );
    Validations.of(aggregatorRole).acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.resultsBucket.node.defaultChild as s3.CfnBucket)}.Arn>/${MAP_RESULTS_PREFIX}/*]`,
      reason:
        "Statement ReadMapResults: the Distributed Map names its result files at run time (a map run id and file numbers under the prefix); GetObject only, on this stack's own results bucket.",
    });
    this.aggregator = orgFunction(
      'Aggregator',
      'aggregate.ts',
      'srm-scan: one digest and one summary item for the organisation scan',
      aggregatorRole,
      aggregatorLogs,
      {
        [AGGREGATOR_ENV.findingsTable]: props.table.tableName,
        [AGGREGATOR_ENV.alertTopicArn]: props.topic.topicArn,
        [AGGREGATOR_ENV.minAlertSeverity]: props.minAlertSeverity,
        [AGGREGATOR_ENV.notifyOn]: props.notifyOn,
        [AGGREGATOR_ENV.historyTtlDays]: String(props.historyTtlDays),
        ...(props.alertChat && { [AGGREGATOR_ENV.alertChat]: 'true' }),
      },
    );

    // One account (or region shard) per child execution: the item plus the event source is the scanner's event.
    // Up to maxConcurrency runs write to the one findings table at once: each gets its share of the table's warm
    // write throughput, so together they stay under it.
    const writeUnitsPerSecond = Math.max(1, Math.floor(DEFAULT_WRITE_UNITS_PER_SECOND / settings.maxConcurrency));
    const scanAccount = tasks.LambdaInvoke.jsonata(this, 'ScanAccount', {
      lambdaFunction: props.scanner,
      payload: sfn.TaskInput.fromText(
        `{% $merge([$states.input, {'source': '${ORGANIZATION_EVENT_SOURCE}', 'writeUnitsPerSecond': ${writeUnitsPerSecond}}]) %}`,
      ),
      retryOnServiceExceptions: false,
      outputs: '{% $states.result.Payload %}',
    });
    scanAccount.addRetry({
      errors: [...RETRIED_LAMBDA_ERRORS],
      interval: Duration.seconds(5),
      maxAttempts: 6,
      backoffRate: 2,
      maxDelay: Duration.minutes(2),
      jitterStrategy: sfn.JitterType.FULL,
    });

    const itemList = settings.itemList;
    this.map = sfn.DistributedMap.jsonata(this, 'ScanAccounts', {
      comment: 'srm-scan: one scanner run per account (or region shard)',
      label: 'ScanAccounts',
      mapExecutionType: sfn.StateMachineType.STANDARD,
      maxConcurrency: settings.maxConcurrency,
      toleratedFailurePercentage: settings.toleratedFailurePercentage,
      ...(itemList
        ? {
            itemReader: new sfn.S3JsonItemReader({
              bucket: s3.Bucket.fromBucketName(this, 'ItemListBucket', itemList.bucket),
              key: itemList.key,
            }),
          }
        : { items: sfn.ProvideItems.jsonata('{% $states.input.items %}') }),
      resultWriterV2: new sfn.ResultWriterV2({ bucket: this.resultsBucket, prefix: MAP_RESULTS_PREFIX }),
    });
    this.map.itemProcessor(scanAccount);

    const context = {
      executionName: '{% $states.context.Execution.Name %}',
      startedAt: '{% $states.context.Execution.StartTime %}',
    };
    const aggregate = tasks.LambdaInvoke.jsonata(this, 'Aggregate', {
      lambdaFunction: this.aggregator,
      payload: sfn.TaskInput.fromObject({
        ...context,
        resultWriterDetails: '{% $states.input.ResultWriterDetails %}',
      }),
      outputs: '{% $states.result.Payload %}',
    });
    // A run that stops early (accounts not listable, too many failed accounts) still tells people, then fails.
    const reportFailedRun = tasks.LambdaInvoke.jsonata(this, 'ReportFailedRun', {
      lambdaFunction: this.aggregator,
      payload: sfn.TaskInput.fromObject({ ...context, runError: '{% $states.input %}' }),
    }).next(
      new sfn.Fail(this, 'RunFailed', {
        error: 'OrganizationScanFailed',
        cause: 'The organisation scan stopped early; the digest names the error.',
      }),
    );
    this.map.addCatch(reportFailedRun);

    let definition: sfn.IChainable;
    if (this.lister) {
      const listAccounts = tasks.LambdaInvoke.jsonata(this, 'ListAccounts', {
        lambdaFunction: this.lister,
        outputs: '{% $states.result.Payload %}',
      });
      // Lambda service errors are retried by the task's default; Organizations throttling surfaces as the SDK's error name.
      listAccounts.addRetry({
        errors: ['TooManyRequestsException', 'Lambda.TooManyRequestsException'],
        interval: Duration.seconds(5),
        maxAttempts: 4,
        backoffRate: 2,
        jitterStrategy: sfn.JitterType.FULL,
      });
      listAccounts.addCatch(reportFailedRun);
      definition = listAccounts.next(this.map).next(aggregate);
    } else {
      definition = this.map.next(aggregate);
    }

    const machineLogs = new logs.LogGroup(this, 'StateMachineLogs', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: props.dataRemovalPolicy,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      comment: 'srm-scan: nightly scan of the organisation',
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      queryLanguage: sfn.QueryLanguage.JSONATA,
      stateMachineType: sfn.StateMachineType.STANDARD,
      timeout: Duration.hours(12),
      tracingEnabled: true,
      logs: { destination: machineLogs, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    this.acknowledgeStateMachineGrants(props.scanner, itemList?.bucket);
  }

  /** The state machine role CDK derives from the definition: its wildcards, each explained. */
  private acknowledgeStateMachineGrants(scanner: lambda.IFunction, itemListBucket: string | undefined): void {
    const stack = Stack.of(this);
    const logicalId = (construct: Construct) => stack.getLogicalId(construct.node.defaultChild as CfnElement);
    const machineId = logicalId(this.stateMachine);
    const execution = `arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${machineId}"}]}]}`;
    const functions = [scanner, this.aggregator, ...(this.lister ? [this.lister] : [])];
    const acknowledgements: [string, string][] = [
      [
        'Resource::*',
        'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSamplingRules, GetSamplingTargets) and CloudWatch Logs delivery (logs:CreateLogDelivery and the other vended-log actions) support no resource-level permission; CDK adds exactly these for tracingEnabled and the ALL-level log group.',
      ],
      ...functions.map((fn): [string, string] => [
        `Resource::<${logicalId(fn)}.Arn>:*`,
        "CDK's LambdaInvoke grants lambda:InvokeFunction on the function and its versions/aliases (`:*`); the state machine invokes the unqualified function of this stack only.",
      ]),
      [
        `Resource::arn:<AWS::Partition>:s3:::<${logicalId(this.resultsBucket)}>/*`,
        "The Distributed Map's ResultWriter names its result files at run time (map run id, file numbers); object actions on this stack's own results bucket only.",
      ],
      [
        `Resource::${execution}:*`,
        'The Distributed Map starts, describes and stops its own child executions, whose names Step Functions generates at run time; scoped to this state machine.',
      ],
      [
        `Resource::${execution}/ScanAccounts:*`,
        'The map run of the ScanAccounts state (redrive, describe): named by Step Functions at run time; scoped to this state machine.',
      ],
    ];
    if (itemListBucket) {
      acknowledgements.push([
        `Resource::arn:<AWS::Partition>:s3:::${itemListBucket}/*`,
        "CDK's S3JsonItemReader grants s3:GetObject on the item list bucket's objects; the map reads the one configured item list, and the bucket is the customer's own inventory bucket named at deploy time.",
      ]);
    }
    for (const [appliesTo, reason] of acknowledgements) {
      Validations.of(this.stateMachine).acknowledge({ id: `AwsSolutions::AwsSolutions-IAM5[${appliesTo}]`, reason });
    }
  }
}
