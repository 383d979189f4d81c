// The library entry as a user imports it: four functions on texts, with defaults for every option.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ALL_RULE_META,
  DEFAULT_MATRIX,
  diagnose,
  explain,
  fix,
  lint,
  MESSAGE_MAX,
  outcomeLine,
  predict,
  resolveTarget,
  TargetError,
} from '../src/index.js';

const incident = readFileSync(new URL('../examples/elasticsearch-incident.yaml', import.meta.url), 'utf8');
const logs = ['entrypoint.log', 'kubectl-logs.txt', 'node-messages.log', 'pods.txt'].map((name) => ({
  file: name,
  text: readFileSync(new URL(`../examples/diagnose/${name}`, import.meta.url), 'utf8'),
}));

describe('lint', () => {
  it('needs nothing but the text: the built-in matrix, every default rule, a file label', () => {
    const result = lint(incident);
    expect(result.file).toBe('input.yaml');
    expect(result.documents).toBeGreaterThan(1);
    const prefix = result.findings.find((f) => f.rule === 'cap-prefix');
    expect(prefix?.message).toMatch(
      /^"CAP_SYS_RESOURCE": CAP_ prefix — not granted on containerd .*; write SYS_RESOURCE$/,
    );
    expect(prefix?.explanation).toContain('Write SYS_RESOURCE.');
    expect(prefix?.targets?.length).toBe(DEFAULT_MATRIX.length);
    for (const f of result.findings) expect(f.message.length).toBeLessThanOrEqual(MESSAGE_MAX);
  });

  it('takes targets, rule settings and a file name', () => {
    const result = lint(incident, {
      file: 'es.yaml',
      targets: ['docker@18.06'],
      rules: { 'pss-baseline': 'off', 'cap-prefix': 'warning' },
    });
    expect(result.findings.map((f) => `${f.file} ${f.rule} ${f.severity}`)).toEqual(['es.yaml cap-prefix warning']);
    expect(result.findings[0]?.message).toBe(
      '"CAP_SYS_RESOURCE": CAP_ prefix — container fails on docker@18.06 (RunContainerError); write SYS_RESOURCE',
    );
  });

  it('reads JSON, reports parse errors as findings and refuses an unknown target', () => {
    expect(
      lint(
        '{"kind": "Pod", "spec": {"containers": [{"name": "a", "securityContext": {"capabilities": {"add": ["CAP_KILL"]}}}]}}',
      ).findings.map((f) => f.rule),
    ).toContain('cap-prefix');
    const broken = lint('a: [1, 2\n');
    expect(broken.parseErrors).toBe(1);
    expect(broken.findings[0]?.rule).toBe('parse-error');
    expect(() => lint(incident, { targets: ['dockerr@1'] })).toThrow(TargetError);
  });
});

describe('fix', () => {
  it('rewrites the CAP_ prefix and keeps everything else', () => {
    const result = fix(incident, { targets: ['docker@18.06'] });
    expect(result.changed).toBe(true);
    expect(result.output).toContain('- SYS_RESOURCE');
    expect(result.output).not.toContain('- CAP_SYS_RESOURCE');
    expect(result.output.split('\n').length).toBe(incident.split('\n').length);
    expect(result.changes.map((c) => c.rule)).toEqual(['cap-prefix']);
    expect(result.findings.some((f) => f.rule === 'cap-prefix')).toBe(false);
  });

  it('applies only the named rules, and leaves an unparsable text alone', () => {
    expect(fix(incident, { only: ['cap-case'] }).changed).toBe(false);
    const broken = fix('a: [1, 2\n');
    expect(broken.changed).toBe(false);
    expect(broken.error).toContain('parse error');
  });
});

describe('explain', () => {
  it('gives every container with a one-line message and a verdict per target', () => {
    const result = explain(incident, { targets: ['containerd@1.6', 'docker@19.03'] });
    expect(result.targets).toEqual(['containerd@1.6', 'docker@19.03']);
    const es = result.containers.find((c) => c.container === 'es-cluster');
    expect(es?.message).toBe(
      'container "es-cluster": fails on containerd@1.6 (SYS_RESOURCE not held) · ok on docker@19.03',
    );
    expect(es?.targets.map((t) => t.verdict)).toEqual(['fails', 'ok']);
  });
});

describe('diagnose', () => {
  it('finds the root cause in logs, with a one-line message, and points at the manifest line', () => {
    const result = diagnose(logs, { manifests: [{ file: 'es.yaml', text: incident }] });
    const [top] = result.diagnoses;
    expect(top?.rule).toBe('cap-prefix');
    expect(top?.message.length).toBeLessThanOrEqual(MESSAGE_MAX);
    expect(top?.message).toBe(
      '"CAP_SYS_RESOURCE": CAP_ prefix — container fails to start on Docker 1.11–18.09; write SYS_RESOURCE',
    );
    expect(top?.summary).toContain('"CAP_SYS_RESOURCE" carries the CAP_ prefix');
    expect(top?.manifest[0]).toMatchObject({ file: 'es.yaml', replacement: 'SYS_RESOURCE' });
    expect(result.manifestProblems).toEqual([]);
  });

  it('reads a plain string as one input', () => {
    const text = logs.map((l) => l.text).join('\n');
    expect(diagnose(text).diagnoses[0]?.rule).toBe('cap-prefix');
    expect(diagnose('').diagnoses).toEqual([]);
  });
});

describe('what adapters build on', () => {
  it('exports rule metadata, targets and predict', () => {
    expect(ALL_RULE_META.map((m) => m.id)).toContain('cap-prefix');
    const prediction = predict(resolveTarget('containerd@1.7'), 'drop', 'CAP_NET_RAW');
    expect(prediction.outcome).toBe('ignored');
    expect(
      outcomeLine([
        { target: 'docker@18.06', outcome: 'rejected', detail: '' },
        { target: 'containerd@1.7', outcome: 'ignored', detail: '', list: 'add' },
        { target: 'docker@24', outcome: 'applied', detail: '' },
      ]),
    ).toBe('✗ fails: docker@18.06 · ✗ not granted: containerd@1.7 · ✓ works: docker@24');
  });
});
