// Deterministic corpus generators for the benchmark and the fast-path equality tests.
// Same arguments, same bytes: a seeded PRNG drives every choice.

/** mulberry32: small, fast and good enough to vary manifests. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

const WORDS = ['api', 'web', 'cache', 'worker', 'auth', 'billing', 'search', 'queue', 'gateway', 'metrics', 'ingest'];
const TEAMS = ['payments', 'platform', 'data', 'identity', 'growth', 'infra'];
const IMAGES = ['nginx:1.27', 'redis:7.2', 'busybox:1.36', 'ghcr.io/acme/app:2.4.1', 'quay.io/org/worker:v3'];

/** Capability blocks as people write them: most are clean, one in `mistakeEvery` has a mistake. */
const CLEAN_SECURITY = [
  ['securityContext:', '  capabilities:', '    drop: ["ALL"]', '  allowPrivilegeEscalation: false'],
  ['securityContext:', '  capabilities:', '    drop:', '    - ALL', '    add:', '    - NET_BIND_SERVICE'],
  ['securityContext:', '  runAsNonRoot: true', '  readOnlyRootFilesystem: true'],
  [],
];
const MISTAKES = [
  ['securityContext:', '  capabilities:', '    add:', '    - CAP_SYS_RESOURCE'],
  ['securityContext:', '  capabilities:', '    drop: [CAP_NET_RAW]'],
  ['securityContext:', '  capabilities:', '    add: ["net_admin"]'],
  ['securityContext:', '  capabilities:', '    add: [SYS_RESOURCES]'],
  ['securityContext:', '  allowPrivilegeEscalation: false', '  capabilities:', '    add: [CAP_SYS_ADMIN]'],
  ['securityContext:', '  privileged: yes', '  capabilities:', '    add: [SYS_ADMIN]', '    drop: [all]'],
];

function indent(lines, by) {
  const pad = ' '.repeat(by);
  return lines.map((line) => pad + line);
}

function container(rng, name, security) {
  const lines = [
    `- name: ${name}`,
    `  image: ${rng.pick(IMAGES)}`,
    '  imagePullPolicy: IfNotPresent',
    `  args: ["--port=${8000 + rng.int(1000)}", "--log-level=info"]`,
    '  ports:',
    `  - containerPort: ${8000 + rng.int(1000)}`,
    '    protocol: TCP',
    '  env:',
    '  - name: LOG_FORMAT',
    '    value: json',
    '  - name: POD_NAMESPACE',
    '    valueFrom:',
    '      fieldRef:',
    '        fieldPath: metadata.namespace',
    '  resources:',
    '    requests:',
    `      cpu: ${50 + rng.int(400)}m`,
    `      memory: ${64 + rng.int(448)}Mi`,
    '    limits:',
    `      memory: ${512 + rng.int(512)}Mi`,
    '  volumeMounts:',
    '  - name: config',
    '    mountPath: /etc/app',
    '    readOnly: true',
  ];
  return [...lines, ...indent(security, 2)];
}

