import { describe, expect, it } from 'vitest';
import {
  cronJob,
  deployment,
  incident,
  type K8sObject,
  NODE_INFOS,
  node,
  pod,
  podSpec,
} from '../../test/support/cluster-fixture.js';
import { RULES } from '../rules/index.js';
import { groupNodes, nodeTarget, targetOfNodeInfo } from './nodes.js';
import { OwnerIndex, ownerChain } from './owners.js';
import { type ClusterObject, scanCluster } from './scan.js';
import { admits } from './scheduling.js';

function snapshot(objects: K8sObject[], nodes?: K8sObject[]) {
  const wrap = (o: K8sObject): ClusterObject => ({
    value: o,
    file: `k8s://test/${o.metadata.namespace}/${o.kind}/${o.metadata.name}`,
  });
  return {
    nodes: nodes ?? objects.filter((o) => o.kind === 'Node'),
    pods: objects.filter((o) => o.kind === 'Pod').map(wrap),
    controllers: objects.filter((o) => o.kind !== 'Pod' && o.kind !== 'Node').map(wrap),
  };
}

describe('node info → target', () => {
  it.each([
    ['docker18', 'docker@18.6.1,k8s@1.13.2,kernel@3.10.0'],
    ['docker20', 'docker@20.10.24,k8s@1.23.17,kernel@5.4.0'],
    ['containerd16', 'containerd@1.6.20,k8s@1.27.3,kernel@5.15.0'],
    ['k3s', 'containerd@1.7.13,k8s@1.29.1,kernel@6.1.0'],
    ['containerd20', 'containerd@2.0.0,k8s@1.31.2,kernel@6.8.0'],
    ['crio', 'crio@1.25.4,k8s@1.25.16,kernel@4.18.0'],
    ['windows', 'windows'],
  ] as const)('%s', (kind, target) => {
    expect(targetOfNodeInfo(NODE_INFOS[kind]).target).toBe(target);
  });

  it('says why a runtime it does not know has no target', () => {
    const result = targetOfNodeInfo({ containerRuntimeVersion: 'remote://1.0', kubeletVersion: 'v1.30.0' });
    expect(result.target).toBeUndefined();
    expect(result.note).toContain('remote://1.0');
  });

  it('groups nodes with the same target', () => {
    const nodes = [node('b', 'crio'), node('a', 'crio'), node('c', 'docker18')].map((n) => nodeTarget(n));
    const groups = groupNodes(nodes.filter((n) => n !== undefined));
    expect(groups.map((g) => [g.target, g.nodes.map((n) => n.name)])).toEqual([
      ['crio@1.25.4,k8s@1.25.16,kernel@4.18.0', ['a', 'b']],
      ['docker@18.6.1,k8s@1.13.2,kernel@3.10.0', ['c']],
    ]);
  });
});

describe('owner chains', () => {
  it('follows Pod → ReplicaSet → Deployment and Pod → Job → CronJob', () => {
    const spec = podSpec();
    const { deployment: d, replicaSet } = deployment('web', 'shop', spec);
    const { cronJob: c, job } = cronJob('backup', 'shop', spec);
    const p1 = pod('web-1', replicaSet, 'n1', spec);
    const p2 = pod('backup-1', job, 'n1', spec);
    const index = new OwnerIndex<Record<string, unknown>>([d, replicaSet, c, job, p1, p2]);
    expect(ownerChain(p1, index).chain.map((o) => o.kind)).toEqual(['Pod', 'ReplicaSet', 'Deployment']);
    expect(ownerChain(p2, index).top).toBe(c);
  });

  it('names an owner it could not read', () => {
    const { replicaSet } = deployment('web', 'shop', podSpec());
    const p = pod('web-1', replicaSet, 'n1', podSpec());
    const result = ownerChain(p, new OwnerIndex<Record<string, unknown>>([p]));
    expect(result.top).toBe(p);
    expect(result.missing).toMatchObject({ kind: 'ReplicaSet', name: replicaSet.metadata.name });
  });
});

describe('scheduling', () => {
  const n = nodeTarget(node('n1', 'crio', { disk: 'ssd', 'node.kubernetes.io/instance-type': 'm5.large' }));
  it.each([
    [{ nodeSelector: { disk: 'ssd' } }, true],
    [{ nodeSelector: { disk: 'hdd' } }, false],
    [affinity([{ key: 'disk', operator: 'In', values: ['ssd', 'nvme'] }]), true],
    [affinity([{ key: 'disk', operator: 'NotIn', values: ['ssd'] }]), false],
    [affinity([{ key: 'gpu', operator: 'DoesNotExist' }]), true],
    [affinity([{ key: 'gpu', operator: 'Exists' }]), false],
  ])('%j → %s', (spec, expected) => {
    expect(admits(spec, n as NonNullable<typeof n>)).toBe(expected);
  });

  function affinity(matchExpressions: unknown[]) {
    return {
      affinity: {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions }] } },
      },
    };
  }
});

