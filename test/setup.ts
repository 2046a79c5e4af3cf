import 'aws-sdk-client-mock-vitest/extend';
import { createRequire } from 'node:module';
import type { SinonStatic } from 'sinon';
import { afterAll } from 'vitest';

// aws-sdk-client-mock is CommonJS and stubs through the CommonJS build of sinon (its default sandbox); an ESM
// `import 'sinon'` would load sinon's separate ESM build, whose sandbox holds none of those stubs.
const sinon = createRequire(import.meta.url)('sinon') as SinonStatic;

// Unit test files share workers (`isolate: false`): every SDK client a file mocked through aws-sdk-client-mock is
// restored when the file ends, so no mock leaks into the next file.
afterAll(() => {
  sinon.restore();
});
