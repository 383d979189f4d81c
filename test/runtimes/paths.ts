// The runtime paths: how each one is driven and what it is asked to show. Every path runs a
// default container first (nothing added or dropped), then each variant, and turns what the
// runtime printed or answered into an Observation.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CapSets,
  compareDefaults,
  type Expectation,
  type HostFacts,
  judge,
  type Observation,
  type PathRun,
  parseCapSets,
  type Variant,
} from './compare.js';
import { CriClient, NamespaceMode, type PodSandboxConfig } from './cri.js';
import { GrpcUnixClient } from './grpc.js';
import { type ExecResult, exec, isAborting, log, must, sleep, startDaemon, stopDaemon } from './host.js';

export interface SuiteContext {
  /** The private folder of this run; every daemon keeps its state below it. */
  root: string;
  /** cgroup under which every container of this run is placed, e.g. `/capdoctor-rt-ab12cd`. */
  cgroupParent: string;
  rootfs: string;
  rootfsTar: string;
  /** OCI image layout archive with the busybox and sandbox images, for containerd. */
  imageArchive: string;
  host: HostFacts;
  /** cgroup v1 plus a v2 mount with controllers: crun 1.x refuses that, so it runs without the v2 mount. */
  hybridCgroups: boolean;
  variants: readonly Variant[];
  /** Registers an undo step for the final cleanup (run newest first). */
  onCleanup: (name: string, step: () => Promise<void>) => void;
}

/** What the container runs: print its capability sets. */
export const CAPS_COMMAND = 'grep -E "^Cap(Inh|Prm|Eff|Bnd|Amb)" /proc/self/status';
const BUSYBOX_IMAGE = 'capdoctor/busybox:local';
const PAUSE_IMAGE = 'capdoctor/pause:local';

type RunOne = (variant: Variant | undefined, n: number) => Promise<Observation>;

function flags(variant: Variant | undefined): string[] {
  if (!variant) return [];
  return [variant.direction === 'add' ? '--cap-add' : '--cap-drop', variant.input];
}

function describe(variant: Variant | undefined): string {
  return variant ? `${variant.direction} ${variant.input}` : 'defaults';
}

/** The default container, then every variant the path supports, judged against the expectations. */
async function runMatrix(
  ctx: SuiteContext,
  path: PathRun,
  one: RunOne,
  expect: (variant: Variant) => Expectation | undefined,
  expectedDefaults: readonly string[] | undefined,
  supports: (variant: Variant) => boolean = () => true,
): Promise<void> {
  const base = await one(undefined, 0);
  const baseline: CapSets | undefined = base.started ? base.caps : undefined;
  path.defaults = { check: compareDefaults(expectedDefaults, baseline) };
  if (expectedDefaults) path.defaults.expected = expectedDefaults;
  if (baseline) path.defaults.observed = baseline;
  if (!baseline) throw new Error(`the default container did not run: ${base.error ?? base.surface}`);
  let n = 0;
  for (const variant of ctx.variants) {
    if (!supports(variant)) continue;
    if (isAborting()) throw new Error('the suite is stopping');
    n++;
    const observation = await one(variant, n);
    const row = judge(variant, expect(variant), observation, ctx.host, baseline);
    path.rows.push(row);
    const mark = row.check.verdict === 'mismatch' ? ' MISMATCH' : '';
    log(`${path.id}: ${describe(variant)} → ${row.observed.outcomes.join('/') || '?'}${mark}`);
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

// The docker client logs this when the daemon's start fails while it waits for the exit; it is
// the client's own race, not the runtime's answer.
const DOCKER_WAIT_NOISE = /^.*level=error msg="error waiting for container: context canceled"\s*$/gm;

/** What a client printed on stderr, without logrus timestamps (they would differ on every run). */
function errorText(result: ExecResult): string {
  const raw = result.stderr.trim() || result.stdout.trim();
  const text = raw
    .replace(DOCKER_WAIT_NOISE, '')
    .replace(/time="[^"]*" /g, '')
    .trim();
  if (result.timedOut) return `timed out${text ? `: ${text}` : ''}`;
  return text;
}

// ---------------------------------------------------------------------------------------------
// runc and crun, run directly on an OCI bundle

const RUNC_LOG = /level=(error|fatal) msg="((?:[^"\\]|\\.)*)"/g;
const RUNC_SKIPPED = /level=warning msg="(ignoring unknown or unavailable capabilities: \[[^\]]*\])"/g;
const CRUN_SKIPPED = /unknown cap: `[^`]*`/g;
const CRUN_SKIPPED_LINE = /^unknown cap: `/;

