import { describe, expect, it } from 'vitest';
import { ENGINE_RANGES, OCI_RANGES, resolveTarget } from '../../src/index.js';
import type { EngineRange, OciRange } from '../../src/knowledge/runtimes.js';
import type { ResolvedTarget } from '../../src/knowledge/targets.js';
import {
  buildVariants,
  type CapSets,
  capabilityNames,
  classify,
  compare,
  compareDefaults,
  expectDirectOci,
  expectFromTarget,
  type HostFacts,
  judge,
  maskOf,
  messageMatches,
  type Observation,
  ociRangeFor,
  type PathRun,
  parseCapSets,
  passed,
  quotedLogLine,
  summarize,
  type Variant,
} from './compare.js';

// The lab host: every capability 0..40 except SYS_RESOURCE (bit 24).
const HOST: HostFacts = { bounding: 0x1fffeffffffn, lastCap: 40 };
const DOCKER_DEFAULT: CapSets = { prm: 0xa80425fbn, eff: 0xa80425fbn, bnd: 0xa80425fbn };
const WITH_IPC_LOCK: CapSets = { prm: 0xa80465fbn, eff: 0xa80465fbn, bnd: 0xa80465fbn };
const WITHOUT_KILL: CapSets = { prm: 0xa80425dbn, eff: 0xa80425dbn, bnd: 0xa80425dbn };
const RUNC_EPERM =
  'failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: unable to apply caps: operation not permitted: unknown';

const VARIANTS = buildVariants(HOST);

function variant(direction: 'add' | 'drop', input: string): Variant {
  const found = VARIANTS.find((v) => v.direction === direction && v.input === input);
  if (!found) throw new Error(`no variant ${direction} ${input}`);
  return found;
}

function ran(caps: CapSets, extra: Partial<Observation> = {}): Observation {
  return { started: true, caps, notices: [], surface: 'test', ...extra };
}

function failed(failedAt: 'create' | 'start' | 'run', error: string): Observation {
  return { started: false, failedAt, error, notices: [], surface: 'test' };
}

function engineOf(target: ResolvedTarget): EngineRange {
  if (!target.engine) throw new Error(`${target.id} has no engine`);
  return target.engine;
}

function ociRange(id: string): OciRange {
  const range = OCI_RANGES.find((r) => r.id === id);
  if (!range) throw new Error(id);
  return range;
}

describe('the variant matrix', () => {
  it('covers every spelling for add and drop, ALL in three forms and the newest capability of the host', () => {
    expect(VARIANTS.filter((v) => v.direction === 'add').map((v) => v.input)).toEqual([
      'IPC_LOCK',
      'CAP_IPC_LOCK',
      'ipc_lock',
      'cap_ipc_lock',
      'CAP_CAP_IPC_LOCK',
      'IPC_LOCKS',
      'SYS_RESOURCE',
      'CAP_SYS_RESOURCE',
      'sys_resource',
      'cap_sys_resource',
      'CAP_CAP_SYS_RESOURCE',
      'SYS_RESOURCES',
      'ALL',
      'all',
      'CAP_ALL',
      'CHECKPOINT_RESTORE',
      'CAP_CHECKPOINT_RESTORE',
    ]);
    expect(VARIANTS.filter((v) => v.direction === 'drop').map((v) => v.input)).toEqual([
      'KILL',
      'CAP_KILL',
      'kill',
      'cap_kill',
      'CAP_CAP_KILL',
      'KILLS',
      'ALL',
      'all',
      'CAP_ALL',
      'CHECKPOINT_RESTORE',
    ]);
  });

  it('picks the newest capability the host holds', () => {
    const older = buildVariants({ bounding: (1n << 38n) - 1n, lastCap: 37 });
    expect(older.find((v) => v.kind.startsWith('newest'))?.input).toBe('AUDIT_READ');
  });
});

