/**
 * How a service's errors arrive: the SDK's deserializer sets `name` (the exception class for a modelled error, the
 * wire code otherwise), `$fault`, `$metadata.httpStatusCode` and, for the XML protocols, the wire `Code` next to it.
 * - `query` (IAM, STS, EC2, RDS, SNS, ELB): `name` NoSuchEntityException, `Code` NoSuchEntity;
 * - `rest-xml` (S3, S3 Control): `name` and `Code` both NoSuchBucketPolicy;
 * - `json` (Lambda, KMS, DynamoDB, CloudTrail, SSM, Backup): `name` and `__type` only, no `Code`.
 */
export type WireProtocol = 'query' | 'rest-xml' | 'json';

export interface AwsErrorOptions {
  message?: string;
  /** The wire code when it is not derived from `name` (query protocol: `name` without its `Exception` suffix). */
  code?: string;
  /** HTTP status; 400 unless given. */
  status?: number;
}

/**
 * An SDK error shaped the way the deserializer builds it for `protocol`, so a test sees what AWS sends.
 *
 * @example
 * iamMock.on(GetAccountPasswordPolicyCommand).rejects(awsError('query', 'NoSuchEntityException', { status: 404 }));
 */
export function awsError(protocol: WireProtocol, name: string, options: AwsErrorOptions = {}): Error {
  const status = options.status ?? 400;
  const error = Object.assign(new Error(options.message ?? name), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: {
      httpStatusCode: status,
      requestId: '11111111-2222-3333-4444-555555555555',
      attempts: 1,
      totalRetryDelay: 0,
    },
  });
  if (protocol === 'json') return Object.assign(error, { __type: name });
  const code = options.code ?? (protocol === 'query' ? name.replace(/Exception$/, '') : name);
  return Object.assign(error, { Code: code, Type: error.$fault === 'server' ? 'Receiver' : 'Sender' });
}