function unshareForCrun(ctx: SuiteContext, command: string, args: readonly string[]): [string, string[]] {
  if (!ctx.hybridCgroups) return [command, [...args]];
  // crun refuses hybrid cgroups; in a private mount namespace without the v2 mount it sees plain v1.
  return [
    'unshare',
    [
      '-m',
      '--propagation',
      'private',
      'sh',
      '-c',
      'umount /sys/fs/cgroup/unified && exec "$@"',
      'sh',
      command,
      ...args,
    ],
  ];
}

export async function runOciDirect(
  ctx: SuiteContext,
  runtime: 'runc' | 'crun',
  path: PathRun,
  expect: (variant: Variant) => Expectation | undefined,
): Promise<void> {
  const dir = join(ctx.root, 'oci', runtime);
  const state = join(dir, 'state');
  mkdirSync(join(dir, 'template'), { recursive: true });
  mkdirSync(state, { recursive: true });
  await must(runtime, ['spec'], { cwd: join(dir, 'template'), timeoutMs: 15_000 });
  const template = JSON.parse(readFileSync(join(dir, 'template', 'config.json'), 'utf8'));
  const baseCaps: string[] = template.process?.capabilities?.bounding ?? [];
  path.notes.push(
    `The bundle is \`${runtime} spec\`'s own, with the busybox root file system, read-only; its capability lists (${baseCaps.join(', ')}) go into bounding, effective and permitted, and each variant is appended to all three, as engines write them.`,
  );
  if (runtime === 'crun') {
    path.notes.push('crun runs with `--debug`: only then does it print a note (`unknown cap: …`) for a name it skips.');
    if (ctx.hybridCgroups) {
      path.notes.push(
        'This host mounts cgroup v1 plus a v2 hierarchy with controllers, which crun 1.x refuses; crun runs in a private mount namespace without the v2 mount.',
      );
    }
  }
  const globalArgs = runtime === 'crun' ? ['--debug', '--root', state] : ['--root', state];

  const one: RunOne = async (variant, n) => {
    const id = `capdoctor-${runtime}-${n}`;
    const bundle = join(dir, String(n));
    mkdirSync(bundle, { recursive: true });
    const caps = variant ? [...baseCaps, variant.input] : baseCaps;
    const config = structuredClone(template);
    config.root = { path: ctx.rootfs, readonly: true };
    config.process.terminal = false;
    config.process.args = ['sh', '-c', CAPS_COMMAND];
    config.process.capabilities = { bounding: caps, effective: caps, permitted: caps };
    if (config.linux?.resources) delete config.linux.resources;
    config.linux.cgroupsPath = `${ctx.cgroupParent}/${id}`;
    writeFileSync(join(bundle, 'config.json'), JSON.stringify(config, null, 2));
    const [command, args] = unshareForCrun(ctx, runtime, [...globalArgs, 'run', '--bundle', bundle, id]);
    const result = await exec(command, args, { timeoutMs: 30_000 });
    const [delCommand, delArgs] = unshareForCrun(ctx, runtime, [...globalArgs, 'delete', '-f', id]);
    await exec(delCommand, delArgs, { timeoutMs: 15_000 });
    rmSync(bundle, { recursive: true, force: true });
    const caps2 = parseCapSets(result.stdout);
    const notices =
      runtime === 'runc'
        ? [...result.stderr.matchAll(RUNC_SKIPPED)].map((m) => m[1] as string)
        : [...new Set(result.stderr.match(CRUN_SKIPPED) ?? [])];
    const observation: Observation = {
      started: result.code === 0 && caps2 !== undefined,
      notices,
      log: result.stderr,
      surface: `\`${runtime} ${runtime === 'crun' ? '--debug ' : ''}run\` exit ${result.code ?? result.signal}${notices.length > 0 ? ', a note on stderr' : ''}`,
    };
    if (caps2) observation.caps = caps2;
    if (!observation.started) {
      observation.failedAt = 'run';
      const errors = [...result.stderr.matchAll(RUNC_LOG)].map((m) => (m[2] as string).replaceAll('\\"', '"'));
      observation.error =
        runtime === 'runc' && errors.length > 0
          ? errors.join('\n')
          : errorText(result)
              .split('\n')
              .filter((l) => !CRUN_SKIPPED_LINE.test(l))
              .join('\n');
    }
    return observation;
  };
  await runMatrix(ctx, path, one, expect, undefined, (v) => v.direction === 'add');
}

