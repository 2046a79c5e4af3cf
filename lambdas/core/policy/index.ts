export { type AccessLevel, ActionCatalog, CATALOGUED_SERVICES, wildcardServiceActions } from './actions.js';
export {
  conditionValues,
  type PolicyAnalysisOptions,
  type RestrictingCondition,
  requiresInsecureTransport,
  restrictingConditions,
} from './conditions.js';
export { PolicyParseError, parsePolicyDocument } from './parse.js';
export { grantedAccounts, grantsToEveryone, isPublicStatement, principalAccountId } from './principals.js';
export { iamWildcardMatch } from './wildcard.js';