/** One Deployment of about 1.6 KB; `mistake` picks a wrong capability block (or `securityBlock` is used). */
export function deployment(rng, i, mistake, securityBlock) {
  const name = `${rng.pick(WORDS)}-${rng.pick(WORDS)}-${i}`;
  const team = rng.pick(TEAMS);
  const security = securityBlock ?? (mistake ? rng.pick(MISTAKES) : rng.pick(CLEAN_SECURITY));
  const sidecar = rng.chance(0.1);
  const lines = [
    `# Source: ${team}/templates/deployment.yaml`,
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${team}`,
    '  labels:',
    `    app.kubernetes.io/name: ${name}`,
    `    app.kubernetes.io/part-of: ${team}`,
    '    app.kubernetes.io/managed-by: Helm',
    '  annotations:',
    `    deployment.kubernetes.io/revision: "${1 + rng.int(40)}"`,
    'spec:',
    `  replicas: ${1 + rng.int(5)}`,
    '  selector:',
    '    matchLabels:',
    `      app.kubernetes.io/name: ${name}`,
    '  strategy:',
    '    type: RollingUpdate',
    '    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}',
    '  template:',
    '    metadata:',
    '      labels:',
    `        app.kubernetes.io/name: ${name}`,
    '      annotations:',
    `        checksum/config: ${(rng.next() * 1e16).toString(16).padStart(14, '0')}`,
    '    spec:',
    `      serviceAccountName: ${name}`,
    '      automountServiceAccountToken: false',
    '      containers:',
    ...indent(container(rng, name, security), 6),
    ...(sidecar ? indent(container(rng, 'proxy', rng.pick(CLEAN_SECURITY)), 6) : []),
    '      volumes:',
    '      - name: config',
    '        configMap:',
    `          name: ${name}-config`,
    '      nodeSelector:',
    '        kubernetes.io/os: linux',
  ];
  return lines.join('\n');
}

/** `count` Deployments separated by `---`; one in `mistakeEvery` has a capability mistake. */
export function deployments(count, { seed = 1, mistakeEvery = 50 } = {}) {
  const rng = random(seed);
  const docs = [];
  for (let i = 0; i < count; i++) docs.push(deployment(rng, i, i % mistakeEvery === mistakeEvery - 1));
  return `${docs.join('\n---\n')}\n`;
}

/** Yields the same stream in pieces (for sizes that should not sit in one string). */
export function* deploymentChunks(count, { seed = 1, mistakeEvery = 50 } = {}) {
  const rng = random(seed);
  for (let i = 0; i < count; i++) {
    yield `${i === 0 ? '' : '---\n'}${deployment(rng, i, i % mistakeEvery === mistakeEvery - 1)}\n`;
  }
}

/** `kubectl get -A -o yaml`: one `kind: List` whose items are the objects (keys sorted, items at column 0). */
export function* listChunks(count, { seed = 1, mistakeEvery = 50 } = {}) {
  const rng = random(seed);
  yield 'apiVersion: v1\nitems:\n';
  for (let i = 0; i < count; i++) {
    const doc = deployment(rng, i, i % mistakeEvery === mistakeEvery - 1)
      .split('\n')
      .filter((line) => !line.startsWith('#'));
    yield `${doc.map((line, n) => (n === 0 ? `- ${line}` : `  ${line}`)).join('\n')}\n`;
  }
  yield 'kind: List\nmetadata:\n  resourceVersion: ""\n';
}

/**
 * Dense: every Deployment runs as a non-root user and adds a capability (cap-nonroot-ineffective on
 * each), one in 25 spells it `CAP_…` (cap-prefix) and one in 50 adds SYS_ADMIN (pss-baseline). The
 * same Deployment as above otherwise, so the size per document is the same.
 */
function denseSecurity(rng, i) {
  const add = i % 25 === 24 ? 'CAP_NET_BIND_SERVICE' : i % 50 === 12 ? 'SYS_ADMIN' : 'NET_BIND_SERVICE';
  return ['securityContext:', `  runAsUser: ${1000 + rng.int(9000)}`, '  capabilities:', '    add:', `    - ${add}`];
}

/** `count` Deployments separated by `---`, each with one or more findings (see `denseSecurity`). */
export function* denseChunks(count, { seed = 11 } = {}) {
  const rng = random(seed);
  for (let i = 0; i < count; i++) {
    const doc = deployment(rng, i, false, denseSecurity(rng, i));
    yield `${i === 0 ? '' : '---\n'}${doc}\n`;
  }
}

const VARIED_CAPS = [
  'NET_BIND_SERVICE',
  'IPC_LOCK',
  'SYS_TIME',
  'NET_ADMIN',
  'SYS_RESOURCE',
  'CHOWN',
  'NET_RAW',
  'SYS_PTRACE',
  'CAP_NET_BIND_SERVICE',
  'sys_time',
  'KILL',
  'SETUID',
];

/**
 * Dense and varied: every container runs as a non-root user and adds one to three capabilities picked
 * from a dozen (some `CAP_…`, some lower case), drops some, sets allowPrivilegeEscalation or not, and
 * starts its own program directly or through a shell: few documents share their capability lists or
 * their command, so what the rules work out once per shared answer is worked out again and again.
 */
function denseVariedSecurity(rng, i, programs) {
  const count = 1 + rng.int(3);
  const add = new Set();
  while (add.size < count) add.add(rng.pick(VARIED_CAPS));
  const program = `/app/bin/${programs}-${i % 3000}`;
  const command = rng.chance(0.5) ? `["sh", "-c", "exec ${program}"]` : `["${program}"]`;
  return [
    `command: ${command}`,
    'securityContext:',
    `  runAsUser: ${1000 + rng.int(9000)}`,
    ...(rng.chance(0.5) ? ['  allowPrivilegeEscalation: false'] : []),
    '  capabilities:',
    `    add: [${[...add].join(', ')}]`,
    ...(rng.chance(0.5) ? [`    drop: [${rng.pick(['ALL', 'NET_RAW', 'CAP_MKNOD', 'all'])}]`] : []),
  ];
}

/**
 * `count` Deployments separated by `---`, each with findings that few others share (see
 * `denseVariedSecurity`). Another seed and another name for the programs make a second such input that
 * shares no command with the first.
 */
export function* denseVariedChunks(count, { seed = 17, programs = 'svc' } = {}) {
  const rng = random(seed);
  for (let i = 0; i < count; i++) {
    const doc = deployment(rng, i, false, denseVariedSecurity(rng, i, programs));
    yield `${i === 0 ? '' : '---\n'}${doc}\n`;
  }
}

/**
 * A hostile stream: small Deployments (about 290 bytes) of one container with three mistakes each —
 * a misspelt name added, a `CAP_` name and a lower-case name dropped — three findings per document.
 */
export function* threeMistakeChunks(count, { seed = 13 } = {}) {
  const rng = random(seed);
  for (let i = 0; i < count; i++) {
    const name = `${rng.pick(WORDS)}-${i}`;
    const doc = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: ${name}`,
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      `      - name: ${name}`,
      `        image: ${rng.pick(IMAGES)}`,
      '        securityContext:',
      '          capabilities:',
      `            add: [${rng.pick(['SYS_RESOURCES', 'NET_BIND', 'SYS_PTRACEE'])}]`,
      `            drop: [CAP_NET_RAW, ${rng.pick(['sys_admin', 'net_admin', 'mknod'])}]`,
    ].join('\n');
    yield `${i === 0 ? '' : '---\n'}${doc}\n`;
  }
}

