import { describe, expect, it } from 'vitest';
import { podWith, runRule } from '../../../test/support/rule-tester.js';
import { lintSource } from '../../core/engine.js';
import { resolveTargets } from '../../knowledge/targets.js';
import { findRule } from '../index.js';

const ape = (add: string) => `        allowPrivilegeEscalation: false\n        capabilities:\n          add: [${add}]`;

describe('cap-escalation-conflict', () => {
  it('reports the literal CAP_SYS_ADMIN as an API rejection at the add entry', () => {
    const [finding, ...rest] = runRule('cap-escalation-conflict', podWith(ape('CAP_SYS_ADMIN')));
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'error', line: 12, column: 17, endColumn: 30, container: 'app' });
    expect(finding?.path).toBe('spec.containers[0].securityContext.capabilities.add[0]');
    expect(finding?.explanation).toBe(
      'The API server rejects the pod: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` ' +
        'CAP_SYS_ADMIN (since Kubernetes 1.8). The check matches only this exact spelling: SYS_ADMIN would pass it, ' +
        'yet no_new_privs does not hold back a process that already has SYS_ADMIN (kubernetes/kubernetes#119568). ' +
        'Grant the narrower capabilities the container needs instead. Note: kubernetes/kubernetes PR #138834 ' +
        'relaxes this check in two steps: its first release (1.37; the 1.37 code is not verified) accepts the ' +
        'combination only on updates of existing pods and still rejects new ones; accepting new pods is left to a ' +
        'later release, which had not happened by 1.38.0-alpha.1.',
    );
    expect(finding?.fix).toBeUndefined();
  });

  it('warns on SYS_ADMIN in other spellings, which the API accepts', () => {
    for (const spelling of ['SYS_ADMIN', 'sys_admin', 'cap_sys_admin', 'Cap_Sys_Admin', 'CAP_CAP_SYS_ADMIN']) {
      const [finding, ...rest] = runRule('cap-escalation-conflict', podWith(ape(spelling)));
      expect(rest).toHaveLength(0);
      expect(finding?.severity).toBe('warning');
      expect(finding?.explanation).toContain(
        'The API server accepts it (its check matches only the literal "CAP_SYS_ADMIN")',
      );
      expect(finding?.explanation).toContain('kubernetes/kubernetes#119568, #131336');
    }
    const [plain] = runRule('cap-escalation-conflict', podWith(ape('SYS_ADMIN')));
    expect(plain?.explanation).toMatch(/^allowPrivilegeEscalation: false next to SYS_ADMIN in add is contradictory\./);
    const [lower] = runRule('cap-escalation-conflict', podWith(ape('sys_admin')));
    expect(lower?.explanation).toContain('"sys_admin" (SYS_ADMIN, if the runtime accepts this spelling)');
  });

  it('warns on ALL in add in any case, but not on CAP_ALL or padded names', () => {
    const [finding] = runRule('cap-escalation-conflict', podWith(ape('all')));
    expect(finding?.severity).toBe('warning');
    expect(finding?.explanation).toContain('ALL (every capability, SYS_ADMIN included)');
    expect(finding?.explanation).toContain('while holding every capability');
    expect(runRule('cap-escalation-conflict', podWith(ape('CAP_ALL, " SYS_ADMIN", SYS_ADMINS, NET_ADMIN')))).toEqual(
      [],
    );
  });

  it('needs allowPrivilegeEscalation to be the boolean false', () => {
    const with_ = (value: string) =>
      podWith(`        allowPrivilegeEscalation: ${value}\n        capabilities:\n          add: [CAP_SYS_ADMIN, ALL]`);
    expect(runRule('cap-escalation-conflict', with_('true'))).toEqual([]);
    expect(runRule('cap-escalation-conflict', with_('"false"'))).toEqual([]);
    expect(
      runRule('cap-escalation-conflict', podWith('        capabilities:\n          add: [CAP_SYS_ADMIN]')),
    ).toEqual([]);
  });

  it('reports privileged with allowPrivilegeEscalation: false at the allowPrivilegeEscalation key', () => {
    const [finding] = runRule(
      'cap-escalation-conflict',
      podWith('        privileged: true\n        allowPrivilegeEscalation: false'),
    );
    expect(finding).toMatchObject({ severity: 'error', line: 11, column: 35, endColumn: 40, container: 'app' });
    expect(finding?.path).toBe('spec.containers[0].securityContext.allowPrivilegeEscalation');
    expect(finding?.explanation).toContain(
      'The API server rejects the pod: cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
    );
    expect(finding?.explanation).not.toContain('#138834');
  });

  it('is only a contradiction on Kubernetes older than 1.8', () => {
    const [sysAdmin] = runRule('cap-escalation-conflict', podWith(ape('CAP_SYS_ADMIN')), ['k8s@1.7']);
    expect(sysAdmin?.severity).toBe('warning');
    expect(sysAdmin?.explanation).toMatch(
      /^The combination of allowPrivilegeEscalation: false and "CAP_SYS_ADMIN" in add is contradictory\. Kubernetes 1\.7 predates the check/,
    );
    const [privileged] = runRule(
      'cap-escalation-conflict',
      podWith('        privileged: true\n        allowPrivilegeEscalation: false'),
      ['k8s@1.7'],
    );
    expect(privileged?.severity).toBe('warning');
  });

  it('names the rejecting versions when old and new clusters are targeted', () => {
    const [finding] = runRule('cap-escalation-conflict', podWith(ape('CAP_SYS_ADMIN')), ['k8s@1.7', 'k8s@1.20']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toMatch(/^On Kubernetes 1\.20, the API server rejects the pod/);
    expect(finding?.explanation).toContain('Kubernetes 1.7 predates the check (added in 1.8) and accepts it.');
  });

  it('stays an API rejection on 1.37 and 1.38, where #138834 has relaxed only updates', () => {
    const [finding] = runRule('cap-escalation-conflict', podWith(ape('CAP_SYS_ADMIN')), ['k8s@1.37', 'k8s@1.38']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toMatch(/^On Kubernetes 1\.37, 1\.38, the API server rejects the pod/);
    expect(finding?.explanation).toContain('only on updates of existing pods and still rejects new ones');
  });

  it('says a Deployment is rejected through its template, and checks init and ephemeral containers', () => {
    const yaml = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
        - name: app
          image: app
      initContainers:
        - name: init
          image: init
          securityContext: {privileged: true, allowPrivilegeEscalation: false}
      ephemeralContainers:
        - name: debug
          image: debug
          securityContext: {allowPrivilegeEscalation: false, capabilities: {add: [CAP_SYS_ADMIN]}}
`;
    const findings = runRule('cap-escalation-conflict', yaml);
    expect(findings.map((f) => [f.line, f.column, f.severity, f.container])).toEqual([
      [14, 73, 'error', 'init'],
      [18, 83, 'error', 'debug'],
    ]);
    expect(findings[0]?.explanation).toContain('the Deployment (its pod template fails validation)');
    expect(findings[0]?.object).toMatchObject({ kind: 'Deployment', name: 'd' });
  });

  it('checks securityContexts outside pod specs (Helm values) and ignores PSPs and compose', () => {
    const values =
      'app:\n  securityContext:\n    allowPrivilegeEscalation: false\n    capabilities:\n      add: [CAP_SYS_ADMIN]\n';
    const [finding] = runRule('cap-escalation-conflict', values);
    expect(finding).toMatchObject({ severity: 'error', line: 5, column: 13 });
    expect(finding?.explanation).toContain('rejects any pod that receives this securityContext');
    const psp = `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: psp
spec:
  allowPrivilegeEscalation: false
  allowedCapabilities: [CAP_SYS_ADMIN]
`;
    expect(runRule('cap-escalation-conflict', psp)).toEqual([]);
    expect(runRule('cap-escalation-conflict', 'services:\n  a:\n    image: a\n    cap_add: [SYS_ADMIN]\n')).toEqual([]);
  });

  it('lets a configured severity win over the computed one', () => {
    const rule = findRule('cap-escalation-conflict');
    if (!rule) throw new Error('rule not registered');
    const run = (text: string, severity: 'error' | 'info') =>
      lintSource('t.yaml', text, {
        rules: [rule],
        targets: resolveTargets([]),
        settings: { 'cap-escalation-conflict': severity },
      }).findings.map((f) => f.severity);
    expect(run(podWith(ape('SYS_ADMIN')), 'error')).toEqual(['error']);
    expect(run(podWith(ape('CAP_SYS_ADMIN')), 'info')).toEqual(['info']);
  });
});