describe('reading capability sets', () => {
  it('parses the status lines a container prints', () => {
    const text =
      'CapInh:\t0000000000000000\nCapPrm:\t00000000a80465fb\nCapEff:\t00000000a80465fb\nCapBnd:\t00000000a80465fb\n';
    expect(parseCapSets(text)).toEqual(WITH_IPC_LOCK);
    expect(parseCapSets('CapPrm:\t00000000a80465fb\n')).toBeUndefined();
  });

  it('names the bits of a mask and back', () => {
    expect(capabilityNames(0x20000420n)).toEqual(['KILL', 'NET_BIND_SERVICE', 'AUDIT_WRITE']);
    expect(maskOf(['KILL', 'NET_BIND_SERVICE', 'AUDIT_WRITE'])).toBe(0x20000420n);
  });
});

describe('classifying an observation', () => {
  it('reads a grant from the capability sets', () => {
    expect(classify(variant('add', 'IPC_LOCK'), ran(WITH_IPC_LOCK), HOST, DOCKER_DEFAULT).outcomes).toEqual([
      'applied',
    ]);
    expect(classify(variant('add', 'CAP_IPC_LOCK'), ran(DOCKER_DEFAULT), HOST, DOCKER_DEFAULT).outcomes).toEqual([
      'ignored',
    ]);
  });

  it('reads EPERM for a capability the host lacks as an accepted name', () => {
    const observed = classify(variant('add', 'SYS_RESOURCE'), failed('start', RUNC_EPERM), HOST, DOCKER_DEFAULT);
    expect(observed.outcomes).toEqual(['applied']);
    expect(observed.note).toContain('host lacks SYS_RESOURCE');
  });

  it('reads EPERM for a capability the host holds as a refusal', () => {
    const observed = classify(variant('add', 'IPC_LOCK'), failed('start', RUNC_EPERM), HOST, DOCKER_DEFAULT);
    expect(observed.outcomes).toEqual(['rejected']);
  });

  it('reads an engine error at create as a refusal', () => {
    const error = 'Error response from daemon: invalid CapAdd: unknown capability: "CAP_CAP_SYS_RESOURCE"';
    expect(classify(variant('add', 'CAP_CAP_SYS_RESOURCE'), failed('create', error), HOST).outcomes).toEqual([
      'rejected',
    ]);
  });

  it('cannot decide a missing capability the host lacks unless the runtime says why', () => {
    const silent = classify(variant('add', 'SYS_RESOURCE'), ran(DOCKER_DEFAULT), HOST, DOCKER_DEFAULT);
    expect(silent.outcomes).toEqual(['applied', 'ignored']);
    const warned = classify(
      variant('add', 'SYS_RESOURCE'),
      ran(DOCKER_DEFAULT, { notices: ['ignoring unknown or unavailable capabilities: [SYS_RESOURCE]'] }),
      HOST,
      DOCKER_DEFAULT,
    );
    expect(warned.outcomes).toEqual(['ignored']);
    const garbled = classify(
      variant('add', 'CAP_SYS_RESOURCE'),
      ran(DOCKER_DEFAULT, { specCapabilities: ['CAP_CHOWN', 'CAP_CAP_SYS_RESOURCE'] }),
      HOST,
      DOCKER_DEFAULT,
    );
    expect(garbled.outcomes).toEqual(['ignored']);
    expect(garbled.note).toContain('CAP_CAP_SYS_RESOURCE, which is not a capability');
  });

  it('reads ALL from the whole set', () => {
    const everything: CapSets = { prm: HOST.bounding, eff: HOST.bounding, bnd: HOST.bounding };
    expect(classify(variant('add', 'ALL'), ran(everything), HOST, DOCKER_DEFAULT).outcomes).toEqual(['applied']);
    expect(classify(variant('add', 'CAP_ALL'), ran(DOCKER_DEFAULT), HOST, DOCKER_DEFAULT).outcomes).toEqual([
      'ignored',
    ]);
    const none: CapSets = { prm: 0n, eff: 0n, bnd: 0n };
    expect(classify(variant('drop', 'ALL'), ran(none), HOST, DOCKER_DEFAULT).outcomes).toEqual(['applied']);
    expect(classify(variant('drop', 'CAP_ALL'), ran(DOCKER_DEFAULT), HOST, DOCKER_DEFAULT).outcomes).toEqual([
      'ignored',
    ]);
  });

  it('reads drops, and cannot see a drop of something the defaults lack', () => {
    expect(classify(variant('drop', 'KILL'), ran(WITHOUT_KILL), HOST, DOCKER_DEFAULT).outcomes).toEqual(['applied']);
    expect(classify(variant('drop', 'CAP_KILL'), ran(DOCKER_DEFAULT), HOST, DOCKER_DEFAULT).outcomes).toEqual([
      'ignored',
    ]);
    expect(classify(variant('drop', 'CHECKPOINT_RESTORE'), ran(DOCKER_DEFAULT), HOST, DOCKER_DEFAULT).outcomes).toEqual(
      ['applied', 'ignored'],
    );
  });

  it('flags a capability that is in some sets only', () => {
    const partial: CapSets = { prm: 0xa80425fbn, eff: 0xa80425fbn, bnd: 0xa80465fbn };
    expect(classify(variant('add', 'IPC_LOCK'), ran(partial), HOST, DOCKER_DEFAULT).outcomes).toEqual([]);
  });
});

