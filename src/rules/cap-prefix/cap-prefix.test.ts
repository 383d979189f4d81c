import { describe, expect, it } from 'vitest';
import { pod, runRule } from '../../../test/support/rule-tester.js';

describe('cap-prefix', () => {
  it('names RunContainerError and the doubled name on Docker 18.06', () => {
    const [finding, ...rest] = runRule('cap-prefix', pod('          add: [CAP_SYS_RESOURCE]'), ['docker@18.06']);
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'error', line: 11, column: 17, endColumn: 33, container: 'app' });
    expect(finding?.explanation).toContain('RunContainerError');
    expect(finding?.explanation).toContain('CAP_CAP_SYS_RESOURCE');
    expect(finding?.explanation).toMatch(/Write SYS_RESOURCE\.$/);
    expect(finding?.path).toBe('spec.containers[0].securityContext.capabilities.add[0]');
    expect(finding?.fix?.edits).toEqual([
      {
        kind: 'replace-scalar',
        path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add', 0],
        value: 'SYS_RESOURCE',
      },
    ]);
  });

  it('is only a warning where the runtime accepts the prefix (Docker 19.03)', () => {
    const [finding] = runRule('cap-prefix', pod('          add: [CAP_SYS_RESOURCE]'), ['docker@19.03']);
    expect(finding?.severity).toBe('warning');
    expect(finding?.explanation).toContain('Every selected target accepts it');
  });

  it('says the capability is silently not granted on containerd 1.6', () => {
    const [finding] = runRule('cap-prefix', pod('          add: [CAP_SYS_RESOURCE]'), ['containerd@1.6']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('SYS_RESOURCE is silently not granted');
    expect(finding?.targets?.[0]).toMatchObject({ target: 'containerd@1.6', outcome: 'ignored' });
  });

  it('says NET_RAW is not dropped on containerd', () => {
    const [finding] = runRule('cap-prefix', pod('          drop: [CAP_NET_RAW]'), ['containerd@1.7']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('NET_RAW is not dropped');
  });

  it('fails at create on containerd 1.2 and at start with old runc', () => {
    const [old] = runRule('cap-prefix', pod('          add: [CAP_SYS_RESOURCE]'), ['containerd@1.2']);
    expect(old?.explanation).toContain('CreateContainerError');
    const [rc93] = runRule('cap-prefix', pod('          add: [CAP_SYS_RESOURCE]'), ['containerd@1.5+runc@1.0.0-rc93']);
    expect(rc93?.explanation).toContain('unknown capability "CAP_CAP_SYS_RESOURCE"');
  });

  it('without a target, lists where it breaks and where it works', () => {
    const [finding] = runRule('cap-prefix', pod('          add: [CAP_SYS_RESOURCE]'));
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain('fails with RunContainerError on Docker 1.2–1.10, Docker 1.11–18.09');
    expect(finding?.explanation).toContain('with CreateContainerError on containerd 1.1–1.2');
    expect(finding?.explanation).toContain('the container starts without it on containerd 1.3+ with runc ≥1.0.0-rc94');
    expect(finding?.explanation).toContain('it works on');
    expect(finding?.targets?.length).toBeGreaterThan(5);
  });

  it('checks compose files with Docker semantics', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    cap_add: [CAP_NET_ADMIN]\n';
    const [finding] = runRule('cap-prefix', compose, ['docker@18.09']);
    expect(finding).toMatchObject({ severity: 'error', line: 4, column: 15 });
    const [modern] = runRule('cap-prefix', compose, ['docker@24']);
    expect(modern?.severity).toBe('warning');
  });

  it('explains the exact-match problem in a PodSecurityPolicy', () => {
    const psp = `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: ptrace
spec:
  allowedCapabilities: [CAP_SYS_PTRACE]
`;
    const [finding] = runRule('cap-prefix', psp, ['docker@18.09']);
    expect(finding?.explanation).toContain('PodSecurityPolicy compares names exactly');
    expect(finding?.object).toMatchObject({ kind: 'PodSecurityPolicy', name: 'ptrace' });
  });

  it('leaves canonical, lower-case and unknown names to other rules', () => {
    expect(runRule('cap-prefix', pod('          add: [SYS_RESOURCE, sys_time, CAP_NOPE, CAP_ALL]'))).toEqual([]);
  });
});

describe('cap-prefix where the runc version is not pinned down', () => {
  it('is an error on containerd 1.4: the start fails or the capability is skipped, both wrong', () => {
    const text =
      'kind: Pod\nspec:\n  containers:\n    - name: a\n      securityContext:\n        capabilities:\n          add: [CAP_SYS_RESOURCE]\n';
    const [finding] = runRule('cap-prefix', text, ['containerd@1.4']);
    expect(finding?.severity).toBe('error');
    expect(finding?.targets?.[0]?.outcome).toBe('unknown');
  });
});
