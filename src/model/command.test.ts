import { describe, expect, it } from 'vitest';
import { type ContainerInfo, extract } from '../core/extract.js';
import { parseSource } from '../parse/index.js';
import { readCommand } from './command.js';

function container(yaml: string): ContainerInfo {
  const value = parseSource(yaml, 'yaml').documents[0]?.value;
  const found = extract(value).podSpecs[0]?.containers[0];
  if (!found) throw new Error('no container');
  return found;
}

const pod = (body: string, podContext = '') => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
${podContext}  containers:
    - name: c
      image: app:1
${body}`;

const steps = (yaml: string) =>
  readCommand(container(yaml)).steps.map((s) => [s.program, s.user.kind, s.user.name ?? s.user.uid, s.switch?.tool]);

describe('readCommand: the user', () => {
  it('comes from runAsUser (container first, then pod), then runAsNonRoot, else unknown', () => {
    expect(readCommand(container(pod('      securityContext: {runAsUser: 1000}'))).user).toMatchObject({
      kind: 'non-root',
      uid: 1000,
      source: 'runAsUser: 1000 (container)',
      path: ['spec', 'containers', 0, 'securityContext', 'runAsUser'],
    });
    expect(readCommand(container(pod('', '  securityContext: {runAsUser: 0}\n'))).user).toMatchObject({
      kind: 'root',
      source: 'runAsUser: 0 (pod)',
    });
    expect(
      readCommand(container(pod('      securityContext: {runAsNonRoot: true}', '  securityContext: {runAsUser: 0}\n')))
        .user.source,
    ).toBe('runAsUser: 0 (pod)');
    expect(readCommand(container(pod('      securityContext: {runAsNonRoot: true}'))).user.kind).toBe('non-root');
    expect(readCommand(container(pod(''))).user).toEqual({
      kind: 'unknown',
      source: 'the image’s USER, which the manifest does not show',
    });
  });
});

describe('readCommand: programs and switches', () => {
  it('reads the incident: sh -c with runuser -u', () => {
    const text = pod(
      '      command: ["/bin/sh", "-c"]\n      args: ["exec runuser -u elasticsearch -- /usr/share/elasticsearch/bin/elasticsearch"]',
    );
    expect(steps(text)).toEqual([
      ['sh', 'unknown', undefined, undefined],
      ['runuser', 'unknown', undefined, 'runuser'],
      ['elasticsearch', 'non-root', 'elasticsearch', undefined],
    ]);
    const model = readCommand(container(text));
    expect(model.firstIsShell).toBe(true);
    expect(model.steps[1]?.switch).toMatchObject({ pam: true, login: false });
    expect(model.steps[1]?.origin).toEqual({ field: 'args', index: 0, line: 0 });
    expect(model.steps[2]?.throughShell).toBe(true);
  });

  it('reads su forms: su - user -c, su user -s shell -c, su -c (root)', () => {
    expect(steps(pod('      command: ["su", "-", "app", "-c", "ping -c1 x"]'))).toEqual([
      ['su', 'unknown', undefined, 'su'],
      ['ping', 'non-root', 'app', undefined],
    ]);
    expect(steps(pod('      command: [su, app, -s, /bin/sh, -c, "chown 1 /d"]'))[1]).toEqual([
      'chown',
      'non-root',
      'app',
      undefined,
    ]);
    expect(steps(pod('      command: [su, -c, "/app"]'))[1]).toEqual(['app', 'root', 0, undefined]);
  });

  it('reads gosu, su-exec, setpriv (with ambient capabilities), chroot --userspec, sudo and wrappers', () => {
    expect(steps(pod('      command: [tini, --, gosu, "1000:1000", /app]'))).toEqual([
      ['gosu', 'unknown', undefined, 'gosu'],
      ['app', 'non-root', 1000, undefined],
    ]);
    expect(steps(pod('      command: [su-exec, "es:es", /bin/es]'))[1]).toEqual(['es', 'non-root', 'es', undefined]);
    const setpriv = readCommand(
      container(
        pod(
          '      command: [setpriv, --reuid=1000, --regid=1000, --init-groups, --inh-caps=+ipc_lock, --ambient-caps, +ipc_lock, /app]',
        ),
      ),
    );
    expect(setpriv.steps[1]).toMatchObject({
      program: 'app',
      ambient: ['IPC_LOCK'],
      user: { kind: 'non-root', uid: 1000 },
    });
    expect(steps(pod('      command: [chroot, --userspec=1000:1000, /, /app]'))[1]).toEqual([
      'app',
      'non-root',
      1000,
      undefined,
    ]);
    expect(steps(pod('      command: [env, A=1, sudo, -E, -u, postgres, psql]'))).toEqual([
      ['sudo', 'unknown', undefined, 'sudo'],
      ['psql', 'non-root', 'postgres', undefined],
    ]);
    expect(steps(pod('      command: [busybox, sh, -c, "exec nohup timeout -s 9 10 /app"]'))).toEqual([
      ['sh', 'unknown', undefined, undefined],
      ['app', 'unknown', undefined, undefined],
    ]);
  });

  it('marks args given to the image’s entrypoint, and ignores options there', () => {
    const model = readCommand(container(pod('      args: ["sh", "-c", "ulimit -l unlimited"]')));
    expect(model.imageEntrypoint).toBe(true);
    expect(model.steps.map((s) => [s.program, s.viaImageEntrypoint])).toEqual([
      ['sh', true],
      ['ulimit', true],
    ]);
    expect(readCommand(container(pod('      args: ["--es.uri=http://localhost:9200"]'))).steps).toEqual([]);
  });

  it('treats a variable user as unknown, never guessed', () => {
    expect(steps(pod('      command: [gosu, "$APP_USER", /app]'))[1]?.[1]).toBe('unknown');
  });
});
