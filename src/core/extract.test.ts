import { describe, expect, it } from 'vitest';
import { parseYaml } from '../parse/yaml.js';
import {
  type CapabilityOwner,
  type ContainerInfo,
  type Extracted,
  extract,
  isMapping,
  type Mapping,
  type PodSpecInfo,
} from './extract.js';
import type { Path } from './types.js';

/** Extracts from one YAML document. */
function fromYaml(text: string): Extracted {
  const parsed = parseYaml(text);
  expect(parsed.problems).toEqual([]);
  return extract(parsed.documents[0]?.value);
}

function one<T>(list: readonly T[]): T {
  expect(list).toHaveLength(1);
  const item = list[0];
  if (item === undefined) throw new Error('empty list');
  return item;
}

/** Wraps `leaf` in mappings along `path`. */
function nest(path: readonly string[], leaf: unknown): Mapping {
  let value: unknown = leaf;
  for (const key of [...path].reverse()) value = { [key]: value };
  return value as Mapping;
}

/** Lists of an owner as [direction, field, values]. */
function lists(owner: CapabilityOwner): [string, string, unknown[]][] {
  return owner.lists.map((l) => [l.direction, l.field, l.entries.map((e) => e.value)]);
}

const POD_SPEC = {
  containers: [
    {
      name: 'app',
      securityContext: { capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } },
    },
  ],
};

describe('isMapping', () => {
  it('accepts plain objects only', () => {
    expect(isMapping({})).toBe(true);
    expect(isMapping({ a: 1 })).toBe(true);
    expect(isMapping([])).toBe(false);
    expect(isMapping(null)).toBe(false);
    expect(isMapping(undefined)).toBe(false);
    expect(isMapping('x')).toBe(false);
    expect(isMapping(1)).toBe(false);
  });
});

