import type { CollectionIssue } from '../collectors/types.js';
import type { ComplianceRef, Obligation, Remediation, Severity, SrmClass, Status } from '../model/types.js';

/** One check's verdict on one resource (or scope). The JSON report's `findings[]` items. */
export interface Finding {
  /** Deterministic: derived from checkId and resourceArn, so the same finding keeps its id across scans. */
  id: string;
  checkId: string;
  title: string;
  status: Status;
  severity: Severity;
  srmClass: SrmClass;
  obligation: Obligation;
  service: string;
  resourceType: string;
  resourceId: string;
  resourceArn: string;
  region: string;
  accountId: string;
  message: string;
  compliance: readonly ComplianceRef[];
  remediation: Remediation;
  observedAt: string;
}

export interface CheckRunSummary {
  checkId: string;
  evaluated: number;
  passed: number;
  failed: number;
  errored: number;
}

export interface ScanSummary {
  id: string;
  accountId: string;
  startedAt: string;
  finishedAt: string;
  regions: readonly string[];
  apiCalls: { total: number; byOperation: Record<string, number> };
  collectionIssues: readonly CollectionIssue[];
  checks: readonly CheckRunSummary[];
}

/** The JSON output contract: other tools consume these names, keep them stable. */
export interface ScanReport {
  scan: ScanSummary;
  findings: readonly Finding[];
}
