import type { CollectionIssue } from '../../lambdas/core/collectors/types.js';
import { findingId } from '../../lambdas/core/findings/finding-id.js';
import type { SuppressionProblem } from '../../lambdas/core/findings/model.js';
import { assembleReport, type Finding, type ScanReport } from '../../lambdas/core/findings/model.js';
import type { Status } from '../../lambdas/core/srm/vocabulary.js';

export const ACCOUNT = '123456789012';
export const CHECK_A = 's3-bucket-versioning-enabled';
export const CHECK_B = 'ec2-volume-encrypted';

/** A finding of `checkId` on `resourceArn`; metadata defaults suit an S3 check. */
export function finding(
  checkId: string,
  resourceArn: string,
  status: Status,
  overrides: Partial<Finding> = {},
): Finding {
  return {
    id: findingId(checkId, resourceArn),
    checkId,
    title: `Title of ${checkId}`,
    status,
    severity: 'high',
    srmClass: 'abstracted',
    obligation: 'backup-recovery',
    service: checkId.split('-')[0] ?? 's3',
    resourceType: 'AwsS3Bucket',
    resourceId: resourceArn.split(/[:/]/).pop() ?? resourceArn,
    resourceArn,
    region: 'us-east-1',
    accountId: ACCOUNT,
    message: `${resourceArn} is ${status === 'FAIL' ? 'not compliant' : 'compliant'}.`,
    compliance: [],
    remediation: { text: 'Fix it.', cli: `aws fix ${resourceArn}`, url: 'https://docs.aws.amazon.com/' },
    observedAt: '2026-11-20T03:00:00.000Z',
    ...overrides,
  };
}

/** An ERROR standing for a whole scope, as the engine reports a failed collection. */
export function scopeError(checkId: string, service: string, region: string): Finding {
  const arn = region === 'global' ? `arn:aws:${service}::${ACCOUNT}:*` : `arn:aws:${service}:${region}:${ACCOUNT}:*`;
  return finding(checkId, arn, 'ERROR', { region, message: `Not evaluated in ${region}: AccessDenied.` });
}

let scans = 0;

/**
 * A report of one run, assembled as the engine does (totals, coverage, per-check counts); `checks` default to the
 * check ids of the findings.
 */
export function report(
  findings: readonly Finding[],
  options: {
    checks?: readonly string[];
    regions?: readonly string[];
    startedAt?: string;
    suppressionProblems?: readonly SuppressionProblem[];
    collectionIssues?: readonly CollectionIssue[];
  } = {},
): ScanReport {
  scans += 1;
  const startedAt = options.startedAt ?? '2026-11-20T03:00:00.000Z';
  return assembleReport({
    id: `scan-${scans}`,
    accountId: ACCOUNT,
    startedAt,
    finishedAt: startedAt,
    regions: options.regions ?? ['us-east-1', 'eu-west-1'],
    apiCalls: { total: 0, byOperation: {} },
    checkIds: options.checks ?? [...new Set(findings.map((f) => f.checkId))],
    findings,
    collectionIssues: options.collectionIssues ?? [],
    suppressionProblems: options.suppressionProblems ?? [],
  });
}

/** Days after the first run, as a Date. */
export const day = (n: number): Date => new Date(Date.UTC(2026, 10, 20 + n, 3));
