/** Counts AWS API calls by IAM-style operation name (`s3:ListBuckets`), and the HTTP attempts behind them. */
export class ApiCallCounter {
  readonly #calls = new Map<string, number>();
  #attempts = 0;

  record(operation: string, attempts = 1): void {
    this.#calls.set(operation, (this.#calls.get(operation) ?? 0) + 1);
    this.#attempts += Math.max(1, attempts);
  }

  get total(): number {
    let sum = 0;
    for (const count of this.#calls.values()) sum += count;
    return sum;
  }

  /** HTTP requests sent, retries included. */
  get attempts(): number {
    return this.#attempts;
  }

  byOperation(): Record<string, number> {
    return Object.fromEntries([...this.#calls.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}
