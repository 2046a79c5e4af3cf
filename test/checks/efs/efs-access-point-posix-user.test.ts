import { describe, expect, it } from 'vitest';
import { efsAccessPointPosixUser } from '../../../lambdas/core/checks/efs/index.js';
import { accessPoint, inventoryWith, runCheckOn } from '../../fixtures/efs.js';

describe('Check: efs-access-point-posix-user', () => {
  it('fails when the access point enforces no POSIX user', () => {
    // Prepare
    const ap = accessPoint('fsap-0aaa', { posixUser: undefined });

    // Act
    const results = runCheckOn(efsAccessPointPosixUser, inventoryWith({ 'efs.accessPoints': [ap] }));

    // Assess
    expect(results).toEqual([
      {
        status: 'FAIL',
        resource: ap,
        message:
          'EFS access point fsap-0aaa of file system fs-0123456789abcdef0 enforces no POSIX user, so clients act as the user they claim.',
      },
    ]);
  });

  it('passes when a POSIX user is enforced and names it', () => {
    // Act
    const [result] = runCheckOn(
      efsAccessPointPosixUser,
      inventoryWith({ 'efs.accessPoints': [accessPoint('fsap-0bbb')] }),
    );

    // Assess
    expect(result).toMatchObject({
      status: 'PASS',
      message:
        'EFS access point fsap-0bbb of file system fs-0123456789abcdef0 makes every request as POSIX user 1000:1000.',
    });
  });
});
