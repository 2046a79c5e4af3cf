import {
  GetLoggingConfigurationCommand,
  GetWebACLCommand,
  ListWebACLsCommand,
  type Scope,
  WAFV2Client,
  type WebACLSummary,
} from '@aws-sdk/client-wafv2';
import { isAwsError } from '../aws/clients.js';
import type { WebAcl } from '../inventory/index.js';
import { GLOBAL_REGION } from '../inventory/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

/** ListWebACLs returns at most 100 web ACLs per page. */
const WAF_PAGE_SIZE = 100;

/** WAFV2 has no SDK paginators: follow NextMarker. */
async function listWebAcls(client: WAFV2Client, scope: Scope): Promise<WebACLSummary[]> {
  const acls: WebACLSummary[] = [];
  let marker: string | undefined;
  do {
    const page = await client.send(new ListWebACLsCommand({ Scope: scope, Limit: WAF_PAGE_SIZE, NextMarker: marker }));
    acls.push(...(page.WebACLs ?? []));
    marker = page.WebACLs?.length ? page.NextMarker : undefined;
  } while (marker);
  return acls;
}

/**
 * Whether the web ACL has a logging configuration with a destination. No configuration is an answer
 * (WAFNonexistentItemException), not an error. One call per web ACL rather than ListLoggingConfigurations: accounts hold
 * few web ACLs, and moto's listing misses every CLOUDFRONT-scope configuration.
 */
async function loggingEnabled(client: WAFV2Client, arn: string): Promise<boolean> {
  try {
    const { LoggingConfiguration } = await client.send(new GetLoggingConfigurationCommand({ ResourceArn: arn }));
    return (LoggingConfiguration?.LogDestinationConfigs ?? []).length > 0;
  } catch (error) {
    if (isAwsError(error, 'WAFNonexistentItem')) return false;
    throw error;
  }
}

/** The web ACLs of one scope: REGIONAL in each region, CLOUDFRONT once in us-east-1 (the home region). */
export async function collectWebAcls(context: CollectContext, scope: Scope): Promise<WebAcl[]> {
  const client = context.clients.get(WAFV2Client, context.region);
  const region = scope === 'CLOUDFRONT' ? GLOBAL_REGION : context.region;
  const summaries = await listWebAcls(client, scope);
  const items = summaries.flatMap((s) =>
    s.ARN && s.Id && s.Name ? [{ arn: s.ARN, id: s.Id, name: s.Name, region }] : [],
  );
  // The summaries carry no rules or logging: GetWebACL and GetLoggingConfiguration per web ACL.
  return collectEach(context, items, async (acl) => {
    const [{ WebACL: detail }, logged] = await Promise.all([
      client.send(new GetWebACLCommand({ Scope: scope, Id: acl.id, Name: acl.name })),
      loggingEnabled(client, acl.arn),
    ]);
    const defaultAction = detail?.DefaultAction?.Block ? 'BLOCK' : detail?.DefaultAction?.Allow ? 'ALLOW' : undefined;
    return {
      arn: acl.arn,
      id: acl.id,
      region,
      accountId: context.accountId,
      name: acl.name,
      scope,
      ruleCount: detail?.Rules?.length ?? 0,
      ...(defaultAction !== undefined && { defaultAction }),
      loggingEnabled: logged,
    };
  });
}

const WAF_ACTIONS = ['wafv2:ListWebACLs', 'wafv2:GetWebACL', 'wafv2:GetLoggingConfiguration'];

export const wafv2Collectors: SliceCollectors<'wafv2.webAcls' | 'wafv2.cloudfrontWebAcls'> = {
  'wafv2.webAcls': {
    key: 'wafv2.webAcls',
    scope: 'regional',
    actions: WAF_ACTIONS,
    collect: (context) => collectWebAcls(context, 'REGIONAL'),
  },
  'wafv2.cloudfrontWebAcls': {
    key: 'wafv2.cloudfrontWebAcls',
    scope: 'global',
    actions: WAF_ACTIONS,
    collect: (context) => collectWebAcls(context, 'CLOUDFRONT'),
  },
};
