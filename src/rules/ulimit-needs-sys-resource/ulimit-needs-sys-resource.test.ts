import { describe, expect, it } from 'vitest';
import { runRule } from '../../../test/support/rule-tester.js';

const ID = 'ulimit-needs-sys-resource';

const pod = (script: string, context = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: app:1
      command: ["sh", "-c", ${JSON.stringify(script)}]
${context}`;

const dropAll = '      securityContext:\n        capabilities:\n          drop: [ALL]\n';

describe('ulimit-needs-sys-resource', () => {
  it('reports `ulimit -l unlimited` after drop ALL, with the shell’s own error text', () => {
    const [finding, ...rest] = runRule(ID, pod('ulimit -l unlimited && exec su-exec app /app', dropAll), [
      'containerd@1.7',
    ]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'error',
      line: 9,
      column: 29,
      path: 'spec.containers[0].command[2]',
      container: 'app',
    });
    expect(finding?.explanation).toBe(
      '`ulimit -l unlimited` (command[2]) sets the hard RLIMIT_MEMLOCK to unlimited, above the limit a container ' +
        'starts with (64 KiB to 64 MiB, inherited from the container runtime). Raising a hard limit needs ' +
        'SYS_RESOURCE: the shell does not hold SYS_RESOURCE on containerd@1.7 (containerd 1.3+ with runc ' +
        '≥1.0.0-rc94): drop "ALL" removes it and nothing adds it back. Expect `ulimit: max locked memory: cannot ' +
        'modify limit: Operation not permitted` (bash) or `ulimit: error setting limit (Operation not permitted)` ' +
        '(dash). Add SYS_RESOURCE to capabilities.add, or raise the limit on the node instead.',
    );
    expect(finding?.suggestion?.edits).toEqual([
      {
        kind: 'add-key',
        path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add'],
        value: ['SYS_RESOURCE'],
      },
    ]);
    expect(finding?.evidence).toEqual([
      {
        text: 'ulimit -l unlimited',
        label: 'command[2]',
        path: 'spec.containers[0].command[2]',
        line: 9,
        column: 29,
      },
    ]);
  });

  it('names the resource as bash does for -n', () => {
    const [finding] = runRule(ID, pod('ulimit -Hn 4194304', dropAll), ['containerd@1.7']);
    expect(finding?.severity).toBe('warning');
    expect(finding?.explanation).toContain('`ulimit: open files: cannot modify limit: Operation not permitted`');
  });

  it('says a non-root shell never holds it, whatever is added', () => {
    const context =
      '      securityContext:\n        runAsUser: 1000\n        capabilities:\n          add: [SYS_RESOURCE]\n';
    const [finding] = runRule(ID, pod('ulimit -l unlimited; exec /app', context), ['docker@24']);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain(
      'the process runs as uid 1000 (runAsUser: 1000 (container)), which holds no capability (Kubernetes sets no ambient capabilities)',
    );
    expect(finding?.explanation).toContain('Kubernetes has no field for a container’s resource limits');
    expect(finding?.suggestion).toBeUndefined();
  });

  it('is silent where root holds SYS_RESOURCE, or where the user is the image’s and it is granted', () => {
    const granted =
      '      securityContext:\n        runAsUser: 0\n        capabilities:\n          add: [SYS_RESOURCE]\n';
    expect(runRule(ID, pod('ulimit -l unlimited', granted))).toEqual([]);
    const imageUser = '      securityContext:\n        capabilities:\n          add: [SYS_RESOURCE]\n';
    expect(runRule(ID, pod('ulimit -l unlimited', imageUser), ['containerd@1.7'])).toEqual([]);
  });

  it('ignores soft limits, values within the limit and reads', () => {
    expect(runRule(ID, pod('ulimit -S -l unlimited; ulimit -l 64; ulimit -a; ulimit -n', dropAll))).toEqual([]);
  });

  it('checks CAP_SYS_RESOURCE per target: silently not granted on containerd, fine on Docker 24', () => {
    const context = '      securityContext:\n        capabilities:\n          add: [CAP_SYS_RESOURCE]\n';
    const text = pod('ulimit -l unlimited', context).replace('command: ["sh", "-c"', 'command: ["sh", "-c"');
    const [finding] = runRule(ID, text, ['containerd@1.7', 'docker@24']);
    expect(finding?.explanation).toContain(
      'the shell does not hold SYS_RESOURCE on containerd@1.7 (containerd 1.3+ with runc ≥1.0.0-rc94): the add entry "CAP_SYS_RESOURCE" is silently not granted (looked up as CAP_CAP_SYS_RESOURCE)',
    );
    expect(finding?.explanation).toContain('Write the entry as SYS_RESOURCE (see cap-prefix)');
    expect(finding?.targets?.map((t) => [t.target, t.outcome])).toEqual([
      ['containerd@1.7', 'ignored'],
      ['docker@24', 'unknown'],
    ]);
  });
});