describe('messages', () => {
  it('matches a predicted message inside the runtime output, with placeholders', () => {
    expect(
      messageMatches(
        'invalid CapAdd: unknown capability: "CAP_CAP_SYS_RESOURCE"',
        'Error response from daemon: invalid CapAdd: unknown capability: "CAP_CAP_SYS_RESOURCE"',
      ),
    ).toBe(true);
    expect(
      messageMatches('invalid CapAdd: unknown capability: "CAP_X"', 'invalid CapAdd: unknown capability: "CAP_Y"'),
    ).toBe(false);
    expect(
      messageMatches(
        'OCI runtime create failed: … unknown capability "CAP_X": unknown',
        'OCI runtime create failed: container_linux.go:345: unknown capability "CAP_X": unknown',
      ),
    ).toBe(true);
  });

  it('finds the log line a prediction quotes', () => {
    expect(quotedLogLine('runc only logs `ignoring unknown or unavailable capabilities: [X]`, which …')).toBe(
      'ignoring unknown or unavailable capabilities: [X]',
    );
    expect(quotedLogLine('crun ignores unknown names')).toBeUndefined();
  });
});

// Observations recorded on Debian bookworm with the packaged runtimes (the same the suite runs).
describe('comparing with the knowledge as it is', () => {
  const docker = resolveTarget('docker@20.10.24');
  const cri = resolveTarget('containerd@1.6.20+runc@1.1.5');
  const podman = resolveTarget('podman@4.3.1');

  it('agrees with Docker 20.10 refusing the double prefix at create', () => {
    const v = variant('add', 'CAP_CAP_SYS_RESOURCE');
    const row = judge(
      v,
      expectFromTarget(docker, v.direction, v.input),
      failed('create', 'Error response from daemon: invalid CapAdd: unknown capability: "CAP_CAP_SYS_RESOURCE"'),
      HOST,
      DOCKER_DEFAULT,
    );
    expect(row.check).toEqual({ verdict: 'match', problems: [] });
  });

  it('agrees with containerd CRI doubling the prefix and ignoring the result', () => {
    const add = variant('add', 'CAP_IPC_LOCK');
    expect(
      judge(add, expectFromTarget(cri, 'add', add.input), ran(DOCKER_DEFAULT), HOST, DOCKER_DEFAULT).check.verdict,
    ).toBe('match');
    const drop = variant('drop', 'CAP_KILL');
    expect(
      judge(drop, expectFromTarget(cri, 'drop', drop.input), ran(DOCKER_DEFAULT), HOST, DOCKER_DEFAULT).check.verdict,
    ).toBe('match');
    const grant = variant('add', 'SYS_RESOURCE');
    expect(
      judge(grant, expectFromTarget(cri, 'add', grant.input), failed('start', RUNC_EPERM), HOST, DOCKER_DEFAULT).check
        .verdict,
    ).toBe('match');
  });

  it('calls a fitting but undecided observation consistent', () => {
    const v = variant('add', 'SYS_RESOURCE');
    const row = judge(v, expectFromTarget(podman, 'add', v.input), ran(DOCKER_DEFAULT), HOST, DOCKER_DEFAULT);
    expect(row.check.verdict).toBe('consistent');
  });

  it('agrees with runc run directly, including its warning', () => {
    const runc = ociRangeFor('runc', '1.1.5');
    expect(runc?.id).toBe('runc-new');
    if (!runc) return;
    const warning = 'time="…" level=warning msg="ignoring unknown or unavailable capabilities: [cap_ipc_lock]"';
    const observation = ran(
      { prm: 0x20000420n, eff: 0x20000420n, bnd: 0x20000420n },
      { notices: ['ignoring unknown or unavailable capabilities: [cap_ipc_lock]'], log: warning },
    );
    const v = variant('add', 'cap_ipc_lock');
    expect(judge(v, expectDirectOci(runc, v.input), observation, HOST).check.verdict).toBe('match');
  });

  it('checks the default set', () => {
    expect(compareDefaults(engineOf(docker).defaults, DOCKER_DEFAULT).verdict).toBe('match');
    expect(compareDefaults(engineOf(docker).defaults, WITH_IPC_LOCK)).toEqual({
      verdict: 'mismatch',
      problems: ['default set differs: extra IPC_LOCK'],
    });
  });
});

