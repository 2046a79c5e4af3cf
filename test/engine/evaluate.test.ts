import { beforeAll, describe, expect, it } from 'vitest';
import { type Check, defineCheck, fail, pass } from '../../lambdas/core/checks/define-check.js';
import type { CollectionIssue } from '../../lambdas/core/collectors/types.js';
import { defaultSettings } from '../../lambdas/core/config/settings.js';
import { evaluateCheck } from '../../lambdas/core/engine/evaluate.js';
import type { EbsVolume, Inventory } from '../../lambdas/core/inventory/index.js';
import { ActionCatalog } from '../../lambdas/core/policy/actions.js';
import { inventoryWith } from '../fixtures/scan.js';
import { fakeCollectors } from '../helpers/fake-collectors.js';

const metadata = {
  title: 'EBS volumes are encrypted',
  service: 'ec2',
  resourceType: 'AwsEc2Volume',
  srmClass: 'infrastructure',
  obligation: 'data-protection',
  severity: 'medium',
  compliance: [],
  risk: 'Unencrypted volumes expose data.',
  remediation: { text: 'Encrypt it.', url: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html' },
} as const;

const volumeCheck: Check = defineCheck({
  ...metadata,
  id: 'test-volume-encrypted',
  requires: ['ec2.volumes'],
  evaluate: ({ ec2 }) =>
    ec2.volumes.map((v) => (v.encrypted ? pass(v, `${v.id} encrypted.`) : fail(v, `${v.id} unencrypted.`))),
});

const volume = (region: string, id: string, encrypted = false): EbsVolume => ({
  arn: `arn:aws:ec2:${region}:123456789012:volume/${id}`,
  id,
  region,
  accountId: '123456789012',
  encrypted,
  state: 'in-use',
  attachedInstanceIds: [],
});

const volumesInventory = (volumes: EbsVolume[]): Inventory => inventoryWith({ 'ec2.volumes': volumes });

const collectors = fakeCollectors({
  'ec2.volumes': { key: 'ec2.volumes', scope: 'regional', actions: ['ec2:DescribeVolumes'], collect: async () => [] },
  's3.buckets': { key: 's3.buckets', scope: 'global', actions: ['s3:ListAllMyBuckets'], collect: async () => [] },
});

const issue = (overrides: Partial<CollectionIssue>): CollectionIssue => ({
  slice: 'ec2.volumes',
  region: 'eu-west-1',
  errorCode: 'UnauthorizedOperation',
  message: 'denied',
  ...overrides,
});

describe('Function: evaluateCheck', () => {
  let tools: { actions: ActionCatalog };
  beforeAll(async () => {
    tools = { actions: await ActionCatalog.load(['s3']) };
  });

  it('passes results through when nothing failed', () => {
    // Prepare
    const inventory = volumesInventory([volume('us-east-1', 'vol-1', true), volume('eu-west-1', 'vol-2')]);

    // Act
    const results = evaluateCheck(volumeCheck, inventory, defaultSettings(), tools, [], collectors);

    // Assess
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([
      ['vol-1', 'PASS'],
      ['vol-2', 'FAIL'],
    ]);
  });

  it('reports ERROR for the region whose slice failed, and keeps verdicts elsewhere', () => {
    // Prepare
    const inventory = volumesInventory([volume('us-east-1', 'vol-1')]);

    // Act
    const results = evaluateCheck(volumeCheck, inventory, defaultSettings(), tools, [issue({})], collectors);

    // Assess
    expect(results.map((r) => [r.resource.region, r.status])).toEqual([
      ['us-east-1', 'FAIL'],
      ['eu-west-1', 'ERROR'],
    ]);
    expect(results[1]?.message).toContain('ec2.volumes (ec2:DescribeVolumes) could not be collected for eu-west-1');
    expect(results[1]?.resource.arn).toBe('arn:aws:ec2:eu-west-1:123456789012:*');
  });

  it('turns results of a failed region into ERROR instead of trusting partial data', () => {
    // Prepare
    const inventory = volumesInventory([volume('eu-west-1', 'vol-2')]);

    // Act
    const results = evaluateCheck(volumeCheck, inventory, defaultSettings(), tools, [issue({})], collectors);

    // Assess
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([['vol-2', 'ERROR']]);
  });

  it('reports one ERROR and does not evaluate when a required slice failed for the whole account', () => {
    // Prepare
    let evaluated = false;
    const check = defineCheck({
      ...metadata,
      id: 'test-bucket-check',
      service: 's3',
      requires: ['s3.buckets'],
      evaluate: () => {
        evaluated = true;
        return [];
      },
    });

    // Act
    const results = evaluateCheck(
      check,
      volumesInventory([]),
      defaultSettings(),
      tools,
      [issue({ slice: 's3.buckets', region: 'global', errorCode: 'AccessDenied' })],
      collectors,
    );

    // Assess
    expect(evaluated).toBe(false);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'ERROR', resource: { region: 'global' } });
  });

  it('marks only the resource whose attribute could not be read', () => {
    // Prepare
    const inventory = volumesInventory([volume('us-east-1', 'vol-1'), volume('us-east-1', 'vol-2')]);
    const perResource = issue({ region: 'us-east-1', resourceArn: volume('us-east-1', 'vol-2').arn });

    // Act
    const results = evaluateCheck(volumeCheck, inventory, defaultSettings(), tools, [perResource], collectors);

    // Assess
    expect(results.map((r) => [r.resource.id, r.status])).toEqual([
      ['vol-1', 'FAIL'],
      ['vol-2', 'ERROR'],
    ]);
  });

  it('adds an ERROR for a resource of its own service that the check left out for want of data', () => {
    // Prepare
    const missing = volume('us-east-1', 'vol-9');
    const foreign = 'arn:aws:s3:::some-bucket';

    // Act
    const results = evaluateCheck(
      volumeCheck,
      volumesInventory([]),
      defaultSettings(),
      tools,
      [issue({ region: 'us-east-1', resourceArn: missing.arn }), issue({ region: 'us-east-1', resourceArn: foreign })],
      collectors,
    );

    // Assess
    expect(results.map((r) => [r.resource.arn, r.status])).toEqual([[missing.arn, 'ERROR']]);
  });

  it('ignores failures of slices the check does not require', () => {
    // Prepare
    const inventory = volumesInventory([volume('us-east-1', 'vol-1', true)]);

    // Act
    const results = evaluateCheck(
      volumeCheck,
      inventory,
      defaultSettings(),
      tools,
      [issue({ slice: 's3.buckets', region: 'global' })],
      collectors,
    );

    // Assess
    expect(results.map((r) => r.status)).toEqual(['PASS']);
  });

  it('reports ERROR when the check itself throws', () => {
    // Prepare
    const broken = defineCheck({
      ...metadata,
      id: 'test-broken',
      requires: ['ec2.volumes'],
      evaluate: () => {
        throw new TypeError('boom');
      },
    });

    // Act
    const results = evaluateCheck(broken, volumesInventory([]), defaultSettings(), tools, [], collectors);

    // Assess
    expect(results).toEqual([
      expect.objectContaining({ status: 'ERROR', message: 'Not evaluated: the check raised TypeError: boom.' }),
    ]);
  });
});
