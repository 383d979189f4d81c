import { describe, expect, it } from 'vitest';
import type { Version } from './versions.js';
import { compareVersions, inRange, must, parseVersion, releaseCoverage } from './versions.js';

function v(text: string): Version {
  const version = parseVersion(text);
  if (!version) throw new Error(`test setup: not a version: ${text}`);
  return version;
}

describe('parseVersion', () => {
  it.each([
    ['18.06.1-ce', [18, 6, 1], undefined],
    ['v1.0.0-rc93', [1, 0, 0], 2093],
    ['1.0.0-rc93', [1, 0, 0], 2093],
    ['1.0.0-rc.94', [1, 0, 0], 2094],
    ['1.0.0rc10', [1, 0, 0], 2010],
    ['1.0.0-RC2', [1, 0, 0], 2002],
    ['19.03.0-beta1', [19, 3, 0], 1001],
    ['1.0.0-alpha.3', [1, 0, 0], 3],
    ['5.15.0-1051-azure', [5, 15, 0], undefined],
    ['3.10.0-1160.el7.x86_64', [3, 10, 0], undefined],
    ['19.03', [19, 3], undefined],
    ['29', [29], undefined],
    ['V2.2', [2, 2], undefined],
    ['1.2.3.4.5', [1, 2, 3, 4], undefined],
  ])('parses %s', (text, parts, pre) => {
    const version = parseVersion(text);
    expect(version?.parts).toEqual(parts);
    expect(version?.pre).toBe(pre);
  });

  it('keeps the text as written', () => {
    expect(parseVersion('18.06.1-ce')?.text).toBe('18.06.1-ce');
    expect(parseVersion('v1.0.0-rc93')?.text).toBe('v1.0.0-rc93');
  });

  it('leaves the pre-release rank out of a release, so that it compares as a release', () => {
    expect(parseVersion('18.06.1-ce')).not.toHaveProperty('pre');
  });

  it('orders alpha < beta < rc < release', () => {
    const order = ['19.03.0-alpha2', '19.03.0-beta1', '19.03.0-beta3', '19.03.0-rc1', '19.03.0'];
    for (let i = 1; i < order.length; i++)
      expect(compareVersions(v(order[i - 1] as string), v(order[i] as string))).toBeLessThan(0);
  });

  it('ignores surrounding white space when parsing', () => {
    expect(parseVersion('  1.6.20 ')?.parts).toEqual([1, 6, 20]);
  });

  it.each(['x', '', 'abc', 'rc93', 'v', '.1', '-1'])('returns undefined for %j', (text) => {
    expect(parseVersion(text)).toBeUndefined();
  });
});

describe('must', () => {
  it('returns the parsed version', () => {
    expect(must('1.1.5').parts).toEqual([1, 1, 5]);
  });

  it('throws on text that is not a version', () => {
    expect(() => must('x')).toThrow('not a version: x');
  });
});

describe('compareVersions', () => {
  it('orders release candidates before their release: rc93 < rc94 < 1.0.0 < 1.0.1', () => {
    const ordered = ['1.0.0-rc93', '1.0.0-rc94', '1.0.0', '1.0.1'].map(v);
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        const a = ordered[i] as Version;
        const b = ordered[j] as Version;
        expect(Math.sign(compareVersions(a, b)), `${a.text} vs ${b.text}`).toBe(Math.sign(i - j));
      }
    }
  });

  it('sorts a shuffled list into release order', () => {
    const texts = ['1.0.1', '1.0.0-rc94', '1.0.0', 'v1.0.0-rc93', '0.1.1', '1.1.5', '1.0.0-rc.10'];
    const sorted = texts.map(v).sort(compareVersions);
    expect(sorted.map((version) => version.text)).toEqual([
      '0.1.1',
      '1.0.0-rc.10',
      'v1.0.0-rc93',
      '1.0.0-rc94',
      '1.0.0',
      '1.0.1',
      '1.1.5',
    ]);
  });

  it('compares numerically, not as text', () => {
    expect(compareVersions(v('18.06'), v('19.03'))).toBeLessThan(0);
    expect(compareVersions(v('19.03'), v('18.06'))).toBeGreaterThan(0);
    expect(compareVersions(v('1.9'), v('1.10'))).toBeLessThan(0);
    expect(compareVersions(v('1.10'), v('1.11'))).toBeLessThan(0);
    expect(compareVersions(v('9'), v('10'))).toBeLessThan(0);
    expect(compareVersions(v('20.10.24'), v('22'))).toBeLessThan(0);
  });

  it('treats missing parts as zero', () => {
    expect(compareVersions(v('1.0'), v('1.0.0'))).toBe(0);
    expect(compareVersions(v('19.03'), v('19.03.0'))).toBe(0);
    expect(compareVersions(v('29'), v('29.0.0'))).toBe(0);
    expect(compareVersions(v('1.4'), v('1.4.1'))).toBeLessThan(0);
  });

  it('ignores the leading v and the -ce suffix', () => {
    expect(compareVersions(v('v18.06.1-ce'), v('18.06.1'))).toBe(0);
  });

  it('compares rc numbers numerically (rc9 < rc10)', () => {
    expect(compareVersions(v('1.0.0-rc9'), v('1.0.0-rc10'))).toBeLessThan(0);
  });

  it('is antisymmetric and reflexive', () => {
    const versions = ['1.0.0-rc93', '1.0.0', '1.1', '18.06.1-ce', '5.15.0-1051-azure'].map(v);
    for (const a of versions) {
      expect(compareVersions(a, a)).toBe(0);
      for (const b of versions) {
        expect(Math.sign(compareVersions(a, b)) + Math.sign(compareVersions(b, a))).toBe(0);
      }
    }
  });
});

