import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '../../demo/moto.js';
import { DEMO_ACCOUNT_ID } from '../../demo/seed/types.js';
import { type AccountLayout, accountLayout } from '../bench/account-layout.js';
import { catalogueOtherServices, type ScanMeasure, scanAccount } from '../bench/large-account.js';
import { callsByType, type TypeCalls } from '../bench/minimal-calls.js';
import { seedLargeAccount } from '../bench/seed-large-account.js';

/** The CI-sized benchmark: 2 % of the reference account (20 buckets, 100 instances, 200 snapshots …), no latency. */
const SCALE = 0.02;

/** How far above the minimal-call model a resource type may go (issue 9's acceptance bound). */
const BOUND = 1.25;

describe('Integration: API calls of a scan of the reference account at CI scale', () => {
  let moto: MotoServer;
  let layout: AccountLayout;
  let scan: ScanMeasure;
  let rows: TypeCalls[];

  beforeAll(async () => {
    moto = await startMoto();
    layout = accountLayout(SCALE);
    await seedLargeAccount({ endpoint: moto.endpoint, layout, accountId: DEMO_ACCOUNT_ID });
    scan = await scanAccount(moto.endpoint);
    rows = callsByType(scan.byOperation, layout, catalogueOtherServices());
  }, 240_000);

  afterAll(async () => {
    await moto?.stop();
  });

  it('stays within 1.25 × the minimal-call model (plus the calls the emulator forces) for every resource type', () => {
    // Prepare
    const over = (r: TypeCalls) => r.calls > BOUND * (r.minimal + r.emulator);

    // Act
    const excessive = rows.filter(over).map((r) => `${r.label}: ${r.calls} calls, model ${r.minimal}+${r.emulator}`);

    // Assess
    expect(excessive).toEqual([]);
  });

  it('makes exactly the modelled calls for every resource type whose count the layout decides', () => {
    // Prepare
    const deterministic = rows.filter((r) => r.deterministic);

    // Act
    const counts = Object.fromEntries(deterministic.map((r) => [r.label, r.calls]));

    // Assess
    expect(counts).toEqual(Object.fromEntries(deterministic.map((r) => [r.label, r.minimal + r.emulator])));
  });

  it('reads per bucket, per manual RDS snapshot and per function only, never per instance, group or volume', () => {
    // Prepare
    const perResource = (label: string) => rows.find((r) => r.label === label);

    // Act
    const ec2Listings = ['EC2 instances', 'EC2 security groups', 'EBS volumes'].map((l) => perResource(l)?.calls);

    // Assess: one listing page per region (17) at this size
    expect(ec2Listings).toEqual([17, 17, 17]);
    expect(scan.byOperation['rds:DescribeDBSnapshotAttributes']).toBe(12);
    expect(scan.byOperation['lambda:GetPolicy']).toBe(20);
    expect(scan.byOperation['s3:GetBucketAcl']).toBe(20);
  });

  it('needs no retry for throttling and leaves none unrecovered', () => {
    // Assess
    expect(scan.unrecoveredThrottles).toBe(0);
  });
});
