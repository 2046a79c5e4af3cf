import type { Finding, ScanReport } from '../../lambdas/core/findings/model.js';

/** A finding with plausible defaults, for report, lifecycle and alert tests. */
export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'f-1',
    checkId: 'ec2-ebs-volume-encrypted',
    title: 'EBS volumes are encrypted',
    status: 'FAIL',
    severity: 'medium',
    srmClass: 'infrastructure',
    obligation: 'data-protection',
    service: 'ec2',
    resourceType: 'AwsEc2Volume',
    resourceId: 'vol-1',
    resourceArn: 'arn:aws:ec2:us-east-1:123456789012:volume/vol-1',
    region: 'us-east-1',
    accountId: '123456789012',
    message: 'EBS volume vol-1 is not encrypted.',
    compliance: [{ framework: 'aws-fsbp', control: 'EC2.3' }],
    remediation: {
      text: 'Copy the volume to an encrypted one.',
      cli: 'aws ec2 create-snapshot --volume-id <id>',
      url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    },
    observedAt: '2026-11-23T03:00:00.000Z',
    ...overrides,
  };
}

export function makeReport(findings: Finding[]): ScanReport {
  return {
    scan: {
      id: 'scan-1',
      accountId: '123456789012',
      startedAt: '2026-11-23T03:00:00.000Z',
      finishedAt: '2026-11-23T03:00:12.500Z',
      regions: ['us-east-1', 'eu-west-1'],
      apiCalls: { total: 42, byOperation: { 'ec2:DescribeVolumes': 2 } },
      collectionIssues: [],
      checks: [],
    },
    findings,
  };
}
