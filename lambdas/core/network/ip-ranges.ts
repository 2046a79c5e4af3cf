/**
 * Whether a set of source address ranges is "the internet": the single definition used by
 * security groups, network ACLs and policy conditions (`aws:SourceIp`).
 *
 * **Public address space.** Per family, the addresses routable on the internet:
 * - IPv4: `0.0.0.0/0` minus the blocks of the IANA IPv4 Special-Purpose Address Registry
 *   (RFC 6890) that are not globally reachable ({@link NON_PUBLIC_IPV4}); multicast
 *   `224.0.0.0/4` and reserved `240.0.0.0/4` are never unicast sources either.
 * - IPv6: global unicast `2000::/3` (RFC 4291; everything IANA hands out) minus the
 *   documentation blocks `2001:db8::/32` (RFC 3849) and `3fff::/20` (RFC 9637) and benchmarking
 *   `2001:2::/48` (RFC 5180), none of which is ever routed ({@link NON_PUBLIC_IPV6}).
 *
 * **Internet exposure.** A set of ranges is internet exposure when, for IPv4 or IPv6:
 * - (a) their union covers the whole public address space of the family (`0.0.0.0/0`, or
 *   `0.0.0.0/1` + `128.0.0.0/1` together), or
 * - (b) their merged union holds a block at least as wide as the family's prefix setting
 *   (`internetExposurePrefix`, by default /8 for IPv4 and /32 for IPv6) that overlaps the
 *   public space: `128.0.0.0/1`, `11.0.0.0/9` + `11.128.0.0/9` (a public /8), or what is left of
 *   `0.0.0.0/0` after a narrow deny. `10.0.0.0/8` is as wide but private, so it is not.
 *
 * Ranges are CIDRs as AWS writes them; a bare address is a /32 (IPv4) or /128 (IPv6). A
 * malformed range (bad address, prefix out of range, zone index) cannot match any source
 * address: it is ignored, never thrown, and listed in the result's `malformed` and explanation.
 *
 * Libraries: `ipaddr.js` validates and parses each range strictly (four-part decimal IPv4,
 * every IPv6 notation), because the set library's own parser accepts strings such as
 * `999.1.1.1` or `1.2.3`; `cidr-tools` does the set arithmetic (merge, exclude, overlap) on the
 * validated ranges, so no address maths is written here.
 */
import { excludeCidr, mergeCidr, overlapCidr } from 'cidr-tools';
import ipaddr from 'ipaddr.js';

export type IpFamily = 'IPv4' | 'IPv6';

/** The prefix lengths at and below which a public block counts as the internet (criterion b). */
export interface InternetExposurePrefix {
  ipv4: number;
  ipv6: number;
}

export const DEFAULT_INTERNET_EXPOSURE_PREFIX: Readonly<InternetExposurePrefix> = { ipv4: 8, ipv6: 32 };

/** IANA IPv4 special-purpose blocks whose addresses are not globally reachable, plus multicast. */
export const NON_PUBLIC_IPV4: readonly string[] = [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private use (RFC 1918)
  '100.64.0.0/10', // shared address space, carrier-grade NAT (RFC 6598)
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link local
  '172.16.0.0/12', // private use (RFC 1918)
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation, TEST-NET-1
  '192.168.0.0/16', // private use (RFC 1918)
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation, TEST-NET-2
  '203.0.113.0/24', // documentation, TEST-NET-3
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and the limited broadcast address
];

/** IPv6 global unicast space, where every routed IPv6 address lives. */
export const GLOBAL_UNICAST_IPV6 = '2000::/3';

/** Blocks inside global unicast that the IANA IPv6 special-purpose registry marks as never routed. */
export const NON_PUBLIC_IPV6: readonly string[] = [
  '2001:2::/48', // benchmarking
  '2001:db8::/32', // documentation
  '3fff::/20', // documentation
];

const PUBLIC_SPACE: Readonly<Record<IpFamily, readonly string[]>> = {
  IPv4: excludeCidr('0.0.0.0/0', [...NON_PUBLIC_IPV4]),
  IPv6: excludeCidr(GLOBAL_UNICAST_IPV6, [...NON_PUBLIC_IPV6]),
};

