import packageJson from '../../../package.json' with { type: 'json' };

/** srm-scan's version, from package.json: `srm-scan --version` and the JSON report's `scan.toolVersion`. */
export const TOOL_VERSION: string = packageJson.version;
