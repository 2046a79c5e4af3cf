import type { PolicyDocument, PolicyStatement } from '../inventory/index.js';
import { SrmScanError } from '../model/errors.js';

export class PolicyParseError extends SrmScanError {}

const toArray = (value: unknown): string[] => {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
};

function normalisePrincipal(value: unknown): Record<string, string[]> | undefined {
  if (value === undefined) return undefined;
  // AWS normalises principals to maps; a bare string (`"*"`, an account id, an ARN or a service
  // name such as `alexa-appkit.amazon.com`, as moto stores Lambda permissions) means the same as
  // its map form.
  if (typeof value === 'string') {
    return value === '*' || /^\d{12}$/.test(value) || value.startsWith('arn:')
      ? { AWS: [value] }
      : { Service: [value] };
  }
  if (typeof value !== 'object' || value === null)
    throw new PolicyParseError(`Unsupported principal ${JSON.stringify(value)}.`);
  return Object.fromEntries(Object.entries(value).map(([type, ids]) => [type, toArray(ids)]));
}

function normaliseCondition(value: unknown): PolicyStatement['condition'] {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) throw new PolicyParseError('Condition must be an object.');
  return Object.fromEntries(
    Object.entries(value).map(([operator, keys]) => [
      operator,
      Object.fromEntries(Object.entries((keys ?? {}) as Record<string, unknown>).map(([key, v]) => [key, toArray(v)])),
    ]),
  );
}

function normaliseStatement(raw: unknown): PolicyStatement {
  if (typeof raw !== 'object' || raw === null) throw new PolicyParseError('A policy statement must be an object.');
  const s = raw as Record<string, unknown>;
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny')
    throw new PolicyParseError(`Unsupported Effect ${String(s.Effect)}.`);
  const statement: PolicyStatement = {
    effect: s.Effect,
    ...(s.Sid !== undefined && { sid: String(s.Sid) }),
    ...(s.Principal !== undefined && { principal: normalisePrincipal(s.Principal) }),
    ...(s.NotPrincipal !== undefined && { notPrincipal: normalisePrincipal(s.NotPrincipal) }),
    ...(s.Action !== undefined && { action: toArray(s.Action) }),
    ...(s.NotAction !== undefined && { notAction: toArray(s.NotAction) }),
    ...(s.Resource !== undefined && { resource: toArray(s.Resource) }),
    ...(s.NotResource !== undefined && { notResource: toArray(s.NotResource) }),
    ...(s.Condition !== undefined && { condition: normaliseCondition(s.Condition) }),
  };
  return statement;
}

/**
 * Parses a policy document as AWS returns it: plain JSON, or URL-encoded JSON
 * (GetAccountAuthorizationDetails encodes documents), or an already-parsed object.
 */
export function parsePolicyDocument(input: string | object): PolicyDocument {
  let json: unknown = input;
  if (typeof input === 'string') {
    const text = input.trimStart().startsWith('{') ? input : decodeURIComponent(input);
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new PolicyParseError('Policy document is not valid JSON.', { cause: error });
    }
  }
  if (typeof json !== 'object' || json === null) throw new PolicyParseError('Policy document must be a JSON object.');
  const doc = json as { Version?: unknown; Statement?: unknown };
  const statements = doc.Statement === undefined ? [] : Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return {
    ...(doc.Version !== undefined && { version: String(doc.Version) }),
    statements: statements.map(normaliseStatement),
  };
}
