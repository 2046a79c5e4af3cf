/**
 * Key names of the findings table, shared by the store and the CDK construct that creates it.
 * Item layouts are documented in the README ("Findings table").
 */
export const FINDINGS_TABLE_SCHEMA = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes the item after it (history items only). */
  ttlAttribute: 'ttl',
  openFindingsIndex: {
    name: 'open-findings',
    /** Sparse: only set on findings whose latest status is FAIL and not suppressed. */
    partitionKey: 'gsi1pk',
    sortKey: 'gsi1sk',
  },
} as const;

/**
 * What the table keeps of PASS results: `store` keeps a state per passing resource (full inventory of what was
 * checked); `count` keeps only findings that failed at some point (their RESOLVED state included, so a fixed finding
 * is still detected and a later failure is REGRESSED) plus the per-check PASS counts of the scan summary.
 */
export const PASS_RESULTS = ['store', 'count'] as const;
export type PassResults = (typeof PASS_RESULTS)[number];