const FAMILIES: readonly IpFamily[] = ['IPv4', 'IPv6'];

/** The public address space of a family, as disjoint CIDR blocks. */
export const publicAddressSpace = (family: IpFamily): readonly string[] => PUBLIC_SPACE[family];

export interface ParsedRange {
  /** The range as given. */
  given: string;
  family: IpFamily;
  /** Canonical CIDR with the prefix length always present, host bits as given. */
  cidr: string;
  prefixLength: number;
}

/** Parses a CIDR or bare address strictly; undefined when it is malformed. */
export function parseRange(value: string): ParsedRange | undefined {
  const [address = '', bits, extra] = value.split('/');
  if (extra !== undefined || (bits !== undefined && !/^\d{1,3}$/.test(bits))) return undefined;
  if (ipaddr.IPv4.isValidFourPartDecimal(address)) {
    const prefixLength = bits === undefined ? 32 : Number(bits);
    if (prefixLength > 32) return undefined;
    return { given: value, family: 'IPv4', cidr: `${address}/${prefixLength}`, prefixLength };
  }
  // A zone index (`fe80::1%eth0`) names an interface, not addresses a rule or condition can match.
  if (address.includes('%') || !ipaddr.IPv6.isValid(address)) return undefined;
  const prefixLength = bits === undefined ? 128 : Number(bits);
  if (prefixLength > 128) return undefined;
  return {
    given: value,
    family: 'IPv6',
    cidr: `${ipaddr.IPv6.parse(address).toNormalizedString()}/${prefixLength}`,
    prefixLength,
  };
}

/** Blocks of `base` not in `excluded` (one family, valid CIDRs). */
export const subtractRanges = (base: readonly string[], excluded: readonly string[]): string[] =>
  base.length === 0 ? [] : excludeCidr([...base], [...excluded]);

/** Blocks in both `a` and `b` (one family, valid CIDRs). */
export const intersectRanges = (a: readonly string[], b: readonly string[]): string[] =>
  subtractRanges(a, subtractRanges(a, b));

const prefixOf = (cidr: string): number => Number(cidr.slice(cidr.indexOf('/') + 1));

export type ExposureKind = 'covers-public-space' | 'together-cover-public-space' | 'wide-public-block';

/** Why one family of the ranges is internet exposure. */
export interface FamilyExposure {
  family: IpFamily;
  kind: ExposureKind;
  /** The given ranges that make it so, as given, in input order. */
  ranges: string[];
  /** For `wide-public-block`: the public-overlapping blocks of the merged union at least as wide as the prefix, widest first. */
  blocks: string[];
  /** What `ranges` do, without naming them: `together cover the public IPv4 space`, `is wider than /8`. */
  summary: string;
  /** `ranges` and `summary` in one phrase: `0.0.0.0/1 and 128.0.0.0/1 together cover the public IPv4 space`. */
  reason: string;
}

export interface InternetExposureAssessment {
  exposed: boolean;
  /** One entry per exposed family (IPv4 first). */
  families: FamilyExposure[];
  /** Every contributing range of the exposed families, as given, without duplicates. */
  ranges: string[];
  /** Ranges ignored because they are malformed. */
  malformed: string[];
  /** The reasons, `; `-separated, then the ignored ranges if any; empty when nothing is exposed or ignored. */
  explanation: string;
}

/** `a`, `a and b`, `a, b and c`. */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const widthPhrase = (prefixLength: number, minimum: number): string =>
  prefixLength < minimum ? `wider than /${minimum}` : `as wide as /${minimum}`;

/**
 * Public blocks at least as wide as the prefix, for messages: `128.0.0.0/1 (wider than /8)`, or
 * `public blocks at least as wide as /8: 128.0.0.0/1, 64.0.0.0/2, 32.0.0.0/3 and 4 more`.
 */
export function describeWideBlocks(blocks: readonly string[], minimum: number): string {
  const [only] = blocks;
  if (blocks.length === 1 && only) return `${only} (${widthPhrase(prefixOf(only), minimum)})`;
  const shown = blocks.slice(0, 3);
  const more = blocks.length - shown.length;
  return `public blocks at least as wide as /${minimum}: ${listPhrase(more > 0 ? [...shown, `${more} more`] : shown)}`;
}

