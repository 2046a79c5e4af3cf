/**
 * What an AWS API request is: service, region, operation, wire protocol and caller, read from the request the way
 * AWS's front end would (SigV4 credential scope, `X-Amz-Target`, `Action=`, REST method and path).
 */

/** How a service's errors are written on the wire. */
export type WireFormat =
  /** EC2: `<Response><Errors><Error>`. */
  | 'ec2'
  /** Query services (IAM, STS, RDS, SNS, ELB, ElastiCache) and CloudFront: `<ErrorResponse><Error>`. */
  | 'query'
  /** S3 and S3 Control: `<Error>` at the root. */
  | 's3'
  /** JSON RPC (`X-Amz-Target`): `{"__type": …}`. */
  | 'json'
  /** REST JSON (Lambda, EFS, EKS, API Gateway …): `x-amzn-ErrorType` header and a JSON body. */
  | 'rest-json';

export interface ClassifiedRequest {
  /** IAM action prefix, as srm-scan's API call counter names it: `ec2`, `elasticfilesystem`, `tag`. */
  service: string;
  region: string;
  /** Operation name (`DescribeInstances`); for a REST path not in the table, `GET /path/*` (coarse). */
  operation: string;
  format: WireFormat;
  accessKeyId?: string;
  /** SDK invocation id: the same for every attempt of one call. */
  invocationId?: string;
}

/** SigV4 signing names whose IAM prefix differs. */
const SIGNING_NAME_TO_PREFIX: Record<string, string> = {
  monitoring: 'cloudwatch',
  tagging: 'tag',
  email: 'ses',
  'execute-api': 'apigateway',
};

type Route = readonly [method: string, path: RegExp, operation: string];

