import { describe, expect, it } from 'vitest';
import { runRule } from '../../../test/support/rule-tester.js';

const ID = 'mlock-needs-memlock';

const es = (extra: string) => `apiVersion: v1
kind: Pod
metadata:
  name: es
spec:
  containers:
    - name: es
      image: docker.elastic.co/elasticsearch/elasticsearch:8.13.0
${extra}`;

const vault = (extra: string) => `apiVersion: v1
kind: Pod
metadata:
  name: vault
spec:
  containers:
    - name: vault
      image: hashicorp/vault:1.15
      args: ["server"]
      env:
        - name: VAULT_LOCAL_CONFIG
          value: '{"storage": {"file": {"path": "/vault/file"}}}'
${extra}`;

describe('mlock-needs-memlock', () => {
  it('Elasticsearch with memory_lock and nothing raising memlock: the bootstrap check stops the node', () => {
    const [finding, ...rest] = runRule(
      ID,
      es('      env:\n        - name: bootstrap.memory_lock\n          value: "true"\n'),
      ['containerd@1.7'],
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'error', line: 11, column: 18, path: 'spec.containers[0].env[0].value' });
    expect(finding?.explanation).toContain(
      'Elasticsearch is told to lock its memory: `bootstrap.memory_lock=true` in env bootstrap.memory_lock. Nothing in this manifest raises the memlock limit, so Elasticsearch (the image’s user) keeps the container runtime’s limit (64 KiB to 64 MiB, inherited from the container runtime), far below a JVM heap.',
    );
    expect(finding?.explanation).toContain(
      'The memory-lock bootstrap check then stops the node: `memory locking requested for elasticsearch process but memory is not locked`.',
    );
    expect(finding?.explanation).toContain(
      'the kubelet refuses to run with swap on by default, and ECK does not set it',
    );
    expect(finding?.targets).toEqual([expect.objectContaining({ target: 'containerd@1.7', outcome: 'ignored' })]);
  });

  it('is a warning with single-node discovery, and says IPC_LOCK does not help', () => {
    const extra =
      '      args: ["-Ebootstrap.memory_lock=true", "-Ediscovery.type=single-node"]\n      securityContext:\n        capabilities:\n          add: [IPC_LOCK]\n';
    const [finding] = runRule(ID, es(extra), ['docker@24']);
    expect(finding).toMatchObject({ severity: 'warning', line: 9, column: 14, path: 'spec.containers[0].args[0]' });
    expect(finding?.explanation).toContain('Adding IPC_LOCK does not help: Elasticsearch refuses to run as root');
    expect(finding?.explanation).toContain('With single-node discovery the node only logs');
  });

  it('leaves a raised limit to the rule for the raise', () => {
    const extra =
      '      command: ["sh", "-c", "ulimit -l unlimited && exec su-exec 1000 bin/elasticsearch -Ebootstrap.memory_lock=true"]\n';
    expect(runRule(ID, es(extra), ['containerd@1.7'])).toEqual([]);
  });

  it('Vault without IPC_LOCK after drop ALL: error, with a suggestion', () => {
    const [finding] = runRule(ID, vault('      securityContext:\n        capabilities:\n          drop: [ALL]\n'), [
      'containerd@1.7',
    ]);
    expect(finding).toMatchObject({ severity: 'error', line: 8, column: 14, path: 'spec.containers[0].image' });
    expect(finding?.explanation).toContain(
      'Vault locks its memory with mlock unless disable_mlock is true, and its configuration in this input does not set disable_mlock.',
    );
    expect(finding?.explanation).toContain('drop "ALL" removes it and nothing adds it back');
    expect(finding?.suggestion?.edits).toEqual([
      {
        kind: 'add-key',
        path: ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add'],
        value: ['IPC_LOCK'],
      },
    ]);
  });

  it('Vault with IPC_LOCK and the image’s own entrypoint: fine; as a non-root user: not', () => {
    const added = '      securityContext:\n        capabilities:\n          add: [IPC_LOCK]\n';
    expect(runRule(ID, vault(added), ['containerd@1.7'])).toEqual([]);
    const nonRoot =
      '      securityContext:\n        runAsUser: 100\n        capabilities:\n          add: [IPC_LOCK]\n';
    const [finding] = runRule(ID, vault(nonRoot), ['containerd@1.7']);
    expect(finding?.explanation).toContain('Let the entrypoint start as root (without runAsUser)');
  });

  it('Vault with disable_mlock is not reported', () => {
    const text = vault('').replace('{"storage"', '{"disable_mlock": true, "storage"');
    expect(runRule(ID, text, ['containerd@1.7'])).toEqual([]);
  });
});
