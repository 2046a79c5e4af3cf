import { z } from 'zod';
import { DEFAULT_INTERNET_EXPOSURE_PREFIX } from '../network/ip-ranges.js';
import { regionNameSchema } from '../srm/vocabulary.js';

const port = z.number().int().min(0).max(65535);
const accountId = z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id');
const days = z.number().int().positive();

/** Ports commonly attacked when exposed to the internet (AWS FSBP EC2.19's list plus a few peers flag). */
export const DEFAULT_HIGH_RISK_PORTS = [
  20, 21, 22, 23, 25, 110, 135, 143, 445, 1433, 1434, 3000, 3306, 3389, 4333, 5000, 5432, 5500, 5601, 6379, 8080, 8088,
  8888, 9200, 9300, 11211, 27017,
];

/** Lambda runtimes past their AWS deprecation date (Lambda runtime support policy, November 2026). */
export const DEFAULT_DEPRECATED_LAMBDA_RUNTIMES = [
  'nodejs',
  'nodejs4.3',
  'nodejs4.3-edge',
  'nodejs6.10',
  'nodejs8.10',
  'nodejs10.x',
  'nodejs12.x',
  'nodejs14.x',
  'nodejs16.x',
  'nodejs18.x',
  'python2.7',
  'python3.6',
  'python3.7',
  'python3.8',
  'python3.9',
  'ruby2.5',
  'ruby2.7',
  'ruby3.2',
  'java8',
  'dotnetcore1.0',
  'dotnetcore2.0',
  'dotnetcore2.1',
  'dotnetcore3.1',
  'dotnet5.0',
  'dotnet6',
  'dotnet7',
  'go1.x',
  'provided',
];

/**
 * Application and Network Load Balancer security policies AWS recommends: exactly FSBP ELB.17's list (Security Hub
 * documentation, November 2026): TLS 1.3 policies that accept TLS 1.2 only with restricted (`Res`) ciphers, their FIPS
 * and post-quantum (`PQ`) variants. ELBSecurityPolicy-TLS13-1-2-2021-06, an earlier recommendation, is no longer in
 * the list (add it to the setting to accept it); ELBSecurityPolicy-2016-08, the API default, accepts TLS 1.0 and 1.1.
 */
export const DEFAULT_ELB_SSL_POLICIES = [
  'ELBSecurityPolicy-TLS13-1-3-2021-06',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09',
];

/**
 * Classic Load Balancer predefined policies accepted for HTTPS/SSL listeners: FSBP ELB.8's default, the only
 * predefined classic policy that refuses TLS 1.0 and 1.1.
 */
export const DEFAULT_ELB_CLASSIC_SSL_POLICIES = ['ELBSecurityPolicy-TLS-1-2-2017-01'];

/**
 * CloudFront viewer security policies accepted for distributions with a custom certificate: exactly FSBP
 * CloudFront.15's list (TLS 1.2 or later with forward-secret ciphers).
 */
export const DEFAULT_CLOUDFRONT_TLS_POLICIES = ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'];

/**
 * Check settings. Every field has a default except `allowedRegions`, which only the user can know,
 * and `secretFingerprintSalt`, whose default depends on the scanned account.
 */
