import type { ComplianceRef } from '../../findings/model.js';
import type { SecurityGroup, SecurityGroupRule } from '../../inventory/index.js';
import {
  assessInternetExposure,
  DEFAULT_INTERNET_EXPOSURE_PREFIX,
  type FamilyExposure,
  type InternetExposureAssessment,
  type InternetExposurePrefix,
  listPhrase,
  parseRange,
} from '../../network/ip-ranges.js';
import { type CheckResult, fail, pass } from '../define-check.js';
import { securityGroupLabel } from './security-group-label.js';

/**
 * Controls on remote server administration ports (22, 3389) open to 0.0.0.0/0 (EC2.53, CIS 3.0 5.2, CIS 4.0 5.3)
 * or ::/0 (EC2.54, CIS 3.0 5.3, CIS 4.0 5.4).
 */
export const REMOTE_ADMINISTRATION_CONTROLS: readonly ComplianceRef[] = [
  { framework: 'aws-fsbp', control: 'EC2.53' },
  { framework: 'aws-fsbp', control: 'EC2.54' },
  { framework: 'cis-aws-3.0', control: '5.2' },
  { framework: 'cis-aws-3.0', control: '5.3' },
  { framework: 'cis-aws-4.0', control: '5.3' },
  { framework: 'cis-aws-4.0', control: '5.4' },
];

export type PortProtocol = 'tcp' | 'udp';

/**
 * EC2.53/EC2.54 (Config rule vpc-sg-port-restriction-check, protocolType ALL) and CIS 5.1–5.3
 * count ports 22 and 3389 as open over TCP, UDP or all traffic; RDP itself also runs over UDP 3389.
 */
export const REMOTE_ADMINISTRATION_PROTOCOLS: readonly PortProtocol[] = ['tcp', 'udp'];

/** Ports a rule opens. `all` is protocol -1: every protocol and so every port. */
export interface PortRange {
  protocol: PortProtocol | 'all';
  from: number;
  to: number;
}

export const MAX_PORT = 65535;

/**
 * Security groups name protocols (`tcp`), network ACLs number them (`6`); both use `-1` for
 * all traffic.
 */
function normaliseProtocol(protocol: string): PortProtocol | 'all' | undefined {
  switch (protocol.toLowerCase()) {
    case '-1':
    case 'all':
      return 'all';
    case '6':
    case 'tcp':
      return 'tcp';
    case '17':
    case 'udp':
      return 'udp';
    default:
      return undefined;
  }
}

/**
 * The TCP/UDP ports a rule or ACL entry opens, or undefined for protocols without ports
 * reachable that way (ICMP, ESP, GRE…). A TCP/UDP rule without a range covers every port.
 */
export function portRangeOf(protocol: string, from?: number, to?: number): PortRange | undefined {
  const normalised = normaliseProtocol(protocol);
  if (normalised === undefined) return undefined;
  if (normalised === 'all') return { protocol: 'all', from: 0, to: MAX_PORT };
  return { protocol: normalised, from: from ?? 0, to: to ?? MAX_PORT };
}

/** True when the range lets `port` through on one of `protocols` (protocol -1 lets everything through). */
export const coversPort = (range: PortRange, port: number, protocols: readonly PortProtocol[]): boolean =>
  (range.protocol === 'all' || protocols.includes(range.protocol)) && range.from <= port && port <= range.to;

