import { readFile, writeFile } from 'node:fs/promises';
import { CHECKS } from '../lambdas/core/checks/registry.js';
import { eventsJsonSchema } from '../lambdas/core/events/schema.js';
import { catalogueMarkdown } from '../lambdas/core/reports/catalogue.js';
import { srmTableMarkdown } from '../lambdas/core/srm/headings.js';

/**
 * `npm run docs`: regenerates docs/checks.md, docs/events.schema.json (test/events/schema.test.ts) and the README's SRM table (between its markers) from the check
 * catalogue and the service table. test/catalogue.test.ts fails when either is stale.
 */
export const README_TABLE = { start: '<!-- srm-table:start -->', end: '<!-- srm-table:end -->' };

export function withSrmTable(readme: string, table: string): string {
  const start = readme.indexOf(README_TABLE.start);
  const end = readme.indexOf(README_TABLE.end);
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_TABLE.start} … ${README_TABLE.end} block.`);
  return `${readme.slice(0, start + README_TABLE.start.length)}\n${table}\n${readme.slice(end)}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = new URL('..', import.meta.url);
  await writeFile(new URL('docs/checks.md', root), catalogueMarkdown(CHECKS));
  await writeFile(new URL('docs/events.schema.json', root), `${JSON.stringify(eventsJsonSchema(), null, 2)}\n`);
  const readme = new URL('README.md', root);
  await writeFile(readme, withSrmTable(await readFile(readme, 'utf8'), srmTableMarkdown()));
}
