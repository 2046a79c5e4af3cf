import type { Check } from '../checks/define-check.js';
import type { Finding } from '../findings/model.js';
import type { TaggedResourceCount } from '../inventory/index.js';
import { AWS_SERVICES, type AwsServiceEntry, serviceKeyOfArn, serviceKeyOfResourceType } from '../srm/services.js';
import {
  OBLIGATION_LABELS,
  OBLIGATIONS,
  type Obligation,
  SRM_CLASS_DESCRIPTIONS,
  SRM_CLASSES,
  type SrmClass,
} from '../srm/vocabulary.js';

/** How one obligation the customer owes for a service was covered by this scan. */
export interface ObligationCoverage {
  obligation: Obligation;
  label: string;
  /**
   * `checked`: checks ran for it; `not-selected`: srm-scan has checks for it that this scan's selection
   * left out; `no-check`: srm-scan has no check for it yet.
   */
  state: 'checked' | 'not-selected' | 'no-check';
  /** Checks of this scan that cover it. */
  checks: number;
  PASS: number;
  FAIL: number;
  ERROR: number;
}

/** One service the account uses, with what the customer owes for it and what this scan covered. */
export interface ServiceCoverage {
  service: string;
  name: string;
  srmClass: SrmClass;
  srmClassNote?: string;
  awsHandles: string;
  customerOwes: string;
  /** Resources srm-scan's collectors listed (undefined when none of its collectors ran for the service). */
  listedResources?: number;
  /** Resources the Resource Groups Tagging API lists (tagged resources only). */
  taggedResources?: number;
  /** `account-wide` for duties that exist whatever the account runs (IAM, logging, detection). */
  evidence: readonly ('collectors' | 'tagging-api' | 'account-wide')[];
  /** `not-checked`: in use, and no check of this scan covers any of its obligations. */
  state: 'checked' | 'partly-checked' | 'not-checked';
  obligations: readonly ObligationCoverage[];
}

/** The SRM coverage map: every service the account uses, and what srm-scan did and did not check. */
export interface CoverageMap {
  /** Where "in use" came from. The tagging API only sees tagged resources; without it, only srm-scan's collectors count. */
  sources: {
    collectors: true;
    taggingApi: { state: 'used' | 'unavailable' | 'not-collected'; regions: readonly string[]; detail?: string };
  };
  services: readonly ServiceCoverage[];
  /** Namespaces the tagging API listed that srm-scan's service table does not know: in use, class unknown, not checked. */
  unknownServices: readonly { namespace: string; resourceTypes: readonly string[]; taggedResources: number }[];
}

export interface CoverageInput {
  /** The checks this scan ran. */
  checks: readonly Check[];
  /** Every check srm-scan has, to tell "not selected" from "no check". */
  catalogue: readonly Check[];
  findings: readonly Finding[];
  /** Distinct resource ARNs srm-scan's collectors listed, by service key. */
  listed: ReadonlyMap<string, number>;
  /** The tagging API's counts, or undefined when they were not collected. */
  tagged?: readonly TaggedResourceCount[];
  /** Regions where the tagging API failed, with why. */
  taggingIssues?: readonly { region: string; detail: string }[];
  regions: readonly string[];
}

/** The services a check covers: its own, or for an account-wide check the services it lists in `appliesTo`. */
const servicesOf = (check: Check): readonly string[] =>
  check.appliesTo ?? [check.service === 'account' ? 'iam' : check.service];

/** The service a finding is about: an account-wide check's finding belongs to the service of its resource. */
const findingService = (finding: Finding): string =>
  finding.service === 'account' ? (serviceKeyOfArn(finding.resourceArn) ?? 'iam') : finding.service;

const key = (service: string, obligation: Obligation) => `${service}#${obligation}`;

