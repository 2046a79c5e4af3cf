import { seedContainers } from './containers.js';
import { seedDatastores } from './datastores.js';
import { seedDetection } from './detection.js';
import { seedEc2 } from './ec2.js';
import { seedIam } from './iam.js';
import { efsBackupGapFailures, seedMessaging } from './messaging.js';
import { seedNetwork } from './network.js';
import { backupGapFailures, seedRds } from './rds.js';
import { seedResidency } from './residency.js';
import { seedS3 } from './s3.js';
import { seedServerless } from './serverless.js';
import type { ExpectedFailure, SeedContext } from './types.js';
import { seedUncheckedServices } from './unchecked.js';

const SEEDERS = [
  seedEc2,
  seedIam,
  seedS3,
  seedRds,
  seedServerless,
  seedResidency,

  // containers: ECS, EKS, ECR
  seedContainers,

  // network traffic protection: ELB, CloudFront, API Gateway, ACM, WAF
  seedNetwork,

  // messaging, secrets and file storage: SNS, SQS, Secrets Manager, EFS
  seedMessaging,

  // managed data stores: ElastiCache, OpenSearch
  seedDatastores,

  // detection and response: GuardDuty, Security Hub, Config, Access Analyzer, CloudWatch Logs and alarms
  seedDetection,

  // what the account uses: Resource Groups Tagging API
  seedUncheckedServices,
];

/**
 * Seeds the whole demo account (a small company, "Harbor", in three regions) and returns every
 * FAIL the scan must report. Seeders touch disjoint resources, so they run concurrently; the
 * backup gaps are derived last because they depend on every seeder's tables, volumes, databases and file systems.
 */
export async function seedDemoAccount(context: SeedContext): Promise<ExpectedFailure[]> {
  const planted = (await Promise.all(SEEDERS.map((seed) => seed(context)))).flat();
  const gaps = [...(await backupGapFailures(context)), ...(await efsBackupGapFailures(context))];
  const unique = new Map([...planted, ...gaps].map((f) => [`${f.checkId} ${f.resourceArn}`, f]));
  return [...unique.values()];
}
