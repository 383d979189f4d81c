import { describe, expect, it } from 'vitest';
import { runRule } from '../../../test/support/rule-tester.js';

const ID = 'cap-missing';

const pod = (command: string, context = '', extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: app:1
      command: ${command}
${extra}${context}`;

const dropAll = '      securityContext:\n        capabilities:\n          drop: [ALL]\n';

describe('cap-missing', () => {
  it('chown after drop ALL: CHOWN is missing on every target', () => {
    const [finding, ...rest] = runRule(ID, pod('["chown", "-R", "1000:1000", "/data"]', dropAll), ['docker@24']);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', line: 9, column: 17, path: 'spec.containers[0].command[0]' });
    expect(finding?.explanation).toBe(
      '`chown -R 1000:1000 /data` (command[0]) needs CHOWN: changing the owner of a file needs it. The process does ' +
        'not hold it on docker@24 (Docker 23+): drop "ALL" removes it and nothing adds it back. Add CHOWN to ' +
        'capabilities.add.',
    );
    expect(finding?.suggestion?.edits).toEqual([
      { kind: 'add-key', path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add'], value: ['CHOWN'] },
    ]);
  });

  it('chroot works with Docker’s defaults but not with CRI-O 1.18+', () => {
    const [finding] = runRule(ID, pod('["chroot", "/srv", "/app"]', '      securityContext:\n        runAsUser: 0\n'), [
      'docker@24',
      'crio@1.25',
    ]);
    expect(finding?.severity).toBe('error');
    expect(finding?.explanation).toContain(
      'The process does not hold it on crio@1.25 (CRI-O 1.22+): it is not in CRI-O 1.22+’s default set and nothing adds it; it is held on docker@24 (Docker 23+)',
    );
    expect(finding?.targets).toEqual([
      {
        target: 'docker@24',
        outcome: 'applied',
        detail: 'SYS_CHROOT is granted and the process is root',
        list: 'need',
      },
      {
        target: 'crio@1.25',
        outcome: 'ignored',
        detail: 'it is not in CRI-O 1.22+’s default set and nothing adds it',
        list: 'need',
      },
    ]);
  });

  it('a user switch after drop ALL needs SETUID and SETGID', () => {
    const [finding] = runRule(ID, pod('["sh", "-c", "exec gosu app /app"]', dropAll), ['containerd@1.7']);
    expect(finding?.explanation).toContain('`exec gosu app /app` (command[2]) needs SETUID and SETGID');
    expect(finding?.explanation).toContain(
      'Gosu then fails with `failed switching to "<user>": operation not permitted`',
    );
    expect(finding?.suggestion?.description).toBe('add SETUID and SETGID to capabilities.add');
  });

  it('ping is a warning, with the sysctl alternative', () => {
    const [finding] = runRule(ID, pod('["ping", "-c1", "10.0.0.1"]', dropAll), ['containerd@1.7']);
    expect(finding?.severity).toBe('warning');
    expect(finding?.explanation).toContain('Alternatively, the net.ipv4.ping_group_range sysctl');
  });

  it('only changing ip and tc commands need NET_ADMIN', () => {
    expect(runRule(ID, pod('["sh", "-c", "ip addr show; ip route; tc qdisc show"]', dropAll))).toEqual([]);
    const [finding] = runRule(ID, pod('["ip", "route", "add", "default", "via", "10.0.0.1"]'), ['docker@24']);
    expect(finding?.explanation).toContain('needs NET_ADMIN: changing links, addresses, routes or rules needs it');
  });

  it('a low containerPort for a non-root process: a warning, unless the runtime or the pod lowers the limit', () => {
    const extra = '      ports:\n        - containerPort: 80\n';
    const context = '      securityContext:\n        runAsUser: 101\n';
    const [finding] = runRule(ID, pod('["/nginx"]', context, extra), ['containerd@1.7']);
    expect(finding).toMatchObject({
      severity: 'warning',
      line: 11,
      column: 26,
      path: 'spec.containers[0].ports[0].containerPort',
    });
    expect(runRule(ID, pod('["/nginx"]', context, extra), ['containerd@2.0'])).toEqual([]);
    expect(runRule(ID, pod('["/nginx"]', context, extra), ['docker@24'])).toEqual([]);
  });

  it('a low containerPort: the pod that lowers the limit is quiet, a pod alike but for that is not', () => {
    // The two containers run on the same process model (same capability lists and settings): what the
    // pod's sysctls say must still be each pod's own.
    const container = (name: string) =>
      `    - name: ${name}\n      image: app:1\n      command: ["/nginx"]\n      ports:\n        - containerPort: 80\n` +
      '      securityContext:\n        runAsUser: 101\n';
    const sysctl =
      '  securityContext:\n    sysctls:\n      - name: net.ipv4.ip_unprivileged_port_start\n        value: "0"\n';
    const two = [
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: lowered\nspec:\n${sysctl}  containers:\n${container('a')}`,
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: plain\nspec:\n  containers:\n${container('b')}`,
    ];
    for (const text of [two.join('---\n'), [...two].reverse().join('---\n')]) {
      const findings = runRule(ID, text, ['containerd@1.7']);
      expect(findings.map((f) => f.object?.name)).toEqual(['plain']);
    }
  });

  it('the image’s user with the capability granted is not reported (never guess)', () => {
    expect(
      runRule(
        ID,
        pod('["iptables", "-L"]', '      securityContext:\n        capabilities:\n          add: [NET_ADMIN]\n'),
      ),
    ).toEqual([]);
  });

  it('a capability added for a non-root process is left to cap-nonroot-ineffective', () => {
    const context =
      '      securityContext:\n        runAsUser: 1000\n        capabilities:\n          add: [NET_ADMIN]\n';
    expect(runRule(ID, pod('["iptables", "-L"]', context), ['containerd@1.7'])).toEqual([]);
  });
});

describe('cap-missing: raising a priority needs SYS_NICE', () => {
  const root = '      securityContext:\n        runAsUser: 0\n';
  const sysNice = '      securityContext:\n        runAsUser: 0\n        capabilities:\n          add: [SYS_NICE]\n';

  it('nice -n -20 in front of the program: a warning, since GNU nice still runs it at normal priority', () => {
    const [finding, ...rest] = runRule(ID, pod('["nice", "-n", "-20", "/usr/bin/worker"]', root), ['containerd@2.1']);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'warning', line: 9, column: 17 });
    expect(finding?.message).toContain('`nice -n -20 /usr/bin/worker` (command[0]) needs SYS_NICE');
    expect(finding?.explanation).toContain('GNU nice prints `nice: cannot set niceness: Permission denied`');
    expect(finding?.suggestion?.edits[0]).toMatchObject({ value: { add: ['SYS_NICE'] } });
    expect(runRule(ID, pod('["nice", "-n", "-20", "/usr/bin/worker"]', sysNice), ['containerd@2.1'])).toEqual([]);
  });

  it('only a raise counts: nice -n 10, nice -5 (old form, +5), renice +5, chrt -o, chrt -p PID, ionice -c 2/3', () => {
    for (const command of [
      '["nice", "-n", "10", "worker"]',
      '["nice", "-5", "worker"]',
      '["renice", "-n", "5", "-p", "1"]',
      '["chrt", "-o", "0", "worker"]',
      '["chrt", "-p", "1"]',
      '["ionice", "-c", "3", "worker"]',
      '["ionice", "-c2", "-n", "0", "worker"]',
      '["chronyd", "-d"]',
    ]) {
      expect(runRule(ID, pod(command, root), ['docker@29']), command).toEqual([]);
    }
  });

  it('renice, chrt, ionice -c 1 and chronyd -P each need it; renice and chrt fail outright', () => {
    const cases: [string, string, string][] = [
      ['["renice", "-n", "-5", "-p", "1"]', 'error', '`renice -n -5 -p 1`'],
      ['["renice", "-10", "1"]', 'error', '`renice -10 1`'],
      ['["chrt", "-f", "50", "/usr/sbin/ptp4l"]', 'error', '`chrt -f 50 /usr/sbin/ptp4l`'],
      ['["chrt", "-r", "-p", "10", "1"]', 'error', '`chrt -r -p 10 1`'],
      ['["ionice", "-c", "1", "-n", "0", "/app/ingest"]', 'error', '`ionice -c 1 -n 0 /app/ingest`'],
      ['["chronyd", "-d", "-P", "1"]', 'warning', '`chronyd -d -P 1`'],
    ];
    for (const [command, severity, text] of cases) {
      const [finding] = runRule(ID, pod(command, root), ['docker@29']);
      expect(finding?.severity, command).toBe(severity);
      expect(finding?.message, command).toContain(`${text} (command[0]) needs SYS_NICE`);
    }
  });

  it('finds a raise inside a shell script, written once', () => {
    const [finding] = runRule(ID, pod('["sh", "-c", "exec nice -n -5 /usr/bin/worker --fast"]', root), ['crio@1.35']);
    expect(finding?.message).toContain('`exec nice -n -5 /usr/bin/worker --fast` (command[2]) needs SYS_NICE');
  });
});
