import { describe, expect, it } from 'vitest';
import { podWith, runRule } from '../../../test/support/rule-tester.js';
import { resolveTargets } from '../../knowledge/targets.js';

const privileged = (caps: string) => `        privileged: true\n        capabilities:\n${caps}`;

describe('cap-privileged-redundant', () => {
  it('reports a drop list next to privileged at the privileged key, as a false sense of safety', () => {
    const [finding, ...rest] = runRule('cap-privileged-redundant', podWith(privileged('          drop: [ALL]')), [
      'docker@24',
    ]);
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'warning', line: 10, column: 21, endColumn: 25, container: 'app' });
    expect(finding?.path).toBe('spec.containers[0].securityContext.privileged');
    expect(finding?.explanation).toBe(
      'privileged: true gives container "app" every capability, so drop: [ALL] removes nothing: the container keeps ' +
        'every capability, and the list only gives a false sense of safety. Docker gives a privileged container ' +
        'every capability and does not apply add or drop (docker@24 (Docker 23+)). Remove privileged: true and keep ' +
        'the lists as the least-privilege set, or remove the lists if the container must stay privileged.',
    );
    expect(finding?.targets).toEqual([
      {
        target: 'docker@24',
        outcome: 'ignored',
        detail: 'Docker gives a privileged container every capability and does not apply add or drop',
      },
    ]);
    expect(finding?.fix).toBeUndefined();
    expect(finding?.suggestion).toBeUndefined();
  });

  it('calls an add list redundant and names both lists when both are set', () => {
    const [finding] = runRule(
      'cap-privileged-redundant',
      podWith(privileged('          add: [NET_ADMIN]\n          drop: [NET_RAW]')),
      ['containerd@1.7'],
    );
    expect(finding?.explanation).toContain(
      'so add: [NET_ADMIN] is redundant, and drop: [NET_RAW] removes nothing: the container keeps every capability',
    );
    expect(finding?.explanation).toContain(
      'containerd gives a privileged container every capability, whatever add or drop say',
    );
  });

  it('groups the current runtimes of the built-in matrix and admits what is not verified', () => {
    const [finding] = runRule('cap-privileged-redundant', podWith(privileged('          drop: [ALL]')));
    expect(finding?.explanation).toContain(
      'Docker gives a privileged container every capability and does not apply add or drop (Docker 23+); containerd gives',
    );
    expect(finding?.explanation).toContain(
      'CRI-O sets a privileged container up with every capability and skips add and drop (CRI-O 1.22+)',
    );
    expect(finding?.explanation).toContain('for Podman 4.4.3+ it is not verified whether the lists apply.');
    const current = resolveTargets([]).filter((t) => !t.context);
    const researched = current.filter((t) => t.engine?.privileged.listsIgnored === true).map((t) => t.label);
    expect(researched).toHaveLength(3);
    expect(finding?.targets?.filter((t) => t.outcome === 'ignored').map((t) => t.target)).toEqual(researched);
    expect(finding?.targets?.filter((t) => t.outcome === 'unknown').map((t) => t.target)).toEqual(['Podman 4.4.3+']);
  });

  it('reports a privileged compose service with cap_add, like a pod', () => {
    const compose = [
      'services:',
      '  agent:',
      '    image: vendor/agent:3',
      '    privileged: true',
      '    cap_add: [NET_ADMIN, SYS_ADMIN]',
      '    cap_drop: [NET_RAW]',
      '  web:',
      '    image: nginx',
      '    cap_add: [NET_BIND_SERVICE]',
      '',
    ].join('\n');
    const findings = runRule('cap-privileged-redundant', compose);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4, column: 17, path: 'services.agent.privileged' });
    expect(findings[0]?.explanation).toMatch(
      /^privileged: true gives compose service "agent" every capability, so cap_add: \[NET_ADMIN, SYS_ADMIN\] is redundant, and cap_drop: \[NET_RAW\] removes nothing/,
    );
    expect(findings[0]?.explanation).toContain('(Docker 23+)');
  });

  it('does not assert the outcome when only unresearched runtimes are targeted', () => {
    const [finding] = runRule('cap-privileged-redundant', podWith(privileged('          drop: [ALL]')), ['podman@5.6']);
    expect(finding?.severity).toBe('warning');
    expect(finding?.explanation).toMatch(
      /^privileged: true is meant to give container "app" every capability; where it does/,
    );
    expect(finding?.targets?.[0]?.outcome).toBe('unknown');
  });

  it('ignores privileged without lists, empty lists, privileged false and non-boolean values', () => {
    expect(runRule('cap-privileged-redundant', podWith('        privileged: true'))).toEqual([]);
    expect(runRule('cap-privileged-redundant', podWith(privileged('          add: []\n          drop: []')))).toEqual(
      [],
    );
    expect(
      runRule('cap-privileged-redundant', podWith('        privileged: false\n        capabilities: {drop: [ALL]}')),
    ).toEqual([]);
    expect(
      runRule('cap-privileged-redundant', podWith('        privileged: "true"\n        capabilities: {drop: [ALL]}')),
    ).toEqual([]);
  });

  it('checks Helm values securityContexts and templates in controllers', () => {
    const values = 'agent:\n  securityContext:\n    capabilities: {add: [SYS_ADMIN]}\n    privileged: true\n';
    const [finding] = runRule('cap-privileged-redundant', values, ['crio@1.25']);
    expect(finding).toMatchObject({ line: 4, column: 17 });
    expect(finding?.path).toBe('agent.securityContext.privileged');
    expect(finding?.explanation).toContain('privileged: true gives the container every capability');
    const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ds
spec:
  template:
    spec:
      initContainers:
        - name: init
          image: init
          securityContext: {privileged: true, capabilities: {drop: [ALL]}}
      containers:
        - name: main
          image: main
`;
    const [templated] = runRule('cap-privileged-redundant', daemonSet, ['docker@20.10']);
    expect(templated).toMatchObject({ line: 11, column: 41, container: 'init' });
    expect(templated?.object).toMatchObject({ kind: 'DaemonSet', name: 'ds' });
  });
});
