export { type AccessLevel, ActionCatalog, CATALOGUED_SERVICES, wildcardServiceActions } from './actions.js';
export {
  arnNamesFixedAccount,
  type ConditionEntry,
  conditionEntries,
  conditionValues,
  onlyInsecureTransport,
  type PolicyAnalysisOptions,
  type RestrictingCondition,
  requiresInsecureTransport,
  restrictingConditions,
} from './conditions.js';
export { PolicyParseError, parsePolicyDocument } from './parse.js';
export {
  grantedAccounts,
  grantsToEveryone,
  isPublicStatement,
  type PolicyKind,
  type PublicGrant,
  principalAccountId,
  publicGrant,
} from './principals.js';
export { iamWildcardMatch } from './wildcard.js';
