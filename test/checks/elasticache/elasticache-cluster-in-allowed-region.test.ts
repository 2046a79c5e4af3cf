import { describe, expect, it } from 'vitest';
import { elasticacheClusterInAllowedRegion } from '../../../lambdas/core/checks/elasticache/index.js';
import { replicationGroup } from '../../fixtures/elasticache.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

const ALLOWED = { allowedRegions: ['us-east-1', 'eu-west-1'] };

describe('Check: elasticache-cluster-in-allowed-region', () => {
  it('fails a resource outside the allowed regions', () => {
    // Prepare
    const REGION = 'ap-southeast-1';
    const resource = replicationGroup('harbor-sessions', { region: REGION });

    // Act
    const [result] = runCheckOn(
      elasticacheClusterInAllowedRegion,
      inventoryWith({
        'elasticache.replicationGroups': [resource],
        'elasticache.cacheClusters': [],
        'elasticache.globalDatastores': [],
      }),
      { settings: ALLOWED },
    );

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('is in ap-southeast-1, outside the allowed regions (us-east-1, eu-west-1).');
  });

  it('passes a resource in an allowed region', () => {
    // Prepare
    const REGION = 'eu-west-1';
    const resource = replicationGroup('harbor-sessions', { region: REGION });

    // Act
    const [result] = runCheckOn(
      elasticacheClusterInAllowedRegion,
      inventoryWith({
        'elasticache.replicationGroups': [resource],
        'elasticache.cacheClusters': [],
        'elasticache.globalDatastores': [],
      }),
      { settings: ALLOWED },
    );

    // Assess
    expect(result).toMatchObject({ status: 'PASS', resource: { arn: resource.arn } });
  });

  it('reports once that residency is not configured when there is something to judge', () => {
    // Prepare
    const REGION = 'eu-west-1';
    const resource = replicationGroup('harbor-sessions', { region: REGION });

    // Act
    const results = runCheckOn(
      elasticacheClusterInAllowedRegion,
      inventoryWith({
        'elasticache.replicationGroups': [resource],
        'elasticache.cacheClusters': [],
        'elasticache.globalDatastores': [],
      }),
    );

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'ERROR', resource: { id: '123456789012' } });
  });

  it('stays silent when the service holds nothing', () => {
    // Act
    const results = runCheckOn(
      elasticacheClusterInAllowedRegion,
      inventoryWith({
        'elasticache.replicationGroups': [],
        'elasticache.cacheClusters': [],
        'elasticache.globalDatastores': [],
      }),
    );

    // Assess
    expect(results).toEqual([]);
  });

  it('fails a replication group whose Global datastore has a member outside the allowed regions', () => {
    // Prepare
    const group = replicationGroup('harbor-sessions', {
      region: 'eu-west-1',
      globalDatastoreId: 'ldgnf-harbor-sessions',
    });
    const datastore = {
      id: 'ldgnf-harbor-sessions',
      region: 'eu-west-1',
      members: [
        { replicationGroupId: 'harbor-sessions', region: 'eu-west-1', role: 'PRIMARY' },
        { replicationGroupId: 'harbor-sessions-apac', region: 'ap-southeast-1', role: 'SECONDARY' },
      ],
    };

    // Act
    const [result] = runCheckOn(
      elasticacheClusterInAllowedRegion,
      inventoryWith({
        'elasticache.replicationGroups': [group],
        'elasticache.cacheClusters': [],
        'elasticache.globalDatastores': [datastore],
      }),
      { settings: ALLOWED },
    );

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('has Global datastore member harbor-sessions-apac in ap-southeast-1');
  });

  it('cannot decide for a group whose Global datastore was not listed', () => {
    // Prepare
    const group = replicationGroup('harbor-sessions', { region: 'eu-west-1', globalDatastoreId: 'ldgnf-gone' });

    // Act
    const [result] = runCheckOn(
      elasticacheClusterInAllowedRegion,
      inventoryWith({
        'elasticache.replicationGroups': [group],
        'elasticache.cacheClusters': [],
        'elasticache.globalDatastores': [],
      }),
      { settings: ALLOWED },
    );

    // Assess
    expect(result?.status).toBe('ERROR');
    expect(result?.message).toContain(
      'the region of the members of Global datastore ldgnf-gone could not be determined',
    );
  });
});