describe('extract: pod-bearing kinds', () => {
  const cases: [string, string, readonly string[]][] = [
    ['v1', 'Pod', ['spec']],
    ['v1', 'PodTemplate', ['template', 'spec']],
    ['v1', 'ReplicationController', ['spec', 'template', 'spec']],
    ['apps/v1', 'ReplicaSet', ['spec', 'template', 'spec']],
    ['apps/v1', 'Deployment', ['spec', 'template', 'spec']],
    ['apps/v1', 'StatefulSet', ['spec', 'template', 'spec']],
    ['apps/v1', 'DaemonSet', ['spec', 'template', 'spec']],
    ['batch/v1', 'Job', ['spec', 'template', 'spec']],
    ['batch/v1', 'CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
    ['argoproj.io/v1alpha1', 'Rollout', ['spec', 'template', 'spec']],
    ['beat.k8s.elastic.co/v1beta1', 'Beat', ['spec', 'daemonSet', 'podTemplate', 'spec']],
  ];

  it.each(cases)('%s %s: finds the pod spec at %j', (apiVersion, kind, specPath) => {
    const root = { apiVersion, kind, metadata: { name: 'x', namespace: 'ns' }, ...nest(specPath, POD_SPEC) };
    const result = extract(root);

    const object = one(result.objects);
    expect(object.ref).toEqual({ apiVersion, kind, namespace: 'ns', name: 'x' });
    expect(object.path).toEqual([]);
    expect(object.value).toBe(root);

    const podSpec = one(result.podSpecs);
    expect(podSpec.path).toEqual(specPath);
    expect(podSpec.object).toBe(object);

    const container = one(podSpec.containers);
    expect(container).toMatchObject({ name: 'app', group: 'containers', path: [...specPath, 'containers', 0] });
    expect(container.podSpec).toBe(podSpec);

    const owner = one(result.owners);
    expect(owner.kind).toBe('container');
    expect(owner.path).toEqual([...specPath, 'containers', 0, 'securityContext', 'capabilities']);
    expect(owner.securityContextPath).toEqual([...specPath, 'containers', 0, 'securityContext']);
    expect(owner.object).toBe(object);
    expect(owner.container).toBe(container);
    expect(owner.podSpec).toBe(podSpec);
    expect(owner.securityContext).toBe(container.securityContext);
    expect(lists(owner)).toEqual([
      ['add', 'add', ['NET_ADMIN']],
      ['drop', 'drop', ['ALL']],
    ]);
    const add = owner.lists[0];
    expect(add?.path).toEqual([...owner.path, 'add']);
    expect(add?.entries[0]?.path).toEqual([...owner.path, 'add', 0]);
    expect(add?.owner).toBe(owner);
  });

  it('finds a pod spec in an unknown custom resource by its containers', () => {
    const result = fromYaml(
      [
        'apiVersion: example.com/v1',
        'kind: Worker',
        'metadata: {name: w}',
        'spec:',
        '  deep:',
        '    deeper:',
        '      podSpec:',
        '        containers: [{name: c}]',
      ].join('\n'),
    );
    expect(one(result.podSpecs).path).toEqual(['spec', 'deep', 'deeper', 'podSpec']);
    expect(one(result.podSpecs).object?.ref.kind).toBe('Worker');
  });

  it('reads generateName when there is no name', () => {
    const result = fromYaml('kind: Pod\nmetadata: {generateName: web-}\nspec: {containers: [{name: a}]}\n');
    expect(one(result.objects).ref).toEqual({ kind: 'Pod', name: 'web-' });
  });

  it('prefers name over generateName', () => {
    const result = fromYaml('kind: Pod\nmetadata: {name: web, generateName: g-}\n');
    expect(one(result.objects).ref.name).toBe('web');
  });

  it('leaves out non-string metadata, and objects without metadata', () => {
    expect(one(fromYaml('kind: Pod\napiVersion: 1\nmetadata: {name: 5, namespace: [x]}\n').objects).ref).toEqual({
      kind: 'Pod',
    });
    expect(one(fromYaml('kind: Pod\nmetadata: oops\n').objects).ref).toEqual({ kind: 'Pod' });
  });

  it('does not take a mapping without a string kind as an object', () => {
    expect(fromYaml('apiVersion: v1\nmetadata: {name: x}\n').objects).toEqual([]);
    expect(fromYaml('kind: 5\n').objects).toEqual([]);
  });
});

describe('extract: containers', () => {
  const pod = [
    'kind: Pod',
    'metadata: {name: p}',
    'spec:',
    '  initContainers:',
    '    - name: init',
    '      securityContext: {capabilities: {drop: [ALL]}}',
    '  containers:',
    '    - name: plain',
    '    - name: context-only',
    '      securityContext: {runAsUser: 1}',
    '    - name: adds',
    '      securityContext: {capabilities: {add: [NET_BIND_SERVICE]}}',
    '    - not a container',
    '  ephemeralContainers:',
    '    - name: debug',
    '      securityContext: {capabilities: {add: [SYS_PTRACE]}}',
  ].join('\n');

  it('lists containers, initContainers and ephemeralContainers with their groups and paths', () => {
    const podSpec = one(fromYaml(pod).podSpecs);
    expect(podSpec.containers.map((c) => [c.group, c.name, c.path])).toEqual([
      ['containers', 'plain', ['spec', 'containers', 0]],
      ['containers', 'context-only', ['spec', 'containers', 1]],
      ['containers', 'adds', ['spec', 'containers', 2]],
      ['initContainers', 'init', ['spec', 'initContainers', 0]],
      ['ephemeralContainers', 'debug', ['spec', 'ephemeralContainers', 0]],
    ]);
  });

  it('keeps a container without securityContext, without an owner', () => {
    const result = fromYaml(pod);
    const plain = result.podSpecs[0]?.containers.find((c) => c.name === 'plain');
    expect(plain).toBeDefined();
    expect(plain?.securityContext).toBeUndefined();
    expect(plain?.value).toEqual({ name: 'plain' });
    expect(result.owners.some((o) => o.container === plain)).toBe(false);
  });

  it('records a securityContext without capabilities, without an owner', () => {
    const result = fromYaml(pod);
    const container = result.podSpecs[0]?.containers.find((c) => c.name === 'context-only');
    expect(container?.securityContext).toEqual({ runAsUser: 1 });
    expect(result.owners.some((o) => o.container === container)).toBe(false);
  });

  it('makes one container owner per capabilities mapping, in group order', () => {
    const owners = fromYaml(pod).owners;
    expect(owners.map((o) => [o.kind, o.container?.name, o.container?.group])).toEqual([
      ['container', 'adds', 'containers'],
      ['container', 'init', 'initContainers'],
      ['container', 'debug', 'ephemeralContainers'],
    ]);
    expect(owners.map((o) => lists(o))).toEqual([
      [['add', 'add', ['NET_BIND_SERVICE']]],
      [['drop', 'drop', ['ALL']]],
      [['add', 'add', ['SYS_PTRACE']]],
    ]);
  });

  it('skips entries of a container list that are not mappings', () => {
    const podSpec = one(fromYaml(pod).podSpecs);
    expect(podSpec.containers).toHaveLength(5);
    expect(podSpec.containers.some((c) => c.path[2] === 3)).toBe(false);
  });

  it('leaves out the name of a container without a string name', () => {
    const container = one(one(fromYaml('kind: Pod\nspec: {containers: [{image: x}]}\n').podSpecs).containers);
    expect(container.name).toBeUndefined();
    expect('name' in container).toBe(false);
  });

  it('ignores an add that is not a list, and keeps the drop list', () => {
    const owner = one(
      fromYaml(
        'kind: Pod\nspec:\n  containers:\n    - securityContext:\n        capabilities: {add: NET_ADMIN, drop: [ALL]}\n',
      ).owners,
    );
    expect(lists(owner)).toEqual([['drop', 'drop', ['ALL']]]);
  });

  it('makes an owner with no lists when add and drop are not lists', () => {
    const owner = one(
      fromYaml(
        'kind: Pod\nspec:\n  containers:\n    - securityContext:\n        capabilities: {add: x, drop: {a: 1}}\n',
      ).owners,
    );
    expect(owner.lists).toEqual([]);
  });

  it('keeps entries of any type, each with its path', () => {
    const owner = one(
      fromYaml(
        'kind: Pod\nspec:\n  containers:\n    - securityContext:\n        capabilities: {add: [NET_ADMIN, 5, null, [x], "cap_kill"]}\n',
      ).owners,
    );
    const add = one(owner.lists);
    expect(add.entries.map((e) => e.value)).toEqual(['NET_ADMIN', 5, null, ['x'], 'cap_kill']);
    expect(add.entries.map((e) => e.path)).toEqual(
      [0, 1, 2, 3, 4].map((i) => ['spec', 'containers', 0, 'securityContext', 'capabilities', 'add', i]),
    );
  });

  it('ignores a capabilities value that is not a mapping', () => {
    const result = fromYaml('kind: Pod\nspec:\n  containers:\n    - securityContext: {capabilities: [NET_ADMIN]}\n');
    expect(result.owners).toEqual([]);
    expect(one(result.podSpecs).containers[0]?.securityContext).toEqual({ capabilities: ['NET_ADMIN'] });
  });

  it('needs at least one mapping in containers to call something a pod spec', () => {
    expect(fromYaml('kind: Pod\nspec: {containers: []}\n').podSpecs).toEqual([]);
    expect(fromYaml('kind: Pod\nspec: {containers: [a, b]}\n').podSpecs).toEqual([]);
    expect(fromYaml('kind: Pod\nspec: {containers: {name: a}}\n').podSpecs).toEqual([]);
  });
});

describe('extract: pod-level securityContext', () => {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: d}',
    'spec:',
    '  template:',
    '    spec:',
    '      securityContext:',
    '        runAsNonRoot: true',
    '        capabilities: {add: [NET_ADMIN], drop: [ALL]}',
    '      containers: [{name: a}]',
  ].join('\n');

  it('makes a pod owner for spec.securityContext.capabilities', () => {
    const result = fromYaml(text);
    const owner = one(result.owners);
    const podSpec = one(result.podSpecs);
    expect(owner.kind).toBe('pod');
    expect(owner.path).toEqual(['spec', 'template', 'spec', 'securityContext', 'capabilities']);
    expect(owner.securityContextPath).toEqual(['spec', 'template', 'spec', 'securityContext']);
    expect(owner.securityContext).toEqual({ runAsNonRoot: true, capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } });
    expect(owner.podSpec).toBe(podSpec);
    expect(owner.container).toBeUndefined();
    expect(owner.object?.ref.kind).toBe('Deployment');
    expect(lists(owner)).toEqual([
      ['add', 'add', ['NET_ADMIN']],
      ['drop', 'drop', ['ALL']],
    ]);
  });

  it('makes no pod owner without capabilities', () => {
    expect(fromYaml('kind: Pod\nspec:\n  securityContext: {runAsUser: 1}\n  containers: [{name: a}]\n').owners).toEqual(
      [],
    );
  });

  it('lists the pod owner before the container owners', () => {
    const result = fromYaml(
      [
        'kind: Pod',
        'spec:',
        '  securityContext: {capabilities: {add: [A_CAP]}}',
        '  containers:',
        '    - name: c',
        '      securityContext: {capabilities: {add: [B_CAP]}}',
      ].join('\n'),
    );
    expect(result.owners.map((o) => o.kind)).toEqual(['pod', 'container']);
  });
});

