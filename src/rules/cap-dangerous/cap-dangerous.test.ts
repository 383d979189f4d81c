import { describe, expect, it } from 'vitest';
import { runRule } from '../../../test/support/rule-tester.js';

const pod = (caps: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${spec}  containers:
    - name: app
      image: app
      securityContext:
        capabilities:
${caps}
`;

describe('cap-dangerous', () => {
  it('explains SYS_ADMIN: what, why, scope and the eBPF alternative', () => {
    const [finding, ...rest] = runRule('cap-dangerous', pod('          add: [SYS_ADMIN]'));
    expect(rest).toHaveLength(0);
    expect(finding).toMatchObject({ severity: 'info', line: 11, column: 17, endColumn: 26, container: 'app' });
    expect(finding?.path).toBe('spec.containers[0].securityContext.capabilities.add[0]');
    expect(finding?.explanation).toBe(
      'Container "app" adds SYS_ADMIN, a near-root capability. It allows: Catch-all admin rights: mounts, ' +
        "namespaces, hostname, swap, quotas, keyctl, many ioctls, and more. Risk: The 'new root': mounts and " +
        'cgroup/namespace tricks give well-known container escapes. It is used inside the container, but it is a ' +
        'known way out of it onto the host. If it is there for eBPF or perf tracing, PERFMON and BPF cover that ' +
        'without SYS_ADMIN on Linux ≥5.8, with a runtime that knows them (runc ≥1.0.0-rc93, Docker ≥23.0).',
    );
    expect(finding?.fix).toBeUndefined();
    expect(finding?.suggestion).toBeUndefined();
  });

  it('says whether NET_ADMIN reaches the node, from hostNetwork', () => {
    const [own] = runRule('cap-dangerous', pod('          add: [NET_ADMIN]'));
    expect(own?.explanation).toContain(
      "The pod does not use hostNetwork, so it acts on the pod's own network namespace only",
    );
    expect(own?.explanation).toContain('NET_BIND_SERVICE alone is enough');
    const [host] = runRule('cap-dangerous', pod('          add: [NET_ADMIN]', '  hostNetwork: true\n'));
    expect(host?.explanation).toContain("This pod sets hostNetwork: true, so it acts on the node's own network");
    expect(host?.explanation).not.toContain('does not use hostNetwork');
  });

  it('says hostPID widens SYS_PTRACE', () => {
    const [own] = runRule('cap-dangerous', pod('          add: [SYS_PTRACE]'));
    expect(own?.explanation).toContain('hostPID: true would widen it to every process on the node');
    const [host] = runRule('cap-dangerous', pod('          add: [SYS_PTRACE]', '  hostPID: true\n'));
    expect(host?.explanation).toContain('This pod sets hostPID: true, so it reaches every process on the node.');
  });

  it('names spelling variants by their canonical name', () => {
    const findings = runRule('cap-dangerous', pod('          add: [cap_sys_module, Bpf, CAP_ALL]'));
    expect(findings.map((f) => f.explanation?.split(',')[0])).toEqual([
      'Container "app" adds SYS_MODULE (written "cap_sys_module")',
      'Container "app" adds BPF (written "Bpf")',
      'Container "app" adds ALL (written "CAP_ALL"): every capability',
    ]);
  });

  it('reports ALL with the near-root list and a narrower alternative', () => {
    const [finding] = runRule('cap-dangerous', pod('          add: [ALL]'));
    expect(finding?.explanation).toBe(
      'Container "app" adds ALL: every capability, including the near-root ones (DAC_READ_SEARCH, NET_ADMIN, ' +
        'SYS_MODULE, SYS_RAWIO, SYS_PTRACE, SYS_ADMIN, SYS_BOOT, MAC_OVERRIDE, MAC_ADMIN, PERFMON, BPF). List only ' +
        'the capabilities the workload needs; for a port below 1024 that is NET_BIND_SERVICE alone, and eBPF agents ' +
        'usually ask for BPF and PERFMON (Linux ≥5.8).',
    );
  });

  it('ignores drop lists, lower-risk names, padded and unknown names', () => {
    const caps =
      '          add: [NET_RAW, SYS_RESOURCE, IPC_LOCK, CHOWN, " SYS_ADMIN", SYS_NET_ADMIN, 3]\n' +
      '          drop: [SYS_ADMIN, ALL, NET_ADMIN]';
    expect(runRule('cap-dangerous', pod(caps))).toEqual([]);
  });

  it('covers PodSecurityPolicy allowed, default-add and the * wildcard', () => {
    const psp = `apiVersion: policy/v1beta1
kind: PodSecurityPolicy
metadata:
  name: wide
spec:
  allowedCapabilities: ["*", NET_ADMIN]
  defaultAddCapabilities: [SYS_PTRACE, "*"]
  requiredDropCapabilities: [SYS_ADMIN]
`;
    const findings = runRule('cap-dangerous', psp);
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [6, 25],
      [6, 30],
      [7, 28],
    ]);
    expect(findings[0]?.explanation).toMatch(/^PodSecurityPolicy "wide" allows every capability \("\*"\)/);
    expect(findings[0]?.object).toMatchObject({ kind: 'PodSecurityPolicy', name: 'wide' });
    expect(findings[1]?.explanation).toContain('PodSecurityPolicy "wide" lets containers add NET_ADMIN');
    expect(findings[1]?.explanation).toContain("or on the node's network when the pod uses hostNetwork");
    expect(findings[2]?.explanation).toContain(
      'PodSecurityPolicy "wide" adds SYS_PTRACE to every container it admits (unless the container drops it)',
    );
  });

  it('covers compose cap_add and Helm values', () => {
    const [compose] = runRule('cap-dangerous', 'services:\n  web:\n    image: nginx\n    cap_add: [SYS_ADMIN]\n');
    expect(compose).toMatchObject({ line: 4, column: 15 });
    expect(compose?.explanation).toMatch(/^Compose service "web" adds SYS_ADMIN, a near-root capability/);
    const [values] = runRule('cap-dangerous', 'agent:\n  capabilities:\n    add:\n      - PERFMON\n');
    expect(values).toMatchObject({ line: 4, column: 9 });
    expect(values?.explanation).toMatch(/^This capabilities mapping adds PERFMON, a near-root capability/);
    expect(values?.explanation).toContain('it reaches the whole node');
  });

  it('says pod-level lists grant nothing', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    capabilities:
      add: [SYS_ADMIN]
  containers:
    - name: app
      image: app
`;
    const [finding] = runRule('cap-dangerous', text);
    expect(finding?.explanation).toContain(
      'The pod-level securityContext lists SYS_ADMIN (the pod-level securityContext has no capabilities field, so ' +
        'nothing is granted here, but moved into a container it would be), a near-root capability.',
    );
  });

  it('does not depend on the targets', () => {
    const matrix = runRule('cap-dangerous', pod('          add: [SYS_ADMIN]'));
    const docker = runRule('cap-dangerous', pod('          add: [SYS_ADMIN]'), ['docker@18.06']);
    expect(docker.map((f) => f.explanation)).toEqual(matrix.map((f) => f.explanation));
    expect(matrix[0]?.targets).toBeUndefined();
  });
});
