import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { ApiCallCounter } from '../aws/api-calls.js';
import { type AwsClientOptions, AwsClients, describeAwsErrorText } from '../aws/clients.js';
import { CollectionError } from '../model/errors.js';
import { DEFAULT_MEMBER_ROLE_NAME } from './identifiers.js';

/** Assumed-role sessions are renewed this long before they expire, so no scan call carries a dying session. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;
/** One hour: the default maximum session of a role, and longer than any single-account scan. */
const SESSION_SECONDS = 3600;

export interface MemberAccount {
  accountId: string;
  /** Default {@link DEFAULT_MEMBER_ROLE_NAME}. */
  roleName?: string;
  /** The external id the member role's trust policy requires, if any. */
  externalId?: string;
}

/** The partition a region belongs to (`cn-north-1` → `aws-cn`, `us-gov-west-1` → `aws-us-gov`). */
export const partitionOfRegion = (region: string): string =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';

export const memberRoleArn = (member: MemberAccount, partition = 'aws'): string =>
  `arn:${partition}:iam::${member.accountId}:role/${member.roleName ?? DEFAULT_MEMBER_ROLE_NAME}`;

/**
 * A credentials provider for the member account's role: AssumeRole through `sts` (a client of the scanner's own
 * identity, on a regional STS endpoint), cached and renewed five minutes before expiry. A failure (role missing,
 * trust denied, external id wrong) rejects the first call, so the scan of that account fails as a whole.
 */
export function memberCredentials(
  sts: STSClient,
  member: MemberAccount,
  options: { partition?: string; sessionName?: string; now?: () => number } = {},
): AwsCredentialIdentityProvider {
  const now = options.now ?? Date.now;
  let cached: Promise<AwsCredentialIdentity> | undefined;
  let expiresAt = 0;
  const assume = async (): Promise<AwsCredentialIdentity> => {
    const { Credentials: c } = await sts.send(
      new AssumeRoleCommand({
        RoleArn: memberRoleArn(member, options.partition),
        RoleSessionName: options.sessionName ?? 'srm-scan',
        DurationSeconds: SESSION_SECONDS,
        ...(member.externalId && { ExternalId: member.externalId }),
      }),
    );
    if (!c?.AccessKeyId || !c.SecretAccessKey)
      throw new Error(`AssumeRole returned no credentials for ${member.accountId}.`);
    expiresAt = c.Expiration?.getTime() ?? now() + SESSION_SECONDS * 1000;
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken && { sessionToken: c.SessionToken }),
      ...(c.Expiration && { expiration: c.Expiration }),
    };
  };
  return () => {
    if (!cached || now() >= expiresAt - RENEW_BEFORE_MS) {
      cached = assume();
      // A failed AssumeRole is not cached: the next call tries again.
      cached.catch(() => {
        cached = undefined;
      });
    }
    return cached;
  };
}

/**
 * SDK clients acting in a member account: the same options as the scanner's own clients (endpoint, retries,
 * user agent) with the member role's credentials. `stsRegion` picks the regional STS endpoint (each has its own
 * limits; the global endpoint is a single point of failure in us-east-1).
 */
export function memberAccountClients(
  counter: ApiCallCounter,
  base: AwsClientOptions,
  member: MemberAccount,
  options: { stsRegion: string; partition?: string; sts?: STSClient },
): AwsClients {
  const sts =
    options.sts ??
    new STSClient({
      region: options.stsRegion,
      ...(base.endpoint && { endpoint: base.endpoint }),
      ...(base.credentials && { credentials: base.credentials }),
      ...(base.profile && { profile: base.profile }),
    });
  const credentials = memberCredentials(sts, member, {
    ...(options.partition && { partition: options.partition }),
  });
  const { profile: _profile, ...rest } = base;
  const clients = new AwsClients(counter, { ...rest, credentials });
  // The session's own STS client goes when the member's clients go (a caller-supplied one stays the caller's).
  if (!options.sts) clients.adopt(sts);
  return clients;
}

/**
 * Assumes the member role once before the scan (sts:GetCallerIdentity needs no permission, so any failure is the
 * AssumeRole's) and checks the session acts in the account asked for: a denial reads as such, not as a scan error.
 */
export async function verifyMemberSession(
  clients: AwsClients,
  member: { accountId: string; roleArn: string; stsRegion: string },
): Promise<void> {
  const { accountId, roleArn } = member;
  let actual: string | undefined;
  try {
    const identity = await clients.get(STSClient, member.stsRegion).send(new GetCallerIdentityCommand({}));
    actual = identity.Account;
  } catch (error) {
    throw new CollectionError(`Could not assume ${roleArn}: ${describeAwsErrorText(error)}`, { cause: error });
  }
  if (actual !== accountId) {
    throw new CollectionError(`The session of ${roleArn} acts in account ${actual ?? '(unknown)'}, not ${accountId}.`);
  }
}
