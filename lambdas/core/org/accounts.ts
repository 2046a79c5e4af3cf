import {
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';

/** One account of the organisation, as Organizations lists it. */
export interface OrganizationAccount {
  accountId: string;
  name?: string;
  status?: string;
}

type ListedAccount = { Id?: string | undefined; Name?: string | undefined; Status?: string | undefined };

const toAccount = (account: ListedAccount): OrganizationAccount[] =>
  account.Id
    ? [
        {
          accountId: account.Id,
          ...(account.Name && { name: account.Name }),
          ...(account.Status && { status: account.Status }),
        },
      ]
    : [];

/**
 * The organisation's accounts: every account (`ListAccounts`), or with `ou` the accounts of that
 * organisational unit and of every OU below it (`ListAccountsForParent`, `ListOrganizationalUnitsForParent`).
 * Called from the management account or a delegated administrator. Every status is returned; callers skip
 * accounts that are not ACTIVE.
 */
export async function listOrganizationAccounts(
  client: OrganizationsClient,
  options: { ou?: string },
): Promise<{ accountId: string; name?: string; status?: string }[]> {
  if (!options.ou) {
    const accounts: OrganizationAccount[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(new ListAccountsCommand({ ...(token && { NextToken: token }) }));
      accounts.push(...(page.Accounts ?? []).flatMap(toAccount));
      token = page.NextToken;
    } while (token);
    return accounts;
  }
  const accounts: OrganizationAccount[] = [];
  const parents = [options.ou];
  for (let parent = parents.shift(); parent; parent = parents.shift()) {
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListAccountsForParentCommand({ ParentId: parent, ...(token && { NextToken: token }) }),
      );
      accounts.push(...(page.Accounts ?? []).flatMap(toAccount));
      token = page.NextToken;
    } while (token);
    do {
      const page = await client.send(
        new ListOrganizationalUnitsForParentCommand({ ParentId: parent, ...(token && { NextToken: token }) }),
      );
      parents.push(...(page.OrganizationalUnits ?? []).flatMap((ou) => (ou.Id ? [ou.Id] : [])));
      token = page.NextToken;
    } while (token);
  }
  return accounts;
}