function assessFamily(family: IpFamily, ranges: readonly ParsedRange[], minimum: number): FamilyExposure | undefined {
  const publicSpace = [...publicAddressSpace(family)];
  const exposure = (kind: ExposureKind, contributing: readonly ParsedRange[], blocks: string[], summary: string) => {
    const names = [...new Set(contributing.map((r) => r.given))];
    return { family, kind, ranges: names, blocks, summary, reason: `${listPhrase(names)} ${summary}` };
  };
  const space = `public ${family} space`;

  const alone = ranges.filter((r) => subtractRanges(publicSpace, [r.cidr]).length === 0);
  if (alone.length > 0) {
    const verb = new Set(alone.map((r) => r.given)).size === 1 ? 'covers' : 'each cover';
    return exposure('covers-public-space', alone, [], `${verb} the whole ${space}`);
  }
  const cidrs = ranges.map((r) => r.cidr);
  if (cidrs.length > 0 && subtractRanges(publicSpace, cidrs).length === 0) {
    const contributing = ranges.filter((r) => overlapCidr(r.cidr, publicSpace));
    return exposure('together-cover-public-space', contributing, [], `together cover the ${space}`);
  }

  const wide = (cidrs.length > 0 ? mergeCidr(cidrs) : [])
    .filter((block) => prefixOf(block) <= minimum && overlapCidr(block, publicSpace))
    .sort((a, b) => prefixOf(a) - prefixOf(b));
  const [widest] = wide;
  if (widest === undefined) return undefined;
  if (wide.length > 1) {
    const publicWide = intersectRanges(wide, publicSpace);
    const contributing = ranges.filter((r) => overlapCidr(r.cidr, publicWide));
    return exposure('wide-public-block', contributing, wide, `together hold ${describeWideBlocks(wide, minimum)}`);
  }
  const width = widthPhrase(prefixOf(widest), minimum);
  // A given range that is the whole block is the reason by itself; otherwise the pieces form it.
  const whole = ranges.filter((r) => subtractRanges([widest], [r.cidr]).length === 0);
  if (whole.length > 0) return exposure('wide-public-block', whole, wide, `is ${width}`);
  const pieces = ranges.filter((r) => overlapCidr(r.cidr, intersectRanges([widest], publicSpace)));
  return exposure('wide-public-block', pieces, wide, `together form ${widest}, ${width}`);
}

/**
 * Decides whether `ranges` are internet exposure (see the module documentation) and explains
 * why, naming the ranges that contribute.
 *
 * @example
 * assessInternetExposure(['0.0.0.0/1', '128.0.0.0/1']).explanation
 * // '0.0.0.0/1 and 128.0.0.0/1 together cover the public IPv4 space'
 */
export function assessInternetExposure(
  ranges: Iterable<string>,
  prefix: Readonly<InternetExposurePrefix> = DEFAULT_INTERNET_EXPOSURE_PREFIX,
): InternetExposureAssessment {
  const parsed: ParsedRange[] = [];
  const malformed: string[] = [];
  for (const value of ranges) {
    const range = parseRange(value);
    if (range) parsed.push(range);
    else if (!malformed.includes(value)) malformed.push(value);
  }
  const families = FAMILIES.flatMap((family) => {
    const minimum = family === 'IPv4' ? prefix.ipv4 : prefix.ipv6;
    const found = assessFamily(
      family,
      parsed.filter((r) => r.family === family),
      minimum,
    );
    return found ? [found] : [];
  });
  const reasons = families.map((f) => f.reason);
  if (malformed.length > 0) reasons.push(`ignored malformed ${listPhrase(malformed)}`);
  return {
    exposed: families.length > 0,
    families,
    ranges: [...new Set(families.flatMap((f) => f.ranges))],
    malformed,
    explanation: reasons.join('; '),
  };
}

/** True when `ranges` are internet exposure; {@link assessInternetExposure} says why. */
export const isInternetExposure = (
  ranges: Iterable<string>,
  prefix: Readonly<InternetExposurePrefix> = DEFAULT_INTERNET_EXPOSURE_PREFIX,
): boolean => assessInternetExposure(ranges, prefix).exposed;