// ---------------------------------------------------------------------------------------------
// containerd: the `ctr` client and the CRI plugin over gRPC

function containerdConfig(ctx: SuiteContext, dir: string): string {
  return `version = 2
root = "${dir}/root"
state = "${dir}/state"
[grpc]
  address = "${dir}/containerd.sock"
[ttrpc]
  address = "${dir}/containerd.sock.ttrpc"
[debug]
  level = "info"
[plugins]
  [plugins."io.containerd.grpc.v1.cri"]
    sandbox_image = "docker.io/${PAUSE_IMAGE}"
    disable_apparmor = true
    # the sandbox asks for oom_score_adj -998, which needs CAP_SYS_RESOURCE; hosts without it fail
    restrict_oom_score_adj = ${ctx.host.bounding & (1n << 24n) ? 'false' : 'true'}
    enable_selinux = false
    [plugins."io.containerd.grpc.v1.cri".containerd]
      snapshotter = "native"
      default_runtime_name = "runc"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
        runtime_type = "io.containerd.runc.v2"
        [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
          SystemdCgroup = false
    [plugins."io.containerd.grpc.v1.cri".cni]
      bin_dir = "${dir}/cni-bin"
      conf_dir = "${dir}/cni-conf"
`;
}

export interface Containerd {
  socket: string;
  stop: () => Promise<void>;
}

export async function startContainerd(ctx: SuiteContext): Promise<Containerd> {
  const dir = join(ctx.root, 'containerd');
  mkdirSync(join(dir, 'cni-conf'), { recursive: true });
  const configFile = join(dir, 'config.toml');
  writeFileSync(configFile, containerdConfig(ctx, dir));
  const socket = join(dir, 'containerd.sock');
  const daemon = await startDaemon({
    name: 'containerd',
    command: 'containerd',
    args: ['--config', configFile],
    logFile: join(dir, 'containerd.log'),
    timeoutMs: 30_000,
    ready: async () =>
      existsSync(socket) && (await exec('ctr', ['-a', socket, 'version'], { timeoutMs: 5_000 })).code === 0,
  });
  const stop = (): Promise<void> => stopDaemon(daemon);
  ctx.onCleanup('containerd', stop);
  for (const namespace of ['default', 'k8s.io']) {
    await must(
      'ctr',
      ['-a', socket, '-n', namespace, 'images', 'import', '--snapshotter', 'native', ctx.imageArchive],
      {
        timeoutMs: 60_000,
      },
    );
  }
  return { socket, stop };
}

export async function runCtr(ctx: SuiteContext, containerd: Containerd, path: PathRun): Promise<void> {
  const base = ['-a', containerd.socket, '-n', 'default'];
  path.notes.push(
    'capdoctor has no target for `ctr`, containerd’s debugging client: it is not how Kubernetes reaches containerd. The results are recorded, not compared.',
  );
  const one: RunOne = async (variant, n) => {
    const id = `capdoctor-ctr-${n}`;
    const result = await exec(
      'ctr',
      [
        ...base,
        'run',
        '--rm',
        '--snapshotter',
        'native',
        '--cgroup',
        `${ctx.cgroupParent}/ctr/${id}`,
        ...flags(variant),
        `docker.io/${BUSYBOX_IMAGE}`,
        id,
        'sh',
        '-c',
        CAPS_COMMAND,
      ],
      { timeoutMs: 30_000 },
    );
    const caps = parseCapSets(result.stdout);
    const observation: Observation = {
      started: result.code === 0 && caps !== undefined,
      notices: [],
      surface: `\`ctr run\` exit ${result.code ?? result.signal}`,
    };
    if (caps) observation.caps = caps;
    if (!observation.started) {
      observation.failedAt = 'run';
      observation.error = errorText(result);
      // A failed start can leave the task, container and snapshot behind.
      await exec('ctr', [...base, 'task', 'rm', '-f', id], { timeoutMs: 15_000 });
      await exec('ctr', [...base, 'container', 'rm', id], { timeoutMs: 15_000 });
      await exec('ctr', [...base, 'snapshot', '--snapshotter', 'native', 'rm', id], { timeoutMs: 15_000 });
    }
    return observation;
  };
  await runMatrix(ctx, path, one, () => undefined, undefined);
}

