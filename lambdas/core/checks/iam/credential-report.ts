import type { AccessKeyState, CredentialReport, CredentialReportEntry } from '../../inventory/index.js';

const DAY_MS = 86_400_000;

/** Whole days from `date` to `now` (0 for anything within the last 24 hours or in the future). */
export const daysSince = (date: Date, now: Date): number =>
  Math.max(0, Math.floor((now.getTime() - date.getTime()) / DAY_MS));

/** `2026-11-23`: the day is what matters for credential ages. */
export const day = (date: Date): string => date.toISOString().slice(0, 10);

/**
 * The clause every credential-report finding ends with. AWS reuses a report for up to four hours,
 * so a fix made after `generatedAt` only shows in a later report.
 */
export const reportNote = (report: CredentialReport): string =>
  `(credential report generated ${report.generatedAt.toISOString()}; AWS reuses a report for up to 4 hours)`;

export const userLabel = (entry: CredentialReportEntry): string => `IAM user ${entry.user}`;

export const activeKeys = (entry: CredentialReportEntry): AccessKeyState[] => entry.accessKeys.filter((k) => k.active);

export const keyLabel = (key: AccessKeyState): string => `access key ${key.slot}`;
