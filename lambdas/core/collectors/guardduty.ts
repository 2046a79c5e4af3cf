import { GetDetectorCommand, GuardDutyClient, paginateListDetectors } from '@aws-sdk/client-guardduty';
import type { GuardDutyDetector } from '../inventory/index.js';
import type { SliceCollectors } from './types.js';

/** ListDetectors returns at most 50 ids per page. */
const LIST_DETECTORS_PAGE_SIZE = 50;

export const guarddutyCollectors: SliceCollectors<'guardduty.detectors'> = {
  'guardduty.detectors': {
    key: 'guardduty.detectors',
    scope: 'regional',
    actions: ['guardduty:ListDetectors', 'guardduty:GetDetector'],
    async collect(context) {
      const client = context.clients.get(GuardDutyClient, context.region);
      const ids: string[] = [];
      for await (const page of paginateListDetectors({ client, pageSize: LIST_DETECTORS_PAGE_SIZE }, {})) {
        ids.push(...(page.DetectorIds ?? []));
      }
      const detectors = ids.map((id) => ({
        id,
        arn: `arn:${context.partition}:guardduty:${context.region}:${context.accountId}:detector/${id}`,
        region: context.region,
      }));
      // A region has at most one detector per account: if it cannot be read, the region's verdict is unknown,
      // so a failure fails the region (ERROR) rather than the detector alone (which would read as "none").
      return context.mapLimited(detectors, async ({ id, arn }): Promise<GuardDutyDetector> => {
        const detector = await client.send(new GetDetectorCommand({ DetectorId: id }));
        return {
          arn,
          id,
          region: context.region,
          accountId: context.accountId,
          status: detector.Status ?? 'UNKNOWN',
          ...(detector.FindingPublishingFrequency && {
            findingPublishingFrequency: detector.FindingPublishingFrequency,
          }),
          ...(detector.Tags && Object.keys(detector.Tags).length > 0 && { tags: detector.Tags }),
        };
      });
    },
  },
};
