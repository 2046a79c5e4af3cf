/**
 * Answers as AWS would where moto 5 is known to answer differently (shared/design/toolchain-notes.md), so that a
 * scan through the proxy takes the path it takes on AWS and its API calls can be compared with the minimal-call model
 * without "emulator-forced" extras. Each shim builds AWS's answer from the emulator's own state, through extra calls
 * to the emulator that the scanner does not see (they count as the emulator's time, not the scanner's calls).
 */
import pLimit from 'p-limit';
import type { ClassifiedRequest } from './classify.js';

/** An answer as the proxy returns it. */
export interface UpstreamAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Sends a request to the emulator with the caller's headers (so its account and region), returns the answer. */
export type Upstream = (request: { method: string; path: string; body?: string }) => Promise<UpstreamAnswer>;

export interface FidelityShim {
  /** What the emulator gets wrong, in a sentence. */
  gap: string;
  applies(call: ClassifiedRequest, request: { method: string; path: string; body: string }): boolean;
  /** AWS's answer to the request; `upstream` forwards the original or asks the emulator more. */
  answer(request: { method: string; path: string; body: string }, upstream: Upstream): Promise<UpstreamAnswer>;
}

/** Emulator calls a shim makes at once (moto answers one at a time; a few keep it busy). */
const SHIM_CONCURRENCY = 8;

/** `[start, end)` offsets of each `<tag>…</tag>` directly inside the first `<parent>`, nested ones skipped. */
export function childElements(xml: string, parent: string, tag: string): { start: number; end: number }[] {
  const open = xml.indexOf(`<${parent}>`);
  const close = xml.indexOf(`</${parent}>`, open);
  if (open < 0 || close < 0) return [];
  const spans: { start: number; end: number }[] = [];
  const pattern = new RegExp(`<(/?)${tag}>`, 'g');
  pattern.lastIndex = open;
  let depth = 0;
  let start = 0;
  for (let match = pattern.exec(xml); match && match.index < close; match = pattern.exec(xml)) {
    if (match[1] === '') {
      if (depth === 0) start = match.index;
      depth += 1;
    } else {
      depth -= 1;
      if (depth === 0) spans.push({ start, end: match.index + match[0].length });
    }
  }
  return spans;
}

const textOf = (xml: string, tag: string): string | undefined =>
  new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml)?.[1];

/** The answer with a new body (and its length). */
const withBody = (answer: UpstreamAnswer, body: string): UpstreamAnswer => ({
  ...answer,
  headers: { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) },
  body: Buffer.from(body),
});

/**
 * EC2 DescribeSnapshots with `RestorableByUserIds=[all]` returns, on AWS, only the snapshots every account may
 * restore (the public ones); moto ignores the parameter and returns them all. The shim keeps the snapshots whose
 * createVolumePermission grants the group `all`, as DescribeSnapshotAttribute shows on the emulator.
 */
const publicSnapshotsOnly: FidelityShim = {
  gap: 'moto ignores RestorableByUserIds on DescribeSnapshots',
  applies: (call, { body }) =>
    call.service === 'ec2' &&
    call.operation === 'DescribeSnapshots' &&
    [...new URLSearchParams(body)].some(([key, value]) => key.startsWith('RestorableBy') && value === 'all'),
  async answer(request, upstream) {
    const answer = await upstream(request);
    if (answer.status !== 200) return answer;
    const xml = answer.body.toString('utf8');
    const version = new URLSearchParams(request.body).get('Version') ?? '2016-11-15';
    const items = childElements(xml, 'snapshotSet', 'item');
    const limit = pLimit(SHIM_CONCURRENCY);
    const keep = await Promise.all(
      items.map(({ start, end }) =>
        limit(async () => {
          const id = textOf(xml.slice(start, end), 'snapshotId');
          if (!id) return true;
          const attribute = await upstream({
            method: 'POST',
            path: '/',
            body: new URLSearchParams({
              Action: 'DescribeSnapshotAttribute',
              Version: version,
              SnapshotId: id,
              Attribute: 'createVolumePermission',
            }).toString(),
          });
          return /<group>all<\/group>/.test(attribute.body.toString('utf8'));
        }),
      ),
    );
    let filtered = xml;
    for (const [index, { start, end }] of [...items.entries()].reverse()) {
      if (!keep[index]) filtered = filtered.slice(0, start) + filtered.slice(end);
    }
    return withBody(answer, filtered);
  },
};

/**
 * S3 ListBuckets answers each bucket's `BucketRegion` on AWS (since 2024); moto leaves it out, which makes a
 * scanner call GetBucketLocation per bucket. The shim adds it from the emulator's GetBucketLocation (empty means
 * us-east-1, the legacy `EU` eu-west-1).
 */
const bucketRegions: FidelityShim = {
  gap: "moto's ListBuckets has no BucketRegion",
  applies: (call) => call.service === 's3' && call.operation === 'ListBuckets',
  async answer(request, upstream) {
    const answer = await upstream(request);
    if (answer.status !== 200) return answer;
    const xml = answer.body.toString('utf8');
    const buckets = childElements(xml, 'Buckets', 'Bucket');
    const limit = pLimit(SHIM_CONCURRENCY);
    const regions = await Promise.all(
      buckets.map(({ start, end }) =>
        limit(async () => {
          const element = xml.slice(start, end);
          const name = textOf(element, 'Name');
          if (!name || element.includes('<BucketRegion>')) return undefined;
          const location = await upstream({ method: 'GET', path: `/${encodeURIComponent(name)}?location` });
          const constraint = textOf(location.body.toString('utf8'), 'LocationConstraint') ?? '';
          return constraint === '' ? 'us-east-1' : constraint === 'EU' ? 'eu-west-1' : constraint;
        }),
      ),
    );
    let rewritten = xml;
    for (const [index, { end }] of [...buckets.entries()].reverse()) {
      const region = regions[index];
      if (!region) continue;
      const at = end - '</Bucket>'.length;
      rewritten = `${rewritten.slice(0, at)}<BucketRegion>${region}</BucketRegion>${rewritten.slice(at)}`;
    }
    return withBody(answer, rewritten);
  },
};

/**
 * Lambda ListFunctionUrlConfigs has no route in moto (404), which makes a scanner fall back to GetFunctionUrlConfig
 * per function. The shim answers the list from the emulator's GetFunctionUrlConfig of the unqualified function.
 */
const functionUrlList: FidelityShim = {
  gap: 'moto has no ListFunctionUrlConfigs',
  applies: (call) => call.service === 'lambda' && call.operation === 'ListFunctionUrlConfigs',
  async answer(request, upstream) {
    const path = request.path.replace(/\/urls\/?(\?.*)?$/, '/url');
    const url = await upstream({ method: 'GET', path });
    // moto answers GetFunctionUrlConfig with 201.
    const found = url.status >= 200 && url.status < 300;
    if (!found && url.status !== 404) return url;
    const configs = found ? [JSON.parse(url.body.toString('utf8')) as unknown] : [];
    const body = JSON.stringify({ FunctionUrlConfigs: configs });
    return {
      status: 200,
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      body: Buffer.from(body),
    };
  },
};

/** Every shim, applied by `startAwsProxy({ awsFidelity: true })`. */
export const FIDELITY_SHIMS: readonly FidelityShim[] = [publicSnapshotsOnly, bucketRegions, functionUrlList];
