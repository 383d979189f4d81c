import { describe, expect, it } from 'vitest';
import { pod, runRule } from '../../../test/support/rule-tester.js';
import { lintSource } from '../../core/engine.js';
import { resolveTargets } from '../../knowledge/targets.js';
import { findRule } from '../index.js';

const ALLOWED =
  'AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT';

const BASELINE = { pss: 'baseline' } as const;

describe('pss-baseline', () => {
  it('says CAP_CHOWN is refused only for its spelling and fixes it safely', () => {
    const [finding, ...rest] = runRule('pss-baseline', pod('          add: [CAP_CHOWN]'));
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'warning', line: 11, column: 17, endColumn: 26, container: 'app' });
    expect(finding?.path).toBe('spec.containers[0].securityContext.capabilities.add[0]');
    expect(finding?.explanation).toBe(
      '"CAP_CHOWN" is refused by baseline only because of its spelling: PSA compares exactly; CHOWN itself is ' +
        'allowed. Pod Security baseline: non-default capabilities (container "app" must not include "CAP_CHOWN" in ' +
        'securityContext.capabilities.add). Write CHOWN.',
    );
    expect(finding?.fix?.edits).toEqual([
      {
        kind: 'replace-scalar',
        path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add', 0],
        value: 'CHOWN',
      },
    ]);
    expect(finding?.suggestion).toBeUndefined();
  });

  it('treats lower and mixed case the same way', () => {
    const findings = runRule('pss-baseline', pod('          add: [chown, Sys_Chroot]'));
    expect(findings.map((f) => f.fix?.edits[0])).toEqual([
      expect.objectContaining({ value: 'CHOWN' }),
      expect.objectContaining({ value: 'SYS_CHROOT' }),
    ]);
    expect(findings[1]?.explanation).toContain('SYS_CHROOT itself is allowed');
  });

  it('by default reports only what fails baseline because of its spelling', () => {
    const findings = runRule('pss-baseline', pod('          add: [SYS_ADMIN, NET_ADMIN, cap_sys_ptrace, CAP_CHOWN]'));
    expect(findings.map((f) => f.column)).toEqual([55]);
    expect(findings[0]?.explanation).toContain('refused by baseline only because of its spelling');
  });

  it('with a level selected, names a real non-default capability without blaming the spelling, and offers no fix', () => {
    const [admin, ptrace] = runRule('pss-baseline', pod('          add: [SYS_ADMIN, cap_sys_ptrace]'), [], BASELINE);
    expect(admin?.explanation).toBe(
      `"SYS_ADMIN" is not in the baseline allow-list (${ALLOWED}). Pod Security baseline: non-default capabilities ` +
        '(container "app" must not include "SYS_ADMIN" in securityContext.capabilities.add).',
    );
    expect(admin?.fix).toBeUndefined();
    expect(ptrace?.explanation).toMatch(
      /^"cap_sys_ptrace" \(SYS_PTRACE, refused in any spelling\) is not in the baseline/,
    );
    expect(ptrace?.fix).toBeUndefined();
  });

  it('explains NET_RAW: granted by default on Docker/containerd but not addable', () => {
    const [finding] = runRule('pss-baseline', pod('          add: [NET_RAW]'), [], BASELINE);
    expect(finding?.explanation).toContain(
      'NET_RAW is in the default set of Docker and containerd (and of CRI-O before 1.18 and Podman before 4.4)',
    );
    expect(finding?.explanation).toContain('baseline does not allow adding it');
  });

  it('refuses ALL, and leaves names that are no capability to cap-unknown', () => {
    const findings = runRule('pss-baseline', pod('          add: [SYS_NET_ADMIN, all, 7]'), [], BASELINE);
    expect(findings.map((f) => f.column)).toEqual([32]);
    expect(findings[0]?.explanation).toMatch(
      /^"all" \(ALL, refused in any spelling\) is not in the baseline allow-list/,
    );
    expect(findings[0]?.explanation).toContain('Adding ALL asks for every capability.');
    expect(findings.every((f) => f.fix === undefined)).toBe(true);
  });

  it('ignores drop and accepts every allowed name written exactly', () => {
    const caps = `          add: [${ALLOWED}]\n          drop: [CAP_NET_RAW, all, SYS_ADMIN]`;
    expect(runRule('pss-baseline', pod(caps), [], BASELINE)).toEqual([]);
  });

  it('says admission only warns for a Deployment and refuses its Pods', () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx
          securityContext: {capabilities: {add: [CAP_CHOWN]}}
`;
    const [finding] = runRule('pss-baseline', deployment);
    expect(finding).toMatchObject({ line: 11, column: 50, object: { kind: 'Deployment', name: 'web' } });
    expect(finding?.explanation).toContain(
      'For a Deployment, admission only warns and audits; where baseline is enforced it refuses the Pods the ' +
        'Deployment creates.',
    );
  });

  it('says admission does not evaluate kinds outside its resource list', () => {
    const [finding] = runRule('pss-baseline', pod('          add: [SYS_ADMIN]', 'Rollout'), [], BASELINE);
    expect(finding?.explanation).toContain('Pod Security admission does not evaluate a Rollout itself');
  });

  it('checks initContainers and ephemeralContainers', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: app
  initContainers:
    - name: init
      image: busybox
      securityContext: {capabilities: {add: [SYS_ADMIN]}}
  ephemeralContainers:
    - name: debug
      image: busybox
      securityContext: {capabilities: {add: [SYS_PTRACE]}}
`;
    const findings = runRule('pss-baseline', text, [], { pss: 'restricted' });
    expect(findings.map((f) => [f.line, f.container])).toEqual([
      [12, 'init'],
      [16, 'debug'],
    ]);
    expect(findings[1]?.explanation).toContain('container "debug" must not include "SYS_PTRACE"');
  });

  it('does not look at Helm values, PodSecurityPolicies or compose files', () => {
    expect(runRule('pss-baseline', 'securityContext:\n  capabilities:\n    add: [CAP_CHOWN]\n')).toEqual([]);
    expect(runRule('pss-baseline', 'capabilities:\n  add: [SYS_ADMIN]\n', [], BASELINE)).toEqual([]);
    const psp =
      'apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata:\n  name: x\nspec:\n  allowedCapabilities: [SYS_ADMIN]\n';
    expect(runRule('pss-baseline', psp)).toEqual([]);
    expect(runRule('pss-baseline', 'services:\n  web:\n    image: nginx\n    cap_add: [NET_RAW]\n')).toEqual([]);
  });

  it('does not depend on the targets', () => {
    const matrix = runRule('pss-baseline', pod('          add: [CAP_CHOWN]'));
    const docker = runRule('pss-baseline', pod('          add: [CAP_CHOWN]'), ['docker@18.06']);
    expect(docker.map((f) => f.explanation)).toEqual(matrix.map((f) => f.explanation));
    expect(matrix[0]?.targets).toBeUndefined();
  });

  it('uses the configured severity', () => {
    const rule = findRule('pss-baseline');
    if (!rule) throw new Error('pss-baseline is not registered');
    const { findings } = lintSource('p.yaml', pod('          add: [CAP_CHOWN, SYS_ADMIN]'), {
      rules: [rule],
      targets: resolveTargets([]),
      settings: { 'pss-baseline': 'error' },
      pss: 'baseline',
    });
    expect(findings.map((f) => f.severity)).toEqual(['error', 'error']);
  });
});
