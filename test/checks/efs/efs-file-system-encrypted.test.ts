import { describe, expect, it } from 'vitest';
import { efsFileSystemEncrypted } from '../../../lambdas/core/checks/efs/index.js';
import { fileSystem, inventoryWith, runCheckOn } from '../../fixtures/efs.js';

describe('Check: efs-file-system-encrypted', () => {
  it('fails when the file system is not encrypted', () => {
    // Prepare
    const fs = fileSystem('fs-0aaa', { name: 'harbor-media', encrypted: false, kmsKeyId: undefined });

    // Act
    const results = runCheckOn(efsFileSystemEncrypted, inventoryWith({ 'efs.fileSystems': [fs] }));

    // Assess
    expect(results).toEqual([
      { status: 'FAIL', resource: fs, message: 'EFS file system fs-0aaa (harbor-media) is not encrypted at rest.' },
    ]);
  });

  it('passes when encrypted and names the key', () => {
    // Prepare
    const fs = fileSystem('fs-0bbb');

    // Act
    const [result] = runCheckOn(efsFileSystemEncrypted, inventoryWith({ 'efs.fileSystems': [fs] }));

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message: `EFS file system fs-0bbb encrypts data at rest with KMS key ${fs.kmsKeyId}.`,
    });
  });
});
