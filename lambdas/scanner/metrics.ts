/**
 * The custom metrics the scanner function writes (Powertools Metrics, as CloudWatch EMF) that the
 * stack's alarms watch. Powertools adds the service name to every metric as the `service`
 * dimension, and an alarm matches a metric only with its exact dimension set, so the alarms
 * name it too. The handler writes them and the stack (lib/) watches them: both import this one definition.
 */
export const SCANNER_METRICS = {
  namespace: 'SrmScan',
  /** Value of the `service` dimension on every scanner metric. */
  service: 'srm-scan',
  /** 1 per run that finished (scheduled or on demand); nothing when a run fails. */
  scansCompleted: 'ScansCompleted',
  /** Per run: the number of collection issues (AccessDenied, throttling, … on a slice or resource). */
  collectionIssues: 'CollectionIssues',
} as const;
