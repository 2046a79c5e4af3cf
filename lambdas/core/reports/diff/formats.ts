/** The output formats of `srm-scan diff`: imported by the CLI's option parser without loading the diff itself. */
export const DIFF_FORMATS = ['table', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
