import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { FINDINGS_TABLE_SCHEMA } from '../lambdas/core/findings/table-schema.js';

/** Props of {@link FindingsTable}. */
export interface FindingsTableProps {
  /** Customer-managed key for encryption at rest. */
  encryptionKey: kms.IKey;
  /** Refuse `DeleteTable` (also from CloudFormation). @default true */
  deletionProtection?: boolean;
  /** @default RemovalPolicy.RETAIN: findings history outlives the stack. */
  removalPolicy?: RemovalPolicy;
}

/**
 * The findings table: each finding's current state, per-run summaries and history (expired
 * by TTL), and the sparse `open-findings` index listing open FAILs. Key names come from
 * `FINDINGS_TABLE_SCHEMA`, the same constants the store uses. On-demand billing (a nightly
 * burst, idle the rest of the day), point-in-time recovery, deletion protection.
 */
export class FindingsTable extends Construct {
  readonly table: dynamodb.Table;
  /** Name of the open-findings index. */
  readonly openFindingsIndexName: string = FINDINGS_TABLE_SCHEMA.openFindingsIndex.name;

  constructor(scope: Construct, id: string, props: FindingsTableProps) {
    super(scope, id);
    const schema = FINDINGS_TABLE_SCHEMA;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: schema.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: schema.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      deletionProtection: props.deletionProtection ?? true,
      timeToLiveAttribute: schema.ttlAttribute,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: schema.openFindingsIndex.name,
      partitionKey: { name: schema.openFindingsIndex.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: schema.openFindingsIndex.sortKey, type: dynamodb.AttributeType.STRING },
      // Sparse (only open FAILs carry the keys) and read by people: project everything.
      projectionType: dynamodb.ProjectionType.ALL,
    });
  }
}