export const settingsSchema = z
  .object({
    /** Regions where the organisation allows data to live; unset means data residency is not evaluated. */
    allowedRegions: z.array(regionNameSchema).min(1).optional(),
    authorizedPublicPorts: z.array(port).default([80, 443]),
    highRiskPorts: z.array(port).min(1).default(DEFAULT_HIGH_RISK_PORTS),
    accessKeyMaxAgeDays: days.default(90),
    unusedCredentialDays: days.default(45),
    rootRecentUseDays: days.default(30),
    minBackupRetentionDays: days.default(7),
    trustedAccountIds: z.array(accountId).default([]),
    deprecatedLambdaRuntimes: z.array(z.string().min(1)).default(DEFAULT_DEPRECATED_LAMBDA_RUNTIMES),
    /**
     * Keys the fingerprints that stand for detected secrets (see `secrets/fingerprint.ts`); unset, a salt
     * derived from the scanned account id. Set a private one so that the fingerprint of a weak password
     * cannot be confirmed by guessing.
     */
    secretFingerprintSalt: z.string().min(1).optional(),
    /**
     * How wide a public block of source addresses must be to count as the internet, besides
     * ranges that together cover the whole public space (lambdas/core/network/ip-ranges.ts).
     */
    internetExposurePrefix: z
      .object({
        ipv4: z.number().int().min(0).max(32).default(DEFAULT_INTERNET_EXPOSURE_PREFIX.ipv4),
        ipv6: z.number().int().min(0).max(128).default(DEFAULT_INTERNET_EXPOSURE_PREFIX.ipv6),
      })
      .strict()
      .default({ ...DEFAULT_INTERNET_EXPOSURE_PREFIX }),
    /**
     * Ask the Resource Groups Tagging API (tag:GetResources, one call per 100 tagged resources and region) which
     * services hold tagged resources, so the coverage map can list services srm-scan does not check yet.
     */
    discoverServicesWithTaggingApi: z.boolean().default(true),

    // containers: ECS, EKS, ECR
    /**
     * The oldest Kubernetes minor version still in Amazon EKS standard support. Clusters older than
     * it are in extended support (paid, fewer fixes) or past it. Default: 1.34, whose standard
     * support ends on 2 December 2026 (EKS release calendar; 1.33's ended on 29 July 2026). Raise it
     * as the calendar moves.
     */
    eksMinimumKubernetesVersion: z
      .string()
      .regex(/^\d+\.\d+$/, 'must be a Kubernetes minor version such as 1.34')
      .default('1.34'),
    /**
     * The current AWS Fargate platform version per operating system family; a Fargate service pinned to
     * another version (rather than LATEST) fails. Defaults: Linux 1.4.0, Windows 1.0.0 (Security Hub ECS.10).
     */
    ecsFargatePlatformVersions: z
      .object({
        linux: z.string().min(1).default('1.4.0'),
        windows: z.string().min(1).default('1.0.0'),
      })
      .strict()
      .default({ linux: '1.4.0', windows: '1.0.0' }),

    // network traffic protection: ELB, CloudFront, API Gateway, ACM, WAF
    /** Security policies accepted on HTTPS and TLS listeners of Application and Network Load Balancers (ELB.17). */
    elbSslPolicies: z.array(z.string().min(1)).min(1).default(DEFAULT_ELB_SSL_POLICIES),
    /** Predefined security policies accepted on HTTPS and SSL listeners of Classic Load Balancers (ELB.8). */
    elbClassicSslPolicies: z.array(z.string().min(1)).min(1).default(DEFAULT_ELB_CLASSIC_SSL_POLICIES),
    /** Viewer security policies accepted on CloudFront distributions that use a custom certificate (CloudFront.15). */
    cloudfrontTlsPolicies: z.array(z.string().min(1)).min(1).default(DEFAULT_CLOUDFRONT_TLS_POLICIES),
    /** An issued ACM certificate fails when it expires within this many days of the scan (ACM.1). */
    acmCertificateExpiryDays: days.default(30),

    // messaging, secrets and file storage: SNS, SQS, Secrets Manager, EFS
    /** A Secrets Manager secret must have been rotated (or created) within this many days (FSBP SecretsManager.4). */
    secretMaxRotationDays: days.default(90),
    /** A Secrets Manager secret not accessed for this many days counts as unused (FSBP SecretsManager.3). */
    unusedSecretDays: days.default(90),

    // detection and response: GuardDuty, Security Hub, Config, Access Analyzer, CloudWatch Logs and alarms
    /** The shortest retention a CloudWatch Logs log group may have (FSBP CloudWatch.16 defaults to 365 days). */
    minLogRetentionDays: days.default(365),

    // collection
    /**
     * Client-side rate limits per service (the IAM action prefix: `ec2`, `rds`, `s3` …), overriding the table of AWS
     * throttle domains in `lambdas/core/aws/rate-limits.ts`: AWS's bucket of `burst` calls refilled at `ratePerSecond`,
     * per account (`scope: account`), per region, or per region and API (`operation`, EC2's scope). The scanner sends
     * at that rate with half that burst. Lower them to leave more of AWS's shared buckets to the account's own
     * automation.
     */
    apiRateLimits: z
      .record(
        z.string().regex(/^[a-z0-9-]+$/, 'must be a service prefix such as ec2 or rds'),
        z
          .object({
            scope: z.enum(['account', 'region', 'operation']).optional(),
            burst: z.number().int().min(1).optional(),
            ratePerSecond: z.number().positive().optional(),
          })
          .strict(),
      )
      .default({}),
  })
  .strict();

export type Settings = z.output<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const defaultSettings = (): Settings => settingsSchema.parse({});