/** Other shapes a real stream carries, including the ones a fast reader must treat with care. */
function other(rng, i) {
  const name = `${rng.pick(WORDS)}-${i}`;
  switch (rng.int(12)) {
    case 0:
      return [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        `  name: ${name}`,
        'data:',
        '  app.conf: |',
        '    # capabilities: [SYS_ADMIN] is only text here',
        '    listen 8080',
        '',
        '    worker_processes auto;',
        '  folded: >-',
        '    one line',
        '    folded into one',
        '  keep: |+',
        '    trailing',
        '',
      ].join('\n');
    case 1:
      return [
        'apiVersion: policy/v1beta1',
        'kind: PodSecurityPolicy',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        '  privileged: false',
        `  allowedCapabilities: [NET_BIND_SERVICE, ${rng.pick(['CAP_NET_ADMIN', 'SYS_TIME', 'chown'])}]`,
        '  requiredDropCapabilities:',
        '  - ALL',
      ].join('\n');
    case 2:
      return [
        'apiVersion: v1',
        'kind: Service',
        'metadata:',
        `  name: ${name}`,
        "  annotations: {note: 'it''s quoted', empty: '', n: ~}",
        'spec:',
        '  type: ClusterIP',
        '  ports:',
        '  - {name: http, port: 80, targetPort: 8080}',
        '  selector:',
        `    app: ${name}`,
      ].join('\n');
    case 3:
      return [
        'apiVersion: batch/v1',
        'kind: CronJob',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        '  schedule: "*/5 * * * *"',
        '  jobTemplate:',
        '    spec:',
        '      template:',
        '        spec:',
        '          restartPolicy: OnFailure',
        '          containers:',
        '            - name: job',
        '              image: busybox:1.36',
        '              command:',
        '                - /bin/sh',
        '                - -c',
        '                - |',
        '                  echo start',
        '                  date',
        '              securityContext:',
        `                privileged: ${rng.pick(['true', 'on', 'no'])}`,
        '                allowPrivilegeEscalation: false',
      ].join('\n');
    case 4:
      // Anchors and merge keys: the fast reader hands these to the precise parser.
      return [
        `# values for ${name}`,
        'defaults: &defaults',
        '  securityContext:',
        '    capabilities:',
        '      add: [CAP_NET_ADMIN]',
        'worker:',
        '  <<: *defaults',
        '  replicas: 2',
      ].join('\n');
    case 5:
      return [
        'version: "3.9"',
        'services:',
        `  ${name}:`,
        '    image: nginx:1.27',
        '    cap_add:',
        '      - NET_ADMIN',
        `      - ${rng.pick(['CAP_SYS_TIME', 'sys_nice', 'IPC_LOCK'])}`,
        '    cap_drop: [ALL]',
      ].join('\n');
    case 6:
      return [
        'apiVersion: apps/v1',
        'kind: DaemonSet',
        'metadata:',
        `  name: ${name}`,
        '  annotations:',
        '    capdoctor.io/ignore: cap-dangerous',
        'spec:',
        '  template:',
        '    spec:',
        '      hostNetwork: true',
        '      os: {name: linux}',
        '      securityContext:',
        '        capabilities: {add: [NET_ADMIN]}',
        '      containers:',
        '      - name: agent',
        '        image: example/agent:1',
        '        securityContext:',
        '          capabilities:',
        '            add: [NET_ADMIN, SYS_ADMIN, "CAP_BPF"] # capdoctor-ignore cap-prefix',
      ].join('\n');
    case 7:
      return [
        'apiVersion: rbac.authorization.k8s.io/v1',
        'kind: ClusterRole',
        'metadata:',
        `  name: ${name}`,
        'rules:',
        '- apiGroups: [""]',
        '  resources: [pods, "pods/log"]',
        '  verbs: ["get", "list", "watch"]',
      ].join('\n');
    case 8:
      return ['# a comment-only document', '# nothing else'].join('\n');
    case 9:
      return [
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        `  name: ${name}`,
        'spec:',
        '  os:',
        '    name: windows',
        '  containers:',
        '  - name: win',
        '    image: mcr.microsoft.com/windows/nanoserver:ltsc2022',
        '    securityContext:',
        '      capabilities:',
        '        drop: [ALL]',
      ].join('\n');
    case 10:
      return [
        'apiVersion: v1',
        'kind: Secret',
        'metadata:',
        `  name: ${name}`,
        'type: Opaque',
        'stringData:',
        '  password: "s3cr\\u0065t with escapes\\n"',
        `  when: 2024-0${1 + rng.int(9)}-1${rng.int(10)}`,
        '  octal: 0644',
        '  hex: 0x1F',
        '  float: 1.5e3',
        '  sexagesimal: 1:30',
      ].join('\n');
    default:
      return deployment(rng, i, rng.chance(0.1));
  }
}

