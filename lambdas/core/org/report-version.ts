/**
 * The layout version of the organisation report (`OrganizationReport`), bumped when a field changes meaning or is
 * removed. Its own module, so readers of reports (`srm-scan diff`) do not load the scanning code.
 */
export const ORGANIZATION_REPORT_SCHEMA_VERSION = '1';
