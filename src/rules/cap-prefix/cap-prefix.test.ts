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
    expect(finding?.explanation).toContain('Pod Security admission and policy engines compare names exactly');
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

  it('without a target, decides on the current runtimes and names the end-of-life ones as context', () => {
    const [finding] = runRule('cap-prefix', pod('          add: [CAP_SYS_RESOURCE]'));
    // containerd, the default runtime today, silently does not grant it: still an error.
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toBe(
      '"CAP_SYS_RESOURCE" carries the CAP_ prefix. The container starts without it on containerd 1.3+ with runc ' +
        '≥1.0.0-rc94; it works on Docker 23+, CRI-O 1.22+ and Podman 4.4.3+. Also fails on Docker ≤18.09 and ' +
        'containerd ≤1.5 with runc ≤1.0.0-rc93 (end of life). Write SYS_RESOURCE.',
    );
    expect(finding?.targets?.filter((t) => t.legacy).map((t) => t.outcome)).toEqual([
      'rejected',
      'rejected',
      'applied',
      'rejected',
      'rejected',
      'applied',
      'applied',
    ]);
  });

  it('brings the end-of-life runtimes into the severity with --target legacy or all', () => {
    const drop = pod('          drop: [CAP_NET_RAW]');
    for (const set of ['legacy', 'all']) {
      const [finding] = runRule('cap-prefix', drop, [set]);
      expect(finding?.severity, set).toBe('error');
      expect(finding?.explanation, set).toContain('with RunContainerError on Docker 1.2–1.10 and Docker 1.11–18.09');
      expect(
        finding?.targets?.some((t) => t.legacy),
        set,
      ).toBe(false);
    }
    const [current] = runRule('cap-prefix', drop, ['current']);
    expect(current?.targets).toHaveLength(4);
  });

  it('is no error where the skipped add names a capability the runtime grants by default', () => {
    // containerd skips CAP_CHOWN, but CHOWN is in its default set: the container holds it anyway.
    const [finding] = runRule('cap-prefix', pod('          add: [CAP_CHOWN]'));
    expect(finding?.severity).toBe('warning');
    expect(finding?.explanation).toContain(
      'No current runtime breaks on it: containerd 1.3+ with runc ≥1.0.0-rc94 skips it, but CHOWN is in the default set there.',
    );
    // After drop: [ALL] the default no longer covers it.
    const [dropped] = runRule('cap-prefix', pod('          drop: [ALL]\n          add: [CAP_CHOWN]'));
    expect(dropped?.severity).toBe('error');
  });

  it('checks compose files with Docker semantics: an error only where a runtime of the selection breaks', () => {
    const compose = 'services:\n  web:\n    image: nginx\n    cap_add: [CAP_NET_ADMIN]\n';
    const [finding] = runRule('cap-prefix', compose, ['docker@18.09']);
    expect(finding).toMatchObject({ severity: 'error', line: 4, column: 15 });
    expect(finding?.fix).toBeDefined();
    const [modern] = runRule('cap-prefix', compose, ['docker@24']);
    expect(modern?.severity).toBe('info');
  });

  it('leaves a compose file that every current Docker and Podman accepts at info, without a safe fix', () => {
    // A file also read by a tool that expects CAP_ names: nothing breaks on a supported engine.
    const compose = 'services:\n  vpn:\n    image: vpn\n    cap_add: [CAP_NET_ADMIN, CAP_SYS_MODULE]\n';
    const findings = runRule('cap-prefix', compose);
    expect(findings.map((f) => f.severity)).toEqual(['info', 'info']);
    expect(findings[0]?.explanation).toBe(
      '"CAP_NET_ADMIN" carries the CAP_ prefix. Every current runtime accepts it. Also fails on Docker ≤18.09 ' +
        '(end of life). Write NET_ADMIN.',
    );
    expect(findings[0]?.fix).toBeUndefined();
    expect(findings[0]?.suggestion?.edits[0]).toMatchObject({ value: 'NET_ADMIN' });
    const [legacy] = runRule('cap-prefix', compose, ['all']);
    expect(legacy?.severity).toBe('error');
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

describe('cap-prefix words a spelling once per set of targets', () => {
  // The same spelling where each owner fact that changes the wording differs: a plain container, a
  // privileged one, one that drops it, a pod-level list, a PodSecurityPolicy, a compose service.
  const stream = [
    pod('          add: [CAP_CHOWN, CAP_SYS_RESOURCE]'),
    pod('          add: [CAP_CHOWN]\n        privileged: true'),
    pod('          add: [CAP_CHOWN]\n          drop: [CHOWN]'),
    pod('          drop: [CAP_CHOWN]'),
    `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: p
spec:
  allowedCapabilities: [CAP_CHOWN]
  defaultAddCapabilities: [CAP_SYS_RESOURCE]
`,
  ];
  const compose = 'services:\n  web:\n    image: nginx\n    cap_add: [CAP_CHOWN]\n';
  const summary = (findings: ReturnType<typeof runRule>) =>
    findings.map((f) => ({ severity: f.severity, message: f.message, explanation: f.explanation, targets: f.targets }));

  it('gives each document what it gives alone, whatever came before it', () => {
    const together = runRule('cap-prefix', stream.join('---\n'));
    const alone = stream.flatMap((text) => runRule('cap-prefix', text));
    expect(summary(together)).toEqual(summary(alone));
    // Owners that differ are worded differently: one answer per owner fact, not one per spelling.
    expect(new Set(together.map((f) => f.explanation)).size).toBeGreaterThanOrEqual(5);
    expect(summary(runRule('cap-prefix', compose))).toEqual(summary(runRule('cap-prefix', compose)));
    expect(runRule('cap-prefix', compose)[0]?.severity).toBe('info');
  });
});
