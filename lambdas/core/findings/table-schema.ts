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
