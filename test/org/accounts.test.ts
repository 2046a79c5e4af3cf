import {
  type AccountState,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import { listOrganizationAccounts } from '../../lambdas/core/org/accounts.js';
import { awsError } from '../helpers/aws-errors.js';

const organizations = mockClient(OrganizationsClient);
const client = new OrganizationsClient({ region: 'us-east-1' });

const account = (id: string, state: AccountState = 'ACTIVE') => ({
  Id: id,
  Name: `acct-${id.slice(0, 1)}`,
  State: state,
});

beforeEach(() => {
  organizations.reset();
});
afterAll(() => {
  organizations.restore();
});

describe('Function: listOrganizationAccounts', () => {
  it('reads every page of ListAccounts and keeps the ACTIVE accounts, sorted', async () => {
    // Prepare
    organizations
      .on(ListAccountsCommand, { NextToken: undefined })
      .resolves({ Accounts: [account('333333333333'), account('444444444444', 'SUSPENDED')], NextToken: 'p2' })
      .on(ListAccountsCommand, { NextToken: 'p2' })
      .resolves({ Accounts: [account('111111111111'), account('555555555555', 'PENDING_CLOSURE')] });

    // Act
    const accounts = await listOrganizationAccounts(client, {});

    // Assess
    expect(accounts).toEqual([
      { accountId: '111111111111', name: 'acct-1', status: 'ACTIVE' },
      { accountId: '333333333333', name: 'acct-3', status: 'ACTIVE' },
    ]);
    expect(organizations).toHaveReceivedCommandTimes(ListAccountsCommand, 2);
  });

  it('accepts accounts that only carry the older Status field', async () => {
    // Prepare
    organizations.on(ListAccountsCommand).resolves({
      Accounts: [
        { Id: '111111111111', Status: 'ACTIVE' },
        { Id: '222222222222', Status: 'SUSPENDED' },
      ],
    });

    // Act
    const accounts = await listOrganizationAccounts(client, {});

    // Assess
    expect(accounts.map((a) => a.accountId)).toEqual(['111111111111']);
  });

  it('walks an OU and every OU below it, page by page, without ListAccounts', async () => {
    // Prepare
    organizations
      .on(ListAccountsForParentCommand, { ParentId: 'ou-root-aaaaaaaa', NextToken: undefined })
      .resolves({ Accounts: [account('111111111111')], NextToken: 'a2' })
      .on(ListAccountsForParentCommand, { ParentId: 'ou-root-aaaaaaaa', NextToken: 'a2' })
      .resolves({ Accounts: [account('222222222222')] })
      .on(ListAccountsForParentCommand, { ParentId: 'ou-root-bbbbbbbb' })
      .resolves({ Accounts: [account('333333333333'), account('444444444444', 'SUSPENDED')] })
      .on(ListAccountsForParentCommand, { ParentId: 'ou-root-cccccccc' })
      .resolves({ Accounts: [account('555555555555')] })
      .on(ListAccountsForParentCommand, { ParentId: 'ou-root-dddddddd' })
      .resolves({ Accounts: [account('666666666666')] })
      .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-root-aaaaaaaa', NextToken: undefined })
      .resolves({ OrganizationalUnits: [{ Id: 'ou-root-bbbbbbbb' }], NextToken: 'o2' })
      .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-root-aaaaaaaa', NextToken: 'o2' })
      .resolves({ OrganizationalUnits: [{ Id: 'ou-root-dddddddd' }] })
      .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-root-bbbbbbbb' })
      .resolves({ OrganizationalUnits: [{ Id: 'ou-root-cccccccc' }] })
      .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-root-cccccccc' })
      .resolves({ OrganizationalUnits: [] })
      .on(ListOrganizationalUnitsForParentCommand, { ParentId: 'ou-root-dddddddd' })
      .resolves({});

    // Act
    const accounts = await listOrganizationAccounts(client, { ou: 'ou-root-aaaaaaaa' });

    // Assess
    expect(accounts.map((a) => a.accountId)).toEqual([
      '111111111111',
      '222222222222',
      '333333333333',
      '555555555555',
      '666666666666',
    ]);
    expect(organizations).toHaveReceivedCommandTimes(ListAccountsCommand, 0);
    expect(organizations).toHaveReceivedCommandTimes(ListAccountsForParentCommand, 5);
  });

  it('turns AWSOrganizationsNotInUseException into a configuration error that points to --accounts', async () => {
    // Prepare
    organizations.on(ListAccountsCommand).rejects(
      awsError('json', 'AWSOrganizationsNotInUseException', {
        message: 'Your account is not a member of an organization.',
      }),
    );

    // Act
    const attempt = listOrganizationAccounts(client, {});

    // Assess
    await expect(attempt).rejects.toThrow(ConfigurationError);
    await expect(attempt).rejects.toThrow(/not a member of an AWS Organization.*--accounts/);
  });

  it('explains an access denial: --org needs the management account or a delegated administrator', async () => {
    // Prepare
    organizations
      .on(ListAccountsCommand)
      .rejects(
        awsError('json', 'AccessDeniedException', { message: 'You don’t have permissions to access this resource.' }),
      );

    // Act
    const attempt = listOrganizationAccounts(client, {});

    // Assess
    await expect(attempt).rejects.toThrow(/management account or a delegated administrator/);
  });

  it('refuses a malformed OU id before calling AWS', async () => {
    // Act
    const attempt = listOrganizationAccounts(client, { ou: 'engineering' });

    // Assess
    await expect(attempt).rejects.toThrow(ConfigurationError);
    expect(organizations.calls()).toHaveLength(0);
  });
});
