import { describe, expect, it } from 'vitest';
import { runRule } from '../../../test/support/rule-tester.js';

const ID = 'sysctl-needs-privilege';

const pod = (command: string, context = '', podContext = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${podContext}  initContainers:
    - name: sysctl
      image: busybox:1.36
      command: ${command}
${context}  containers:
    - name: app
      image: app:1
`;

describe('sysctl-needs-privilege', () => {
  it('vm.max_map_count in a container that is not privileged: a privileged init container instead', () => {
    const [finding, ...rest] = runRule(ID, pod('["sysctl", "-w", "vm.max_map_count=262144"]'), ['containerd@1.7']);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'error',
      line: 9,
      column: 17,
      path: 'spec.initContainers[0].command[0]',
      container: 'sysctl',
    });
    expect(finding?.explanation).toBe(
      '`sysctl -w vm.max_map_count=262144` (command[0]) writes vm.max_map_count: the write fails on containerd@1.7 ' +
        '(containerd 1.3+ with runc ≥1.0.0-rc94): container runtimes mount /proc/sys read-only in a container that ' +
        'is not privileged (OCI readonlyPaths), so `sysctl -w` fails with "Read-only file system". vm.max_map_count ' +
        'is not namespaced: it is node-wide, so no pod field can set it. Use a privileged init container that runs ' +
        '`sysctl -w` as root (the pattern of the Elasticsearch Helm chart and ECK docs), or a node-level setting ' +
        '(a DaemonSet or the node image).',
    );
    expect(finding?.suggestion).toBeUndefined();
  });

  it('a safe namespaced key: suggests the pod’s securityContext.sysctls', () => {
    const [finding] = runRule(ID, pod('["sh", "-c", "sysctl -w net.ipv4.ip_unprivileged_port_start=0"]'), [
      'k8s@1.25,containerd@1.7',
    ]);
    expect(finding?.explanation).toContain(
      'net.ipv4.ip_unprivileged_port_start is namespaced and in the kubelet’s safe set on Kubernetes 1.25 (since 1.22) (the node needs Linux 4.11 or later): set it in the pod’s spec.securityContext.sysctls instead.',
    );
    expect(finding?.suggestion).toEqual({
      description: 'set net.ipv4.ip_unprivileged_port_start=0 in the pod’s securityContext.sysctls',
      edits: [
        {
          kind: 'add-key',
          path: ['spec', 'securityContext'],
          value: { sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }] },
        },
      ],
    });
  });

  it('a key that becomes safe later: not safe on the target’s Kubernetes version, no suggestion', () => {
    const [finding] = runRule(ID, pod('["sysctl", "-w", "net.ipv4.ip_unprivileged_port_start=0"]'), [
      'k8s@1.21,containerd@1.7',
    ]);
    expect(finding?.explanation).toContain(
      'is namespaced (net) but not in the kubelet’s safe set until Kubernetes 1.22',
    );
    expect(finding?.suggestion).toBeUndefined();
  });

  it('a write through /proc/sys in a script, with the slash spelling normalised', () => {
    const [finding] = runRule(ID, pod('["sh", "-c", "echo 1 > /proc/sys/net/ipv4/ip_forward"]'), ['containerd@1.7']);
    expect(finding?.explanation).toContain('writes net.ipv4.ip_forward');
    expect(finding?.explanation).toContain('--allowed-unsafe-sysctls');
  });

  it('privileged as root: fine; privileged as non-root: still fails', () => {
    const privileged = '      securityContext:\n        privileged: true\n';
    expect(runRule(ID, pod('["sysctl", "-w", "vm.max_map_count=262144"]', privileged))).toEqual([]);
    const nonRoot = '      securityContext:\n        privileged: true\n        runAsUser: 1000\n';
    const [finding] = runRule(ID, pod('["sysctl", "-w", "vm.max_map_count=262144"]', nonRoot), ['containerd@1.7']);
    expect(finding?.explanation).toContain(
      'the files under /proc/sys belong to root; uid 1000 (runAsUser: 1000 (container)) cannot write them',
    );
  });

  it('reads are not writes', () => {
    expect(
      runRule(ID, pod('["sh", "-c", "sysctl vm.max_map_count; sysctl -a; cat /proc/sys/vm/max_map_count"]')),
    ).toEqual([]);
  });

  it('without a target, every current runtime fails the write', () => {
    const [finding] = runRule(ID, pod('["sysctl", "-w", "vm.max_map_count=262144"]'));
    expect(finding?.targets?.every((t) => t.outcome === 'ignored')).toBe(true);
    expect(finding?.targets).toHaveLength(4);
    const [all] = runRule(ID, pod('["sysctl", "-w", "vm.max_map_count=262144"]'), ['all']);
    expect(all?.targets).toHaveLength(11);
  });
});
