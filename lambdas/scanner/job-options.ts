import type { AwsClients } from '../core/aws/clients.js';
import type { Check } from '../core/checks/define-check.js';
import { selectChecks } from '../core/engine/select.js';
import type { ScanJobOptions } from '../core/job/run-scan-job.js';
import { ConfigurationError } from '../core/model/errors.js';
import type { ScannerEnvironment } from './environment.js';
import type { ScanRequest } from './event.js';

/**
 * The checks this run evaluates: the deployed selection, narrowed by an on-demand event's
 * `checks` / `excludeChecks`. The role only grants what the deployed selection needs, so an
 * event cannot widen it.
 */
export function checksForRun(catalogue: readonly Check[], env: ScannerEnvironment, request: ScanRequest): Check[] {
  const deployed = selectChecks(catalogue, env.config);
  if (request.trigger !== 'on-demand' || (!request.checks && !request.excludeChecks)) return deployed;
  try {
    return selectChecks(deployed, {
      ...(request.checks && { checks: request.checks }),
      ...(request.excludeChecks && { excludeChecks: request.excludeChecks }),
    });
  } catch (error) {
    throw new ConfigurationError(
      `Invalid event: ${(error as Error).message} Only checks deployed with this stack can run (${deployed.length} are).`,
      { cause: error },
    );
  }
}

/**
 * Maps a validated request onto the job's options: one code path with the CLI. `selected` is
 * `checksForRun`'s result, the one selection of this run; suppressions are reviewed against the whole catalogue.
 */
export function jobOptionsFor(
  env: ScannerEnvironment,
  request: ScanRequest,
  catalogue: readonly Check[],
  selected: readonly Check[],
  clients: AwsClients,
  hooks: Pick<ScanJobOptions, 'onStart' | 'onProgress' | 'deadline' | 'storeClients'> = {},
): ScanJobOptions {
  const onDemand = request.trigger === 'on-demand' ? request : undefined;
  const regions = (request.trigger === 'schedule' ? undefined : request.regions) ?? env.config.regions;
  // The run's events go to the scanner account's bus, whatever the trigger.
  const events = env.eventBus ? { busName: env.eventBus, region: env.region } : undefined;
  if (request.trigger === 'organization') {
    // One digest for the organisation, sent by the aggregation step from every account's summary: no per-account alert.
    return {
      config: { ...env.config, ...(regions && { regions: [...regions] }) },
      checks: selected,
      catalogue,
      clients,
      store: {
        tableName: env.findingsTable,
        region: env.region,
        historyTtlDays: env.historyTtlDays,
        ...(request.writeUnitsPerSecond !== undefined && { writeUnitsPerSecond: request.writeUnitsPerSecond }),
      },
      // Per-account events on the scanner account's bus (through `storeClients`), with the member account in `detail`.
      ...(events && { events }),
      dryRun: false,
      // A region shard: the other shards scan the rest of the deployment's regions.
      ...(request.regions && {
        shard: {
          ownsGlobal: request.globalScope !== false,
          otherShardRegions: (env.config.regions ?? []).filter((r) => !request.regions?.includes(r)),
        },
      }),
      ...hooks,
    };
  }
  return {
    config: { ...env.config, ...(regions && { regions: [...regions] }) },
    checks: selected,
    catalogue,
    clients,
    store: { tableName: env.findingsTable, region: env.region, historyTtlDays: env.historyTtlDays },
    alerts: {
      topicArn: env.alertTopicArn,
      region: env.region,
      minSeverity: env.minAlertSeverity,
      notifyOn: onDemand?.notify ?? env.notifyOn,
      ...(env.alertChat && { chat: true }),
    },
    ...(events && { events }),
    dryRun: onDemand?.dryRun ?? false,
    ...(env.securityHub && { securityHub: { region: env.region } }),
    ...hooks,
  };
}
