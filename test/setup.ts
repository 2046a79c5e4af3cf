import 'aws-sdk-client-mock-vitest/extend';
import sinon from 'sinon';
import { afterAll } from 'vitest';

// Unit test files share workers (`isolate: false`): every SDK client a file mocked through aws-sdk-client-mock
// (which stubs with sinon's default sandbox) is restored when the file ends, so no mock leaks into the next file.
afterAll(() => {
  sinon.restore();
});
