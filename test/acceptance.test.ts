// The acceptance criteria of the lint foundation, on the bundled incident example.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../src/core/engine.js';
import { resolveTargets } from '../src/knowledge/targets.js';
import { RULES } from '../src/rules/index.js';

const incident = readFileSync(new URL('../examples/elasticsearch-incident.yaml', import.meta.url), 'utf8');
const drop = readFileSync(new URL('../examples/containerd-drop.yaml', import.meta.url), 'utf8');
const errors = (text: string, target: string[]) =>
  lintSource('x.yaml', text, { rules: RULES, targets: resolveTargets(target) }).findings.filter(
    (f) => f.severity === 'error',
  );

describe('the incident (Elasticsearch, CAP_SYS_RESOURCE)', () => {
  const line = incident.split('\n').findIndex((l) => l.includes('- CAP_SYS_RESOURCE')) + 1;

  it('on docker@18.06: exactly one error, cap-prefix at the CAP_SYS_RESOURCE line, naming RunContainerError and CAP_CAP_SYS_RESOURCE', () => {
    const found = errors(incident, ['docker@18.06']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'cap-prefix', line, column: 17 });
    // One line says what, the worst consequence and what to write; the explanation tells the rest.
    expect(found[0]?.message).toBe(
      '"CAP_SYS_RESOURCE": CAP_ prefix — container fails on docker@18.06 (RunContainerError); write SYS_RESOURCE',
    );
    expect(found[0]?.explanation).toContain('RunContainerError');
    expect(found[0]?.explanation).toContain('CAP_CAP_SYS_RESOURCE');
    expect(found[0]?.explanation).toContain('Write SYS_RESOURCE');
  });

  it('on docker@19.03: no error', () => {
    expect(errors(incident, ['docker@19.03'])).toEqual([]);
  });

  it('on containerd@1.6: cap-prefix says the capability is silently not granted, and pam_limits then fails', () => {
    const found = errors(incident, ['containerd@1.6']);
    expect(found.map((f) => f.rule)).toEqual(['pam-limits-needs-sys-resource', 'cap-prefix']);
    expect(found[1]?.message).toBe(
      '"CAP_SYS_RESOURCE": CAP_ prefix — not granted on containerd@1.6; write SYS_RESOURCE',
    );
    expect(found[1]?.explanation).toContain('SYS_RESOURCE is silently not granted');
    expect(found[0]?.message).toContain('SYS_RESOURCE not held on containerd@1.6');
    expect(found[0]?.explanation).toContain('Expect `runuser: cannot open session: Permission denied`');
  });
});

describe('drop: [CAP_NET_RAW] on containerd', () => {
  it('is an error saying NET_RAW is not dropped', () => {
    const found = errors(drop, ['containerd@1.7']).filter((f) => f.rule === 'cap-prefix');
    expect(found[0]?.message).toBe('"CAP_NET_RAW": CAP_ prefix — not dropped on containerd@1.7; write NET_RAW');
    expect(found[0]?.explanation).toContain('NET_RAW is not dropped');
  });
});