/** REST operations srm-scan calls (and a few more), by service: method and path. First match wins. */
const REST_ROUTES: Record<string, readonly Route[]> = {
  lambda: [
    ['GET', /^\/2015-03-31\/functions\/?$/, 'ListFunctions'],
    ['GET', /^\/2015-03-31\/functions\/[^/]+\/policy\/?$/, 'GetPolicy'],
    ['GET', /^\/2015-03-31\/functions\/[^/]+\/configuration\/?$/, 'GetFunctionConfiguration'],
    ['GET', /^\/2015-03-31\/functions\/[^/]+\/?$/, 'GetFunction'],
    ['GET', /^\/2021-10-31\/functions\/[^/]+\/urls\/?$/, 'ListFunctionUrlConfigs'],
    ['GET', /^\/2021-10-31\/functions\/[^/]+\/url\/?$/, 'GetFunctionUrlConfig'],
    ['GET', /^\/2015-03-31\/event-source-mappings\/?$/, 'ListEventSourceMappings'],
    ['GET', /^\/2016-08-19\/account-settings\/?$/, 'GetAccountSettings'],
    ['GET', /^\/2018-10-31\/layers\/?$/, 'ListLayers'],
    ['POST', /^\/2015-03-31\/functions\/?$/, 'CreateFunction'],
    ['POST', /^\/2015-03-31\/functions\/[^/]+\/policy\/?$/, 'AddPermission'],
    ['POST', /^\/2015-03-31\/functions\/[^/]+\/invocations\/?$/, 'Invoke'],
    ['POST', /^\/2021-10-31\/functions\/[^/]+\/url\/?$/, 'CreateFunctionUrlConfig'],
  ],
  elasticfilesystem: [
    ['GET', /^\/2015-02-01\/file-systems\/replication-configurations\/?$/, 'DescribeReplicationConfigurations'],
    ['GET', /^\/2015-02-01\/file-systems\/?$/, 'DescribeFileSystems'],
    ['GET', /^\/2015-02-01\/file-systems\/[^/]+\/backup-policy\/?$/, 'DescribeBackupPolicy'],
    ['GET', /^\/2015-02-01\/file-systems\/[^/]+\/policy\/?$/, 'DescribeFileSystemPolicy'],
    ['GET', /^\/2015-02-01\/access-points\/?$/, 'DescribeAccessPoints'],
    ['GET', /^\/2015-02-01\/mount-targets\/?$/, 'DescribeMountTargets'],
  ],
  eks: [
    ['GET', /^\/clusters\/?$/, 'ListClusters'],
    ['GET', /^\/clusters\/[^/]+\/node-groups\/?$/, 'ListNodegroups'],
    ['GET', /^\/clusters\/[^/]+\/node-groups\/[^/]+\/?$/, 'DescribeNodegroup'],
    ['GET', /^\/clusters\/[^/]+\/?$/, 'DescribeCluster'],
  ],
  apigateway: [
    ['GET', /^\/restapis\/?$/, 'GetRestApis'],
    ['GET', /^\/restapis\/[^/]+\/stages\/?$/, 'GetStages'],
    ['GET', /^\/restapis\/[^/]+\/?$/, 'GetRestApi'],
    ['GET', /^\/v2\/apis\/?$/, 'GetApis'],
    ['GET', /^\/v2\/apis\/[^/]+\/stages\/?$/, 'GetStages'],
  ],
  cloudfront: [
    ['GET', /^\/\d{4}-\d{2}-\d{2}\/distribution\/?$/, 'ListDistributions'],
    ['GET', /^\/\d{4}-\d{2}-\d{2}\/distribution\/[^/]+\/config\/?$/, 'GetDistributionConfig'],
    ['GET', /^\/\d{4}-\d{2}-\d{2}\/distribution\/[^/]+\/?$/, 'GetDistribution'],
  ],
  guardduty: [
    ['GET', /^\/detector\/?$/, 'ListDetectors'],
    ['GET', /^\/detector\/[^/]+\/?$/, 'GetDetector'],
  ],
  securityhub: [
    ['GET', /^\/accounts\/?$/, 'DescribeHub'],
    ['POST', /^\/standards\/get\/?$/, 'GetEnabledStandards'],
    ['POST', /^\/findings\/?$/, 'GetFindings'],
  ],
  backup: [
    ['GET', /^\/backup\/plans\/?$/, 'ListBackupPlans'],
    ['GET', /^\/backup\/plans\/[^/]+\/selections\/?$/, 'ListBackupSelections'],
    ['GET', /^\/backup-vaults\/?$/, 'ListBackupVaults'],
  ],
  es: [
    ['GET', /^\/2021-01-01\/domain\/?$/, 'ListDomainNames'],
    ['POST', /^\/2021-01-01\/opensearch\/domain-info\/?$/, 'DescribeDomains'],
  ],
  'access-analyzer': [['GET', /^\/analyzer\/?$/, 'ListAnalyzers']],
};

/** S3 bucket sub-resources (`?policy`) and the operation a GET of each is. */
const S3_SUBRESOURCES: Record<string, string> = {
  acl: 'BucketAcl',
  policy: 'BucketPolicy',
  policyStatus: 'BucketPolicyStatus',
  encryption: 'BucketEncryption',
  logging: 'BucketLogging',
  ownershipControls: 'BucketOwnershipControls',
  publicAccessBlock: 'PublicAccessBlock',
  replication: 'BucketReplication',
  versioning: 'BucketVersioning',
  location: 'BucketLocation',
  lifecycle: 'BucketLifecycleConfiguration',
  tagging: 'BucketTagging',
  website: 'BucketWebsite',
  'object-lock': 'ObjectLockConfiguration',
  notification: 'BucketNotificationConfiguration',
  cors: 'BucketCors',
};

