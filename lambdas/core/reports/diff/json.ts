import type { ScanDiff } from '../../diff/compare.js';

/** The diff's JSON output: the `ScanDiff` shape documented in `diff/compare.ts`. */
export const renderDiffJson = (diff: ScanDiff): string => `${JSON.stringify(diff, null, 2)}\n`;