describe('a wrong value in the knowledge data makes the comparison fail', () => {
  const docker = resolveTarget('docker@20.10.24');
  const cri = resolveTarget('containerd@1.6.20+runc@1.1.5');

  it('fails when Docker 20.10 is said to prefix every name again, as Docker 18.09 did', () => {
    const engine = engineOf(docker);
    const real = ENGINE_RANGES.find((r) => r.id === engine.id);
    expect(real?.naming).toBe('normalize');
    const wrong: ResolvedTarget = { ...docker, engine: { ...engine, naming: 'prefix-always' } };
    const v = variant('add', 'CAP_SYS_RESOURCE');
    // What Docker 20.10.24 really did: it asked runc for CAP_SYS_RESOURCE, which this host cannot grant.
    const observation = failed('start', `Error response from daemon: ${RUNC_EPERM}`);
    expect(judge(v, expectFromTarget(docker, 'add', v.input), observation, HOST, DOCKER_DEFAULT).check.verdict).toBe(
      'match',
    );
    const check = judge(v, expectFromTarget(wrong, 'add', v.input), observation, HOST, DOCKER_DEFAULT).check;
    expect(check).toEqual({ verdict: 'mismatch', problems: ['predicted rejected, observed applied'] });
  });

  it("fails when Docker's message in the data is wrong", () => {
    const engine = engineOf(docker);
    const wrong: ResolvedTarget = {
      ...docker,
      engine: {
        ...engine,
        unknownAdd: {
          action: 'reject',
          status: 'CreateContainerError',
          phase: 'create',
          message: 'linux spec capabilities: Unknown capability to add: "{name}"',
        },
      },
    };
    const v = variant('add', 'CAP_CAP_SYS_RESOURCE');
    const observation = failed(
      'create',
      'Error response from daemon: invalid CapAdd: unknown capability: "CAP_CAP_SYS_RESOURCE"',
    );
    const check = judge(v, expectFromTarget(wrong, 'add', v.input), observation, HOST, DOCKER_DEFAULT).check;
    expect(check.verdict).toBe('mismatch');
    expect(check.problems).toEqual([
      'predicted the message "linux spec capabilities: Unknown capability to add: "CAP_CAP_SYS_RESOURCE""',
    ]);
  });

  it('fails when the data puts the refusal at the wrong step', () => {
    const engine = engineOf(docker);
    if (engine.unknownAdd.action !== 'reject') throw new Error('expected a reject');
    const wrong: ResolvedTarget = {
      ...docker,
      engine: { ...engine, unknownAdd: { ...engine.unknownAdd, status: 'RunContainerError', phase: 'start' } },
    };
    const v = variant('add', 'IPC_LOCKS');
    const observation = failed(
      'create',
      'Error response from daemon: invalid CapAdd: unknown capability: "CAP_IPC_LOCKS"',
    );
    const check = judge(v, expectFromTarget(wrong, 'add', v.input), observation, HOST, DOCKER_DEFAULT).check;
    expect(check.problems).toEqual(['predicted a refusal at start, it came at create']);
  });

  it('fails when containerd is said to refuse unknown drops', () => {
    const engine = engineOf(cri);
    const wrong: ResolvedTarget = {
      ...cri,
      engine: {
        ...engine,
        unknownDrop: { action: 'reject', status: 'CreateContainerError', phase: 'create', message: 'unknown' },
      },
    };
    const v = variant('drop', 'CAP_KILL');
    const check = judge(v, expectFromTarget(wrong, 'drop', v.input), ran(DOCKER_DEFAULT), HOST, DOCKER_DEFAULT).check;
    expect(check).toEqual({ verdict: 'mismatch', problems: ['predicted rejected, observed ignored'] });
  });

  it('fails when runc is said to fold case', () => {
    const runc = ociRange('runc-new');
    const wrong: OciRange = { ...runc, caseInsensitive: true };
    const v = variant('add', 'cap_ipc_lock');
    const observation = ran(DOCKER_DEFAULT, {
      notices: ['ignoring unknown or unavailable capabilities: [cap_ipc_lock]'],
    });
    expect(judge(v, expectDirectOci(runc, v.input), observation, HOST, DOCKER_DEFAULT).check.verdict).toBe('match');
    expect(judge(v, expectDirectOci(wrong, v.input), observation, HOST, DOCKER_DEFAULT).check.problems).toEqual([
      'predicted applied, observed ignored',
    ]);
  });

  it('fails when the data quotes a log line runc does not print', () => {
    const runc = ociRange('runc-new');
    const wrong: OciRange = { ...runc, unknown: { action: 'ignore', note: 'runc logs `unknown capability {name}`' } };
    const v = variant('add', 'IPC_LOCK');
    const log = 'level=warning msg="ignoring unknown or unavailable capabilities: [IPC_LOCK]"';
    const observation = ran(DOCKER_DEFAULT, { notices: [], log });
    expect(judge(v, expectDirectOci(wrong, v.input), observation, HOST, DOCKER_DEFAULT).check.problems).toEqual([
      'predicted the log line "unknown capability IPC_LOCK"',
    ]);
  });

  it('turns one mismatch into a failed run', () => {
    const v = variant('drop', 'CAP_KILL');
    const good = judge(v, expectFromTarget(cri, 'drop', v.input), ran(DOCKER_DEFAULT), HOST, DOCKER_DEFAULT);
    const bad = judge(v, { outcome: 'applied', detail: 'wrong' }, ran(DOCKER_DEFAULT), HOST, DOCKER_DEFAULT);
    const path = (rows: PathRun['rows']): PathRun => ({
      id: 'cri',
      title: 'CRI',
      versionText: '1.6.20',
      predictedBy: 'test',
      notes: [],
      rows,
    });
    expect(passed(summarize([path([good])]))).toBe(true);
    const summary = summarize([path([good, bad])]);
    expect(summary).toMatchObject({ compared: 2, matched: 1, mismatched: 1 });
    expect(passed(summary)).toBe(false);
    expect(passed(summarize([{ ...path([good]), error: 'dockerd could not be started twice' }]))).toBe(false);
  });
});

