import { describe, expect, it } from 'vitest';
import { commandScope, entitiesFromText, normalizeText, parseLineMeta, type Scope, StructureTracker } from './read.js';

/** Feeds lines to a tracker and returns the entities of the scope at each line (resolved at the end). */
function track(text: string): { tracker: StructureTracker; at: (line: number) => ReturnType<Scope['resolve']> } {
  const tracker = new StructureTracker();
  const scopes = text.split('\n').map((line) => tracker.line(line));
  return { tracker, at: (line) => scopes[line - 1]?.resolve() ?? {} };
}

describe('line formats', () => {
  it('reads syslog and ISO journal lines with a klog message', () => {
    expect(
      parseLineMeta(
        'Sep 15 19:37:07 node-a kubelet[1423]: E0915 19:37:07.050402    1423 kuberuntime_manager.go:749] boom',
      ),
    ).toEqual({
      format: 'journal',
      host: 'node-a',
      process: 'kubelet',
      message: 'boom',
      time: ((8 * 31 + 14) * 24 + 19) * 3600 + 37 * 60 + 7,
    });
    expect(parseLineMeta('2021-09-15T19:37:07.123+0800 node-b dockerd[9]: hello')).toMatchObject({
      format: 'journal',
      host: 'node-b',
      process: 'dockerd',
      message: 'hello',
    });
  });

  it('reads logrus text, journalctl -o json and JSON log lines', () => {
    expect(parseLineMeta('time="2021-09-15T19:37:07Z" level=error msg="say \\"hi\\""')).toMatchObject({
      format: 'logrus',
      message: 'say \\"hi\\"',
    });
    const json = parseLineMeta(
      '{"__REALTIME_TIMESTAMP":"1646208664123456","_HOSTNAME":"worker-5","SYSLOG_IDENTIFIER":"kubelet","MESSAGE":"I0302 08:11:04.123911    1234 x.go:1] hi"}',
    );
    expect(json).toMatchObject({ format: 'journal-json', host: 'worker-5', process: 'kubelet', message: 'hi' });
    expect(parseLineMeta('{"level":"warning","msg":"careful","time":"x"}')).toEqual({
      format: 'json-log',
      message: 'careful',
    });
    expect(parseLineMeta('{not json "msg"')).toEqual({ format: 'text', message: '{not json "msg"' });
  });

  it('unescapes quotes and typographic quotes before patterns run', () => {
    expect(normalizeText('add: \\\\\\"CAP_X\\\\\\" \\"Y\\"')).toBe('add: "CAP_X" "Y"');
    expect(normalizeText('PodSecurity “restricted:latest” ‘x’')).toBe('PodSecurity "restricted:latest" \'x\'');
    expect(normalizeText('line\\nnext')).toBe('line next');
  });
});

describe('entities in a line', () => {
  it('reads the kubelet pod_workers line', () => {
    const text =
      'E0915 19:37:07.050439 189742 pod_workers.go:190] Error syncing pod b8e6f21e-15fe-11ec-b6be-000af79b1e70 ("esc-master-0_zjjpt-es(b8e6f21e-15fe-11ec-b6be-000af79b1e70)"), skipping: failed to "StartContainer" for "es-cluster" with RunContainerError: "failed to start container \\"21c865364925ff782dc85ab8773d12c65fcf93e7dde31f3160bad26aee3cfa21\\""';
    expect(entitiesFromText(normalizeText(text))).toEqual({
      pod: 'esc-master-0',
      namespace: 'zjjpt-es',
      podUid: 'b8e6f21e-15fe-11ec-b6be-000af79b1e70',
      container: 'es-cluster',
      containerId: '21c865364925ff782dc85ab8773d12c65fcf93e7dde31f3160bad26aee3cfa21',
    });
  });

  it('takes a 64-hex "container" for the container id, not its name', () => {
    expect(
      entitiesFromText(
        'failed to start container "21c865364925ff782dc85ab8773d12c65fcf93e7dde31f3160bad26aee3cfa21": Error response',
      ),
    ).toEqual({ containerId: '21c865364925ff782dc85ab8773d12c65fcf93e7dde31f3160bad26aee3cfa21' });
  });

  it('reads structured klog keys, log paths and back-off messages', () => {
    expect(
      entitiesFromText('"Error syncing pod" pod="migrate/rsync-0" podUID=3d2c1b0a-9f8e-4d7c-a6b5-c4d3e2f1a0b9'),
    ).toEqual({
      pod: 'rsync-0',
      namespace: 'migrate',
      podUid: '3d2c1b0a-9f8e-4d7c-a6b5-c4d3e2f1a0b9',
    });
    expect(
      entitiesFromText('open /var/log/pods/b8012435-15fb-11ec-b6be-000af79b1e70/es-cluster/9.log: no such file'),
    ).toEqual({
      podUid: 'b8012435-15fb-11ec-b6be-000af79b1e70',
      container: 'es-cluster',
    });
    expect(
      entitiesFromText(
        'open /var/log/pods/shop_web-0_5b1f0c3e-7a2d-4c1b-9e8f-0d6a4b3c2e1f/app/0.log: no such file or directory',
      ),
    ).toEqual({ namespace: 'shop', pod: 'web-0', podUid: '5b1f0c3e-7a2d-4c1b-9e8f-0d6a4b3c2e1f', container: 'app' });
    expect(
      entitiesFromText(
        'back-off 5m0s restarting failed container=vault pod=vault-0_secrets(9e8d7c6b-5a4f-4e3d-2c1b-0a9f8e7d6c5b)',
      ),
    ).toMatchObject({ pod: 'vault-0', namespace: 'secrets', container: 'vault' });
  });

  it('reads kubectl get pods rows, with or without namespace and node', () => {
    expect(
      entitiesFromText('esc-data-0   1/2   RunContainerError   15   57m   192.168.31.244   node-9   <none>   <none>'),
    ).toEqual({
      pod: 'esc-data-0',
      node: 'node-9',
    });
    expect(entitiesFromText('search   esc-data-1   0/1   CrashLoopBackOff   4 (2m ago)   9m')).toEqual({
      pod: 'esc-data-1',
      namespace: 'search',
    });
  });
});

