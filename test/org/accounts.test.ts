import {
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { listOrganizationAccounts } from '../../lambdas/core/org/accounts.js';

const organizations = mockClient(OrganizationsClient);
afterEach(() => organizations.reset());

describe('Function: listOrganizationAccounts', () => {
  it('lists every account of the organisation across pages', async () => {
    // Prepare
    organizations
      .on(ListAccountsCommand, {})
      .resolves({ Accounts: [{ Id: '111111111111', Name: 'prod', Status: 'ACTIVE' }], NextToken: 't1' })
      .on(ListAccountsCommand, { NextToken: 't1' })
      .resolves({ Accounts: [{ Id: '222222222222', Status: 'SUSPENDED' }] });

    // Act
    const accounts = await listOrganizationAccounts(new OrganizationsClient({ region: 'us-east-1' }), {});

    // Assess
    expect(accounts).toEqual([
      { accountId: '111111111111', name: 'prod', status: 'ACTIVE' },
      { accountId: '222222222222', status: 'SUSPENDED' },
    ]);
  });

  it('lists the accounts of an OU and of the OUs below it', async () => {
    // Prepare
    organizations
      .on(ListAccountsForParentCommand, { ParentId: 'ou-ab12-11111111' })
      .resolves({ Accounts: [{ Id: '111111111111', Status: 'ACTIVE' }] })
      .on(ListAccountsForParentCommand, { ParentId: 'ou-ab12-22222222' })
      .resolves({ Accounts: [{ Id: '333333333333', Status: 'ACTIVE' }] })
      .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-ab12-11111111' })
      .resolves({ OrganizationalUnits: [{ Id: 'ou-ab12-22222222' }] })
      .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-ab12-22222222' })
      .resolves({ OrganizationalUnits: [] });

    // Act
    const accounts = await listOrganizationAccounts(new OrganizationsClient({ region: 'us-east-1' }), {
      ou: 'ou-ab12-11111111',
    });

    // Assess
    expect(accounts.map((a) => a.accountId)).toEqual(['111111111111', '333333333333']);
    expect(organizations.commandCalls(ListAccountsCommand)).toHaveLength(0);
  });
});
