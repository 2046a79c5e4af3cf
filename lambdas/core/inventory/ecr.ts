import type { AwsResource, PolicyDocument, ResourceAttribute } from './common.js';

/** A private repository. */
export interface EcrRepository extends AwsResource {
  name: string;
  /** `MUTABLE`, `IMMUTABLE`, `MUTABLE_WITH_EXCLUSION`, `IMMUTABLE_WITH_EXCLUSION`. */
  imageTagMutability?: string;
  /** The repository-level scan-on-push flag (deprecated by AWS in favour of registry scanning rules). */
  scanOnPush: boolean;
  /** `AES256`, `KMS` or `KMS_DSSE`. */
  encryptionType: string;
  /** The KMS key for `KMS`/`KMS_DSSE`; AWS reports the `aws/ecr` AWS managed key when none was chosen. */
  kmsKeyArn?: string;
}

/** `policy` is null when the repository has no repository policy. */
export type EcrRepositoryPolicy = ResourceAttribute<{ policy: PolicyDocument | null }>;

/** Whether a repository has a lifecycle policy (its rules are not read). */
export type EcrLifecyclePolicy = ResourceAttribute<{ configured: boolean }>;

/** A registry scanning rule: the frequency and the repository name filters it applies to. */
export interface EcrScanningRule {
  /** `SCAN_ON_PUSH`, `CONTINUOUS_SCAN` or `MANUAL`. */
  scanFrequency: string;
  /** Wildcard filters (`*` matches any characters) on repository names. */
  repositoryFilters: readonly string[];
}

/** The private registry's scanning configuration in one region (GetRegistryScanningConfiguration). */
export interface EcrRegistryScanning {
  region: string;
  /** `BASIC` (the default) or `ENHANCED` (Amazon Inspector). */
  scanType: string;
  rules: readonly EcrScanningRule[];
}

/**
 * A registry's replication rules in one region (DescribeRegistry): images pushed to repositories whose names start
 * with one of `prefixes` (all repositories when empty) are copied to every destination.
 */
export interface EcrRegistryReplication {
  region: string;
  rules: readonly {
    destinations: readonly { region: string; registryId: string }[];
    prefixes: readonly string[];
  }[];
}
