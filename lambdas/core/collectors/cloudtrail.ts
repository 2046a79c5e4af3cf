import {
  type AdvancedEventSelector,
  type AdvancedFieldSelector,
  CloudTrailClient,
  DescribeTrailsCommand,
  type EventSelector,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type Trail as SdkTrail,
} from '@aws-sdk/client-cloudtrail';
import { parseArn } from '../aws/arn.js';
import type { ManagementEventsRecorded, Trail, TrailEventSelectors } from '../inventory/index.js';
import { collectEach } from './context.js';
import type { CollectContext, SliceCollectors } from './types.js';

type Access = 'read' | 'write';

/** What one selector records of management events. */
interface ManagementSelector {
  covers: ReadonlySet<Access>;
  excluded: ReadonlySet<string>;
}

const BOTH: ReadonlySet<Access> = new Set(['read', 'write']);

function fromBasic(selector: EventSelector): ManagementSelector | undefined {
  // IncludeManagementEvents and ReadWriteType default to true and All.
  if (selector.IncludeManagementEvents === false) return undefined;
  const type = selector.ReadWriteType;
  return {
    covers: type === 'ReadOnly' ? new Set(['read']) : type === 'WriteOnly' ? new Set(['write']) : BOTH,
    excluded: new Set(selector.ExcludeManagementEventSources ?? []),
  };
}

const OPERATORS = ['Equals', 'NotEquals', 'StartsWith', 'NotStartsWith', 'EndsWith', 'NotEndsWith'] as const;

function readOnlyCoverage(field: AdvancedFieldSelector | undefined): ReadonlySet<Access> {
  if (!field) return BOTH;
  const only = (value: string): Access => (value === 'true' ? 'read' : 'write');
  const equals = field.Equals?.map((v) => v.toLowerCase());
  if (equals?.length === 1 && equals[0]) return new Set([only(equals[0])]);
  const notEquals = field.NotEquals?.map((v) => v.toLowerCase());
  if (notEquals?.length === 1 && notEquals[0]) return new Set([only(notEquals[0] === 'true' ? 'false' : 'true')]);
  return BOTH;
}

function fromAdvanced(selector: AdvancedEventSelector): ManagementSelector | undefined {
  const fields = selector.FieldSelectors ?? [];
  const field = (name: string) => fields.find((f) => f.Field?.toLowerCase() === name.toLowerCase());
  if (!field('eventCategory')?.Equals?.includes('Management')) return undefined;
  const source = field('eventSource');
  const excluded = new Set(source?.NotEquals ?? []);
  for (const operator of OPERATORS) {
    const values = source?.[operator];
    // Only NotEquals is allowed for management events today; describe anything else rather than ignore it.
    if (operator !== 'NotEquals' && values?.length)
      excluded.add(`sources other than eventSource ${operator} ${values.join(', ')}`);
  }
  return { covers: readOnlyCoverage(field('readOnly')), excluded };
}

/**
 * Normalises a trail's basic or advanced event selectors to the management events it records.
 * An access type (read, write) is recorded when any management selector covers it; a source is
 * excluded from it only when every selector covering that type excludes the source.
 *
 * AWS gives a trail created without selectors a basic selector recording all management events,
 * so GetEventSelectors never answers with no selector at all; an empty answer (moto's, for a new
 * trail) is therefore read as that default.
 */
export function normaliseEventSelectors(
  basic: readonly EventSelector[],
  advanced: readonly AdvancedEventSelector[],
): Omit<TrailEventSelectors, 'arn' | 'region'> {
  const usesAdvanced = advanced.length > 0;
  if (!usesAdvanced && basic.length === 0) {
    return { managementEvents: 'All', advanced: false, excludedManagementEventSources: [] };
  }
  const selectors = (usesAdvanced ? advanced.map(fromAdvanced) : basic.map(fromBasic)).filter(
    (s): s is ManagementSelector => s !== undefined,
  );
  const excluded = new Set<string>();
  const covered = (['read', 'write'] as const).filter((access) => {
    const covering = selectors.filter((s) => s.covers.has(access));
    const [first, ...rest] = covering;
    if (!first) return false;
    for (const source of first.excluded) if (rest.every((s) => s.excluded.has(source))) excluded.add(source);
    return true;
  });
  const managementEvents: ManagementEventsRecorded =
    covered.length === 2 ? 'All' : covered[0] === 'read' ? 'ReadOnly' : covered[0] === 'write' ? 'WriteOnly' : 'None';
  return { managementEvents, advanced: usesAdvanced, excludedManagementEventSources: [...excluded].sort() };
}

