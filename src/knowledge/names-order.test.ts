import { describe, expect, it } from 'vitest';
import { CAPABILITIES } from './capabilities.js';
import { compareNames, suggestNames } from './names.js';

describe('compareNames', () => {
  it('orders every pair of capability names as the root collation does', () => {
    const names = [...CAPABILITIES.map((c) => c.name), 'ALL', 'SYS', 'SYS_', 'SYSLOG_X', 'NET_A', 'NETA'];
    const differ: string[] = [];
    for (const a of names) {
      for (const b of names) {
        if (Math.sign(compareNames(a, b)) !== Math.sign(a.localeCompare(b, 'und'))) differ.push(`${a} ${b}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('puts `_` before letters', () => {
    expect(['SYSLOG', 'SYS_TIME', 'SYS_ADMIN', 'SYS'].sort(compareNames)).toEqual([
      'SYS',
      'SYS_ADMIN',
      'SYS_TIME',
      'SYSLOG',
    ]);
  });

  it('orders equally close suggestions by name', () => {
    expect(suggestNames('AC_OVERRIDE')).toEqual(['DAC_OVERRIDE', 'MAC_OVERRIDE']);
    expect(suggestNames('XAC_OVERRIDE')).toEqual(['DAC_OVERRIDE', 'MAC_OVERRIDE']);
  });
});
