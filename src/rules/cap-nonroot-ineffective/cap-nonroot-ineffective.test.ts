import { describe, expect, it } from 'vitest';
import { runRule } from '../../../test/support/rule-tester.js';

const ID = 'cap-nonroot-ineffective';

const pod = (context: string, command = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: app:1
${command}      securityContext:
${context}        capabilities:
          add: [IPC_LOCK]
`;

describe('cap-nonroot-ineffective', () => {
  it('non-root with IPC_LOCK and allowPrivilegeEscalation unset: info', () => {
    const [finding, ...rest] = runRule(ID, pod('        runAsUser: 1000\n'), ['containerd@1.7']);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'info',
      line: 12,
      column: 17,
      path: 'spec.containers[0].securityContext.capabilities.add[0]',
      container: 'app',
    });
    expect(finding?.message).toBe(
      '"IPC_LOCK" is added, but the process runs as uid 1000 (runAsUser: 1000 (container)): Kubernetes sets no ' +
        'ambient capabilities, so a process that is not uid 0 starts with empty effective and permitted sets: ' +
        'capabilities.add only widens its bounding set. Only a file capability on the program’s binary (setcap) can ' +
        'bring it back, which the manifest cannot show. Keep it only if the program’s binary carries it as a file ' +
        'capability; otherwise drop it or run the program as root.',
    );
  });

  it('with allowPrivilegeEscalation: false and a shell in between: error', () => {
    const command = '      command: ["sh", "-c", "exec /app/run"]\n';
    const [finding] = runRule(ID, pod('        runAsUser: 1000\n        allowPrivilegeEscalation: false\n', command), [
      'containerd@1.7',
    ]);
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain(
      'allowPrivilegeEscalation: false (no_new_privs) stops any exec from gaining it, and the process is started through a shell, a script or a user switch (`sh -c "exec /app/run"`)',
    );
    expect(finding?.message).toContain('or allow privilege escalation.');
  });

  it('with allowPrivilegeEscalation: false and the image’s entrypoint: warning (file capabilities on the first executable)', () => {
    const [finding] = runRule(ID, pod('        runAsUser: 1000\n        allowPrivilegeEscalation: false\n'), [
      'containerd@1.7',
    ]);
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toContain(
      'only if every program from the container’s first executable (the image’s entrypoint) on carries it as a file capability',
    );
    expect(finding?.message).toContain('Docker 18.04–24.0.5 did not');
  });

  it('the pod’s runAsUser and runAsNonRoot count; root and the image’s user do not', () => {
    const podUser = pod('').replace(
      'spec:\n  containers:',
      'spec:\n  securityContext:\n    runAsNonRoot: true\n  containers:',
    );
    const [finding] = runRule(ID, podUser, ['containerd@1.7']);
    expect(finding?.message).toContain('the process runs as a non-root user (runAsNonRoot: true (pod))');
    expect(runRule(ID, pod('        runAsUser: 0\n'))).toEqual([]);
    expect(runRule(ID, pod(''))).toEqual([]);
  });

  it('says when the container needs the capability (a low port)', () => {
    const text = pod('        runAsUser: 101\n')
      .replace('add: [IPC_LOCK]', 'add: [NET_BIND_SERVICE]')
      .replace('      securityContext:', '      ports:\n        - containerPort: 80\n      securityContext:');
    const [finding] = runRule(ID, text, ['containerd@1.7']);
    expect(finding?.message).toContain(
      'The container needs it: the process listens on port 80 (containerPort), below 1024.',
    );
    expect(finding?.message).toContain('net.ipv4.ip_unprivileged_port_start in the pod’s sysctls needs no capability');
  });

  it('is silent where the runtime does not grant the entry at all', () => {
    const text = pod('        runAsUser: 1000\n').replace('[IPC_LOCK]', '[CAP_IPC_LOCK]');
    expect(runRule(ID, text, ['containerd@1.7'])).toEqual([]);
    expect(runRule(ID, text, ['docker@24'])).toHaveLength(1);
  });
});
