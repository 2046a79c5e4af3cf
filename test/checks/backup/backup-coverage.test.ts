import { describe, expect, it } from 'vitest';
import {
  type BackupTarget,
  findBackupCoverage,
  selectionSelects,
  wildcardMatch,
} from '../../../lambdas/core/checks/shared/backup-coverage.js';
import type { BackupSelection } from '../../../lambdas/core/inventory/index.js';
import { backupPlan, backupSelection } from '../../fixtures/backup.js';

const DB_ARN = 'arn:aws:rds:us-east-1:123456789012:db:orders-db';
const VOLUME_ARN = 'arn:aws:ec2:us-east-1:123456789012:volume/vol-0abc';

const target = (arn: string, tags: Record<string, string> = {}, region = 'us-east-1'): BackupTarget => ({
  arn,
  region,
  tags,
});

const conditions = (parts: Partial<BackupSelection['conditions']>): BackupSelection['conditions'] => ({
  stringEquals: [],
  stringNotEquals: [],
  stringLike: [],
  stringNotLike: [],
  ...parts,
});

describe('Function: wildcardMatch', () => {
  it('matches `*` against any run of characters, including none and colons', () => {
    // Assess
    expect(wildcardMatch('arn:aws:rds:*:*:db:*', DB_ARN)).toBe(true);
    expect(wildcardMatch('arn:aws:rds:*:*:db:orders-*', DB_ARN)).toBe(true);
    expect(wildcardMatch('*', DB_ARN)).toBe(true);
    expect(wildcardMatch('prod*', 'prod')).toBe(true);
  });

  it('treats every other character literally and is case sensitive', () => {
    // Assess
    expect(wildcardMatch('arn:aws:rds:*:*:cluster:*', DB_ARN)).toBe(false);
    expect(wildcardMatch('arn:aws:rds:us-east-1:123456789012:db:orders.db', DB_ARN)).toBe(false);
    expect(wildcardMatch('Daily', 'daily')).toBe(false);
    expect(wildcardMatch('a?c', 'abc')).toBe(false);
  });
});

describe('Function: selectionSelects', () => {
  it('selects a resource matching a Resources pattern', () => {
    // Prepare
    const selection = backupSelection('databases', { resources: ['arn:aws:rds:*:*:db:*'] });

    // Assess
    expect(selectionSelects(selection, target(DB_ARN))).toBe(true);
    expect(selectionSelects(selection, target(VOLUME_ARN))).toBe(false);
  });

  it('selects a resource carrying any ListOfTags tag, OR-ed with Resources', () => {
    // Prepare
    const selection = backupSelection('tagged', {
      resources: ['arn:aws:ec2:*:*:volume/*'],
      listOfTags: [
        { key: 'backup', value: 'daily' },
        { key: 'backup', value: 'weekly' },
      ],
    });

    // Assess
    expect(selectionSelects(selection, target(DB_ARN, { backup: 'weekly' }))).toBe(true);
    expect(selectionSelects(selection, target(VOLUME_ARN))).toBe(true);
    expect(selectionSelects(selection, target(DB_ARN, { backup: 'never' }))).toBe(false);
  });

  it('requires every condition to hold (AND)', () => {
    // Prepare
    const selection = backupSelection('prod-daily', {
      resources: ['*'],
      conditions: conditions({
        stringEquals: [
          { key: 'backup', value: 'daily' },
          { key: 'stage', value: 'prod' },
        ],
      }),
    });

    // Assess
    expect(selectionSelects(selection, target(DB_ARN, { backup: 'daily', stage: 'prod' }))).toBe(true);
    expect(selectionSelects(selection, target(DB_ARN, { backup: 'daily' }))).toBe(false);
  });

  it('applies StringLike wildcards and negated operators, which hold when the tag is absent', () => {
    // Prepare
    const selection = backupSelection('non-test', {
      resources: ['*'],
      conditions: conditions({
        stringLike: [{ key: 'stage', value: 'prod*' }],
        stringNotEquals: [{ key: 'backup', value: 'skip' }],
        stringNotLike: [{ key: 'owner', value: '*-sandbox' }],
      }),
    });

    // Assess
    expect(selectionSelects(selection, target(DB_ARN, { stage: 'production' }))).toBe(true);
    expect(selectionSelects(selection, target(DB_ARN, { stage: 'production', backup: 'skip' }))).toBe(false);
    expect(selectionSelects(selection, target(DB_ARN, { stage: 'production', owner: 'ana-sandbox' }))).toBe(false);
    expect(selectionSelects(selection, target(DB_ARN, { stage: 'staging' }))).toBe(false);
    expect(selectionSelects(selection, target(DB_ARN))).toBe(false);
  });

  it('excludes a resource matching NotResources even when it is selected', () => {
    // Prepare
    const selection = backupSelection('all-but-volumes', {
      resources: ['*'],
      notResources: ['arn:aws:ec2:*:*:volume/*'],
    });

    // Assess
    expect(selectionSelects(selection, target(DB_ARN))).toBe(true);
    expect(selectionSelects(selection, target(VOLUME_ARN))).toBe(false);
  });

  it('selects every resource the conditions allow when neither Resources nor ListOfTags is given', () => {
    // Prepare
    const selection = backupSelection('conditions-only', {
      conditions: conditions({ stringEquals: [{ key: 'backup', value: 'daily' }] }),
    });

    // Assess
    expect(selectionSelects(selection, target(DB_ARN, { backup: 'daily' }))).toBe(true);
    expect(selectionSelects(selection, target(DB_ARN))).toBe(false);
  });

  it('selects nothing when the Resources patterns and tags do not match', () => {
    // Prepare
    const selection = backupSelection('one-table', {
      resources: ['arn:aws:dynamodb:us-east-1:123456789012:table/orders'],
    });

    // Assess
    expect(selectionSelects(selection, target(DB_ARN, { backup: 'daily' }))).toBe(false);
  });
});

describe('Function: findBackupCoverage', () => {
  it('only lets a plan cover resources in its own region', () => {
    // Prepare
    const selection = backupSelection('everything', { resources: ['*'] });
    const euPlan = backupPlan('eu-daily', [selection], { region: 'eu-west-1' });

    // Act
    const covered = findBackupCoverage([euPlan], [target(DB_ARN)]);

    // Assess
    expect(covered).toBeUndefined();
  });

  it('returns the plan, selection and target that cover the resource', () => {
    // Prepare
    const miss = backupSelection('volumes', { resources: ['arn:aws:ec2:*:*:volume/*'] });
    const hit = backupSelection('databases', { resources: ['arn:aws:rds:*:*:db:*'] });
    const plan = backupPlan('daily', [miss, hit]);
    const clusterTarget = { ...target('arn:aws:rds:us-east-1:123456789012:cluster:ledger'), via: 'its cluster' };

    // Act
    const covered = findBackupCoverage([plan], [clusterTarget, target(DB_ARN)]);

    // Assess
    expect(covered).toEqual({ plan, selection: hit, target: target(DB_ARN) });
  });
});
