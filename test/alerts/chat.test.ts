import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CHAT_DIGEST_RESERVE_BYTES,
  CHAT_LIMITS,
  chatCode,
  formatChatNotification,
} from '../../lambdas/core/alerts/chat.js';
import { DIGEST_MAX_BYTES, type DigestInput, formatDigest, selectAlertable } from '../../lambdas/core/alerts/digest.js';
import { digestMessage, publishDigest, SNS_MAX_MESSAGE_BYTES } from '../../lambdas/core/alerts/publisher.js';
import { ApiCallCounter } from '../../lambdas/core/aws/api-calls.js';
import { AwsClients } from '../../lambdas/core/aws/clients.js';
import { computeLifecycle } from '../../lambdas/core/findings/lifecycle.js';
import type { Finding } from '../../lambdas/core/findings/model.js';
import { CHECK_A, day, finding, report } from '../helpers/findings.js';

function input(findings: readonly Finding[]): DigestInput {
  const scan = report(findings);
  const lifecycle = computeLifecycle({ previous: [], report: scan, now: day(0) });
  return {
    report: scan,
    lifecycle: lifecycle.summary,
    alertable: selectAlertable(lifecycle.transitions, 'high'),
    minSeverity: 'high',
    table: { name: 'srm-scan-findings', region: 'eu-west-1' },
  };
}

describe('Function: formatChatNotification', () => {
  it('renders the AWS Chatbot custom notification shape from the digest data, most severe first', () => {
    // Prepare
    const data = input([
      finding(CHECK_A, 'arn:aws:s3:::high-one', 'FAIL', { severity: 'high' }),
      finding(CHECK_A, 'arn:aws:s3:::critical-one', 'FAIL', { severity: 'critical' }),
      finding(CHECK_A, 'arn:aws:s3:::low-one', 'FAIL', { severity: 'low' }),
    ]);

    // Act
    const chat = formatChatNotification(data);

    // Assess
    expect(chat).toMatchObject({
      version: '1.0',
      source: 'custom',
      content: { textType: 'client-markdown' },
      metadata: { threadId: 'srm-scan-123456789012', eventType: 'srm-scan Digest' },
    });
    expect(chat.content.title).toContain('srm-scan 123456789012: 1 new critical, 1 new high');
    const description = chat.content.description;
    expect(description.indexOf('critical-one')).toBeLessThan(description.indexOf('high-one'));
    expect(description).not.toContain('low-one');
    expect(chat.metadata.relatedResources).toEqual(['arn:aws:s3:::critical-one', 'arn:aws:s3:::high-one']);
    expect(chat.content.nextSteps.at(-1)).toContain('srm-scan-findings');
  });

  it('keeps attacker-controlled names inert: in code spans, no mention, link or formatting, no backtick escape', () => {
    // Prepare
    const hostile = 'arn:aws:s3:::x`<!channel> *bold* <https://evil.example|click>';
    const data = input([
      finding(CHECK_A, hostile, 'FAIL', { message: 'Bucket tagged `<@U123>` _pwn_ & more.', severity: 'critical' }),
    ]);

    // Act
    const { description } = formatChatNotification(data).content;

    // Assess
    expect(description).not.toContain('<!channel>');
    expect(description).not.toContain('<@U123>');
    expect(description).not.toContain('<https://');
    expect(description).toContain('`arn:aws:s3:::xˋ&lt;!channel&gt; *bold* &lt;https://evil.example|click&gt;`');
    expect(description).toContain('`Bucket tagged ˋ&lt;@U123&gt;ˋ _pwn_ &amp; more.`');
  });

  it('redacts secrets in chat text as in every output', () => {
    // Prepare
    const data = input([
      finding(CHECK_A, 'arn:aws:s3:::leaky', 'FAIL', { message: 'Access key AKIAIOSFODNN7EXAMPLE in a tag.' }),
    ]);

    // Act
    const text = JSON.stringify(formatChatNotification(data));

    // Assess
    expect(text).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('stays within the size caps with 500 findings and counts what it left out', () => {
    // Prepare
    const many = Array.from({ length: 500 }, (_, n) =>
      finding(CHECK_A, `arn:aws:s3:::bucket-${n}-${'x'.repeat(60)}`, 'FAIL', { message: 'm'.repeat(300) }),
    );

    // Act
    const chat = formatChatNotification(input(many));

    // Assess
    expect(chat.content.description.length).toBeLessThanOrEqual(CHAT_LIMITS.description);
    expect(chat.content.title.length).toBeLessThanOrEqual(CHAT_LIMITS.title);
    expect(chat.content.nextSteps.length).toBeLessThanOrEqual(CHAT_LIMITS.nextSteps);
    expect(chat.content.description).toMatch(/… and \d+ more: see the e-mail digest or table `srm-scan-findings`/);
    expect(chat.metadata.relatedResources).toHaveLength(CHAT_LIMITS.relatedResources);
  });

  it('cuts a long code span without leaving half an entity', () => {
    // Prepare
    const text = `${'a'.repeat(8)}<<<<`;

    // Act
    const span = chatCode(text, 12);

    // Assess
    expect(span).toBe('`aaaaaaaa…`');
  });
});

describe('Function: publishDigest with a chat notification', () => {
  const sns = mockClient(SNSClient);
  beforeEach(() => {
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  });
  afterAll(() => {
    sns.restore();
  });

  it('publishes one structured message: plain text by default (e-mail), the chat notification for https (Chatbot)', async () => {
    // Prepare
    const data = input([finding(CHECK_A, 'arn:aws:s3:::open', 'FAIL', { severity: 'critical' })]);
    const digest = formatDigest(data);
    const chat = formatChatNotification(data);
    const topicArn = 'arn:aws:sns:eu-west-1:123456789012:alerts';

    // Act
    await publishDigest(new AwsClients(new ApiCallCounter(), { endpoint: undefined }), { topicArn }, digest, chat);

    // Assess
    const sent = sns.commandCalls(PublishCommand)[0]?.args[0].input;
    expect(sent?.MessageStructure).toBe('json');
    const message = JSON.parse(sent?.Message ?? '{}') as { default: string; https: string };
    expect(Object.keys(message).sort()).toEqual(['default', 'https']);
    expect(message.default).toBe(digest.body);
    expect(JSON.parse(message.https)).toEqual(chat);
    expect(sent?.Subject).toBe(digest.subject);
  });

  it('fits a digest at its size cap and the chat notification in one SNS message', () => {
    // Prepare
    const many = Array.from({ length: 3000 }, (_, n) =>
      finding(CHECK_A, `arn:aws:s3:::bucket-${n}-"quoted"`, 'FAIL', { message: `Ünïcödé "${'m'.repeat(120)}"` }),
    );
    const data = { ...input(many), maxBytes: DIGEST_MAX_BYTES - CHAT_DIGEST_RESERVE_BYTES };

    // Act
    const message = digestMessage(formatDigest(data), formatChatNotification(data));

    // Assess
    expect(formatDigest(data).omitted).toBeGreaterThan(0);
    expect(Buffer.byteLength(message, 'utf8')).toBeLessThan(SNS_MAX_MESSAGE_BYTES - 1024);
  });

  it('publishes the plain digest unstructured without a chat notification', () => {
    // Prepare
    const digest = formatDigest(input([]));

    // Act
    const message = digestMessage(digest);

    // Assess
    expect(message).toBe(digest.body);
  });
});