function toTrail(trail: SdkTrail, context: CollectContext): Trail | undefined {
  const arn = trail.TrailARN;
  if (!arn) return undefined;
  const parts = parseArn(arn);
  const homeRegion = trail.HomeRegion ?? (parts?.region || context.region);
  const name = trail.Name ?? arn.slice(arn.lastIndexOf('/') + 1);
  return {
    arn,
    id: name,
    region: homeRegion,
    accountId: parts?.accountId || context.accountId,
    name,
    homeRegion,
    multiRegion: trail.IsMultiRegionTrail === true,
    organizationTrail: trail.IsOrganizationTrail === true,
    logFileValidationEnabled: trail.LogFileValidationEnabled === true,
    ...(trail.KmsKeyId && { kmsKeyId: trail.KmsKeyId }),
    ...(trail.S3BucketName && { s3BucketName: trail.S3BucketName }),
    ...(trail.CloudWatchLogsLogGroupArn && { cloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn }),
  };
}

/**
 * Each trail is kept in exactly one scanned region: its home region, or, for a multi-region
 * trail homed in a region outside the scan, the scan's first region (every region lists it
 * as a shadow trail).
 */
const keptHere = (trail: Trail, context: CollectContext): boolean =>
  trail.homeRegion === context.region ||
  (!context.regions.includes(trail.homeRegion) && context.region === context.regions[0]);

/** Per-trail calls go to the trail's home region, by ARN (required for organization trails seen by a member). */
const homeClient = (context: CollectContext, trail: Trail): CloudTrailClient =>
  context.clients.get(CloudTrailClient, trail.homeRegion);

export const cloudtrailCollectors: SliceCollectors<
  'cloudtrail.trails' | 'cloudtrail.trailStatus' | 'cloudtrail.eventSelectors'
> = {
  'cloudtrail.trails': {
    key: 'cloudtrail.trails',
    scope: 'regional',
    actions: ['cloudtrail:DescribeTrails'],
    async collect(context) {
      const client = context.clients.get(CloudTrailClient, context.region);
      // DescribeTrails is not paginated; shadow trails make multi-region trails homed elsewhere visible.
      const { trailList } = await client.send(new DescribeTrailsCommand({ includeShadowTrails: true }));
      return (trailList ?? [])
        .map((t) => toTrail(t, context))
        .filter((t): t is Trail => t !== undefined && keptHere(t, context));
    },
  },

  'cloudtrail.trailStatus': {
    key: 'cloudtrail.trailStatus',
    scope: 'global',
    actions: ['cloudtrail:GetTrailStatus'],
    dependsOn: ['cloudtrail.trails'],
    collect: (context) =>
      collectEach(context, context.get('cloudtrail.trails'), async (trail) => {
        const status = await homeClient(context, trail).send(new GetTrailStatusCommand({ Name: trail.arn }));
        return {
          arn: trail.arn,
          region: trail.region,
          isLogging: status.IsLogging === true,
          ...(status.StartLoggingTime && { startLoggingTime: status.StartLoggingTime }),
          ...(status.LatestCloudWatchLogsDeliveryTime && {
            latestCloudWatchLogsDeliveryTime: status.LatestCloudWatchLogsDeliveryTime,
          }),
          ...(status.LatestCloudWatchLogsDeliveryError && {
            latestCloudWatchLogsDeliveryError: status.LatestCloudWatchLogsDeliveryError,
          }),
        };
      }),
  },

  'cloudtrail.eventSelectors': {
    key: 'cloudtrail.eventSelectors',
    scope: 'global',
    actions: ['cloudtrail:GetEventSelectors'],
    dependsOn: ['cloudtrail.trails'],
    collect: (context) =>
      collectEach(context, context.get('cloudtrail.trails'), async (trail) => {
        const response = await homeClient(context, trail).send(new GetEventSelectorsCommand({ TrailName: trail.arn }));
        return {
          arn: trail.arn,
          region: trail.region,
          ...normaliseEventSelectors(response.EventSelectors ?? [], response.AdvancedEventSelectors ?? []),
        };
      }),
  },
};
