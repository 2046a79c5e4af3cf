/** Base of every error srm-scan raises on purpose; `cause` carries the underlying error. */
export class SrmScanError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad configuration, settings, flags or events: the message names the field. Exit code 2. */
export class ConfigurationError extends SrmScanError {}

/** The scan could not start (no credentials, account id unknown). */
export class CollectionError extends SrmScanError {}

export class FindingsStoreError extends SrmScanError {}

export class AlertPublishError extends SrmScanError {}

/** EventBridge refused or kept failing some of a run's events after retries; the message names them. */
export class EventPublishError extends SrmScanError {}
