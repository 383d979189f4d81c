import { describe, expect, it } from 'vitest';
import { CAPABILITIES, CAPABILITY_BY_NAME } from './capabilities.js';
import { analyzeName, suggestNames } from './names.js';

describe('analyzeName', () => {
  it.each([
    // text, prefixes, bare, capability, isAll, canonical, padded
    ['SYS_RESOURCE', 0, 'SYS_RESOURCE', 'SYS_RESOURCE', false, true, false],
    ['CAP_SYS_RESOURCE', 1, 'SYS_RESOURCE', 'SYS_RESOURCE', false, false, false],
    ['cap_sys_resource', 1, 'SYS_RESOURCE', 'SYS_RESOURCE', false, false, false],
    ['Cap_Sys_Resource', 1, 'SYS_RESOURCE', 'SYS_RESOURCE', false, false, false],
    ['CAP_CAP_CHOWN', 2, 'CHOWN', 'CHOWN', false, false, false],
    ['cap_CAP_cap_kill', 3, 'KILL', 'KILL', false, false, false],
    ['sys_time', 0, 'SYS_TIME', 'SYS_TIME', false, false, false],
    [' NET_ADMIN', 0, 'NET_ADMIN', 'NET_ADMIN', false, false, true],
    ['NET_ADMIN\t', 0, 'NET_ADMIN', 'NET_ADMIN', false, false, true],
    [' CAP_NET_RAW ', 1, 'NET_RAW', 'NET_RAW', false, false, true],
    ['ALL', 0, 'ALL', undefined, true, true, false],
    ['all', 0, 'ALL', undefined, true, false, false],
    ['CAP_ALL', 1, 'ALL', undefined, true, false, false],
    [' ALL', 0, 'ALL', undefined, true, false, true],
    ['SYS_RESOURCES', 0, 'SYS_RESOURCES', undefined, false, false, false],
    ['CAP_FOO', 1, 'FOO', undefined, false, false, false],
    ['CAP_', 1, '', undefined, false, false, false],
    ['', 0, '', undefined, false, false, false],
  ])('analyses %j', (text, prefixes, bare, capability, isAll, canonical, padded) => {
    const analysis = analyzeName(text);
    expect(analysis.text).toBe(text);
    expect(analysis.prefixes).toBe(prefixes);
    expect(analysis.bare).toBe(bare);
    expect(analysis.capability?.name).toBe(capability);
    expect(analysis.isAll).toBe(isAll);
    expect(analysis.canonical).toBe(canonical);
    expect(analysis.padded).toBe(padded);
  });

  it('leaves capability out, rather than undefined, for names it does not know', () => {
    expect(analyzeName('CAP_FOO')).not.toHaveProperty('capability');
    expect(analyzeName('ALL')).not.toHaveProperty('capability');
  });

  it('returns the full capability record', () => {
    expect(analyzeName('cap_sys_resource').capability).toBe(CAPABILITY_BY_NAME.get('SYS_RESOURCE'));
    expect(analyzeName('cap_sys_resource').capability?.number).toBe(24);
  });

  it.each([
    [14, '14'],
    [true, 'true'],
    [null, 'null'],
    [undefined, 'undefined'],
  ])('does not treat the non-string %j as a name', (value, bare) => {
    expect(analyzeName(value)).toEqual({ prefixes: 0, bare, isAll: false, canonical: false, padded: false });
  });

  it('does not treat an object or array as a name', () => {
    const analysis = analyzeName({ name: 'SYS_ADMIN' });
    expect(analysis.text).toBeUndefined();
    expect(analysis.capability).toBeUndefined();
    expect(analysis.canonical).toBe(false);
    expect(analyzeName(['ALL']).isAll).toBe(false);
  });

  it('calls every known capability canonical when written exactly', () => {
    for (const cap of CAPABILITIES) {
      const analysis = analyzeName(cap.name);
      expect(analysis.canonical, cap.name).toBe(true);
      expect(analysis.capability, cap.name).toBe(cap);
      expect(analysis.prefixes, cap.name).toBe(0);
    }
  });

  it('recognises every known capability in the kernel spelling, but not as canonical', () => {
    for (const cap of CAPABILITIES) {
      const analysis = analyzeName(`CAP_${cap.name}`);
      expect(analysis.capability, cap.name).toBe(cap);
      expect(analysis.canonical, cap.name).toBe(false);
      expect(analysis.prefixes, cap.name).toBe(1);
    }
  });

  it('does not strip a prefix that is not followed directly by the name', () => {
    // Only leading white space is trimmed: "CAP_ NET_ADMIN" keeps its inner space.
    const analysis = analyzeName('CAP_ NET_ADMIN');
    expect(analysis.prefixes).toBe(1);
    expect(analysis.bare).toBe(' NET_ADMIN');
    expect(analysis.capability).toBeUndefined();
  });

  it('does not know the proposed SYS_CONTROL', () => {
    expect(analyzeName('SYS_CONTROL').capability).toBeUndefined();
    expect(analyzeName('SYS_CONTROL').canonical).toBe(false);
  });
});

