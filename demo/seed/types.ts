import type { AwsClients } from '../../lambdas/core/aws/clients.js';

/** moto's default account. */
export const DEMO_ACCOUNT_ID = '123456789012';

/** Regions the demo account uses; ap-southeast-1 is outside the demo's allowed regions. */
export const DEMO_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-1'] as const;
export const DEMO_ALLOWED_REGIONS = ['us-east-1', 'eu-west-1'] as const;

export interface SeedContext {
  accountId: string;
  /** SDK clients pointed at the emulator. */
  clients: AwsClients;
}

/** A FAIL the scan must report for a resource the seeder created on purpose. */
export interface ExpectedFailure {
  checkId: string;
  resourceArn: string;
}

/** Creates part of the demo account and returns the FAILs it planted (compliant twins produce none). */
export type Seeder = (context: SeedContext) => Promise<ExpectedFailure[]>;
