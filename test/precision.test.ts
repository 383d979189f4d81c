// Real-world shapes that capdoctor must not cry wolf on, and the mistakes it must still call errors,
// for the default targets (the runtimes supported today) and with the end-of-life ones brought back.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type LintOptions, lintSource } from '../src/core/engine.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { RULES } from '../src/rules/index.js';

const read = (name: string) => readFileSync(new URL(`./fixtures/precision/${name}`, import.meta.url), 'utf8');

function lint(name: string, targets: string[] = [], extra: Partial<LintOptions> = {}): string[] {
  const { findings } = lintSource(name, read(name), { rules: RULES, targets: resolveTargets(targets), ...extra });
  return findings.map((f) => `${f.line}:${f.column} ${f.severity} ${f.rule}`);
}

const loud = (findings: string[]) => findings.filter((f) => !f.includes(' info '));

describe('precision on real-world shapes (default targets: the runtimes supported today)', () => {
  it('a vendor ingress controller (uid 101, drop ALL, add NET_BIND_SERVICE): one info, asked as a question', () => {
    expect(lint('ingress-controller.yaml')).toEqual(['35:21 info cap-nonroot-ineffective']);
    const { findings } = lintSource('i.yaml', read('ingress-controller.yaml'), {
      rules: RULES,
      targets: resolveTargets([]),
    });
    expect(findings[0]?.explanation).toContain('Does every program from the container’s first executable');
    expect(findings[0]?.message).toContain('does it?');
  });

  it('the same controller behind a shell, with no_new_privs: the chain breaks, so it is an error', () => {
    expect(lint('ingress-controller-wrapped.yaml')).toEqual(['25:21 error cap-nonroot-ineffective']);
  });

  it('node agents (CNI, node exporter, time daemon): no error and no warning', () => {
    expect(loud(lint('node-agents.yaml'))).toEqual([]);
    // A namespace held to baseline refuses NET_ADMIN, NET_RAW and SYS_TIME: that is opt-in.
    expect(loud(lint('node-agents.yaml', [], { pss: 'baseline' }))).toEqual([
      '24:21 warning pss-baseline',
      '24:32 warning pss-baseline',
      '51:21 warning pss-baseline',
      '72:21 warning pss-baseline',
    ]);
  });

  it('an eBPF DaemonSet (BPF, PERFMON, CHECKPOINT_RESTORE): only notes; errors only for end-of-life runtimes', () => {
    const findings = lint('ebpf-daemonset.yaml');
    expect(loud(findings)).toEqual([]);
    expect(findings.filter((f) => f.endsWith('cap-kernel'))).toEqual([
      '26:19 info cap-kernel',
      '27:19 info cap-kernel',
      '28:19 info cap-kernel',
    ]);
    expect(loud(lint('ebpf-daemonset.yaml', ['legacy']))).toEqual([
      '26:19 error cap-kernel',
      '27:19 error cap-kernel',
      '28:19 error cap-kernel',
    ]);
  });

  it('a compose stack with privileged services: redundancy like pods, and a misspelling Docker still refuses', () => {
    expect(lint('compose-privileged.yaml')).toEqual([
      '7:17 warning cap-privileged-redundant',
      '16:17 warning cap-privileged-redundant',
      '17:15 error cap-unknown',
    ]);
  });

  it('a compose file read by a tool that expects CAP_ names: notes only, unless end-of-life Docker counts', () => {
    expect(loud(lint('compose-cap-names.yaml'))).toEqual([]);
    expect(loud(lint('compose-cap-names.yaml', ['all']))).toEqual([
      '7:9 error cap-prefix',
      '8:9 error cap-prefix',
      '13:15 error cap-prefix',
      '14:16 error cap-prefix',
    ]);
    // A configuration file's targets count like --target.
    expect(loud(lint('compose-cap-names.yaml', ['docker@18.09']))).toHaveLength(4);
  });

  it('raising a priority without SYS_NICE: nice warns (it still runs the program), chrt fails', () => {
    expect(loud(lint('priority.yaml'))).toEqual(['17:21 warning cap-missing', '24:33 error cap-missing']);
  });

  it('the incident stays an error for the default targets, because of containerd', () => {
    const text = readFileSync(new URL('../examples/elasticsearch-incident.yaml', import.meta.url), 'utf8');
    const { findings } = lintSource('incident.yaml', text, { rules: RULES, targets: resolveTargets([]) });
    const prefix = findings.find((f) => f.rule === 'cap-prefix');
    expect(prefix?.severity).toBe('error');
    expect(prefix?.explanation).toContain('The container starts without it on containerd 1.3+ with runc ≥1.0.0-rc94');
    expect(prefix?.message).toContain('not granted on containerd');
    expect(prefix?.explanation).toContain('Also fails on Docker ≤18.09');
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual([
      'pam-limits-needs-sys-resource',
      'cap-prefix',
    ]);
  });
});