/** A mixed stream: Deployments and the shapes above, with `...` ends and empty documents. */
export function mixed(count, { seed = 7 } = {}) {
  const rng = random(seed);
  let out = '';
  for (let i = 0; i < count; i++) {
    const doc = rng.chance(0.5) ? deployment(rng, i, i % 50 === 49) : other(rng, i);
    const separator = i === 0 ? '' : rng.chance(0.05) ? '...\n---\n' : rng.chance(0.02) ? '---\n---\n' : '---\n';
    out += `${separator}${doc}\n`;
  }
  return out;
}

const NOISE = [
  'systemd[1]: Started Session {n} of user core.',
  'kubelet[{p}]: I0412 10:11:12.123456 {p} kubelet.go:2086] "SyncLoop (PLEG): event for pod" pod="default/web-{n}"',
  'containerd[{p}]: time="2024-04-12T10:11:12.{n}Z" level=info msg="StartContainer for \\"{h}\\" returns successfully"',
  'kernel: IPv6: ADDRCONF(NETDEV_CHANGE): cali{h}: link becomes ready',
  'dockerd[{p}]: time="2024-04-12T10:11:12Z" level=info msg="ignoring event" container={h} module=libcontainerd',
  'sshd[{p}]: Accepted publickey for core from 10.0.{n}.4 port 50122 ssh2',
];

