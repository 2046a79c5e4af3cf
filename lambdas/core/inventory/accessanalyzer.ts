import type { AwsResource } from './common.js';

/** An IAM Access Analyzer analyzer (ListAnalyzers). */
export interface AccessAnalyzer extends AwsResource {
  name: string;
  /** `ACCOUNT`, `ORGANIZATION` (external access), `…_UNUSED_ACCESS` or `…_INTERNAL_ACCESS`. */
  type: string;
  /** `ACTIVE`, `CREATING`, `DISABLED` or `FAILED`. */
  status: string;
}

/** Analyzer types that report access from outside the zone of trust (what CIS asks for). */
export const EXTERNAL_ACCESS_ANALYZER_TYPES: readonly string[] = ['ACCOUNT', 'ORGANIZATION'];
