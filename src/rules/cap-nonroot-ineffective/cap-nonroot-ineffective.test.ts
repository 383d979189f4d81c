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
    expect(finding?.explanation).toBe(
      '"IPC_LOCK" is added, but the process runs as uid 1000 (runAsUser: 1000 (container)): Kubernetes sets no ' +
        'ambient capabilities and today’s runtimes empty the ambient set, so a process that is not uid 0 starts with empty effective and permitted sets: ' +
        'capabilities.add only widens its bounding set. Does the program’s binary carry it as a file capability ' +
        '(setcap)? Only that brings it back, and the manifest cannot show it. If it does not, drop the capability or ' +
        'run the program as root.',
    );
  });

  it('containers alike but for how the process starts keep their own answer, in either order', () => {
    // The same capability lists and settings share one process model: what decides between them here is
    // the command (a shell in between breaks the chain of file capabilities).
    const context = '        runAsUser: 1000\n        allowPrivilegeEscalation: false\n';
    const shell = pod(context, '      command: ["sh", "-c", "exec /app/run"]\n');
    const direct = pod(context, '      command: ["/app/run"]\n');
    // What is remembered between them says whether the program is a script, not which program it is.
    const script = pod(context, '      command: ["/app/run.sh"]\n');
    const other = pod(context, '      command: ["/opt/other"]\n');
    for (const [first, second, expected] of [
      [shell, direct, ['error', 'info']],
      [direct, shell, ['info', 'error']],
      [script, direct, ['error', 'info']],
      [direct, script, ['info', 'error']],
      [direct, other, ['info', 'info']],
    ] as const) {
      const findings = runRule(ID, `${first}---\n${second}`, ['containerd@1.7']);
      expect(findings.map((f) => f.severity)).toEqual(expected);
    }
  });

  it('with allowPrivilegeEscalation: false and a shell in between: error', () => {
    const command = '      command: ["sh", "-c", "exec /app/run"]\n';
    const [finding] = runRule(ID, pod('        runAsUser: 1000\n        allowPrivilegeEscalation: false\n', command), [
      'containerd@1.7',
    ]);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain(
      'allowPrivilegeEscalation: false (no_new_privs) stops any exec from gaining it, and the process is started through a shell, a script or a user switch (`sh -c "exec /app/run"`)',
    );
    expect(finding?.explanation).toContain('or allow privilege escalation.');
  });

  it('gives each finding of a stream its own explanation, shared only where everything it says is the same', () => {
    const noEscalation = '        allowPrivilegeEscalation: false\n';
    const documents = [
      pod('        runAsUser: 1000\n'),
      pod('        runAsUser: 2000\n'),
      pod(`        runAsUser: 1000\n${noEscalation}`, '      command: ["sh", "-c", "exec /a"]\n'),
      pod(`        runAsUser: 1000\n${noEscalation}`, '      command: ["sh", "-c", "exec /b"]\n'),
      pod(`        runAsUser: 1000\n${noEscalation}`),
      pod('        runAsUser: 1000\n').replace('add: [IPC_LOCK]', 'add: [NET_BIND_SERVICE]'),
      pod('        runAsUser: 2000\n'),
    ];
    const stream = runRule(ID, documents.join('---\n'), ['containerd@1.7']);
    // The same explanations as each document linted on its own, whatever was linted before it.
    const alone = documents.map((d) => runRule(ID, d, ['containerd@1.7'])[0]?.explanation);
    expect(stream.map((f) => f.explanation)).toEqual(alone);
    const [a, b, c, d, e, f, g] = alone;
    expect([a, b, c, d, e, f].every((x, i, all) => all.indexOf(x) === i)).toBe(true);
    expect(g).toBe(b);
    expect(b).toContain('uid 2000');
    expect(d).toContain('exec /b');
    expect(f).toContain('"NET_BIND_SERVICE" is added');
  });

  it('with allowPrivilegeEscalation: false and the image’s entrypoint: info, asked as a question', () => {
    const [finding] = runRule(ID, pod('        runAsUser: 1000\n        allowPrivilegeEscalation: false\n'), [
      'containerd@1.7',
    ]);
    expect(finding?.severity).toBe('info');
    expect(finding?.explanation).toContain(
      'Does every program from the container’s first executable (the image’s entrypoint) on carry it as a file capability?',
    );
    expect(finding?.explanation).toContain('Docker 18.04–23.0.6 and 24.0.0–24.0.5 do not');
  });

  it('says nothing where the runtime puts the added set in the ambient set (CRI-O 1.9.0, containerd 1.1.0)', () => {
    const netAdmin = pod('        runAsUser: 1000\n        allowPrivilegeEscalation: false\n').replace(
      'add: [IPC_LOCK]',
      'add: [NET_ADMIN]',
    );
    expect(runRule(ID, netAdmin, ['crio@1.9.0'])).toEqual([]);
    expect(runRule(ID, netAdmin, ['crio@1.10.0'])).toEqual([]);
    expect(runRule(ID, netAdmin, ['containerd@1.1.0'])).toEqual([]);
    // The backports emptied the ambient set again: a chain of file capabilities may still work, so a question.
    for (const spec of ['crio@1.9.12', 'crio@1.10.1', 'crio@1.11', 'containerd@1.1.1']) {
      expect(
        runRule(ID, netAdmin, [spec]).map((f) => f.severity),
        spec,
      ).toEqual(['info']);
    }
  });

  it('names the targets that hold it when others do not', () => {
    const [finding] = runRule(ID, pod('        runAsUser: 1000\n'), ['crio@1.9.0', 'containerd@1.7']);
    expect(finding?.severity).toBe('info');
    expect(finding?.explanation).toContain(
      '(CRI-O 1.0–1.9 puts it in the ambient set too, so there the process holds it)',
    );
  });

  it('says when only some patch releases of the target fill the ambient set', () => {
    const [finding] = runRule(ID, pod('        runAsUser: 1000\n'), ['crio@1.9']);
    expect(finding?.explanation).toContain(
      '(not known on crio@1.9: some of those patch releases put it in the ambient set, so the process holds it there; name the patch release)',
    );
  });

  it('is an error with no_new_privs where Docker writes only the bounding set for a non-root user', () => {
    const context = '        runAsUser: 1000\n        allowPrivilegeEscalation: false\n';
    const [docker] = runRule(ID, pod(context), ['docker@20.10']);
    expect(docker?.severity).toBe('error');
    expect(docker?.explanation).toContain(
      'Docker 19.03–20.10 writes only the bounding set for a non-root user, so no file capability can bring it back',
    );
    expect(runRule(ID, pod(context), ['docker@24.0.5'])[0]?.severity).toBe('error');
    // 18.03 and older, 23.0.7, 24.0.6 and 25 fill effective and permitted for every user: a question.
    for (const spec of ['docker@18.03', 'docker@23.0.7', 'docker@24.0.6', 'docker@25']) {
      expect(runRule(ID, pod(context), [spec])[0]?.severity, spec).toBe('info');
    }
  });

  it('the pod’s runAsUser and runAsNonRoot count; root and the image’s user do not', () => {
    const podUser = pod('').replace(
      'spec:\n  containers:',
      'spec:\n  securityContext:\n    runAsNonRoot: true\n  containers:',
    );
    const [finding] = runRule(ID, podUser, ['containerd@1.7']);
    expect(finding?.explanation).toContain('the process runs as a non-root user (runAsNonRoot: true (pod))');
    expect(runRule(ID, pod('        runAsUser: 0\n'))).toEqual([]);
    expect(runRule(ID, pod(''))).toEqual([]);
  });

  it('says when the container needs the capability (a low port)', () => {
    const text = pod('        runAsUser: 101\n')
      .replace('add: [IPC_LOCK]', 'add: [NET_BIND_SERVICE]')
      .replace('      securityContext:', '      ports:\n        - containerPort: 80\n      securityContext:');
    const [finding] = runRule(ID, text, ['containerd@1.7']);
    expect(finding?.explanation).toContain(
      'The container needs it: the process listens on port 80 (containerPort), below 1024.',
    );
    expect(finding?.explanation).toContain(
      'net.ipv4.ip_unprivileged_port_start in the pod’s sysctls needs no capability',
    );
  });

  it('is silent where the runtime does not grant the entry at all', () => {
    const text = pod('        runAsUser: 1000\n').replace('[IPC_LOCK]', '[CAP_IPC_LOCK]');
    expect(runRule(ID, text, ['containerd@1.7'])).toEqual([]);
    expect(runRule(ID, text, ['docker@24'])).toHaveLength(1);
  });
});