describe('extract: lists', () => {
  it('descends into the items of a List, with paths under items[i]', () => {
    const result = fromYaml(
      [
        'apiVersion: v1',
        'kind: List',
        'items:',
        '  - apiVersion: v1',
        '    kind: Pod',
        '    metadata: {name: a}',
        '    spec: {containers: [{name: c, securityContext: {capabilities: {add: [NET_ADMIN]}}}]}',
        '  - apiVersion: apps/v1',
        '    kind: Deployment',
        '    metadata: {name: b}',
        '    spec: {template: {spec: {containers: [{name: d}]}}}',
      ].join('\n'),
    );
    expect(result.objects.map((o) => [o.ref.kind, o.ref.name, o.path])).toEqual([
      ['Pod', 'a', ['items', 0]],
      ['Deployment', 'b', ['items', 1]],
    ]);
    expect(result.podSpecs.map((p) => [p.path, p.object?.ref.name])).toEqual([
      [['items', 0, 'spec'], 'a'],
      [['items', 1, 'spec', 'template', 'spec'], 'b'],
    ]);
    const owner = one(result.owners);
    expect(owner.path).toEqual(['items', 0, 'spec', 'containers', 0, 'securityContext', 'capabilities']);
    expect(owner.object?.ref.name).toBe('a');
  });

  it('descends into a typed list such as DeploymentList', () => {
    const result = fromYaml(
      [
        'apiVersion: apps/v1',
        'kind: DeploymentList',
        'items:',
        '  - kind: Deployment',
        '    metadata: {name: one}',
        '    spec: {template: {spec: {containers: [{name: a}]}}}',
      ].join('\n'),
    );
    expect(one(result.objects).path).toEqual(['items', 0]);
    expect(one(result.podSpecs).path).toEqual(['items', 0, 'spec', 'template', 'spec']);
  });

  it('descends into nested lists', () => {
    const result = fromYaml(
      [
        'kind: List',
        'items:',
        '  - kind: ConfigMap',
        '    metadata: {name: cm}',
        '  - kind: List',
        '    items:',
        '      - kind: Pod',
        '        metadata: {name: inner}',
        '        spec:',
        '          containers:',
        '            - securityContext: {capabilities: {drop: [ALL]}}',
      ].join('\n'),
    );
    expect(result.objects.map((o) => [o.ref.name, o.path])).toEqual([
      ['cm', ['items', 0]],
      ['inner', ['items', 1, 'items', 0]],
    ]);
    const owner = one(result.owners);
    expect(owner.path).toEqual(['items', 1, 'items', 0, 'spec', 'containers', 0, 'securityContext', 'capabilities']);
    expect(owner.object?.ref.name).toBe('inner');
  });

  it('does not record the List itself as an object', () => {
    expect(fromYaml('kind: List\nitems: []\n').objects).toEqual([]);
  });

  it('records a *List kind without items as an ordinary object', () => {
    expect(one(fromYaml('kind: AllowList\nmetadata: {name: a}\n').objects).ref).toEqual({
      kind: 'AllowList',
      name: 'a',
    });
  });

  it('skips list items that are not objects', () => {
    const result = fromYaml('kind: List\nitems:\n  - just a string\n  - {metadata: {name: nokind}}\n  - kind: Pod\n');
    expect(result.objects.map((o) => o.path)).toEqual([['items', 2]]);
  });
});

