import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../core/extract.js';
import { parseSource } from '../parse/index.js';
import { mountedFiles } from './mounts.js';
import { containerNeeds, documentIndexOf, parseLimits } from './needs.js';

function load(yaml: string) {
  const documents = parseSource(yaml, 'yaml').documents.map((d) => ({ value: d.value, extracted: extract(d.value) }));
  const containers = documents.flatMap((d) => d.extracted.podSpecs.flatMap((p) => p.containers));
  return { documents, containers };
}

const incident = readFileSync(new URL('../../examples/elasticsearch-incident.yaml', import.meta.url), 'utf8');

describe('mountedFiles', () => {
  it('joins subPath mounts to the ConfigMap in another document', () => {
    const { documents, containers } = load(incident);
    const files = mountedFiles(containers[0] as never, documents);
    expect(files.map((f) => [f.path, f.source.kind, f.source.name, f.source.key, f.source.document])).toEqual([
      ['/usr/share/elasticsearch/config/elasticsearch.yml', 'ConfigMap', 'esc-config', 'elasticsearch.yml', 0],
      ['/etc/security/limits.conf', 'ConfigMap', 'esc-config', 'limits.conf', 0],
    ]);
    expect(files[1]?.source.path).toEqual(['data', 'limits.conf']);
  });

  it('reads directory mounts with items, projected volumes and base64 Secret data', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: a}
spec:
  containers:
    - name: c
      image: x
      volumeMounts:
        - {name: dir, mountPath: /etc/security/limits.d}
        - {name: proj, mountPath: /etc/app}
  volumes:
    - name: dir
      configMap:
        name: cm
        items: [{key: one, path: 10-one.conf}]
    - name: proj
      projected:
        sources:
          - secret: {name: s}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: cm, namespace: a}
data: {one: "a - memlock 1", two: "b - memlock 2"}
---
apiVersion: v1
kind: Secret
metadata: {name: s}
data: {limits.conf: ${Buffer.from('* hard memlock unlimited').toString('base64')}}
`;
    const { documents, containers } = load(yaml);
    const files = mountedFiles(containers[0] as never, documents);
    expect(files.map((f) => [f.path, f.content, f.source.encoded])).toEqual([
      ['/etc/security/limits.d/10-one.conf', 'a - memlock 1', false],
      ['/etc/app/limits.conf', '* hard memlock unlimited', true],
    ]);
  });
});

describe('containerNeeds', () => {
  it('the incident: a PAM need with both evidence lines, an Elasticsearch lock that depends on it, a user switch', () => {
    const { documents, containers } = load(incident);
    const es = containers[0] as never;
    const result = containerNeeds(es, documents, documentIndexOf(es, documents));
    expect(result.needs.map((n) => [n.kind, n.capability])).toEqual([
      ['pam-limits', 'SYS_RESOURCE'],
      ['mlock', 'IPC_LOCK'],
      ['switch', 'SETUID'],
    ]);
    const [pam, mlock] = result.needs;
    expect(pam?.kind === 'pam-limits' && pam.lines.map((l) => [l.item, l.value, l.verdict])).toEqual([
      ['memlock', 'unlimited', 'above'],
    ]);
    expect(pam?.evidence.map((e) => [e.document, e.line, e.text])).toEqual([
      [0, 5, '* hard memlock unlimited'],
      [1, 0, 'exec runuser -u elasticsearch -- /usr/share/elasticsearch/bin/elasticsearch'],
    ]);
    expect(mlock?.kind === 'mlock' && [mlock.app, mlock.raisedBy.length, mlock.enforced, mlock.at]).toEqual([
      'elasticsearch',
      1,
      true,
      ['spec', 'template', 'spec', 'containers', 0, 'volumeMounts', 0],
    ]);
    expect(result.main?.program).toBe('elasticsearch');
  });

  it('reads sysctl writes, ulimit raises, commands and low ports', () => {
    const yaml = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: c
      image: x
      ports: [{containerPort: 80}, {containerPort: 8080}]
      command:
        - sh
        - -c
        - |
          sysctl -w vm.max_map_count=262144 net.core.somaxconn=1024
          echo 0 > /proc/sys/net/ipv4/ip_unprivileged_port_start
          ulimit -Hn 2097152
          iptables -L
          exec su-exec app /app
`;
    const { documents, containers } = load(yaml);
    const result = containerNeeds(containers[0] as never, documents, 0);
    expect(result.needs.map((n) => `${n.kind} ${n.summary}`)).toEqual([
      'ulimit `ulimit -Hn 2097152` raises the hard RLIMIT_NOFILE',
      'sysctl `sysctl -w vm.max_map_count=262144 net.core.somaxconn=1024` writes vm.max_map_count',
      'sysctl `sysctl -w vm.max_map_count=262144 net.core.somaxconn=1024` writes net.core.somaxconn',
      'sysctl `echo 0 > /proc/sys/net/ipv4/ip_unprivileged_port_start` writes net.ipv4.ip_unprivileged_port_start',
      'command `iptables -L` needs NET_ADMIN (reading or changing netfilter rules needs it)',
      'switch `exec su-exec app /app` needs SETUID and SETGID (switching to another user calls setgroups, setgid and setuid)',
      'port the process listens on port 80 (containerPort), below 1024',
    ]);
    const sysctl = result.needs[1];
    expect(sysctl?.kind === 'sysctl' && [sysctl.namespace, sysctl.value, sysctl.evidence[0]?.line]).toEqual([
      undefined,
      '262144',
      0,
    ]);
  });

  it('parseLimits reads limits.conf lines and skips comments', () => {
    expect(parseLimits('# c\n* soft memlock unlimited\n\n@es - nofile 65536 # x\nbroken line')).toEqual([
      { domain: '*', type: 'soft', item: 'memlock', value: 'unlimited', line: 1, text: '* soft memlock unlimited' },
      { domain: '@es', type: '-', item: 'nofile', value: '65536', line: 3, text: '@es - nofile 65536 # x' },
    ]);
  });
});