function parseCriLog(file: string): string {
  if (!existsSync(file)) return '';
  // CRI log lines: `<time> <stream> <P|F> <text>`
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.split(' ').slice(3).join(' '))
    .join('\n');
}

export async function runCri(
  ctx: SuiteContext,
  containerd: Containerd,
  path: PathRun,
  expect: (variant: Variant) => Expectation | undefined,
  expectedDefaults: readonly string[] | undefined,
): Promise<string> {
  const grpc = new GrpcUnixClient(containerd.socket);
  const cri = new CriClient(grpc);
  const version = await cri.version();
  const logDirectory = join(ctx.root, 'cri-logs');
  mkdirSync(logDirectory, { recursive: true });
  const namespaces = { network: NamespaceMode.NODE, pid: NamespaceMode.CONTAINER, ipc: NamespaceMode.POD };
  const podConfig: PodSandboxConfig = {
    name: 'capdoctor-runtime-suite',
    uid: randomBytes(8).toString('hex'),
    namespace: 'default',
    logDirectory,
    cgroupParent: `${ctx.cgroupParent}/cri`,
    namespaces,
  };
  path.notes.push(
    `Driven over gRPC as the kubelet drives it (CRI \`runtime.v1\`, ${version.runtimeName} ${version.runtimeVersion}): one host-network pod sandbox, then per variant CreateContainer with \`linux.security_context.capabilities\`, ContainerStatus (verbose, for the OCI config containerd wrote), StartContainer, the container log, RemoveContainer. The kubelet copies a pod's \`capabilities.add/drop\` into these fields unchanged.`,
  );
  const podId = await cri.runPodSandbox(podConfig);
  let podRemoved = false;
  const removePod = async (): Promise<void> => {
    if (podRemoved) return;
    podRemoved = true;
    await cri.stopPodSandbox(podId).catch(() => {});
    await cri.removePodSandbox(podId).catch(() => {});
  };
  ctx.onCleanup('CRI pod sandbox', removePod);
  try {
    const one: RunOne = async (variant, n) => {
      const name = `v${n}`;
      const config = {
        name,
        image: `docker.io/${BUSYBOX_IMAGE}`,
        command: ['sh', '-c', CAPS_COMMAND],
        logPath: `${name}.log`,
        addCapabilities: variant?.direction === 'add' ? [variant.input] : [],
        dropCapabilities: variant?.direction === 'drop' ? [variant.input] : [],
        namespaces,
      };
      let id: string;
      try {
        id = await cri.createContainer(podId, config, podConfig);
      } catch (error) {
        const e = error as { code?: number; details?: string; message: string };
        return {
          started: false,
          failedAt: 'create',
          error: e.details ?? e.message,
          notices: [],
          surface: `CreateContainer: gRPC error (code ${e.code ?? '?'})`,
        };
      }
      const observation: Observation = { started: false, notices: [], surface: '' };
      try {
        const status = await cri.containerStatus(id, true);
        const info = JSON.parse(status.info.info ?? '{}');
        const bounding = info?.runtimeSpec?.process?.capabilities?.bounding;
        if (Array.isArray(bounding)) observation.specCapabilities = bounding;
        try {
          await cri.startContainer(id);
        } catch (error) {
          const e = error as { code?: number; details?: string; message: string };
          observation.failedAt = 'start';
          observation.error = e.details ?? e.message;
          const after = await cri.containerStatus(id, false).catch(() => undefined);
          observation.surface = `StartContainer: gRPC error (code ${e.code ?? '?'})${after ? `; ContainerStatus reason=${after.reason}, exit code ${after.exitCode}` : ''}`;
          return observation;
        }
        let exited = false;
        for (let i = 0; i < 200 && !exited; i++) {
          const status2 = await cri.containerStatus(id, false);
          if (status2.state === 2) {
            exited = true;
            observation.surface = `container exited ${status2.exitCode} (reason ${status2.reason || '-'}); no error on the CRI side`;
          } else await sleep(100);
        }
        const caps = parseCapSets(parseCriLog(join(logDirectory, `${name}.log`)));
        if (caps) observation.caps = caps;
        observation.started = caps !== undefined;
        if (!exited) observation.surface = 'the container did not exit within 20 s';
        return observation;
      } finally {
        await cri.removeContainer(id).catch(() => {});
      }
    };
    await runMatrix(ctx, path, one, expect, expectedDefaults);
  } finally {
    await removePod();
    grpc.close();
  }
  return version.runtimeVersion;
}

