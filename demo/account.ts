import { performance } from 'node:perf_hooks';
import { ApiCallCounter } from '../lambdas/core/aws/api-calls.js';
import { type AwsClientOptions, AwsClients } from '../lambdas/core/aws/clients.js';
import { startMoto } from './moto.js';
import { seedDemoAccount } from './seed/index.js';
import { DEMO_ACCOUNT_ID, type ExpectedFailure } from './seed/types.js';

/** moto accepts any key; these never leave the machine. */
const EMULATOR_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

export interface DemoAccount {
  accountId: string;
  /** How to reach the emulated account: pass to the client factory (nothing in `process.env` changes). */
  clientOptions: AwsClientOptions;
  /** The misconfigurations seeded on purpose: the FAILs a scan must report. */
  planted: readonly ExpectedFailure[];
  timings: { motoStartSeconds: number; seedSeconds: number };
  /** Stops the emulator; safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Starts moto on a free loopback port and seeds the demo account ("Harbor", a small company in three regions).
 * The emulator keeps running until `stop` is called.
 */
export async function startDemoAccount(): Promise<DemoAccount> {
  const started = performance.now();
  const moto = await startMoto();
  try {
    const clientOptions: AwsClientOptions = {
      endpoint: moto.endpoint,
      credentials: EMULATOR_CREDENTIALS,
      region: 'us-east-1',
    };
    const motoReady = performance.now();
    // Seeding writes to the emulator: no client-side pacing of AWS's read limits.
    const seedClients = new AwsClients(new ApiCallCounter(), { ...clientOptions, rateLimits: false });
    const planted = await seedDemoAccount({ accountId: DEMO_ACCOUNT_ID, clients: seedClients }).finally(() =>
      seedClients.destroy(),
    );
    const seeded = performance.now();
    return {
      accountId: DEMO_ACCOUNT_ID,
      clientOptions,
      planted,
      timings: { motoStartSeconds: (motoReady - started) / 1000, seedSeconds: (seeded - motoReady) / 1000 },
      stop: () => moto.stop(),
    };
  } catch (error) {
    await moto.stop();
    throw error;
  }
}
