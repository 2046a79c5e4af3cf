import {
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from '../../lambdas/core/model/errors.js';
import {
  createListAccountsHandler,
  LISTER_ENV,
  parseListerEnvironment,
  scanItems,
} from '../../lambdas/org/list-accounts.js';
import { ORGANIZATION_EVENT_SOURCE, parseScanEvent } from '../../lambdas/scanner/event.js';

describe('Function: scanItems', () => {
  it('makes one scanner event per active account and leaves suspended accounts out, named', () => {
    // Prepare
    const accounts = [
      { accountId: '222222222222', status: 'ACTIVE' },
      { accountId: '111111111111', status: 'ACTIVE' },
      { accountId: '333333333333', status: 'SUSPENDED' },
    ];

    // Act
    const listing = scanItems(accounts, { regionShards: 1 });

    // Assess
    expect(listing.items).toEqual([
      { source: ORGANIZATION_EVENT_SOURCE, accountId: '111111111111' },
      { source: ORGANIZATION_EVENT_SOURCE, accountId: '222222222222' },
    ]);
    expect(listing.skipped).toEqual([{ accountId: '333333333333', status: 'SUSPENDED' }]);
    for (const item of listing.items) expect(parseScanEvent(item).trigger).toBe('organization');
  });

  it('splits each account into region shards dealt round-robin, every region in one shard, the global scope in the first', () => {
    // Prepare
    const regions = ['us-east-1', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'us-west-2'];

    // Act
    const listing = scanItems([{ accountId: '111111111111', status: 'ACTIVE' }], { regionShards: 2, regions });

    // Assess
    expect(listing.items).toEqual([
      {
        source: ORGANIZATION_EVENT_SOURCE,
        accountId: '111111111111',
        regions: ['us-east-1', 'eu-central-1', 'us-west-2'],
      },
      {
        source: ORGANIZATION_EVENT_SOURCE,
        accountId: '111111111111',
        regions: ['eu-west-1', 'ap-southeast-2'],
        globalScope: false,
      },
    ]);
  });
});

describe('Function: parseListerEnvironment', () => {
  it('refuses region shards without the list of regions to split', () => {
    // Prepare, Act
    const parse = () => parseListerEnvironment({ [LISTER_ENV.regionShards]: '3' });

    // Assess
    expect(parse).toThrow(ConfigurationError);
    expect(parse).toThrow(LISTER_ENV.regions);
  });

  it('refuses a region list that is not JSON, naming the variable', () => {
    // Prepare, Act
    const parse = () => parseListerEnvironment({ [LISTER_ENV.regions]: 'eu-west-1,us-east-1' });

    // Assess
    expect(parse).toThrow(ConfigurationError);
    expect(parse).toThrow(LISTER_ENV.regions);
  });

  it('reads the OU, the shard count and the regions', () => {
    // Prepare, Act
    const env = parseListerEnvironment({
      [LISTER_ENV.ou]: 'ou-ab12-11111111',
      [LISTER_ENV.regionShards]: '2',
      [LISTER_ENV.regions]: '["eu-west-1","us-east-1"]',
    });

    // Assess
    expect(env).toEqual({ ou: 'ou-ab12-11111111', regionShards: 2, regions: ['eu-west-1', 'us-east-1'] });
  });
});

const organizations = mockClient(OrganizationsClient);
afterEach(() => organizations.reset());

describe('Function: createListAccountsHandler', () => {
  it('lists the configured OU and returns the Map items', async () => {
    // Prepare
    organizations
      .on(ListAccountsForParentCommand)
      .resolves({ Accounts: [{ Id: '111111111111', Status: 'ACTIVE' }] })
      .on(ListOrganizationalUnitsForParentCommand)
      .resolves({ OrganizationalUnits: [] });
    const handler = createListAccountsHandler({
      environment: () => ({ ou: 'ou-ab12-11111111', regionShards: 1 }),
      organizations: () => new OrganizationsClient({ region: 'us-east-1' }),
      logger: { info: vi.fn() },
    });

    // Act
    const listing = await handler();

    // Assess
    expect(listing.items).toEqual([{ source: ORGANIZATION_EVENT_SOURCE, accountId: '111111111111' }]);
    expect(organizations.calls()).toHaveLength(2);
  });
});
