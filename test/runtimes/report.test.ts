import { describe, expect, it } from 'vitest';
import { buildVariants, type HostFacts, judge, type PathRun, summarize } from './compare.js';
import { code, renderReport } from './report.js';

const HOST: HostFacts = { bounding: 0x1fffeffffffn, lastCap: 40 };

describe('the verification report', () => {
  it('keeps backticks, pipes and line breaks inside one table cell', () => {
    expect(code('unknown cap: `X`')).toBe('`` unknown cap: `X` ``');
    expect(code('a | b\nc')).toBe('`a \\| b ⏎ c`');
  });

  it('lists each path with its version, the variants and the exact messages', () => {
    const variant = buildVariants(HOST).find((v) => v.input === 'CAP_CAP_SYS_RESOURCE');
    if (!variant) throw new Error('variant missing');
    const row = judge(
      variant,
      {
        outcome: 'rejected',
        status: 'CreateContainerError',
        message: '"CAP_CAP_SYS_RESOURCE": unknown capability',
        detail: '',
      },
      {
        started: false,
        failedAt: 'create',
        error: 'Error: "CAP_CAP_SYS_RESOURCE": unknown capability',
        notices: [],
        surface: '`podman create` exit 125',
      },
      HOST,
    );
    const path: PathRun = {
      id: 'podman-runc',
      title: 'Podman 4.3.1 with runc 1.1.5',
      versionText: 'podman version 4.3.1',
      predictedBy: '`predict()` for `podman@4.3.1`',
      notes: [],
      rows: [row],
    };
    const text = renderReport({
      date: '2026-01-01',
      system: 'Debian',
      kernel: '6.1',
      arch: 'x86_64',
      hostBounding: HOST.bounding,
      lastCap: HOST.lastCap,
      hybridCgroups: false,
      paths: [path],
      summary: summarize([path]),
    });
    expect(text).toContain('**Result: 1 checks, 0 mismatches**');
    expect(text).toContain('it lacks SYS_RESOURCE');
    expect(text).toContain('| [Podman 4.3.1 with runc 1.1.5](#podman-431-with-runc-115) | `podman version 4.3.1` |');
    expect(text).toContain(
      '| add `CAP_CAP_SYS_RESOURCE` | double prefix | rejected (CreateContainerError): `"CAP_CAP_SYS_RESOURCE": unknown capability` | rejected | match | refused at create — `Error: "CAP_CAP_SYS_RESOURCE": unknown capability` — `podman create` exit 125 |',
    );
  });
});