describe('extract: annotations', () => {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: d',
    '  annotations:',
    '    capdoctor.io/ignore: cap-case',
    '    shared: object',
    '    count: 5',
    'spec:',
    '  template:',
    '    metadata:',
    '      annotations:',
    '        shared: template',
    '        only.template/x: "yes"',
    '    spec:',
    '      containers: [{name: a}]',
  ].join('\n');

  it('collects the object’s string annotations', () => {
    expect(one(fromYaml(text).objects).annotations).toEqual({ 'capdoctor.io/ignore': 'cap-case', shared: 'object' });
  });

  it('gives a pod spec the object’s and the template’s annotations, the template’s winning', () => {
    expect(one(fromYaml(text).podSpecs).annotations).toEqual({
      'capdoctor.io/ignore': 'cap-case',
      shared: 'template',
      'only.template/x': 'yes',
    });
  });

  it('gives a Pod’s spec the Pod’s own annotations', () => {
    const result = fromYaml('kind: Pod\nmetadata: {annotations: {a: b}}\nspec: {containers: [{name: c}]}\n');
    expect(one(result.podSpecs).annotations).toEqual({ a: 'b' });
  });

  it('collects the pod template annotations of a deep custom resource', () => {
    const result = fromYaml(
      [
        'kind: Beat',
        'spec:',
        '  daemonSet:',
        '    podTemplate:',
        '      metadata: {annotations: {capdoctor.io/ignore: all}}',
        '      spec: {containers: [{name: beat}]}',
      ].join('\n'),
    );
    expect(one(result.objects).annotations).toEqual({});
    expect(one(result.podSpecs).annotations).toEqual({ 'capdoctor.io/ignore': 'all' });
  });

  it('gives empty annotations when there are none, or they are not a mapping', () => {
    expect(one(fromYaml('kind: Pod\n').objects).annotations).toEqual({});
    expect(one(fromYaml('kind: Pod\nmetadata: {annotations: [a]}\n').objects).annotations).toEqual({});
  });
});

