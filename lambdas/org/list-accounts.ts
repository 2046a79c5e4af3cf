import { Logger } from '@aws-lambda-powertools/logger';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { z } from 'zod';
import { describeIssues } from '../core/config/config-file.js';
import { ConfigurationError } from '../core/model/errors.js';
import { listOrganizationAccounts } from '../core/org/accounts.js';
import { ORGANIZATION_PARENT_ID } from '../core/org/identifiers.js';
import { regionNameSchema } from '../core/srm/vocabulary.js';
import { ORGANIZATION_EVENT_SOURCE, type OrganizationAccountEvent } from '../scanner/event.js';

/** Environment of the account lister, shared with the CDK construct that sets it. */
export const LISTER_ENV = {
  /** Only the accounts of this organisational unit and the OUs below it. */
  ou: 'SRM_SCAN_ORG_OU',
  /** Regions each account's scan is split into (1: one run per account). */
  regionShards: 'SRM_SCAN_REGION_SHARDS',
  /** JSON list of the regions the deployment scans; needed to split an account into region shards. */
  regions: 'SRM_SCAN_REGIONS',
} as const;

const listerEnvironmentSchema = z.object({
  [LISTER_ENV.ou]: z.string().regex(ORGANIZATION_PARENT_ID, 'must be an OU id (ou-…) or a root id (r-…)').optional(),
  [LISTER_ENV.regionShards]: z.coerce.number().int().min(1).max(32).default(1),
  [LISTER_ENV.regions]: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined;
      let json: unknown;
      try {
        json = JSON.parse(value);
      } catch {
        json = undefined;
      }
      const parsed = z.array(regionNameSchema).min(1).safeParse(json);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON list of region names' });
        return z.NEVER;
      }
      return parsed.data;
    }),
});

export interface ListerEnvironment {
  ou?: string;
  regionShards: number;
  regions?: readonly string[];
}

/** @throws ConfigurationError naming the variable */
export function parseListerEnvironment(env: Readonly<Record<string, string | undefined>>): ListerEnvironment {
  const parsed = listerEnvironmentSchema.safeParse(env);
  if (!parsed.success) throw new ConfigurationError(`Invalid environment: ${describeIssues(parsed.error)}`);
  const { [LISTER_ENV.ou]: ou, [LISTER_ENV.regionShards]: regionShards, [LISTER_ENV.regions]: regions } = parsed.data;
  if (regionShards > 1 && !regions) {
    throw new ConfigurationError(
      `Invalid environment: ${LISTER_ENV.regionShards} is ${regionShards} but ${LISTER_ENV.regions} is not set: region shards need the list of regions to split.`,
    );
  }
  return { ...(ou && { ou }), regionShards, ...(regions && { regions }) };
}

/** What the lister returns to the state machine: the Distributed Map's items. */
export interface AccountListing {
  items: OrganizationAccountEvent[];
  /** Active accounts listed. */
  accounts: number;
  /** Accounts left out because they are not ACTIVE (suspended, pending closure). */
  skipped: { accountId: string; status?: string }[];
}

/**
 * The Distributed Map's items: one per active account, or with `regionShards` > 1 one per account and region
 * group (regions dealt round-robin, so every shard gets a share of the busy ones), each shard a separate scan
 * whose lifecycle only touches its own regions; only the first shard reports (and resolves) the account-wide global
 * scope, so global findings are neither counted nor alerted twice. Pure.
 */
export function scanItems(
  accounts: readonly { accountId: string; status?: string }[],
  options: { regionShards: number; regions?: readonly string[] },
): AccountListing {
  const active = accounts.filter((a) => a.status === undefined || a.status === 'ACTIVE');
  const skipped = accounts
    .filter((a) => !active.includes(a))
    .map((a) => ({ accountId: a.accountId, ...(a.status && { status: a.status }) }));
  const shardCount = options.regions ? Math.min(options.regionShards, options.regions.length) : 1;
  const shards: string[][] | undefined =
    options.regions && shardCount > 1
      ? Array.from(
          { length: shardCount },
          (_, shard) => options.regions?.filter((_r, i) => i % shardCount === shard) ?? [],
        )
      : undefined;
  const items = [...new Map(active.map((a) => [a.accountId, a])).keys()]
    .sort()
    .flatMap((accountId): OrganizationAccountEvent[] =>
      shards
        ? // The first shard also reports the account-wide (global) scope; the others leave it to it.
          shards.map((regions, index) => ({
            source: ORGANIZATION_EVENT_SOURCE,
            accountId,
            regions,
            ...(index > 0 && { globalScope: false }),
          }))
        : [{ source: ORGANIZATION_EVENT_SOURCE, accountId }],
    );
  return { items, accounts: active.length, skipped };
}

/** Creates the lister: Organizations → the Distributed Map's items. */
export function createListAccountsHandler(dependencies: {
  environment: () => ListerEnvironment;
  organizations: () => OrganizationsClient;
  logger: Pick<Logger, 'info'>;
}): () => Promise<AccountListing> {
  return async () => {
    const env = dependencies.environment();
    const accounts = await listOrganizationAccounts(dependencies.organizations(), { ...(env.ou && { ou: env.ou }) });
    const listing = scanItems(accounts, env);
    dependencies.logger.info('Accounts listed', {
      accounts: listing.accounts,
      items: listing.items.length,
      skipped: listing.skipped,
    });
    return listing;
  };
}

export const handler = createListAccountsHandler({
  environment: () => parseListerEnvironment(process.env),
  organizations: () => new OrganizationsClient({ customUserAgent: 'srm-scan-lambda', maxAttempts: 6 }),
  logger: new Logger({ serviceName: 'srm-scan-org' }),
});
