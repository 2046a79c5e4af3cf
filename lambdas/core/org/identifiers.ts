/**
 * The shapes of organisation-mode identifiers, stated once for the CLI flags, the stack settings, the account lister
 * and the core (no SDK import here: the CLI loads it at start-up).
 */

/** An organisational unit (`ou-xxxx-xxxxxxxx`) or root (`r-xxxx`) id. */
export const ORGANIZATION_PARENT_ID = /^(ou-[0-9a-z]{4,32}-[0-9a-z]{8,32}|r-[0-9a-z]{4,32})$/;

/** IAM role names: up to 64 of letters, digits and `+=,.@_-`. */
export const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

/** sts:ExternalId: 2 to 1,224 of letters, digits and `+=,.@:/_-`. */
export const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/** The role srm-scan assumes in each member account unless told otherwise. */
export const DEFAULT_MEMBER_ROLE_NAME = 'SrmScanReader';