function coverageCounts(checks: readonly Check[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const check of checks) {
    for (const service of servicesOf(check)) {
      const k = key(service, check.obligation);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

function serviceCoverage(
  entry: AwsServiceEntry,
  input: { listed?: number; tagged?: number; accountWide: boolean },
  ran: ReadonlyMap<string, number>,
  exists: ReadonlyMap<string, number>,
  tallies: ReadonlyMap<string, { PASS: number; FAIL: number; ERROR: number }>,
): ServiceCoverage {
  const owed = OBLIGATIONS.filter(
    (o) => entry.obligations.includes(o) || ran.has(key(entry.key, o)) || tallies.has(key(entry.key, o)),
  );
  const obligations = owed.map((obligation): ObligationCoverage => {
    const k = key(entry.key, obligation);
    const checks = ran.get(k) ?? 0;
    const state = checks > 0 ? 'checked' : exists.has(k) ? 'not-selected' : 'no-check';
    return {
      obligation,
      label: OBLIGATION_LABELS[obligation],
      state,
      checks,
      ...(tallies.get(k) ?? { PASS: 0, FAIL: 0, ERROR: 0 }),
    };
  });
  const checked = obligations.filter((o) => o.state === 'checked').length;
  const description = SRM_CLASS_DESCRIPTIONS[entry.srmClass];
  return {
    service: entry.key,
    name: entry.name,
    srmClass: entry.srmClass,
    ...(entry.srmClassNote && { srmClassNote: entry.srmClassNote }),
    awsHandles: description.awsHandles,
    customerOwes: description.customerOwes,
    ...(input.listed !== undefined && { listedResources: input.listed }),
    ...(input.tagged !== undefined && { taggedResources: input.tagged }),
    evidence: [
      ...(input.listed ? (['collectors'] as const) : []),
      ...(input.tagged ? (['tagging-api'] as const) : []),
      ...(input.accountWide ? (['account-wide'] as const) : []),
    ],
    state: checked === 0 ? 'not-checked' : checked === obligations.length ? 'checked' : 'partly-checked',
    obligations,
  };
}

/**
 * Builds the SRM coverage map: for every service the account uses (listed by srm-scan's collectors,
 * seen by the tagging API, or account-wide duties this scan checked), its class, what AWS handles and
 * what the customer owes, and for each owed obligation whether this scan checked it, with counts.
 * A service srm-scan has no check for stays visible as "not checked" instead of disappearing.
 */
export function buildCoverageMap(input: CoverageInput): CoverageMap {
  const ran = coverageCounts(input.checks);
  const exists = coverageCounts(input.catalogue);

  const tallies = new Map<string, { PASS: number; FAIL: number; ERROR: number }>();
  const withFindings = new Set<string>();
  for (const finding of input.findings) {
    const service = findingService(finding);
    const k = key(service, finding.obligation);
    const tally = tallies.get(k) ?? { PASS: 0, FAIL: 0, ERROR: 0 };
    tally[finding.status] += 1;
    tallies.set(k, tally);
    if (finding.status !== 'ERROR') withFindings.add(service);
  }

  const tagged = new Map<string, number>();
  const unknown = new Map<string, { types: Set<string>; count: number }>();
  const known = new Set(AWS_SERVICES.map((s) => s.key));
  for (const { resourceType, count } of input.tagged ?? []) {
    const service = serviceKeyOfResourceType(resourceType);
    if (known.has(service)) {
      tagged.set(service, (tagged.get(service) ?? 0) + count);
    } else {
      const entry = unknown.get(service) ?? { types: new Set<string>(), count: 0 };
      entry.types.add(resourceType);
      entry.count += count;
      unknown.set(service, entry);
    }
  }

  const services = AWS_SERVICES.flatMap((entry) => {
    const listed = input.listed.get(entry.key);
    const taggedCount = tagged.get(entry.key);
    const accountWide = entry.srmClass === 'account' && withFindings.has(entry.key);
    if (!listed && !taggedCount && !accountWide) return [];
    return [
      serviceCoverage(
        entry,
        {
          ...(input.listed.has(entry.key) && { listed: listed ?? 0 }),
          ...(taggedCount !== undefined && { tagged: taggedCount }),
          accountWide,
        },
        ran,
        exists,
        tallies,
      ),
    ];
  }).sort((a, b) => SRM_CLASSES.indexOf(a.srmClass) - SRM_CLASSES.indexOf(b.srmClass) || a.name.localeCompare(b.name));

  const issues = input.taggingIssues ?? [];
  const taggingState =
    input.tagged === undefined ? 'not-collected' : issues.length === input.regions.length ? 'unavailable' : 'used';
  return {
    sources: {
      collectors: true,
      taggingApi: {
        state: taggingState,
        regions: input.tagged === undefined ? [] : input.regions.filter((r) => !issues.some((i) => i.region === r)),
        ...(issues.length > 0 && {
          detail: `The Resource Groups Tagging API could not be read in ${issues.map((i) => `${i.region} (${i.detail})`).join(', ')}: services used there only through untagged or unchecked resources are missing from this map.`,
        }),
      },
    },
    services,
    unknownServices: [...unknown]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([namespace, { types, count }]) => ({
        namespace,
        resourceTypes: [...types].sort(),
        taggedResources: count,
      })),
  };
}

/**
 * Distinct resources per service in collected inventory slices: every item with an ARN, except
 * account-level settings (whose resource part is `account`, or the root user).
 */
export function listedResources(slices: Readonly<Record<string, unknown>>): Map<string, number> {
  const arns = new Map<string, Set<string>>();
  for (const value of Object.values(slices)) {
    if (!Array.isArray(value)) continue;
    for (const item of value as unknown[]) {
      const arn = (item as { arn?: unknown } | null)?.arn;
      if (typeof arn !== 'string' || arn.endsWith(':account') || arn.endsWith(':root')) continue;
      const service = serviceKeyOfArn(arn);
      if (!service) continue;
      const set = arns.get(service) ?? new Set<string>();
      set.add(arn);
      arns.set(service, set);
    }
  }
  return new Map([...arns].map(([service, set]) => [service, set.size]));
}

/** The services in use that no check of the scan covered, by name (unknown namespaces by namespace). */
export const servicesNotChecked = (map: CoverageMap): string[] => [
  ...map.services.filter((s) => s.state === 'not-checked').map((s) => s.name),
  ...map.unknownServices.map((u) => u.namespace),
];