// ---------------------------------------------------------------------------------------------
// Docker

export async function runDocker(
  ctx: SuiteContext,
  path: PathRun,
  expect: (variant: Variant) => Expectation | undefined,
  expectedDefaults: readonly string[] | undefined,
): Promise<void> {
  const dir = join(ctx.root, 'docker');
  mkdirSync(join(dir, 'data'), { recursive: true });
  mkdirSync(join(dir, 'exec'), { recursive: true });
  const configFile = join(dir, 'daemon.json');
  writeFileSync(configFile, '{}\n');
  const socket = join(dir, 'docker.sock');
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_CONFIG: join(dir, 'client') };
  delete env.DOCKER_HOST;
  delete env.DOCKER_CONTEXT;
  // Debian's client; another docker binary earlier in PATH may be a different release.
  const docker = (args: readonly string[], timeoutMs = 60_000): Promise<ExecResult> =>
    exec('/usr/bin/docker', ['-H', `unix://${socket}`, ...args], { env, timeoutMs });
  const daemon = await startDaemon({
    name: 'dockerd',
    command: 'dockerd',
    args: [
      '--config-file',
      configFile,
      '--data-root',
      join(dir, 'data'),
      '--exec-root',
      join(dir, 'exec'),
      '--pidfile',
      join(dir, 'dockerd.pid'),
      '-H',
      `unix://${socket}`,
      '--storage-driver',
      'vfs',
      '--iptables=false',
      '--ip6tables=false',
      '--bridge=none',
      '--ip-forward=false',
      '--ip-masq=false',
      '--exec-opt',
      'native.cgroupdriver=cgroupfs',
      '--cgroup-parent',
      `${ctx.cgroupParent}/docker`,
    ],
    env,
    logFile: join(dir, 'dockerd.log'),
    timeoutMs: 45_000,
    ready: async () => existsSync(socket) && (await docker(['version'], 5_000)).code === 0,
  });
  ctx.onCleanup('dockerd', () => stopDaemon(daemon));
  try {
    path.notes.push(
      'A private dockerd (vfs storage, no bridge, no iptables); each variant is `docker create --network none`, then `docker start -a`, so that a refusal at create and a failure at start are told apart.',
    );
    await must(
      '/usr/bin/docker',
      ['-H', `unix://${socket}`, 'import', '--change', 'ENV PATH=/bin:/usr/bin:/sbin', ctx.rootfsTar, BUSYBOX_IMAGE],
      {
        env,
        timeoutMs: 60_000,
      },
    );
    const one: RunOne = async (variant) => {
      const created = await docker([
        'create',
        '--network',
        'none',
        ...flags(variant),
        BUSYBOX_IMAGE,
        'sh',
        '-c',
        CAPS_COMMAND,
      ]);
      if (created.code !== 0) {
        return {
          started: false,
          failedAt: 'create',
          error: errorText(created),
          notices: [],
          surface: `\`docker create\` exit ${created.code ?? created.signal}`,
        };
      }
      const id = created.stdout.trim();
      try {
        const started = await docker(['start', '-a', id], 30_000);
        const caps = parseCapSets(started.stdout);
        const observation: Observation = {
          started: started.code === 0 && caps !== undefined,
          notices: [],
          surface: `\`docker start -a\` exit ${started.code ?? started.signal}`,
        };
        if (caps) observation.caps = caps;
        if (!observation.started) {
          observation.failedAt = 'start';
          observation.error = errorText(started);
        }
        return observation;
      } finally {
        await docker(['rm', '-f', id], 30_000);
      }
    };
    await runMatrix(ctx, path, one, expect, expectedDefaults);
  } finally {
    await stopDaemon(daemon);
  }
}

// ---------------------------------------------------------------------------------------------
// Podman (rootful; no daemon, but conmon per container)

function hardLimit(name: string): string {
  const line = readFileSync('/proc/self/limits', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(name));
  const hard = line?.slice(26).trim().split(/\s+/)[1];
  return hard === undefined || hard === 'unlimited' ? '-1' : hard;
}

