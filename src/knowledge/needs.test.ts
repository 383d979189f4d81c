import { describe, expect, it } from 'vitest';
import {
  COMMAND_NEEDS,
  classifyRaise,
  ELASTICSEARCH,
  NON_ROOT,
  PAM_LIMITS,
  RLIMIT_BY_FLAG,
  RLIMIT_BY_ITEM,
  RLIMITS,
  SESSION_OPENERS,
  SWITCH_NEEDS,
} from './needs.js';

describe('needs facts', () => {
  it('classifies memlock raises against the container’s limit', () => {
    const memlock = RLIMIT_BY_ITEM.get('memlock');
    if (!memlock) throw new Error('memlock');
    expect(classifyRaise(memlock, 'unlimited')).toBe('above');
    expect(classifyRaise(memlock, 1048576)).toBe('above');
    expect(classifyRaise(memlock, 16384)).toBe('maybe');
    expect(classifyRaise(memlock, 64)).toBe('within');
  });

  it('is cautious where the node decides (nofile) and silent where nothing is known', () => {
    const nofile = RLIMIT_BY_FLAG.get('n');
    if (!nofile) throw new Error('nofile');
    expect(classifyRaise(nofile, 'unlimited')).toBe('maybe');
    expect(classifyRaise(nofile, 65536)).toBe('within');
    expect(classifyRaise(nofile, 1048577)).toBe('maybe');
    const nproc = RLIMIT_BY_ITEM.get('nproc');
    expect(nproc && classifyRaise(nproc, 'unlimited')).toBe('unknown');
  });

  it('maps every limits.conf item to a distinct ulimit flag', () => {
    expect(new Set(RLIMITS.map((r) => r.flag)).size).toBe(RLIMITS.length);
    expect(RLIMIT_BY_FLAG.get('l')?.label).toBe('max locked memory');
  });

  it('cites every fact it states', () => {
    const facts = [
      PAM_LIMITS,
      ELASTICSEARCH,
      NON_ROOT,
      SWITCH_NEEDS,
      ...Object.values(SESSION_OPENERS),
      ...COMMAND_NEEDS,
    ];
    for (const fact of facts) expect(fact.citations.length).toBeGreaterThan(0);
    expect(PAM_LIMITS.measured.length).toBeGreaterThan(0);
    expect(SESSION_OPENERS.runuser?.failure).toBe('runuser: cannot open session: Permission denied');
  });
});
