import {
  type Account,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { isAwsError } from '../aws/clients.js';
import { ConfigurationError } from '../model/errors.js';
import { ORGANIZATION_PARENT_ID } from './identifiers.js';

/** An account of the organisation, as srm-scan scans it. */
export interface OrganizationAccount {
  accountId: string;
  name?: string;
  status?: string;
}

const toAccount = (account: Account): OrganizationAccount[] =>
  account.Id
    ? [
        {
          accountId: account.Id,
          ...(account.Name && { name: account.Name }),
          // `State` replaces `Status` (deprecated in 2025); either says ACTIVE for a usable account.
          ...((account.State ?? account.Status) && { status: String(account.State ?? account.Status) }),
        },
      ]
    : [];

/** Every page of a `NextToken` listing. */
async function allPages<T>(fetchPage: (token: string | undefined) => Promise<{ items: T[]; next?: string }>) {
  const items: T[] = [];
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    items.push(...page.items);
    token = page.next;
  } while (token);
  return items;
}

async function accountsUnder(client: OrganizationsClient, parentId: string): Promise<OrganizationAccount[]> {
  const direct = await allPages(async (NextToken) => {
    const r = await client.send(new ListAccountsForParentCommand({ ParentId: parentId, NextToken }));
    return { items: (r.Accounts ?? []).flatMap(toAccount), ...(r.NextToken && { next: r.NextToken }) };
  });
  const children = await allPages(async (NextToken) => {
    const r = await client.send(new ListOrganizationalUnitsForParentCommand({ ParentId: parentId, NextToken }));
    return {
      items: (r.OrganizationalUnits ?? []).flatMap((ou) => (ou.Id ? [ou.Id] : [])),
      ...(r.NextToken && { next: r.NextToken }),
    };
  });
  // One OU at a time: Organizations allows a handful of requests per second per account.
  const nested: OrganizationAccount[] = [];
  for (const child of children) nested.push(...(await accountsUnder(client, child)));
  return [...direct, ...nested];
}

/**
 * The ACTIVE accounts of the organisation (`organizations:ListAccounts`, every page), or of one organisational unit
 * and every OU below it (`ListAccountsForParent`, walking `ListOrganizationalUnitsForParent`) when `ou` is set.
 * Suspended and closing accounts are left out: their roles cannot be assumed. Sorted by account id, without
 * duplicates. Must be called with the management account's or a delegated administrator's credentials.
 */
export async function listOrganizationAccounts(
  client: OrganizationsClient,
  options: { ou?: string },
): Promise<{ accountId: string; name?: string; status?: string }[]> {
  if (options.ou !== undefined && !ORGANIZATION_PARENT_ID.test(options.ou)) {
    throw new ConfigurationError(
      `--ou: "${options.ou}" is not an organisational unit id (ou-xxxx-xxxxxxxx) or a root id (r-xxxx).`,
    );
  }
  let accounts: OrganizationAccount[];
  try {
    accounts = options.ou
      ? await accountsUnder(client, options.ou)
      : await allPages(async (NextToken) => {
          const r = await client.send(new ListAccountsCommand({ NextToken }));
          return { items: (r.Accounts ?? []).flatMap(toAccount), ...(r.NextToken && { next: r.NextToken }) };
        });
  } catch (error) {
    if (isAwsError(error, 'AWSOrganizationsNotInUseException', 'AWSOrganizationsNotInUse')) {
      throw new ConfigurationError(
        'These credentials belong to an account that is not a member of an AWS Organization (AWSOrganizationsNotInUseException): use --accounts with explicit account ids instead of --org.',
        { cause: error },
      );
    }
    if (isAwsError(error, 'AccessDeniedException', 'AccessDenied')) {
      throw new ConfigurationError(
        `Cannot list the organisation's accounts (${(error as Error).message}): --org needs the management account or a delegated administrator with organizations:ListAccounts${options.ou ? ', ListAccountsForParent and ListOrganizationalUnitsForParent' : ''}; otherwise pass --accounts.`,
        { cause: error },
      );
    }
    if (isAwsError(error, 'ParentNotFoundException', 'ParentNotFound')) {
      throw new ConfigurationError(`--ou: ${options.ou} was not found in the organisation.`, { cause: error });
    }
    throw error;
  }
  const byId = new Map<string, OrganizationAccount>();
  for (const account of accounts) if ((account.status ?? 'ACTIVE') === 'ACTIVE') byId.set(account.accountId, account);
  return [...byId.values()].sort((a, b) => a.accountId.localeCompare(b.accountId));
}