export async function preparePodman(ctx: SuiteContext): Promise<{ args: string[]; env: NodeJS.ProcessEnv }> {
  const dir = join(ctx.root, 'podman');
  for (const sub of ['tmp', 'net']) mkdirSync(join(dir, sub), { recursive: true });
  const nofile = hardLimit('Max open files');
  // Podman 4.3 sets its own RLIMIT_NPROC to 32768 when it starts (seen with strace), so a
  // container can get no more than that.
  const nprocHard = hardLimit('Max processes');
  const nproc = nprocHard === '-1' || Number(nprocHard) > 32768 ? '32768' : nprocHard;
  // Podman's own defaults raise nofile and nproc to 1048576, which needs CAP_SYS_RESOURCE above
  // the caller's hard limits; stay within them instead.
  const conf = `[containers]
default_ulimits = ["nofile=${nofile}:${nofile}", "nproc=${nproc}:${nproc}"]
[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "${dir}/events.log"
[network]
network_config_dir = "${dir}/net"
`;
  writeFileSync(join(dir, 'containers.conf'), conf);
  const env = { ...process.env, CONTAINERS_CONF: join(dir, 'containers.conf') };
  const args = [
    '--root',
    join(dir, 'root'),
    '--runroot',
    join(dir, 'runroot'),
    '--storage-driver',
    'vfs',
    '--cgroup-manager',
    'cgroupfs',
    '--events-backend',
    'file',
    '--tmpdir',
    join(dir, 'tmp'),
  ];
  await must(
    'podman',
    [...args, 'import', '--change', 'ENV PATH=/bin:/usr/bin:/sbin', ctx.rootfsTar, `localhost/${BUSYBOX_IMAGE}`],
    {
      env,
      timeoutMs: 60_000,
    },
  );
  return { args, env };
}

export async function runPodman(
  ctx: SuiteContext,
  podman: { args: string[]; env: NodeJS.ProcessEnv },
  runtime: 'runc' | 'crun',
  path: PathRun,
  expect: (variant: Variant) => Expectation | undefined,
  expectedDefaults: readonly string[] | undefined,
): Promise<void> {
  path.notes.push(
    `Rootful podman with vfs storage and \`--runtime ${runtime}\`; each variant is \`podman create --network none\`, then \`podman start -a\`.`,
  );
  if (runtime === 'crun' && ctx.hybridCgroups) {
    path.notes.push('Each podman command runs in a private mount namespace without the cgroup v2 mount, for crun.');
  }
  path.notes.push(
    'Podman leaves out, without a word, any capability it does not hold itself; where the host lacks a capability, a run cannot show whether its name was understood (the rows marked consistent). The same spellings of IPC_LOCK decide it.',
  );
  const run = (args: readonly string[], timeoutMs = 60_000): Promise<ExecResult> => {
    const full = [...podman.args, '--runtime', runtime, ...args];
    const [command, wrapped] = runtime === 'crun' ? unshareForCrun(ctx, 'podman', full) : ['podman', full];
    return exec(command, wrapped, { env: podman.env, timeoutMs });
  };
  const one: RunOne = async (variant) => {
    const created = await run([
      'create',
      '--network',
      'none',
      '--cgroup-parent',
      `${ctx.cgroupParent}/podman-${runtime}`,
      ...flags(variant),
      `localhost/${BUSYBOX_IMAGE}`,
      'sh',
      '-c',
      CAPS_COMMAND,
    ]);
    if (created.code !== 0) {
      return {
        started: false,
        failedAt: 'create',
        error: errorText(created),
        notices: [],
        surface: `\`podman create\` exit ${created.code ?? created.signal}`,
      };
    }
    const id = firstLine(created.stdout);
    try {
      const started = await run(['start', '-a', id], 30_000);
      const caps = parseCapSets(started.stdout);
      const observation: Observation = {
        started: started.code === 0 && caps !== undefined,
        notices: [],
        surface: `\`podman start -a\` exit ${started.code ?? started.signal}`,
      };
      if (caps) observation.caps = caps;
      if (!observation.started) {
        observation.failedAt = 'start';
        observation.error = errorText(started);
      }
      return observation;
    } finally {
      await run(['rm', '-f', id], 30_000);
    }
  };
  await runMatrix(ctx, path, one, expect, expectedDefaults);
}