describe('structure of kubectl output', () => {
  it('follows kubectl describe pod: pod, node, container and its id, events', () => {
    const { at, tracker } = track(
      [
        'Name:         web-0',
        'Namespace:    shop',
        'Node:         node-7/10.0.0.7',
        'Containers:',
        '  app:',
        '    Container ID:   docker://4f9a1c2e8b7d',
        '    State:          Waiting',
        '      Reason:       RunContainerError',
        '  metrics:',
        '    State:          Running',
        'Events:',
        '  Warning  BackOff  1m  kubelet  Back-off restarting failed container',
      ].join('\n'),
    );
    expect(at(8)).toEqual({
      pod: 'web-0',
      namespace: 'shop',
      node: 'node-7',
      container: 'app',
      containerId: '4f9a1c2e8b7d',
    });
    expect(at(10)).toEqual({ pod: 'web-0', namespace: 'shop', node: 'node-7', container: 'metrics' });
    expect(at(12)).toEqual({ pod: 'web-0', namespace: 'shop', node: 'node-7' });
    expect([...tracker.formats]).toEqual(['kubectl-describe']);
  });

  it('follows pod YAML, where a container status names itself after its state', () => {
    const { at } = track(
      [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: vault-0',
        '  namespace: secrets',
        'spec:',
        '  nodeName: pool-a-3',
        'status:',
        '  containerStatuses:',
        '  - containerID: containerd://5f4e3d2c1b0a',
        '    state:',
        '      waiting:',
        '        message: |',
        '          name: not-a-key',
        '        reason: CrashLoopBackOff',
        '    name: vault',
        '  - name: sidecar',
        '    state: {}',
      ].join('\n'),
    );
    expect(at(15)).toEqual({
      pod: 'vault-0',
      namespace: 'secrets',
      node: 'pool-a-3',
      container: 'vault',
      containerId: '5f4e3d2c1b0a',
    });
    expect(at(18)).toEqual({ pod: 'vault-0', namespace: 'secrets', node: 'pool-a-3', container: 'sidecar' });
  });

  it('follows event lists in YAML and JSON (involvedObject, fieldPath, source host)', () => {
    const yaml = track(
      [
        'apiVersion: v1',
        'items:',
        '- involvedObject:',
        '    fieldPath: spec.containers{vpn}',
        '    kind: Pod',
        '    name: vpn-0',
        '  message: boom',
        '  source:',
        '    host: edge-2',
        '- involvedObject:',
        '    kind: ReplicaSet',
        '    name: rs-1',
        '  message: other',
        'kind: List',
      ].join('\n'),
    );
    expect(yaml.at(7)).toEqual({ pod: 'vpn-0', container: 'vpn', node: 'edge-2' });
    expect(yaml.at(13)).toEqual({});
    const json = track(
      [
        '{',
        '    "items": [',
        '        {',
        '            "involvedObject": {',
        '                "kind": "Pod",',
        '                "name": "web-1",',
        '                "namespace": "shop"',
        '            },',
        '            "message": "boom",',
        '        }',
        '    ],',
        '}',
      ].join('\n'),
    );
    expect(json.at(9)).toEqual({ pod: 'web-1', namespace: 'shop' });
    expect([...json.tracker.formats]).toEqual(['kubectl-json']);
  });

  it('reads tables by their header columns', () => {
    const events = track(
      [
        'LAST SEEN   TYPE      REASON    OBJECT      MESSAGE',
        '2m          Warning   Failed    pod/web-3   Error: failed to start container "app": boom',
      ].join('\n'),
    );
    expect(events.at(2)).toEqual({ pod: 'web-3' });
    const pods = track(
      [
        'NAMESPACE   NAME    READY   STATUS              RESTARTS   AGE   IP         NODE     NOMINATED NODE   READINESS GATES',
        'shop        web-4   0/1     RunContainerError   3          5m    10.0.0.9   node-2   <none>           <none>',
      ].join('\n'),
    );
    expect(pods.at(2)).toEqual({ pod: 'web-4', namespace: 'shop', node: 'node-2' });
  });

  it('gives the output of kubectl logs the pod and container of the command', () => {
    expect(commandScope('$ kubectl logs -f esc-data-0 -c es-cluster -n search')?.resolve()).toEqual({
      pod: 'esc-data-0',
      container: 'es-cluster',
      namespace: 'search',
    });
    expect(commandScope(' └─ $ ▶ k logs pod/web-1 --previous')?.resolve()).toEqual({ pod: 'web-1' });
    expect(commandScope('kubectl exec -it web-0 -- /bin/bash')?.resolve()).toEqual({ pod: 'web-0' });
    const { at } = track(['k logs api-0 -c api', 'runuser: cannot open session: Permission denied'].join('\n'));
    expect(at(2)).toEqual({ pod: 'api-0', container: 'api' });
    const reset = track(['k logs api-0', 'Sep 15 19:37:07 node-a kubelet: x'].join('\n'));
    expect(reset.at(2)).toEqual({});
  });

  it('leaves journal lines alone', () => {
    const { at, tracker } = track('Nov  3 11:02:41 node-1 kubelet: Name: x\nSep 15 19:37:07 node-a dockerd: y');
    expect(at(1)).toEqual({});
    expect(at(2)).toEqual({});
    expect(tracker.formats.size).toBe(0);
  });
});
