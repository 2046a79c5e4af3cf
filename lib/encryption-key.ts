import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/** Props of {@link EncryptionKey}. */
export interface EncryptionKeyProps {
  /** @default RemovalPolicy.RETAIN: the table's data cannot be read without it. */
  removalPolicy?: RemovalPolicy;
}

/**
 * The customer-managed KMS key that encrypts the findings table and the alert topic.
 *
 * Why customer-managed: the findings table is a map of the account's weaknesses, so its key
 * policy (not only IAM) should decide who can read it, and every decrypt shows up in CloudTrail
 * under this key. And the topic needs one anyway: CloudWatch alarms cannot publish to a topic
 * encrypted with the AWS-managed `aws/sns` key, whose policy cannot be changed. One key serves
 * both ($1 a month); rotation is on (cdk-nag AwsSolutions-KMS5).
 */
export class EncryptionKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, props: EncryptionKeyProps = {}) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'srm-scan: encrypts the findings table and the alert topic',
      enableKeyRotation: true,
      pendingWindow: Duration.days(30),
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    // CloudWatch alarm actions publish to the encrypted topic as the CloudWatch service; only this
    // account's alarms may (confused-deputy conditions, as srm-scan's kms-key-not-public requires).
    const stack = Stack.of(this);
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToUseKeyForTopic',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:*` },
        },
      }),
    );
  }
}
