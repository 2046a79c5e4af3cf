import type { ComplianceRef } from '../../findings/model.js';
import type { NetworkAcl, NetworkAclEntry, SecurityGroup, SecurityGroupRule } from '../../inventory/index.js';
import { type CheckResult, fail, pass } from '../define-check.js';
import { securityGroupLabel } from './labels.js';

/** The two CIDRs that mean "any address on the internet". */
export const INTERNET_CIDRS = ['0.0.0.0/0', '::/0'] as const;

export const isInternetCidr = (cidr: string | undefined): boolean =>
  cidr !== undefined && (INTERNET_CIDRS as readonly string[]).includes(cidr);

/** Controls on remote server administration ports (22, 3389) open to 0.0.0.0/0 (EC2.53, CIS 5.2) or ::/0 (EC2.54, CIS 5.3). */
export const REMOTE_ADMINISTRATION_CONTROLS: readonly ComplianceRef[] = [
  { framework: 'aws-fsbp', control: 'EC2.53' },
  { framework: 'aws-fsbp', control: 'EC2.54' },
  { framework: 'cis-aws-3.0', control: '5.2' },
  { framework: 'cis-aws-3.0', control: '5.3' },
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

export interface InternetExposure extends PortRange {
  cidr: string;
}

const MAX_PORT = 65535;

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

export const describeExposure = (exposure: InternetExposure): string =>
  `${describeRange(exposure)} from ${exposure.cidr}`;

/**
 * Every (port range, internet CIDR) pair a security group's inbound rules open. Prefix lists
 * and referenced groups are not the internet; a customer prefix list holding 0.0.0.0/0 cannot be
 * seen from DescribeSecurityGroups and is not reported.
 */
export function internetExposures(group: Pick<SecurityGroup, 'ingress'>): InternetExposure[] {
  return group.ingress.flatMap((rule) => {
    const range = portRangeOf(rule.protocol, rule.fromPort, rule.toPort);
    if (!range) return [];
    return [...rule.ipv4Ranges, ...rule.ipv6Ranges].filter(isInternetCidr).map((cidr) => ({ ...range, cidr }));
  });
}

/** `TCP 22 from 0.0.0.0/0`, `all traffic to 0.0.0.0/0`, `TCP 8080 from sg-1`, for messages. */
export function describeRule(rule: SecurityGroupRule, direction: 'from' | 'to'): string {
  const range = portRangeOf(rule.protocol, rule.fromPort, rule.toPort);
  const what = range ? describeRange(range) : `protocol ${rule.protocol}`;
  const peers = [...rule.ipv4Ranges, ...rule.ipv6Ranges, ...rule.prefixListIds, ...rule.referencedGroupIds];
  return `${what} ${direction} ${peers.length > 0 ? peers.join(', ') : 'nowhere'}`;
}

export interface InternetPortsOptions {
  /** What the ports are, in both messages: `SSH (TCP port 22)`. */
  subject: string;
  /** What was found open, from the exposed ports, when it differs from `subject`. */
  exposedSubject?: (ports: readonly number[]) => string;
  /** The transport protocols that count as exposing a port; TCP unless given. */
  protocols?: readonly PortProtocol[];
}

/**
 * One result per security group: FAIL when any of `ports` is reachable over one of the
 * protocols (TCP by default) from 0.0.0.0/0 or ::/0, naming the rules that open it.
 */
export function evaluateInternetPorts(
  groups: readonly SecurityGroup[],
  ports: readonly number[],
  options: InternetPortsOptions,
): CheckResult[] {
  const protocols = options.protocols ?? ['tcp'];
  return groups.map((group) => {
    const exposures = internetExposures(group);
    const exposedPorts = ports.filter((port) => exposures.some((e) => coversPort(e, port, protocols)));
    const label = securityGroupLabel(group);
    if (exposedPorts.length === 0) {
      return pass(group, `Security group ${label} does not allow ${options.subject} from the internet.`);
    }
    const rules = exposures.filter((e) => exposedPorts.some((port) => coversPort(e, port, protocols)));
    const exposed = options.exposedSubject?.(exposedPorts) ?? options.subject;
    return fail(
      group,
      `Security group ${label} allows ${exposed} from the internet: ${rules.map(describeExposure).join('; ')}.`,
    );
  });
}

/**
 * Network ACL rules are evaluated in ascending rule number and the first rule that matches a
 * packet decides. For traffic from anywhere on the internet, only a rule whose CIDR is the whole
 * internet matches every source address: a narrower deny before it leaves the rest of the
 * internet to the later rule, and a narrower allow is not public. Returns the rule that decides
 * `port` over `protocol` for `cidr`, or undefined when none matches (ACLs end with an implicit deny).
 */
export function decidingAclEntry(
  acl: Pick<NetworkAcl, 'entries'>,
  port: number,
  cidr: string,
  protocol: PortProtocol = 'tcp',
): NetworkAclEntry | undefined {
  return acl.entries
    .filter((e) => !e.egress && (e.cidrBlock ?? e.ipv6CidrBlock) === cidr)
    .sort((a, b) => a.ruleNumber - b.ruleNumber)
    .find((e) => {
      const range = portRangeOf(e.protocol, e.portRange?.from, e.portRange?.to);
      return range !== undefined && coversPort(range, port, [protocol]);
    });
}

/** `rule 100 (all traffic)`, `rule 90 (TCP 22)`. */
export function describeAclEntry(entry: NetworkAclEntry): string {
  const range = portRangeOf(entry.protocol, entry.portRange?.from, entry.portRange?.to);
  return `rule ${entry.ruleNumber} (${range ? describeRange(range) : `protocol ${entry.protocol}`})`;
}
