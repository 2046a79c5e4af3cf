import { describe, expect, it } from 'vitest';
import {
  assessInternetExposure,
  isInternetExposure,
  parseRange,
  publicAddressSpace,
  subtractRanges,
} from '../../lambdas/core/network/ip-ranges.js';

describe('Function: assessInternetExposure', () => {
  it.each([
    [['0.0.0.0/0'], '0.0.0.0/0 covers the whole public IPv4 space'],
    [['::/0'], '::/0 covers the whole public IPv6 space'],
    [['0.0.0.0/1', '128.0.0.0/1'], '0.0.0.0/1 and 128.0.0.0/1 together cover the public IPv4 space'],
    [['11.0.0.0/9', '11.128.0.0/9'], '11.0.0.0/9 and 11.128.0.0/9 together form 11.0.0.0/8, as wide as /8'],
    [['128.0.0.0/1'], '128.0.0.0/1 is wider than /8'],
    [['11.0.0.0/8', '11.0.0.0/9'], '11.0.0.0/8 is as wide as /8'],
    [['2600::/16'], '2600::/16 is wider than /32'],
  ])('finds %j exposed: %s', (ranges, explanation) => {
    // Prepare / Act
    const assessment = assessInternetExposure(ranges);

    // Assess
    expect(assessment.exposed).toBe(true);
    expect(assessment.explanation).toBe(explanation);
  });

  it('finds ::/1 and 8000::/1 exposed, as ::/1 alone holds all of global unicast 2000::/3', () => {
    // Prepare / Act
    const assessment = assessInternetExposure(['::/1', '8000::/1']);

    // Assess
    expect(assessment.families).toEqual([
      {
        family: 'IPv6',
        kind: 'covers-public-space',
        ranges: ['::/1'],
        blocks: [],
        summary: 'covers the whole public IPv6 space',
        reason: '::/1 covers the whole public IPv6 space',
      },
    ]);
  });

  it('finds 2000::/4 and 3000::/4 exposed together, and each alone exposed as a wide block', () => {
    // Prepare / Act
    const together = assessInternetExposure(['2000::/4', '3000::/4']);
    const alone = assessInternetExposure(['3000::/4']);

    // Assess
    expect(together.explanation).toBe('2000::/4 and 3000::/4 together cover the public IPv6 space');
    expect(alone.explanation).toBe('3000::/4 is wider than /32');
  });

  it('finds what 0.0.0.0/0 leaves after one /24 is taken out exposed, naming the widest public blocks', () => {
    // Prepare
    const ranges = subtractRanges(['0.0.0.0/0'], ['1.2.3.0/24']);
    const widest = ['128.0.0.0/1', '64.0.0.0/2', '32.0.0.0/3', '16.0.0.0/4', '8.0.0.0/5', '4.0.0.0/6', '2.0.0.0/7'];

    // Act
    const [ipv4] = assessInternetExposure(ranges).families;

    // Assess
    expect(ipv4?.kind).toBe('wide-public-block');
    expect(ipv4?.blocks).toEqual(widest);
    expect([...(ipv4?.ranges ?? [])].sort()).toEqual([...widest].sort());
    expect(ipv4?.summary).toBe(
      'together hold public blocks at least as wide as /8: 128.0.0.0/1, 64.0.0.0/2, 32.0.0.0/3 and 4 more',
    );
  });

  it.each([
    [['10.0.0.0/8'], 'private use'],
    [['203.0.113.0/24'], 'documentation, and narrow'],
    [['198.51.100.0/24', '52.94.76.0/22'], 'narrow public ranges'],
    [['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'], 'every private and shared block'],
    [['224.0.0.0/3'], 'multicast and reserved'],
    [['2001:db8::/32'], 'IPv6 documentation'],
    [['fc00::/7', 'fe80::/10'], 'IPv6 unique local and link local'],
    [['11.0.0.0/9'], 'a public /9'],
    [['1.2.3.4', '2001:4860:4860::8888'], 'bare addresses'],
    [[], 'nothing'],
  ])('finds %j not exposed (%s)', (ranges) => {
    // Prepare / Act
    const assessment = assessInternetExposure(ranges);

    // Assess
    expect(assessment).toEqual({ exposed: false, families: [], ranges: [], malformed: [], explanation: '' });
  });

  it('decides each family on its own and lists the contributing ranges of both', () => {
    // Prepare / Act
    const assessment = assessInternetExposure(['10.0.0.0/8', '0.0.0.0/1', '128.0.0.0/1', '::/0']);

    // Assess
    expect(assessment.families.map((f) => [f.family, f.kind])).toEqual([
      ['IPv4', 'together-cover-public-space'],
      ['IPv6', 'covers-public-space'],
    ]);
    expect(assessment.ranges).toEqual(['0.0.0.0/1', '128.0.0.0/1', '::/0']);
  });

  it('ignores malformed ranges without throwing and says so in the explanation', () => {
    // Prepare
    const ranges = [
      '0.0.0.0/1',
      'not-a-cidr',
      '1.2.3.4/33',
      '999.1.1.1/8',
      '1.2.3/24',
      '::g/64',
      'fe80::1%eth0',
      '1.2.3.4/',
    ];

    // Act
    const assessment = assessInternetExposure(ranges);

    // Assess
    expect(assessment.exposed).toBe(true);
    expect(assessment.malformed).toEqual(ranges.slice(1));
    expect(assessment.explanation).toBe(
      '0.0.0.0/1 is wider than /8; ignored malformed not-a-cidr, 1.2.3.4/33, 999.1.1.1/8, 1.2.3/24, ::g/64, fe80::1%eth0 and 1.2.3.4/',
    );
  });

  it('follows custom prefixes: a public /16 counts under /16, a public /8 does not under /4', () => {
    // Prepare / Act
    const wideAt16 = isInternetExposure(['52.94.0.0/16'], { ipv4: 16, ipv6: 32 });
    const narrowAt4 = isInternetExposure(['11.0.0.0/8'], { ipv4: 4, ipv6: 32 });
    const ipv6At48 = isInternetExposure(['2600:1f00::/40'], { ipv4: 8, ipv6: 48 });
    const wholeSpaceAtZero = isInternetExposure(['0.0.0.0/1', '128.0.0.0/1'], { ipv4: 0, ipv6: 0 });

    // Assess
    expect([wideAt16, narrowAt4, ipv6At48, wholeSpaceAtZero]).toEqual([true, false, true, true]);
  });
});

