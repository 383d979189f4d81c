import { describe, expect, it } from 'vitest';
import { runRule } from '../../../test/support/rule-tester.js';

const pod = (container: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${spec}  containers:
    - name: app
      image: app
${container}
`;

const DROP_DETAIL =
  'Pod Security restricted: unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]).';

describe('pss-restricted', () => {
  it('accepts drop ALL with NET_BIND_SERVICE added', () => {
    const ok = pod(
      '      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [NET_BIND_SERVICE]',
    );
    expect(runRule('pss-restricted', ok)).toEqual([]);
  });

  it('reports a container without securityContext at its name', () => {
    const [finding, ...rest] = runRule('pss-restricted', pod(''));
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'info', line: 7, column: 13, endColumn: 16, container: 'app' });
    expect(finding?.path).toBe('spec.containers[0].name');
    expect(finding?.explanation).toBe(
      `Container "app" does not drop ALL capabilities: it has no securityContext, and restricted requires ` +
        `securityContext.capabilities.drop to contain ALL. ${DROP_DETAIL}`,
    );
    expect(finding?.fix).toBeUndefined();
    expect(finding?.suggestion).toEqual({
      description: 'drop ALL in container "app"',
      edits: [
        {
          kind: 'add-key',
          path: ['spec', 'containers', 0, 'securityContext'],
          value: { capabilities: { drop: ['ALL'] } },
        },
      ],
    });
  });

  it('reports a missing capabilities at the securityContext key and a missing drop at the capabilities key', () => {
    const [noCaps] = runRule('pss-restricted', pod('      securityContext:\n        runAsNonRoot: true'));
    expect(noCaps).toMatchObject({ line: 9, column: 7, path: 'spec.containers[0].securityContext.capabilities' });
    expect(noCaps?.explanation).toContain('its securityContext sets no capabilities');
    const [noDrop] = runRule(
      'pss-restricted',
      pod('      securityContext:\n        capabilities:\n          add: [NET_BIND_SERVICE]'),
    );
    expect(noDrop).toMatchObject({ line: 10, column: 9, path: 'spec.containers[0].securityContext.capabilities.drop' });
    expect(noDrop?.explanation).toContain('capabilities has no drop list');
    expect(noDrop?.suggestion?.edits).toEqual([
      { kind: 'add-key', path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'drop'], value: ['ALL'] },
    ]);
  });

  it('reports a drop list without ALL at the list', () => {
    const [finding] = runRule(
      'pss-restricted',
      pod('      securityContext:\n        capabilities:\n          drop: [NET_RAW]'),
    );
    expect(finding).toMatchObject({ line: 11, column: 17, endColumn: 26 });
    expect(finding?.explanation).toContain('its drop list ("NET_RAW") does not contain ALL');
  });

  it('says `all` and `CAP_ALL` do not count and suggests ALL', () => {
    const findings = runRule(
      'pss-restricted',
      pod('      securityContext:\n        capabilities:\n          drop: [NET_RAW, all, CAP_ALL]'),
    );
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ line: 11, column: 27, endColumn: 30 });
    expect(finding?.explanation).toBe(
      `"all" does not satisfy restricted: restricted requires the exact string ALL; "all" is treated as not ` +
        `dropping all. ${DROP_DETAIL}`,
    );
    expect(finding?.fix).toBeUndefined();
    expect(finding?.suggestion?.edits).toEqual([
      {
        kind: 'replace-scalar',
        path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'drop', 1],
        value: 'ALL',
      },
    ]);
  });

  it('reports each added capability other than NET_BIND_SERVICE, without suggesting a removal', () => {
    const findings = runRule(
      'pss-restricted',
      pod(
        '      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [SYS_ADMIN, NET_BIND_SERVICE, sys_time]',
      ),
    );
    expect(findings.map((f) => f.column)).toEqual([17, 46]);
    expect(findings[0]?.explanation).toBe(
      '"SYS_ADMIN": restricted allows adding only NET_BIND_SERVICE. Pod Security restricted: unrestricted ' +
        'capabilities (container "app" must not include "SYS_ADMIN" in securityContext.capabilities.add).',
    );
    // Removing a capability the workload may need is the user's call, not a suggestion.
    expect(findings[0]?.suggestion).toBeUndefined();
    expect(findings[1]?.explanation).toMatch(
      /^"sys_time" \(SYS_TIME\): restricted allows adding only NET_BIND_SERVICE/,
    );
  });

  it('says only the spelling is wrong for net_bind_service and CAP_NET_BIND_SERVICE', () => {
    const findings = runRule(
      'pss-restricted',
      pod(
        '      securityContext:\n        capabilities:\n          drop: [ALL]\n          add: [net_bind_service, CAP_NET_BIND_SERVICE]',
      ),
    );
    expect(findings).toHaveLength(2);
    for (const f of findings) {
      expect(f.explanation).toContain('is refused by restricted only because of its spelling');
      expect(f.suggestion?.edits[0]).toMatchObject({ kind: 'replace-scalar', value: 'NET_BIND_SERVICE' });
      expect(f.fix).toBeUndefined();
    }
  });

  it('checks every container group, one finding per problem', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: a
      securityContext: {capabilities: {drop: [ALL]}}
  initContainers:
    - name: i
      image: i
  ephemeralContainers:
    - name: e
      image: e
      securityContext: {capabilities: {drop: [ALL], add: [NET_RAW]}}
`;
    const findings = runRule('pss-restricted', text);
    expect(findings.map((f) => [f.line, f.column, f.container])).toEqual([
      [11, 13, 'i'],
      [16, 59, 'e'],
    ]);
  });

  it('exempts Windows pods unless a Kubernetes target before 1.25 is given', () => {
    const windows = pod('', '  os:\n    name: windows\n');
    expect(runRule('pss-restricted', windows)).toEqual([]);
    expect(runRule('pss-restricted', windows, ['k8s@1.25'])).toEqual([]);
    const [old] = runRule('pss-restricted', windows, ['k8s@1.24']);
    expect(old?.explanation).toContain(
      'This is a Windows pod: policy versions before v1.25 (Kubernetes 1.24 by the target) still check it',
    );
    const linux = pod('', '  os:\n    name: linux\n');
    expect(runRule('pss-restricted', linux)).toHaveLength(1);
  });

  it('says admission only warns for workload templates', () => {
    const text = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  template:
    spec:
      containers:
        - name: agent
          image: agent
`;
    const [finding] = runRule('pss-restricted', text);
    expect(finding).toMatchObject({ line: 9, column: 17, object: { kind: 'DaemonSet', name: 'agent' } });
    expect(finding?.explanation).toContain(
      'For a DaemonSet, admission only warns and audits; where restricted is enforced it refuses the Pods the DaemonSet creates.',
    );
  });

  it('names an unnamed container by its position', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - image: a\n';
    const [finding] = runRule('pss-restricted', text);
    expect(finding).toMatchObject({ line: 6, column: 7, path: 'spec.containers[0]' });
    expect(finding?.container).toBeUndefined();
    expect(finding?.explanation).toContain('The unnamed container containers[0] does not drop ALL');
    expect(finding?.explanation).toContain('(container "" must set');
  });

  it('ignores Helm values, PodSecurityPolicies and compose files', () => {
    expect(runRule('pss-restricted', 'securityContext:\n  capabilities:\n    add: [SYS_ADMIN]\n')).toEqual([]);
    expect(runRule('pss-restricted', 'services:\n  web:\n    image: nginx\n    cap_add: [SYS_ADMIN]\n')).toEqual([]);
  });
});