/** Real signatures (from public issue reports) buried in the journal. */
export const JOURNAL_SIGNATURES = [
  'dockerd[{p}]: time="2019-01-22T08:41:13Z" level=error msg="Handler for POST /v1.38/containers/{h}/start returned error: linux spec capabilities: Unknown capability to add: \\"CAP_CAP_SYS_RESOURCE\\""',
  'containerd[{p}]: time="2023-05-02T11:00:01Z" level=warning msg="ignoring unknown or unavailable capabilities: [CAP_CAP_NET_ADMIN]"',
  'kubelet[{p}]: E0412 10:11:12.000000 {p} pod_workers.go:951] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"es\\" with RunContainerError"',
];

/** A journal of about `bytes` bytes with `signatures` real error lines spread through it. */
export function* journalChunks(bytes, { seed = 3, signatures = 6 } = {}) {
  const rng = random(seed);
  let written = 0;
  let line = 0;
  const every = Math.max(1, Math.floor(bytes / 160 / (signatures + 1)));
  let chunk = '';
  while (written < bytes) {
    const template =
      line > 0 && line % every === 0 && line / every <= signatures
        ? JOURNAL_SIGNATURES[(line / every - 1) % JOURNAL_SIGNATURES.length]
        : rng.pick(NOISE);
    const text = template
      .replaceAll('{n}', String(rng.int(1000)))
      .replaceAll('{p}', String(1000 + rng.int(30000)))
      .replaceAll('{h}', (rng.next() * 1e16).toString(16).padStart(14, '0'));
    const stamp = `Apr 12 10:${String(Math.floor(line / 6000) % 60).padStart(2, '0')}:${String(Math.floor(line / 100) % 60).padStart(2, '0')}`;
    const full = `${stamp} node-1 ${text}\n`;
    chunk += full;
    written += full.length;
    line++;
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** Node info strings of real clusters, for the scan corpus. */
const NODE_INFOS = [
  ['docker://18.6.1', 'v1.13.2', '3.10.0-957.el7.x86_64', 'linux'],
  ['docker://20.10.24', 'v1.23.17', '5.4.0-1109-aws', 'linux'],
  ['containerd://1.6.20', 'v1.27.3', '5.15.0-1057-azure', 'linux'],
  ['containerd://1.7.13-k3s1', 'v1.29.1+k3s2', '6.1.0-18-amd64', 'linux'],
  ['containerd://2.0.0', 'v1.31.2', '6.8.0-1017-gcp', 'linux'],
  ['cri-o://1.25.4-4.rhaos4.12.git5b6ce1c.el8', 'v1.25.16+6df2177', '4.18.0-372.73.1.el8_6.x86_64', 'linux'],
  ['containerd://1.6.21+azure', 'v1.27.3', '10.0.20348.2113', 'windows'],
];

/**
 * What `kubectl get nodes,pods,deploy,sts,ds,rs,job,cronjob -A -o json` prints for a cluster of `nodes`
 * nodes, `workloads` workloads (Deployments with their ReplicaSets, StatefulSets, DaemonSets, CronJobs
 * with a Job) and about `pods` pods; one workload in `mistakeEvery` has a capability mistake.
 */
export function clusterDump({ nodes = 200, pods = 5000, workloads = 1000, seed = 11, mistakeEvery = 20 } = {}) {
  const rng = random(seed);
  let uid = 0;
  const id = () => `00000000-0000-4000-8000-${String(++uid).padStart(12, '0')}`;
  const items = [];
  const nodeNames = [];
  for (let i = 0; i < nodes; i++) {
    const [runtime, kubelet, kernel, os] = NODE_INFOS[i % NODE_INFOS.length];
    const name = `node-${String(i).padStart(3, '0')}`;
    nodeNames.push({ name, os });
    items.push({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        uid: id(),
        labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': os, pool: `p${i % 4}` },
      },
      status: {
        nodeInfo: {
          containerRuntimeVersion: runtime,
          kubeletVersion: kubelet,
          kubeProxyVersion: kubelet,
          kernelVersion: kernel,
          operatingSystem: os,
          osImage: os === 'windows' ? 'Windows Server 2022 Datacenter' : 'Linux',
          architecture: 'amd64',
        },
      },
    });
  }
  const linuxNodes = nodeNames.filter((n) => n.os === 'linux');
  const ref = (o) => ({
    apiVersion: o.apiVersion,
    kind: o.kind,
    name: o.metadata.name,
    uid: o.metadata.uid,
    controller: true,
  });
  const podsPer = Math.max(1, Math.round(pods / workloads));
  const kinds = ['Deployment', 'Deployment', 'Deployment', 'StatefulSet', 'DaemonSet', 'CronJob'];
  for (let w = 0; w < workloads; w++) {
    const kind = kinds[w % kinds.length];
    const namespace = TEAMS[w % TEAMS.length];
    const name = `${rng.pick(WORDS)}-${w}`;
    const mistake = w % mistakeEvery === 0;
    const capabilities = mistake
      ? rng.pick([{ add: ['CAP_SYS_RESOURCE'] }, { drop: ['CAP_NET_RAW'] }, { add: ['sys_admin'] }])
      : rng.pick([{ drop: ['ALL'] }, { drop: ['ALL'], add: ['NET_BIND_SERVICE'] }, undefined]);
    const container = {
      name: 'main',
      image: rng.pick(IMAGES),
      ports: [{ containerPort: 8080, protocol: 'TCP' }],
      resources: { requests: { cpu: '100m', memory: '128Mi' } },
      env: [{ name: 'LOG_LEVEL', value: 'info' }],
      ...(capabilities ? { securityContext: { capabilities, allowPrivilegeEscalation: false } } : {}),
    };
    const spec = { containers: [container], restartPolicy: kind === 'CronJob' ? 'OnFailure' : 'Always' };
    const template = { metadata: { labels: { app: name } }, spec };
    const meta = (n) => ({ name: n, namespace, uid: id(), labels: { app: name } });
    let owner;
    if (kind === 'CronJob') {
      const cron = {
        apiVersion: 'batch/v1',
        kind,
        metadata: meta(name),
        spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template } } },
      };
      const job = {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { ...meta(`${name}-28290000`), ownerReferences: [ref(cron)] },
        spec: { template },
      };
      items.push(cron, job);
      owner = job;
    } else {
      const apiVersion = 'apps/v1';
      const top = {
        apiVersion,
        kind,
        metadata: meta(name),
        spec: { replicas: podsPer, selector: { matchLabels: { app: name } }, template },
      };
      items.push(top);
      owner = top;
      if (kind === 'Deployment') {
        const rs = {
          apiVersion,
          kind: 'ReplicaSet',
          metadata: { ...meta(`${name}-6b7c9d`), ownerReferences: [ref(top)] },
          spec: { template },
        };
        items.push(rs);
        owner = rs;
      }
    }
    for (let p = 0; p < podsPer; p++) {
      const host = linuxNodes[rng.int(linuxNodes.length)].name;
      items.push({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { ...meta(`${name}-${p}`), ownerReferences: [ref(owner)] },
        spec: { ...spec, nodeName: host },
        status: {
          phase: 'Running',
          containerStatuses: [
            { name: 'main', ready: true, restartCount: 0, state: { running: { startedAt: '2026-01-01T00:00:00Z' } } },
          ],
        },
      });
    }
  }
  return `${JSON.stringify({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items }, null, 4)}\n`;
}