describe('Function: parseRange', () => {
  it('reads bare addresses as /32 and /128 and keeps the given text', () => {
    // Prepare / Act
    const v4 = parseRange('203.0.113.7');
    const v6 = parseRange('2001:db8::1');

    // Assess
    expect(v4).toEqual({ given: '203.0.113.7', family: 'IPv4', cidr: '203.0.113.7/32', prefixLength: 32 });
    expect(v6).toEqual({ given: '2001:db8::1', family: 'IPv6', cidr: '2001:db8:0:0:0:0:0:1/128', prefixLength: 128 });
  });
});

describe('Function: publicAddressSpace', () => {
  it('leaves out private, documentation and multicast addresses and keeps ordinary ones', () => {
    // Prepare
    const ipv4 = publicAddressSpace('IPv4');
    const ipv6 = publicAddressSpace('IPv6');

    // Act
    const publicHits = [isInternetExposure(ipv4), isInternetExposure(ipv6)];

    // Assess
    expect(publicHits).toEqual([true, true]);
    expect(ipv4).not.toContain('10.0.0.0/8');
    expect(ipv4).toContain('11.0.0.0/8');
    expect(ipv6).toContain('2001:db9::/32');
    expect(ipv6.some((block) => block.startsWith('2001:db8:'))).toBe(false);
  });
});
