import type { ScanReport } from '../findings/model.js';

/** The JSON output contract (see README "JSON output"). */
export const renderJson = (report: ScanReport): string => `${JSON.stringify(report, null, 2)}\n`;
