import { PublishCommand, type PublishCommandInput, SNSClient } from '@aws-sdk/client-sns';
import { parseArn } from '../aws/arn.js';
import type { AwsClients } from '../aws/clients.js';
import { AlertPublishError } from '../model/errors.js';
import type { ChatNotification } from './chat.js';
import { type Digest, SUBJECT_MAX_LENGTH } from './digest.js';

/** SNS's message size limit, attributes included. */
export const SNS_MAX_MESSAGE_BYTES = 256 * 1024;

export interface AlertTopic {
  topicArn: string;
  /** Default: the region in the topic ARN. */
  region?: string;
}

/** The region of a topic: the explicit one, else the ARN's (`arn:aws:sns:<region>:<account>:<name>`). */
export function topicRegion(topic: AlertTopic): string {
  if (topic.region) return topic.region;
  const region = parseArn(topic.topicArn)?.region;
  if (!region) {
    throw new AlertPublishError(
      `Alert topic ${topic.topicArn} is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>).`,
    );
  }
  return region;
}

/**
 * The SNS `Message` with `MessageStructure: 'json'`: the plain-text digest for every protocol (`default`: e-mail,
 * SQS, Lambda…) and the chat notification for `https` subscribers, which is how AWS Chatbot subscribes
 * (`https://global.sns-api.chatbot.amazonaws.com`). One publish serves both.
 */
export function digestMessage(digest: Pick<Digest, 'body'>, chat?: ChatNotification): string {
  return chat ? JSON.stringify({ default: digest.body, https: JSON.stringify(chat) }) : digest.body;
}

/** Refuses what SNS would reject, with a message that says why, before calling it. */
function assertPublishable(digest: Digest, message: string = digest.body): void {
  if (digest.subject.length > SUBJECT_MAX_LENGTH || !/^[\x20-\x7e]+$/.test(digest.subject)) {
    throw new AlertPublishError(
      `Digest subject is not SNS-safe (printable ASCII, at most ${SUBJECT_MAX_LENGTH} characters): ${JSON.stringify(digest.subject)}`,
    );
  }
  const attributeBytes = Object.entries(digest.attributes).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength('String') + Buffer.byteLength(value),
    0,
  );
  const total = Buffer.byteLength(message, 'utf8') + attributeBytes;
  if (total > SNS_MAX_MESSAGE_BYTES) {
    throw new AlertPublishError(`Digest is ${total} bytes, over SNS's ${SNS_MAX_MESSAGE_BYTES}-byte limit.`);
  }
}

/**
 * The SNS `Publish` request of a digest: one message with the String attributes `severity` (highest alerted
 * severity, or `none`) and `accountId`, for subscription filter policies such as `{ "severity": ["critical", "high"] }`.
 * With `chat`, the message is structured (`digestMessage`): e-mail gets the plain text, Chatbot the custom
 * notification. Refuses, with `AlertPublishError`, what SNS would reject.
 */
export function digestPublishInput(topicArn: string, digest: Digest, chat?: ChatNotification): PublishCommandInput {
  const message = digestMessage(digest, chat);
  assertPublishable(digest, message);
  return {
    TopicArn: topicArn,
    Subject: digest.subject,
    Message: message,
    ...(chat && { MessageStructure: 'json' }),
    MessageAttributes: {
      severity: { DataType: 'String', StringValue: digest.attributes.severity },
      accountId: { DataType: 'String', StringValue: digest.attributes.accountId },
    },
  };
}

/**
 * Publishes the digest ({@link digestPublishInput}) to the topic in its region. Failures raise `AlertPublishError`
 * with the SDK error as cause.
 *
 * @example
 * const { messageId } = await publishDigest(clients, { topicArn }, formatDigest(input));
 */
export async function publishDigest(
  clients: AwsClients,
  topic: AlertTopic,
  digest: Digest,
  chat?: ChatNotification,
): Promise<{ messageId: string }> {
  const input = digestPublishInput(topic.topicArn, digest, chat);
  const client = clients.get(SNSClient, topicRegion(topic));
  try {
    const output = await client.send(new PublishCommand(input));
    return { messageId: output.MessageId ?? '' };
  } catch (error) {
    throw new AlertPublishError(
      `Could not publish the digest to ${topic.topicArn}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      { cause: error },
    );
  }
}
