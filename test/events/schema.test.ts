import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETAIL_TYPES, EVENT_SOURCE, eventsJsonSchema } from '../../lambdas/core/events/schema.js';

describe('Module: events schema', () => {
  it('matches the generated docs/events.schema.json', () => {
    // Prepare
    const generated = `${JSON.stringify(eventsJsonSchema(), null, 2)}\n`;

    // Act
    const onDisk = readFileSync(join(import.meta.dirname, '../../docs/events.schema.json'), 'utf8');

    // Assess
    expect(onDisk, 'docs/events.schema.json is stale: run `npm run docs`').toBe(generated);
  });

  it('uses a custom source outside the aws. namespace and names every detail-type after it', () => {
    // Prepare
    const types = [...DETAIL_TYPES];

    // Act
    const documented = Object.keys(eventsJsonSchema().detailTypes as object);

    // Assess
    expect(EVENT_SOURCE.startsWith('aws.')).toBe(false);
    expect(types.every((type) => type.startsWith(`${EVENT_SOURCE} `))).toBe(true);
    expect(documented).toEqual(types);
  });
});
