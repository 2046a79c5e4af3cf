import { parseArn } from '../aws/arn.js';
import type { Finding } from '../findings/model.js';
import { GLOBAL_REGION } from '../inventory/common.js';
import { partitionOfRegion } from '../org/member-session.js';
import type { Framework } from '../srm/vocabulary.js';

/**
 * What the interchange exports (OCSF, ASFF) share: the product's name, the frameworks' published names and where a
 * finding lives (partition, region).
 */

export const PRODUCT_NAME = 'srm-scan';

/** The published names of the frameworks srm-scan maps its checks to: `compliance.standards` (OCSF), ASFF `Types`. */
export const FRAMEWORK_NAMES: Readonly<Record<Framework, string>> = {
  'aws-fsbp': 'AWS Foundational Security Best Practices',
  'cis-aws-3.0': 'CIS AWS Foundations Benchmark v3.0.0',
  'cis-aws-4.0': 'CIS AWS Foundations Benchmark v4.0.1',
};

/** The finding's partition: its ARN's, else its region's. */
export function findingPartition(finding: Pick<Finding, 'resourceArn' | 'region'>): string {
  return parseArn(finding.resourceArn)?.partition ?? partitionOfRegion(finding.region);
}

/** The finding's AWS region, undefined for an account-wide (global) finding. */
export const findingRegion = (finding: Pick<Finding, 'region'>): string | undefined =>
  finding.region === GLOBAL_REGION ? undefined : finding.region;

/** `framework:control` ids, in the finding's order, as the CSV writes them. */
export const complianceIds = (finding: Pick<Finding, 'compliance'>): string[] =>
  finding.compliance.map((c) => `${c.framework}:${c.control}`);

/** The frameworks a finding maps to, by published name, each once. */
export const frameworkNames = (finding: Pick<Finding, 'compliance'>): string[] => [
  ...new Set(finding.compliance.map((c) => FRAMEWORK_NAMES[c.framework])),
];