describe('inRange', () => {
  it('includes since and excludes until', () => {
    expect(inRange(v('1.11'), '1.11', '19.03')).toBe(true);
    expect(inRange(v('1.11.0'), '1.11', '19.03')).toBe(true);
    expect(inRange(v('18.09.9'), '1.11', '19.03')).toBe(true);
    expect(inRange(v('19.03'), '1.11', '19.03')).toBe(false);
    expect(inRange(v('19.03.0'), '1.11', '19.03')).toBe(false);
    expect(inRange(v('1.10.3'), '1.11', '19.03')).toBe(false);
  });

  it('treats a missing bound as open', () => {
    expect(inRange(v('0.0.1'))).toBe(true);
    expect(inRange(v('999'), '22')).toBe(true);
    expect(inRange(v('21.99'), '22')).toBe(false);
    expect(inRange(v('0.1'), undefined, '0.19')).toBe(true);
    expect(inRange(v('0.19'), undefined, '0.19')).toBe(false);
  });

  it('places release candidates at the rc94 boundary', () => {
    expect(inRange(v('1.0.0-rc93'), undefined, '1.0.0-rc94')).toBe(true);
    expect(inRange(v('1.0.0-rc94'), undefined, '1.0.0-rc94')).toBe(false);
    expect(inRange(v('1.0.0-rc94'), '1.0.0-rc94')).toBe(true);
    expect(inRange(v('1.0.0-rc.95'), '1.0.0-rc94')).toBe(true);
    expect(inRange(v('1.0.0'), '1.0.0-rc94')).toBe(true);
    expect(inRange(v('0.1.1'), '1.0.0-rc94')).toBe(false);
  });

  it('throws when a bound is not a version', () => {
    expect(() => inRange(v('1.0'), 'abc')).toThrow('not a version: abc');
  });
});

describe('releaseCoverage', () => {
  const crio = [
    { since: '1.18', until: '1.19.5' },
    { since: '1.20', until: '1.21' },
  ];

  it('places a full version inside or outside the releases', () => {
    expect(releaseCoverage(v('1.19.4'), crio)).toBe('all');
    expect(releaseCoverage(v('1.19.5'), crio)).toBe('none');
    expect(releaseCoverage(v('1.20.9'), crio)).toBe('all');
    expect(releaseCoverage(v('1.21.0'), crio)).toBe('none');
  });

  it('says `some` for a major.minor whose patch releases differ', () => {
    expect(releaseCoverage(v('1.19'), crio)).toBe('some');
    expect(releaseCoverage(v('1.18'), crio)).toBe('all');
    expect(releaseCoverage(v('1.20'), crio)).toBe('all');
    expect(releaseCoverage(v('1.21'), crio)).toBe('none');
    expect(releaseCoverage(v('1.17'), crio)).toBe('none');
  });

  it('reads true, false and open ends', () => {
    expect(releaseCoverage(v('1.4'), true)).toBe('all');
    expect(releaseCoverage(v('1.4'), false)).toBe('none');
    expect(releaseCoverage(v('1.4'), undefined)).toBe('none');
    expect(releaseCoverage(v('24.0'), [{ since: '24.0.0', until: '24.0.6' }])).toBe('some');
    expect(releaseCoverage(v('18.06'), [{ since: '18.04' }])).toBe('all');
    expect(releaseCoverage(v('1.0.0-rc1'), [{ since: '1.0.0-alpha.0', until: '1.9.12' }])).toBe('all');
  });
});
