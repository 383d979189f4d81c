// `capdoctor explain`, run as a user would (the built binary; `npm test` builds first).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExplainJson } from '../src/cli/commands/explain.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');

function run(args: string[], input = '') {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('capdoctor explain', () => {
  it('prints the incident per target: entries, sets, needs with evidence lines and verdicts', () => {
    const { code, stdout } = run([
      'explain',
      'examples/elasticsearch-incident.yaml',
      '-t',
      'containerd@1.6',
      '-t',
      'docker@19.03',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('examples/elasticsearch-incident.yaml:40  StatefulSet/esc-data · container "es-cluster"');
    // Under the header, the verdicts in one line, worst first, with what is missing.
    expect(stdout).toContain(
      '  container "es-cluster": fails on containerd@1.6 (SYS_RESOURCE not held) · ok on docker@19.03',
    );
    expect(stdout).toContain(
      '  runs  sh, runuser (opens a PAM session, switches to elasticsearch), elasticsearch (as elasticsearch)',
    );
    expect(stdout).toContain(
      '    1. SYS_RESOURCE  pam_limits raises the hard RLIMIT_MEMLOCK when runuser opens its session',
    );
    expect(stdout).toMatch(
      / {9}21:5 {3}\* hard memlock unlimited {2,}ConfigMap\/esc-config "limits.conf", mounted at \/etc\/security\/limits.conf/,
    );
    expect(stdout).toMatch(
      /containerd@1\.6 {2}yes {5}add CAP_SYS_RESOURCE: silently not granted {2,}defaults \(14\) {2,}root: the bounding set; others: none {2}1✗ 2… 3✓ {2}fails/,
    );
    expect(stdout).toMatch(
      /docker@19\.03 {4}yes {5}add CAP_SYS_RESOURCE: grants SYS_RESOURCE {2,}defaults \(14\) \+SYS_RESOURCE .* 1✓ 2✓ 3✓ {2}ok/,
    );
    expect(stdout).toContain(
      'containerd@1.6  1✗  the add entry "CAP_SYS_RESOURCE" is silently not granted (looked up as CAP_CAP_SYS_RESOURCE)',
    );
  });

  it('writes the documented JSON shape', () => {
    const { code, stdout } = run([
      'explain',
      'examples/elasticsearch-incident.yaml',
      '-t',
      'docker@18.06',
      '-o',
      'json',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ExplainJson;
    expect(report.version).toBe(1);
    expect(report.targets).toEqual(['docker@18.06']);
    expect(report.containers.map((c) => c.container)).toEqual(['es-cluster', 'exporter']);
    const [es] = report.containers;
    expect(es?.needs.map((n) => [n.id, n.kind, n.capabilities])).toEqual([
      [1, 'pam-limits', ['SYS_RESOURCE']],
      [2, 'mlock', ['IPC_LOCK']],
      [3, 'switch', ['SETUID', 'SETGID']],
    ]);
    expect(es?.needs[0]?.evidence[0]).toEqual({
      text: '* hard memlock unlimited',
      label: 'ConfigMap/esc-config "limits.conf", mounted at /etc/security/limits.conf',
      path: 'data["limits.conf"]',
      line: 21,
      column: 5,
    });
    expect(es?.targets[0]).toMatchObject({
      target: 'docker@18.06',
      starts: false,
      failure: '"CAP_SYS_RESOURCE" in add is refused (RunContainerError)',
      bounding: [],
      verdict: 'does-not-start',
      entries: [
        {
          list: 'add',
          value: 'CAP_SYS_RESOURCE',
          outcome: 'rejected',
          became: 'the container fails (RunContainerError)',
        },
      ],
    });
  });

  it('reads standard input and explains a non-root container’s empty effective set', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      image: app:1
      securityContext:
        runAsUser: 1000
        capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
`;
    const { code, stdout } = run(['explain', '-', '-t', 'docker@24', '-o', 'json'], pod);
    expect(code).toBe(0);
    const target = (JSON.parse(stdout) as ExplainJson).containers[0]?.targets[0];
    expect(target).toMatchObject({
      bounding: ['NET_BIND_SERVICE'],
      effective: [],
      effectiveNote: 'uid 1000: none (no ambient capabilities; only file capabilities)',
      verdict: 'ok',
    });
  });

  it('refuses an unknown target with exit code 2', () => {
    const { code, stderr } = run(['explain', 'examples/elasticsearch-incident.yaml', '-t', 'dockerr@1']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown target "dockerr@1"');
  });
});