describe('comparison rules', () => {
  it('treats a missing prediction as a mismatch and no expectation as a recording', () => {
    const v = variant('add', 'IPC_LOCK');
    const observed = classify(v, ran(WITH_IPC_LOCK), HOST, DOCKER_DEFAULT);
    expect(compare({ outcome: 'unknown', detail: '' }, observed, ran(WITH_IPC_LOCK)).verdict).toBe('mismatch');
    expect(compare(undefined, observed, ran(WITH_IPC_LOCK)).verdict).toBe('observed');
  });

  it('predicts runc and crun from the OCI facts of their releases', () => {
    const crun = ociRangeFor('crun', '1.8.1');
    expect(crun?.id).toBe('crun-mid');
    if (!crun) return;
    expect(expectDirectOci(crun, 'cap_ipc_lock').outcome).toBe('applied');
    expect(expectDirectOci(crun, 'IPC_LOCK').outcome).toBe('ignored');
    expect(expectDirectOci(ociRange('runc-new'), 'cap_ipc_lock').outcome).toBe('ignored');
    expect(expectDirectOci(ociRange('runc-old'), 'CAP_FOO')).toMatchObject({
      outcome: 'rejected',
      message: 'OCI runtime create failed: … unknown capability "CAP_FOO": unknown',
    });
  });
});
