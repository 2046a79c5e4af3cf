import { AccessAnalyzerClient, paginateListAnalyzers } from '@aws-sdk/client-accessanalyzer';
import type { AccessAnalyzer } from '../inventory/index.js';
import type { SliceCollectors } from './types.js';

/** ListAnalyzers pages: the API does not publish a maximum; 100 keeps a region to one call. */
const LIST_ANALYZERS_PAGE_SIZE = 100;

export const accessanalyzerCollectors: SliceCollectors<'accessanalyzer.analyzers'> = {
  'accessanalyzer.analyzers': {
    key: 'accessanalyzer.analyzers',
    scope: 'regional',
    actions: ['access-analyzer:ListAnalyzers'],
    async collect(context) {
      const client = context.clients.get(AccessAnalyzerClient, context.region);
      const analyzers: AccessAnalyzer[] = [];
      // Every type at once: external, unused and internal access analyzers.
      for await (const page of paginateListAnalyzers({ client, pageSize: LIST_ANALYZERS_PAGE_SIZE }, {})) {
        for (const a of page.analyzers ?? []) {
          if (!a.arn || !a.name) continue;
          analyzers.push({
            arn: a.arn,
            id: a.name,
            region: context.region,
            accountId: context.accountId,
            name: a.name,
            type: a.type ?? 'UNKNOWN',
            status: a.status ?? 'UNKNOWN',
            ...(a.tags && Object.keys(a.tags).length > 0 && { tags: a.tags }),
          });
        }
      }
      return analyzers;
    },
  },
};
