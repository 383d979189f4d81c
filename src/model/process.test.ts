import { describe, expect, it } from 'vitest';
import { type ContainerInfo, extract } from '../core/extract.js';
import { resolveTarget } from '../knowledge/targets.js';
import { parseSource } from '../parse/index.js';
import type { ProcessUser } from './command.js';
import { capabilityFor, fileCapabilitiesCanReach, processOnTarget } from './process.js';

function container(securityContext: string, pod = ''): ContainerInfo {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
${pod}  containers:
    - name: c
      image: x
      securityContext: ${securityContext}
`;
  const found = extract(parseSource(yaml, 'yaml').documents[0]?.value).podSpecs[0]?.containers[0];
  if (!found) throw new Error('no container');
  return found;
}

const root: ProcessUser = { kind: 'root', source: 'test' };
const app: ProcessUser = { kind: 'non-root', uid: 1000, source: 'test' };
const unknown: ProcessUser = { kind: 'unknown', source: 'the image' };

describe('processOnTarget', () => {
  it('Docker applies drops first and adds after (drop ALL + add keeps the add)', () => {
    const model = processOnTarget(
      container('{capabilities: {drop: [ALL], add: [NET_ADMIN, CHOWN]}}'),
      resolveTarget('docker@24'),
    );
    expect(model.starts).toBe(true);
    expect(model.bounding).toEqual(['CHOWN', 'NET_ADMIN']);
    expect(model.entries.map((e) => e.became)).toEqual(['grants NET_ADMIN', 'grants CHOWN', 'drops every capability']);
  });

  it('containerd: CAP_ names add nothing and drop nothing', () => {
    const model = processOnTarget(
      container('{capabilities: {add: [CAP_SYS_RESOURCE], drop: [CAP_NET_RAW]}}'),
      resolveTarget('containerd@1.6'),
    );
    expect(model.bounding).toContain('NET_RAW');
    expect(model.bounding).not.toContain('SYS_RESOURCE');
    expect(model.entries.map((e) => [e.outcome, e.became])).toEqual([
      ['ignored', 'silently not granted'],
      ['ignored', 'drops nothing'],
    ]);
  });

  it('a rejected entry stops the container (Docker 18.06)', () => {
    const model = processOnTarget(
      container('{capabilities: {add: [CAP_SYS_RESOURCE]}}'),
      resolveTarget('docker@18.06'),
    );
    expect(model.starts).toBe(false);
    expect(model.failure).toBe('"CAP_SYS_RESOURCE" in add is refused (RunContainerError)');
  });

  it('CRI-O 1.18+ defaults lack NET_RAW and SYS_CHROOT; drop ALL before 1.22 keeps the defaults', () => {
    expect(processOnTarget(container('{}'), resolveTarget('crio@1.25')).bounding).toEqual([
      'CHOWN',
      'DAC_OVERRIDE',
      'FOWNER',
      'FSETID',
      'KILL',
      'SETGID',
      'SETUID',
      'SETPCAP',
      'NET_BIND_SERVICE',
    ]);
    expect(
      processOnTarget(container('{capabilities: {drop: [ALL]}}'), resolveTarget('crio@1.20')).bounding,
    ).toHaveLength(9);
  });

  it('privileged grants every capability the engine knows; lists are not applied', () => {
    const model = processOnTarget(
      container('{privileged: true, capabilities: {drop: [ALL]}}'),
      resolveTarget('docker@20.10'),
    );
    expect(model.bounding).toHaveLength(38);
    expect(model.entries[0]?.outcome).toBe('not-applied');
  });

  it('records no_new_privs and a user namespace', () => {
    const model = processOnTarget(
      container('{allowPrivilegeEscalation: false}', '  hostUsers: false\n'),
      resolveTarget('docker@24'),
    );
    expect([model.noNewPrivs, model.userNamespace]).toEqual([true, true]);
  });
});

describe('capabilityFor', () => {
  const model = processOnTarget(container('{capabilities: {add: [IPC_LOCK]}}'), resolveTarget('containerd@1.7'));

  it('root holds the bounding set; a non-root user holds nothing; an unknown user is unknown', () => {
    expect(capabilityFor(model, root, 'IPC_LOCK').state).toBe('yes');
    expect(capabilityFor(model, app, 'IPC_LOCK')).toEqual({
      state: 'no',
      why: 'the process runs as uid 1000 (test), which holds no capability (Kubernetes sets no ambient capabilities)',
      fileCapsPossible: true,
    });
    expect(capabilityFor(model, unknown, 'IPC_LOCK').state).toBe('unknown');
    expect(capabilityFor(model, unknown, 'SYS_ADMIN')).toEqual({
      state: 'no',
      why: 'it is not in containerd 1.3+’s default set and nothing adds it',
    });
  });

  it('with no_new_privs, file capabilities reach only a chain without a shell', () => {
    const nnp = processOnTarget(container('{allowPrivilegeEscalation: false}'), resolveTarget('containerd@1.7'));
    const step = { program: 'app', throughShell: true, viaImageEntrypoint: false, first: false } as never;
    expect(fileCapabilitiesCanReach(nnp, step)).toBe(false);
    expect(fileCapabilitiesCanReach(nnp, { ...(step as object), throughShell: false } as never)).toBe(true);
    expect(fileCapabilitiesCanReach(model, step)).toBe(true);
  });
});
