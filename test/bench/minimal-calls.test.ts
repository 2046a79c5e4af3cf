import { describe, expect, it } from 'vitest';
import { accountLayout, countOf } from './account-layout.js';
import { callsByType, otherServicesModel, TYPE_MODELS } from './minimal-calls.js';
import { BENCH_REGIONS, PRIMARY_REGION, REFERENCE_COUNTS, spread } from './reference-account.js';

describe('Function: spread', () => {
  it('puts 80 % in the primary region and the rest evenly over the other 16', () => {
    // Act
    const counts = spread(1_000);

    // Assess
    expect(counts.get(PRIMARY_REGION)).toBe(800);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(new Set([...counts].filter(([r]) => r !== PRIMARY_REGION).map(([, n]) => n))).toEqual(new Set([12, 13]));
  });
});

describe('Function: accountLayout', () => {
  it('holds the reference counts at scale 1 over 17 regions', () => {
    // Act
    const layout = accountLayout(1);

    // Assess
    expect(BENCH_REGIONS).toHaveLength(17);
    for (const [kind, count] of Object.entries(REFERENCE_COUNTS)) {
      expect(countOf(layout, kind as keyof typeof REFERENCE_COUNTS), kind).toBe(count);
    }
  });

  it('never leaves a snapshot in a region without a volume or database to take it from', () => {
    // Act
    const layout = accountLayout(0.002);

    // Assess
    for (const region of BENCH_REGIONS) {
      if ((layout.snapshots.get(region) ?? 0) > 0) expect(layout.volumes.get(region), region).toBeGreaterThan(0);
      if ((layout.rdsManualSnapshots.get(region) ?? 0) > 0) {
        expect(layout.rdsInstances.get(region), region).toBeGreaterThan(0);
      }
      expect(layout.volumes.get(region) ?? 0).toBeGreaterThanOrEqual(layout.instances.get(region) ?? 0);
    }
  });
});

describe('Module: minimal-call model', () => {
  it('counts the reference account as aws-limits.md does', () => {
    // Prepare
    const layout = accountLayout(1);

    // Act
    const minimal = Object.fromEntries(TYPE_MODELS.map((m) => [m.label, m.minimal(layout)]));

    // Assess
    expect(minimal).toEqual({
      'account (identity, regions)': 2,
      // ListBuckets once, 8 configuration reads per bucket, account Block Public Access
      'S3 buckets': 1 + 8 * 1_000 + 1,
      // authorization details: users 1, roles 2, groups 1, local policies 1, AWS policies 1; report 2; 3 account reads
      'IAM (users, roles, policies)': 6 + 2 + 3,
      // 4,000 in us-east-1 in pages of 1,000, one page in each of the other 16 regions
      'EC2 instances': 4 + 16,
      // 8,000 plus the default group
      'EC2 security groups': 9 + 16,
      'EBS volumes': 5 + 16,
      // own snapshots in pages, plus one public-snapshot listing per region
      'EBS snapshots': 8 + 16 + 17,
      'RDS instances': 3 + 16,
      // pages of 100 plus one attribute read per manual snapshot
      'RDS manual snapshots': 5 + 16 + 600,
      // pages of 50 plus GetPolicy and ListFunctionUrlConfigs per function
      'Lambda functions': 16 + 16 + 2 * 1_000,
    });
  });

  it('adds the calls moto forces: bucket locations, snapshot attributes and function URL fallbacks', () => {
    // Prepare
    const layout = accountLayout(1);

    // Act
    const forced = TYPE_MODELS.filter((m) => m.emulator(layout) > 0).map((m) => [m.label, m.emulator(layout)]);

    // Assess
    expect(forced).toEqual([
      ['S3 buckets', 1_000],
      ['EBS snapshots', 10_000],
      ['Lambda functions', 1_000],
    ]);
  });

  it('charges one listing per root slice and scope for the services the account leaves empty', () => {
    // Act
    const other = otherServicesModel(
      [
        { key: 'sns.topics', scope: 'regional' },
        { key: 'cloudfront.distributions', scope: 'global' },
        { key: 'kms.keyPolicies', scope: 'regional', dependsOn: ['kms.keys'] },
        { key: 'ec2.instances', scope: 'regional' },
      ],
      17,
    );

    // Assess: the dependent slice costs nothing when empty; EC2 instances belong to their own row
    expect(other.minimal).toBe(17 + 1);
  });

  it('files every operation under one row, the unclaimed ones under other services', () => {
    // Prepare
    const layout = accountLayout(0.02);

    // Act
    const rows = callsByType(
      { 's3:GetBucketAcl': 20, 'ec2:DescribeSnapshotAttribute': 5, 'sns:ListTopics': 17 },
      layout,
      { label: 'other services (empty)', minimal: 17 },
    );

    // Assess
    const calls = Object.fromEntries(rows.filter((r) => r.calls > 0).map((r) => [r.label, r.calls]));
    expect(calls).toEqual({ 'S3 buckets': 20, 'EBS snapshots': 5, 'other services (empty)': 17 });
  });
});