/** `all traffic`, `TCP 22`, `UDP 0-65535`. */
export function describeRange(range: PortRange): string {
  if (range.protocol === 'all') return 'all traffic';
  const ports = range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`;
  return `${range.protocol.toUpperCase()} ${ports}`;
}

/** `TCP 22 from 0.0.0.0/0`, `all traffic to 0.0.0.0/0`, `TCP 8080 from sg-1`, for messages. */
export function describeRule(rule: SecurityGroupRule, direction: 'from' | 'to'): string {
  const range = portRangeOf(rule.protocol, rule.fromPort, rule.toPort);
  const what = range ? describeRange(range) : `protocol ${rule.protocol}`;
  const peers = [...rule.ipv4Ranges, ...rule.ipv6Ranges, ...rule.prefixListIds, ...rule.referencedGroupIds];
  return `${what} ${direction} ${peers.length > 0 ? peers.join(', ') : 'nowhere'}`;
}

/** One address range of one inbound rule, with the ports that rule opens. */
export interface RuleSource {
  range: PortRange;
  cidr: string;
}

/** A run of ports the internet reaches over one protocol, and the rule sources that together make it so. */
export interface PortExposure {
  protocol: PortProtocol;
  from: number;
  to: number;
  /** The sources whose address ranges contribute to the exposure. */
  sources: RuleSource[];
  assessment: InternetExposureAssessment;
}

interface OpeningRule {
  range: PortRange;
  cidrs: readonly string[];
}

/**
 * The ports of a security group the internet reaches over each of `protocols`. Security group
 * rules only add up: a port is open to every source of every inbound rule that opens it (over
 * its protocol or protocol -1), so a port is exposed when the union of those sources is internet
 * exposure (lambdas/core/network/ip-ranges.ts), even when no single rule is. The ports between
 * two consecutive rule boundaries are opened by the same rules, so deciding once per such
 * segment is exact without visiting 65,536 ports.
 *
 * Prefix lists and referenced groups are not the internet: their addresses cannot be seen from
 * DescribeSecurityGroups, so a customer prefix list holding 0.0.0.0/0 is not reported.
 */
export function internetPortExposures(
  group: Pick<SecurityGroup, 'ingress'>,
  protocols: readonly PortProtocol[],
  prefix: Readonly<InternetExposurePrefix> = DEFAULT_INTERNET_EXPOSURE_PREFIX,
): PortExposure[] {
  const rules = group.ingress.flatMap((rule): OpeningRule[] => {
    const range = portRangeOf(rule.protocol, rule.fromPort, rule.toPort);
    const cidrs = [...rule.ipv4Ranges, ...rule.ipv6Ranges];
    return range && cidrs.length > 0 ? [{ range, cidrs }] : [];
  });
  const assessments = new Map<string, InternetExposureAssessment>();
  return protocols.flatMap((protocol) => {
    const opening = rules.filter((r) => r.range.protocol === 'all' || r.range.protocol === protocol);
    const bounds = [...new Set(opening.flatMap((r) => [r.range.from, r.range.to + 1]))].sort((a, b) => a - b);
    const exposures: PortExposure[] = [];
    /** What each exposure is made of: adjacent segments made of the same form one run of ports. */
    const keys: string[] = [];
    for (const [i, from] of bounds.entries()) {
      const next = bounds[i + 1];
      if (next === undefined) break;
      const to = next - 1;
      const covering = opening.filter((r) => r.range.from <= from && to <= r.range.to);
      if (covering.length === 0) continue;
      const cidrs = covering.flatMap((r) => r.cidrs);
      const cacheKey = cidrs.join(' ');
      const assessment = assessments.get(cacheKey) ?? assessInternetExposure(cidrs, prefix);
      assessments.set(cacheKey, assessment);
      if (!assessment.exposed) continue;
      const sources = covering.flatMap((r) =>
        r.cidrs.filter((cidr) => assessment.ranges.includes(cidr)).map((cidr) => ({ range: r.range, cidr })),
      );
      const key = `${assessment.explanation}|${sources.map((s) => `${describeRange(s.range)} ${s.cidr}`).join(',')}`;
      const previous = exposures.at(-1);
      if (previous && previous.to === from - 1 && keys.at(-1) === key) previous.to = to;
      else {
        exposures.push({ protocol, from, to, sources, assessment });
        keys.push(key);
      }
    }
    return exposures;
  });
}

const isWholeFamily = (cidr: string): boolean => parseRange(cidr)?.prefixLength === 0;

/**
 * What opens an exposure, one phrase per cause: `TCP 22 from 0.0.0.0/0`, `TCP 22 from
 * 128.0.0.0/1, which is wider than /8`, `TCP 22 from 0.0.0.0/1 and TCP 22 from 128.0.0.0/1,
 * which together cover the public IPv4 space`. A range that is exposure by itself gets a phrase
 * of its own (so the same rule reads the same across ports); ranges that are exposure only
 * together are named together, after the ports they jointly open when a rule opens more.
 */
export function describePortExposure(exposure: PortExposure): string[] {
  const { protocol, from, to } = exposure;
  const named = (source: RuleSource) => `${describeRange(source.range)} from ${source.cidr}`;
  const describeFamily = (family: FamilyExposure): string[] => {
    const sources = exposure.sources.filter((s) => family.ranges.includes(s.cidr));
    if (family.kind === 'covers-public-space') {
      const covers = `, which covers the whole public ${family.family} space`;
      return sources.map((s) => `${named(s)}${isWholeFamily(s.cidr) ? '' : covers}`);
    }
    if (family.ranges.length === 1) return sources.map((s) => `${named(s)}, which ${family.summary}`);
    const together = `${listPhrase([...new Set(sources.map(named))])}, which ${family.summary}`;
    const exact = sources.every((s) => s.range.from === from && s.range.to === to);
    return [exact ? together : `${describeRange({ protocol, from, to })} (${together})`];
  };
  return exposure.assessment.families.flatMap(describeFamily);
}

export interface InternetPortsOptions {
  /** What the ports are, in both messages: `SSH (TCP port 22)`. */
  subject: string;
  /** What was found open, from the exposed ports, when it differs from `subject`. */
  exposedSubject?: (ports: readonly number[]) => string;
  /** The transport protocols that count as exposing a port; TCP unless given. */
  protocols?: readonly PortProtocol[];
  /** The setting `internetExposurePrefix`; the defaults unless given. */
  prefix?: Readonly<InternetExposurePrefix>;
}

/**
 * One result per security group: FAIL when any of `ports` is reachable from the internet over
 * one of the protocols (TCP by default), naming the rules and ranges that open it.
 */
export function evaluateInternetPorts(
  groups: readonly SecurityGroup[],
  ports: readonly number[],
  options: InternetPortsOptions,
): CheckResult[] {
  const protocols = options.protocols ?? ['tcp'];
  return groups.map((group) => {
    const exposures = internetPortExposures(group, protocols, options.prefix);
    const opens = (e: PortExposure, port: number) => e.from <= port && port <= e.to;
    const exposedPorts = ports.filter((port) => exposures.some((e) => opens(e, port)));
    const label = securityGroupLabel(group);
    if (exposedPorts.length === 0) {
      return pass(group, `Security group ${label} does not allow ${options.subject} from the internet.`);
    }
    const causes = exposures.filter((e) => exposedPorts.some((port) => opens(e, port))).flatMap(describePortExposure);
    const exposed = options.exposedSubject?.(exposedPorts) ?? options.subject;
    return fail(
      group,
      `Security group ${label} allows ${exposed} from the internet: ${[...new Set(causes)].join('; ')}.`,
    );
  });
}
