import type { NetworkAcl, NetworkAclEntry } from '../../inventory/index.js';
import {
  assessInternetExposure,
  DEFAULT_INTERNET_EXPOSURE_PREFIX,
  describeWideBlocks,
  type InternetExposurePrefix,
  type IpFamily,
  intersectRanges,
  listPhrase,
  type ParsedRange,
  parseRange,
  subtractRanges,
} from '../../network/ip-ranges.js';
import { coversPort, describeRange, type PortProtocol, portRangeOf } from '../shared/port-exposure.js';

/** `rule 100 (all traffic)`, `rule 90 (TCP 22)`. */
export function describeAclEntry(entry: NetworkAclEntry): string {
  const range = portRangeOf(entry.protocol, entry.portRange?.from, entry.portRange?.to);
  return `rule ${entry.ruleNumber} (${range ? describeRange(range) : `protocol ${entry.protocol}`})`;
}

/** An allow entry and the source addresses for which it is the first matching entry. */
export interface AclAllowance {
  entry: NetworkAclEntry;
  cidr: ParsedRange;
  /** Disjoint CIDR blocks this entry decides. */
  allowed: string[];
}

const WHOLE_FAMILY: Readonly<Record<IpFamily, string>> = { IPv4: '0.0.0.0/0', IPv6: '::/0' };

/**
 * Network ACL rules are evaluated in ascending rule number and the first rule that matches a
 * packet decides. For inbound traffic to `port` over `protocol`, every entry of the family whose
 * protocol and port range cover the port matches the sources in its CIDR, whatever its width:
 * walking the entries in order, each one decides the addresses of its CIDR that no earlier entry
 * decided. Returns the allow entries that decide some address, with those addresses; whatever
 * no entry matches falls to the implicit deny (`*`). An IPv6 entry only ever matches IPv6
 * sources, and the other way round.
 */
export function aclAllowances(
  acl: Pick<NetworkAcl, 'entries'>,
  port: number,
  protocol: PortProtocol,
  family: IpFamily,
): AclAllowance[] {
  const matching = acl.entries
    .flatMap((entry) => {
      if (entry.egress) return [];
      const range = portRangeOf(entry.protocol, entry.portRange?.from, entry.portRange?.to);
      const cidr = parseRange(entry.cidrBlock ?? entry.ipv6CidrBlock ?? '');
      // An entry whose CIDR cannot be read matches no address.
      return range && coversPort(range, port, [protocol]) && cidr?.family === family ? [{ entry, cidr }] : [];
    })
    .sort((a, b) => a.entry.ruleNumber - b.entry.ruleNumber);
  let undecided = [WHOLE_FAMILY[family]];
  const allowances: AclAllowance[] = [];
  for (const { entry, cidr } of matching) {
    if (undecided.length === 0) break;
    const decided = intersectRanges(undecided, [cidr.cidr]);
    if (decided.length === 0) continue;
    if (entry.ruleAction === 'allow') allowances.push({ entry, cidr, allowed: decided });
    undecided = subtractRanges(undecided, [cidr.cidr]);
  }
  return allowances;
}

/**
 * Why the sources an ACL allows to `port` over `protocol` are internet exposure, one
 * phrase per family (`TCP 22 from 0.0.0.0/1 by rule 100 (TCP 22) and 128.0.0.0/1 by rule 110
 * (TCP 22), which together cover the public IPv4 space`); empty when they are not.
 */
export function aclInternetExposure(
  acl: Pick<NetworkAcl, 'entries'>,
  port: number,
  protocol: PortProtocol,
  prefix: Readonly<InternetExposurePrefix> = DEFAULT_INTERNET_EXPOSURE_PREFIX,
): string[] {
  const allowances = (['IPv4', 'IPv6'] as const).flatMap((family) => aclAllowances(acl, port, protocol, family));
  const assessment = assessInternetExposure(
    allowances.flatMap((a) => a.allowed),
    prefix,
  );
  return assessment.families.map((family) => {
    const deciding = allowances.filter((a) => a.allowed.some((block) => family.ranges.includes(block)));
    const what = `${protocol.toUpperCase()} ${port} from ${listPhrase(deciding.map((a) => `${a.cidr.given} by ${describeAclEntry(a.entry)}`))}`;
    if (family.kind === 'wide-public-block') {
      const minimum = family.family === 'IPv4' ? prefix.ipv4 : prefix.ipv6;
      return `${what}, which ${deciding.length === 1 ? 'admits' : 'admit'} ${describeWideBlocks(family.blocks, minimum)}`;
    }
    const [only] = deciding;
    if (deciding.length > 1) return `${what}, which together cover the public ${family.family} space`;
    // A single allow of the whole family (`0.0.0.0/0`) needs no explanation.
    return only?.cidr.prefixLength === 0 ? what : `${what}, which covers the whole public ${family.family} space`;
  });
}