describe('scanCluster', () => {
  it('the incident on Docker 18.06 nodes is an error naming those nodes', () => {
    const nodes = [
      node('ly-xjf-r021110-gyt', 'docker18'),
      node('ly-xjf-r020905-gyt', 'docker18'),
      node('spare', 'crio'),
    ];
    const result = scanCluster(snapshot([...nodes, ...incident(['ly-xjf-r021110-gyt', 'ly-xjf-r020905-gyt'])]), {
      rules: RULES,
    });
    const prefix = result.findings.find((f) => f.rule === 'cap-prefix');
    expect(prefix).toMatchObject({
      severity: 'error',
      object: { kind: 'StatefulSet', name: 'esc-data', namespace: 'zjjpt-es' },
      nodes: ['ly-xjf-r020905-gyt', 'ly-xjf-r021110-gyt'],
      file: 'k8s://test/zjjpt-es/StatefulSet/esc-data',
      line: 0,
    });
    expect(prefix?.targets).toEqual([
      expect.objectContaining({
        target: 'docker@18.6.1,k8s@1.13.2,kernel@3.10.0',
        outcome: 'rejected',
        nodes: ['ly-xjf-r020905-gyt', 'ly-xjf-r021110-gyt'],
      }),
    ]);
    // Reported on the StatefulSet only, never on its pods.
    expect(result.findings.every((f) => f.object?.kind === 'StatefulSet')).toBe(true);
    expect(result.workloads.map((w) => `${w.object.kind}/${w.object.name}`)).toEqual(['StatefulSet/esc-data']);
  });

  it('the same StatefulSet on CRI-O nodes is not an error', () => {
    const nodes = [node('worker-0', 'crio'), node('worker-1', 'crio')];
    const result = scanCluster(snapshot([...nodes, ...incident(['worker-0', 'worker-1'])]), { rules: RULES });
    const prefix = result.findings.find((f) => f.rule === 'cap-prefix');
    expect(prefix?.severity).toBe('warning');
    expect(prefix?.targets?.map((t) => t.outcome)).toEqual(['applied']);
    expect(result.findings.some((f) => f.severity === 'error')).toBe(false);
  });

  it('a workload with no pod is checked against the Linux nodes its nodeSelector admits', () => {
    const nodes = [
      node('old', 'docker18', { pool: 'legacy' }),
      node('new', 'containerd20', { pool: 'new' }),
      node('win', 'windows'),
    ];
    const { deployment: d } = deployment(
      'api',
      'shop',
      podSpec({ add: ['CAP_NET_ADMIN'], nodeSelector: { pool: 'new' } }),
    );
    const result = scanCluster(snapshot([...nodes, d]), { rules: RULES });
    expect(result.workloads[0]).toMatchObject({ basis: 'scheduling', nodes: ['new'] });
    const prefix = result.findings.find((f) => f.rule === 'cap-prefix');
    expect(prefix).toMatchObject({ severity: 'error', nodes: ['new'] });
    expect(prefix?.targets?.[0]).toMatchObject({
      target: 'containerd@2.0.0,k8s@1.31.2,kernel@6.8.0',
      outcome: 'ignored',
    });
  });

  it('falls back to every Linux node, and to the built-in matrix when nodes cannot be read', () => {
    const { deployment: d } = deployment(
      'api',
      'shop',
      podSpec({ add: ['CAP_NET_ADMIN'], nodeSelector: { pool: 'none' } }),
    );
    const nodes = [node('a', 'crio'), node('b', 'docker20'), node('w', 'windows')];
    const all = scanCluster(snapshot([...nodes, d]), { rules: RULES });
    expect(all.workloads[0]).toMatchObject({ basis: 'all-nodes', nodes: ['a', 'b'] });
    const blind = scanCluster({ ...snapshot([d]), nodes: undefined }, { rules: RULES });
    expect(blind.workloads[0]?.basis).toBe('matrix');
    expect(blind.notes.join(' ')).toContain('built-in matrix');
    expect(blind.findings.find((f) => f.rule === 'cap-prefix')?.targets?.length).toBeGreaterThan(5);
  });

  it('a workload on Windows nodes only is not checked for Linux runtimes', () => {
    const nodes = [node('win-0', 'windows')];
    const { deployment: d, replicaSet } = deployment('iis', 'web', podSpec({ add: ['CAP_NET_ADMIN'] }));
    const p = pod('iis-1', replicaSet, 'win-0', podSpec({ add: ['CAP_NET_ADMIN'] }));
    const result = scanCluster(snapshot([...nodes, d, replicaSet, p]), { rules: RULES });
    expect(result.workloads[0]?.note).toContain('Windows');
    expect(result.findings.some((f) => f.severity === 'error' && f.rule === 'cap-prefix')).toBe(false);
  });

  it('reports pods whose ReplicaSet could not be read once, on the first pod', () => {
    const nodes = [node('n', 'containerd16')];
    const spec = podSpec({ add: ['CAP_SYS_ADMIN'] });
    const { replicaSet } = deployment('web', 'shop', spec);
    const pods = [pod('web-a', replicaSet, 'n', spec), pod('web-b', replicaSet, 'n', spec)];
    const result = scanCluster(snapshot([...nodes, ...pods]), { rules: RULES });
    expect(result.workloads).toHaveLength(1);
    expect(result.workloads[0]?.missingOwner?.kind).toBe('ReplicaSet');
  });
});
