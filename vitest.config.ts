import { defineConfig } from 'vitest/config';

const env = {
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  AWS_REGION: 'us-east-1',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Tests that start processes or servers (moto, the compiled CLI) or synthesise the CDK stack. */
const SLOW = ['test/integration/**', 'test/lib/**'];

/**
 * Three projects: `unit` (pure code and mocked SDK clients, run in shared workers so modules load once), `stack`
 * (CDK synthesis) and `integration` (moto, the compiled CLI). `npm test` runs all three; `npm run test:unit` the
 * fast inner loop.
 */
export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    env,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: SLOW,
          pool: 'threads',
          isolate: false,
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'stack',
          include: ['test/lib/**/*.test.ts'],
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/build-cli.ts'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