describe('suggestNames', () => {
  it('suggests SYS_RESOURCE first for SYS_RESOURCES', () => {
    expect(suggestNames('SYS_RESOURCES')[0]).toBe('SYS_RESOURCE');
  });

  it('suggests NET_ADMIN for NET_ADMN', () => {
    expect(suggestNames('NET_ADMN')[0]).toBe('NET_ADMIN');
  });

  it('suggests NET_ADMIN for SYS_NET_ADMIN (one extra word)', () => {
    const suggestions = suggestNames('SYS_NET_ADMIN');
    expect(suggestions).toContain('NET_ADMIN');
    expect(suggestions).toEqual(['NET_ADMIN', 'SYS_ADMIN']);
  });

  it('suggests nothing for FOOBAR', () => {
    expect(suggestNames('FOOBAR')).toEqual([]);
  });

  it('suggests NET_ADMIN first for NET-ADMIN (wrong separator)', () => {
    expect(suggestNames('NET-ADMIN')[0]).toBe('NET_ADMIN');
    expect(suggestNames('NET ADMIN')[0]).toBe('NET_ADMIN');
    expect(suggestNames('SYS-ADMIN')[0]).toBe('SYS_ADMIN');
  });

  it('suggests nothing for the empty string', () => {
    expect(suggestNames('')).toEqual([]);
  });

  it('allows only one edit for short names', () => {
    expect(suggestNames('KIL')).toEqual(['KILL']);
    expect(suggestNames('KI')).toEqual([]);
  });

  it('allows two edits for longer names', () => {
    expect(suggestNames('SYS_RESOURC')).toContain('SYS_RESOURCE');
    expect(suggestNames('SYS_RESORC')).toContain('SYS_RESOURCE');
    expect(suggestNames('SYS_RESRC')).not.toContain('SYS_RESOURCE');
  });

  it('orders by distance, then alphabetically', () => {
    expect(suggestNames('SETGID')).toEqual(['SETGID', 'SETUID', 'FSETID']);
    expect(suggestNames('SETPCAPS')).toEqual(['SETPCAP', 'SETFCAP']);
    expect(suggestNames('SETUIDS')).toEqual(['SETUID', 'SETGID']);
  });

  it('returns the name itself for a known name', () => {
    expect(suggestNames('BPF')[0]).toBe('BPF');
  });

  it('expects an upper-case bare name (callers normalise first)', () => {
    expect(suggestNames('sys_admin')).toEqual([]);
  });

  it('only ever suggests known capability names, without duplicates', () => {
    for (const input of [
      'SYS_RESOURCES',
      'NET_ADMN',
      'SYS_NET_ADMIN',
      'NET-ADMIN',
      'SETUIDS',
      'SYS_PTRAC',
      'MAC_ADMN',
    ]) {
      const suggestions = suggestNames(input);
      expect(new Set(suggestions).size, input).toBe(suggestions.length);
      for (const name of suggestions) expect(CAPABILITY_BY_NAME.has(name), `${input} → ${name}`).toBe(true);
    }
  });
});