describe('extract: PodSecurityPolicy and SecurityContextConstraints', () => {
  it('reads the three PSP fields from spec', () => {
    const result = fromYaml(
      [
        'apiVersion: policy/v1beta1',
        'kind: PodSecurityPolicy',
        'metadata: {name: psp}',
        'spec:',
        '  allowedCapabilities: [NET_ADMIN]',
        '  defaultAddCapabilities: [CHOWN]',
        '  requiredDropCapabilities: [ALL]',
      ].join('\n'),
    );
    const owner = one(result.owners);
    expect(owner.kind).toBe('psp');
    expect(owner.path).toEqual(['spec']);
    expect(owner.object?.ref).toEqual({ apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', name: 'psp' });
    expect(lists(owner)).toEqual([
      ['add', 'allowedCapabilities', ['NET_ADMIN']],
      ['add', 'defaultAddCapabilities', ['CHOWN']],
      ['drop', 'requiredDropCapabilities', ['ALL']],
    ]);
    expect(owner.lists.map((l) => l.path)).toEqual([
      ['spec', 'allowedCapabilities'],
      ['spec', 'defaultAddCapabilities'],
      ['spec', 'requiredDropCapabilities'],
    ]);
    expect(owner.lists[2]?.entries[0]?.path).toEqual(['spec', 'requiredDropCapabilities', 0]);
    expect(result.podSpecs).toEqual([]);
  });

  it('makes a PSP owner with only the fields present', () => {
    const owner = one(fromYaml('kind: PodSecurityPolicy\nspec:\n  requiredDropCapabilities: [ALL]\n').owners);
    expect(lists(owner)).toEqual([['drop', 'requiredDropCapabilities', ['ALL']]]);
  });

  it('makes no PSP owner without a spec mapping', () => {
    expect(fromYaml('kind: PodSecurityPolicy\nmetadata: {name: x}\n').owners).toEqual([]);
  });

  it('reads the SCC fields at the top level', () => {
    const result = fromYaml(
      [
        'apiVersion: security.openshift.io/v1',
        'kind: SecurityContextConstraints',
        'metadata: {name: scc}',
        'allowedCapabilities: [NET_ADMIN]',
        'defaultAddCapabilities: [CHOWN]',
        'requiredDropCapabilities: [KILL, MKNOD]',
      ].join('\n'),
    );
    const owner = one(result.owners);
    expect(owner.kind).toBe('scc');
    expect(owner.path).toEqual([]);
    expect(owner.object?.ref.name).toBe('scc');
    expect(lists(owner)).toEqual([
      ['add', 'allowedCapabilities', ['NET_ADMIN']],
      ['add', 'defaultAddCapabilities', ['CHOWN']],
      ['drop', 'requiredDropCapabilities', ['KILL', 'MKNOD']],
    ]);
    expect(owner.lists[2]?.entries[1]?.path).toEqual(['requiredDropCapabilities', 1]);
  });

  it('reads a PSP inside a List with paths under items[i]', () => {
    const owner = one(
      fromYaml('kind: List\nitems:\n  - kind: PodSecurityPolicy\n    spec: {allowedCapabilities: [A_CAP]}\n').owners,
    );
    expect(owner.path).toEqual(['items', 0, 'spec']);
    expect(owner.lists[0]?.entries[0]?.path).toEqual(['items', 0, 'spec', 'allowedCapabilities', 0]);
  });
});

describe('extract: Helm values and other capability mappings', () => {
  const values = [
    'image: {repository: nginx}',
    'securityContext:',
    '  capabilities: {add: [NET_ADMIN], drop: [ALL]}',
    'sidecar:',
    '  nested:',
    '    capabilities:',
    '      add: [SYS_TIME]',
    'other:',
    '  capabilities: {something: else}',
    'services:',
    '  foo: {enabled: true}',
  ].join('\n');

  it('finds capabilities under any key, as values, and under a securityContext, as security-context', () => {
    const result = fromYaml(values);
    expect(result.objects).toEqual([]);
    expect(result.podSpecs).toEqual([]);
    expect(result.owners.map((o) => [o.kind, o.path])).toEqual([
      ['security-context', ['securityContext', 'capabilities']],
      ['values', ['sidecar', 'nested', 'capabilities']],
    ]);
  });

  it('records the securityContext of a security-context owner only', () => {
    const [context, value] = fromYaml(values).owners;
    expect(context?.securityContextPath).toEqual(['securityContext']);
    expect(context?.securityContext).toEqual({ capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } });
    expect(context?.object).toBeUndefined();
    expect(value?.securityContext).toBeUndefined();
    expect(value?.securityContextPath).toBeUndefined();
    expect(value && lists(value)).toEqual([['add', 'add', ['SYS_TIME']]]);
    expect(value?.lists[0]?.entries[0]?.path).toEqual(['sidecar', 'nested', 'capabilities', 'add', 0]);
  });

  it('does not take a values file with a `services:` key for a compose file', () => {
    expect(fromYaml(values).owners.some((o) => o.kind === 'compose')).toBe(false);
  });

  it('finds a securityContext outside a pod spec in a custom resource, with its object', () => {
    const owner = one(
      fromYaml(
        'apiVersion: x/v1\nkind: Thing\nmetadata: {name: t}\nspec:\n  securityContext:\n    capabilities: {add: [CHOWN]}\n',
      ).owners,
    );
    expect(owner.kind).toBe('security-context');
    expect(owner.path).toEqual(['spec', 'securityContext', 'capabilities']);
    expect(owner.object?.ref).toEqual({ apiVersion: 'x/v1', kind: 'Thing', name: 't' });
  });

  it('finds capabilities in values files that hold container lists as pod specs without objects', () => {
    const result = fromYaml(
      'extraPod:\n  containers:\n    - name: x\n      securityContext: {capabilities: {drop: [ALL]}}\n',
    );
    expect(one(result.podSpecs)).toMatchObject({ path: ['extraPod'], annotations: {} });
    expect(one(result.podSpecs).object).toBeUndefined();
    const owner = one(result.owners);
    expect(owner.kind).toBe('container');
    expect(owner.object).toBeUndefined();
  });

  it('finds capabilities inside sequences', () => {
    const owner = one(fromYaml('sidecars:\n  - name: a\n    capabilities: {drop: [ALL]}\n').owners);
    expect(owner).toMatchObject({ kind: 'values', path: ['sidecars', 0, 'capabilities'] });
  });

  it('does not look into a capabilities mapping for more capabilities', () => {
    const result = fromYaml('capabilities:\n  add: [A_CAP]\n  capabilities: {add: [B_CAP]}\n');
    expect(result.owners.map((o) => o.path)).toEqual([['capabilities']]);
  });

  it('does not count container capabilities twice', () => {
    const result = fromYaml(
      'kind: Pod\nspec:\n  containers:\n    - securityContext:\n        capabilities: {add: [NET_ADMIN]}\n',
    );
    expect(result.owners.map((o) => o.kind)).toEqual(['container']);
  });
});

describe('extract: compose files', () => {
  const compose = [
    'services:',
    '  web:',
    '    image: nginx',
    '    cap_add: [NET_ADMIN]',
    '    cap_drop: [ALL]',
    '  worker:',
    '    build: .',
    '  bare:',
    '    cap_drop: [MKNOD]',
    '  broken: just a string',
  ].join('\n');

  it('makes a compose owner per service, labelled with its name', () => {
    const owners = fromYaml(compose).owners;
    expect(owners.map((o) => [o.kind, o.label, o.path])).toEqual([
      ['compose', 'web', ['services', 'web']],
      ['compose', 'worker', ['services', 'worker']],
      ['compose', 'bare', ['services', 'bare']],
    ]);
  });

  it('reads cap_add and cap_drop', () => {
    const [web, worker, bare] = fromYaml(compose).owners;
    expect(web && lists(web)).toEqual([
      ['add', 'cap_add', ['NET_ADMIN']],
      ['drop', 'cap_drop', ['ALL']],
    ]);
    expect(web?.lists[0]?.entries[0]?.path).toEqual(['services', 'web', 'cap_add', 0]);
    expect(worker?.lists).toEqual([]);
    expect(bare && lists(bare)).toEqual([['drop', 'cap_drop', ['MKNOD']]]);
  });

  it('is recognised by cap_add or cap_drop alone', () => {
    const owner = one(fromYaml('services:\n  x:\n    cap_add: [CHOWN]\n').owners);
    expect(owner).toMatchObject({ kind: 'compose', label: 'x' });
  });

  it('is not assumed for a Kubernetes object with a services key', () => {
    const result = fromYaml('kind: Thing\nservices:\n  web: {image: nginx, cap_add: [NET_ADMIN]}\n');
    expect(result.owners.some((o) => o.kind === 'compose')).toBe(false);
  });

  it('is not assumed when services is not a mapping', () => {
    expect(fromYaml('services: [web]\n').owners).toEqual([]);
  });
});

describe('extract: odd inputs', () => {
  it('extracts nothing from scalars, null and empty containers', () => {
    const empty: Extracted = { objects: [], podSpecs: [], owners: [] };
    for (const value of [null, undefined, 'text', 5, true, [], {}]) expect(extract(value)).toEqual(empty);
  });

  it('stops at a very deep document without throwing', () => {
    let value: unknown = { capabilities: { add: ['NET_ADMIN'] } };
    for (let i = 0; i < 500; i++) value = { next: value };
    expect(() => extract(value)).not.toThrow();
    expect(extract(value).owners).toEqual([]);
  });

  it('finds capabilities at moderate depth', () => {
    const path: string[] = Array.from({ length: 30 }, (_, i) => `k${i}`);
    const owner = one(extract(nest(path, { capabilities: { add: ['NET_ADMIN'] } })).owners);
    expect(owner.path).toEqual([...path, 'capabilities'] satisfies Path);
  });
});

describe('extract: object lookup for nested owners', () => {
  it('links each pod spec to the closest enclosing object', () => {
    const result = fromYaml(
      [
        'kind: List',
        'items:',
        '  - kind: Pod',
        '    metadata: {name: first}',
        '    spec: {containers: [{name: a}]}',
        '  - kind: Pod',
        '    metadata: {name: second}',
        '    spec: {containers: [{name: b}]}',
      ].join('\n'),
    );
    const names = result.podSpecs.map((p: PodSpecInfo) => p.object?.ref.name);
    expect(names).toEqual(['first', 'second']);
    const containers: ContainerInfo[] = result.podSpecs.flatMap((p) => p.containers);
    expect(containers.map((c) => c.podSpec.object?.ref.name)).toEqual(['first', 'second']);
  });
});