function s3Operation(method: string, path: string, query: URLSearchParams): string {
  if (path.startsWith('/v20180820/')) {
    // S3 Control: account-level Block Public Access is the one srm-scan reads.
    if (path.includes('/configuration/publicAccessBlock')) return `${verb(method)}PublicAccessBlock`;
    return `${method} ${coarsePath(path)}`;
  }
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) return method === 'GET' ? 'ListBuckets' : `${method} /`;
  const sub = Object.keys(S3_SUBRESOURCES).find((name) => query.has(name));
  if (segments.length === 1) {
    if (sub) return `${verb(method)}${S3_SUBRESOURCES[sub]}`;
    if (method === 'GET') return query.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
    return { PUT: 'CreateBucket', DELETE: 'DeleteBucket', HEAD: 'HeadBucket' }[method] ?? `${method} /bucket`;
  }
  if (sub === 'tagging') return `${verb(method)}ObjectTagging`;
  return { GET: 'GetObject', PUT: 'PutObject', DELETE: 'DeleteObject', HEAD: 'HeadObject' }[method] ?? method;
}

const verb = (method: string): string => ({ GET: 'Get', PUT: 'Put', DELETE: 'Delete' })[method] ?? method;

/** A path with its identifiers replaced by `*`, for REST operations not in the table. */
const coarsePath = (path: string): string =>
  path
    .split('/')
    .map((segment, i) => (i > 1 && /[0-9:%.]/.test(segment) && !/^\d{4}-\d{2}-\d{2}$/.test(segment) ? '*' : segment))
    .join('/');

export interface RawRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const header = (headers: RawRequest['headers'], name: string): string | undefined => {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Reads service, region, operation and caller from a signed request.
 *
 * @example
 * classifyRequest({ method: 'POST', url: '/', headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20261125/eu-west-1/ec2/aws4_request, …' }, body: 'Action=DescribeVolumes&Version=2016-11-15' })
 * // → { service: 'ec2', region: 'eu-west-1', operation: 'DescribeVolumes', format: 'ec2', accessKeyId: 'AKID' }
 */
export function classifyRequest(request: RawRequest): ClassifiedRequest {
  const url = new URL(request.url, 'http://proxy.invalid');
  const authorization = header(request.headers, 'authorization') ?? '';
  const credential =
    /Credential=([^,\s]+)/.exec(authorization)?.[1] ?? url.searchParams.get('X-Amz-Credential') ?? undefined;
  const [accessKeyId, , region = 'us-east-1', signingName = 'unknown'] = credential?.split('/') ?? [];
  const service = SIGNING_NAME_TO_PREFIX[signingName] ?? signingName;
  const invocationId = header(request.headers, 'amz-sdk-invocation-id');
  const base = { service, region, ...(accessKeyId && { accessKeyId }), ...(invocationId && { invocationId }) };

  const target = header(request.headers, 'x-amz-target');
  if (target) return { ...base, operation: target.slice(target.lastIndexOf('.') + 1), format: 'json' };

  const contentType = header(request.headers, 'content-type') ?? '';
  const action =
    url.searchParams.get('Action') ??
    (contentType.includes('x-www-form-urlencoded') ? new URLSearchParams(request.body).get('Action') : null);
  if (action) return { ...base, operation: action, format: service === 'ec2' ? 'ec2' : 'query' };

  const path = decodeURIComponent(url.pathname);
  if (service === 's3')
    return { ...base, operation: s3Operation(request.method, path, url.searchParams), format: 's3' };
  const route = REST_ROUTES[service]?.find(([method, pattern]) => method === request.method && pattern.test(path));
  const operation = route?.[2] ?? `${request.method} ${coarsePath(path)}`;
  return { ...base, operation, format: service === 'cloudfront' ? 'query' : 'rest-json' };
}

/** Items in a response body, roughly: list members of XML, objects of JSON. For latency per returned item. */
export function countItems(body: string): number {
  const trimmed = body.trimStart();
  if (trimmed.startsWith('<')) {
    return (body.match(/<(item|member|Bucket|Contents)>/g) ?? []).length;
  }
  if (trimmed.startsWith('{')) return Math.max(0, (body.match(/\{/g) ?? []).length - 1);
  return 0;
}
