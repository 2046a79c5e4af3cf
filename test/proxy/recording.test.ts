import { describe, expect, it } from 'vitest';
import { Recording } from './aws-proxy.js';

const answer = (text: string) => ({ status: 200, headers: {}, body: Buffer.from(text) });

describe('Recording', () => {
  it('replays the answers of one request in their order, then repeats the last, as a polled call saw them', () => {
    // Prepare: GenerateCredentialReport answered STARTED, then COMPLETE.
    const recording = new Recording();
    recording.add('iam GenerateCredentialReport', answer('STARTED'));
    recording.add('iam GenerateCredentialReport', answer('COMPLETE'));

    // Act
    const replayed = [1, 2, 3].map(() => recording.next('iam GenerateCredentialReport').body.toString());

    // Assess
    expect(replayed).toEqual(['STARTED', 'COMPLETE', 'COMPLETE']);
    expect(recording.misses).toBe(0);
  });

  it('answers a request it never saw with a 502 and counts it', () => {
    // Prepare
    const recording = new Recording();

    // Act
    const missed = recording.next('s3 ListBuckets');

    // Assess
    expect(missed.status).toBe(502);
    expect(recording.misses).toBe(1);
  });
});
