import { describe, expect, it } from 'vitest';
import { efsFileSystemInAllowedRegion } from '../../../lambdas/core/checks/efs/index.js';
import { fileSystem } from '../../fixtures/efs.js';
import { inventoryWith, runCheckOn } from '../../fixtures/scan.js';

const ALLOWED = { allowedRegions: ['us-east-1', 'eu-west-1'] };

describe('Check: efs-file-system-in-allowed-region', () => {
  it('fails a resource outside the allowed regions', () => {
    // Prepare
    const REGION = 'ap-southeast-1';
    const resource = fileSystem('fs-0abc1234', { region: REGION });

    // Act
    const [result] = runCheckOn(
      efsFileSystemInAllowedRegion,
      inventoryWith({ 'efs.fileSystems': [resource], 'efs.replications': [] }),
      {
        settings: ALLOWED,
      },
    );

    // Assess
    expect(result?.status).toBe('FAIL');
    expect(result?.message).toContain('is in ap-southeast-1, outside the allowed regions (us-east-1, eu-west-1).');
  });

  it('passes a resource in an allowed region', () => {
    // Prepare
    const REGION = 'eu-west-1';
    const resource = fileSystem('fs-0abc1234', { region: REGION });

    // Act
    const [result] = runCheckOn(
      efsFileSystemInAllowedRegion,
      inventoryWith({ 'efs.fileSystems': [resource], 'efs.replications': [] }),
      {
        settings: ALLOWED,
      },
    );

    // Assess
    expect(result).toMatchObject({ status: 'PASS', resource: { arn: resource.arn } });
  });

  it('reports once that residency is not configured when there is something to judge', () => {
    // Prepare
    const REGION = 'eu-west-1';
    const resource = fileSystem('fs-0abc1234', { region: REGION });

    // Act
    const results = runCheckOn(
      efsFileSystemInAllowedRegion,
      inventoryWith({ 'efs.fileSystems': [resource], 'efs.replications': [] }),
    );

    // Assess
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'ERROR', resource: { id: '123456789012' } });
  });

  it('stays silent when the service holds nothing', () => {
    // Act
    const results = runCheckOn(
      efsFileSystemInAllowedRegion,
      inventoryWith({ 'efs.fileSystems': [], 'efs.replications': [] }),
    );

    // Assess
    expect(results).toEqual([]);
  });

  it('fails a file system in an allowed region that replicates outside them', () => {
    // Prepare
    const source = fileSystem('fs-0abc1234', { region: 'eu-west-1' });
    const replication = {
      region: 'eu-west-1',
      sourceFileSystemId: 'fs-0abc1234',
      destinations: [{ region: 'ap-southeast-1', fileSystemId: 'fs-0def5678', status: 'ENABLED' }],
    };

    // Act
    const [result] = runCheckOn(
      efsFileSystemInAllowedRegion,
      inventoryWith({ 'efs.fileSystems': [source], 'efs.replications': [replication] }),
      { settings: ALLOWED },
    );

    // Assess
    expect(result).toEqual({
      status: 'FAIL',
      resource: source,
      message:
        'EFS file system fs-0abc1234 is in eu-west-1 but has a replica (fs-0def5678) in ap-southeast-1, outside the allowed regions (us-east-1, eu-west-1).',
    });
  });
});
