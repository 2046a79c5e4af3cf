import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';

/** Props of {@link AlertTopic}. */
export interface AlertTopicProps {
  /** Customer-managed key (the AWS-managed `aws/sns` key would block CloudWatch alarm actions). */
  masterKey: kms.IKey;
  /** Addresses subscribed by e-mail; each receives a confirmation message first. @default none */
  emails?: readonly string[];
}

/**
 * The alert topic: one digest per run, the scanner's failure alarms, e-mail subscriptions.
 * KMS-encrypted, and its policy denies any request not made over TLS.
 */
export class AlertTopic extends Construct {
  readonly topic: sns.Topic;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'srm-scan',
      masterKey: props.masterKey,
      enforceSSL: true,
    });
    // The topic policy replaces SNS's default one, so say explicitly that this account's
    // CloudWatch alarms may publish (and only those: confused-deputy conditions).
    const stack = Stack.of(this);
    this.topic.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowThisAccountsCloudWatchAlarms',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.topic.topicArn],
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account },
          ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:cloudwatch:${stack.region}:${stack.account}:alarm:*` },
        },
      }),
    );
    for (const email of props.emails ?? []) {
      this.topic.addSubscription(new subscriptions.EmailSubscription(email));
    }
  }
}
