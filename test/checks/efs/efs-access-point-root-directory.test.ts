import { describe, expect, it } from 'vitest';
import { efsAccessPointRootDirectory } from '../../../lambdas/core/checks/efs/index.js';
import { accessPoint, inventoryWith, runCheckOn } from '../../fixtures/efs.js';

describe('Check: efs-access-point-root-directory', () => {
  it('fails when the access point exposes the file system root', () => {
    // Prepare
    const ap = accessPoint('fsap-0aaa', { rootDirectoryPath: '/' });

    // Act
    const results = runCheckOn(efsAccessPointRootDirectory, inventoryWith({ 'efs.accessPoints': [ap] }));

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: ap,
        message:
          "EFS access point fsap-0aaa of file system fs-0123456789abcdef0 exposes the file system's root directory (/).",
      },
    ]);
  });

  it('passes when the access point is rooted in a subdirectory', () => {
    // Act
    const [result] = runCheckOn(
      efsAccessPointRootDirectory,
      inventoryWith({ 'efs.accessPoints': [accessPoint('fsap-0bbb')] }),
    );

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: 'EFS access point fsap-0bbb of file system fs-0123456789abcdef0 confines clients to directory /app.',
    });
  });
});
