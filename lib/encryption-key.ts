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
    // CloudWatch alarm actions publish to the encrypted topic as the CloudWatch service, which
    // calls KMS itself. Only on behalf of this account (confused deputy): without the condition,
    // any account's alarms could use this key. aws:SourceAccount is what a service principal
    // passes when it acts for a resource owner; aws:SourceArn (the alarm) is left out, as AWS
    // does not document sending it on this KMS call, and a key the request lacks denies silently.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowCloudWatchAlarmsToUseKeyForTopic',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
  }
}
