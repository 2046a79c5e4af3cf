import { describe, expect, it } from 'vitest';
import { cloudwatchAlarmS3BucketPolicyChanges } from '../../../lambdas/core/checks/cloudwatch/index.js';
import { chainPassMessage, globalAccount, monitoringInventory, noFilterMessage } from '../../fixtures/detection.js';
import { runCheckOn } from '../../fixtures/scan.js';

const SUBJECT = 'S3 bucket policy changes';

describe('Check: cloudwatch-alarm-s3-bucket-policy-changes', () => {
  it('passes with every Put and Delete call of S3', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ ($.eventSource = "s3.amazonaws.com") && (($.eventName = "Put*") || ($.eventName = "Delete*")) }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmS3BucketPolicyChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'PASS', resource: globalAccount, message: chainPassMessage(SUBJECT) }]);
  });

  it('fails when the filter leaves out PutBucketAcl', () => {
    // Prepare
    const inventory = monitoringInventory(
      '{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) || ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication) || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors) || ($.eventName = DeleteBucketLifecycle) || ($.eventName = DeleteBucketReplication)) }',
    );

    // Act
    const results = runCheckOn(cloudwatchAlarmS3BucketPolicyChanges, inventory);

    // Assess
    expect(results).toEqual([{ status: 'FAIL', resource: globalAccount, message: noFilterMessage(SUBJECT) }]);
  });
});
