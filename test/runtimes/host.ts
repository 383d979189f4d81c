// Everything the runtime suite does to the machine: running commands with time limits, starting
// and stopping daemons by PID, installing packages, and undoing what it did (processes, mounts,
// cgroups, folders) even when a run fails or is interrupted.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  openSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

export interface ExecResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface ExecOptions {
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // Each command runs in its own process group (detached), so its helpers stop with it.
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Runs a command without a shell; kills its process group when the time limit passes. */
export function exec(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    running.add(child);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child, 'SIGKILL');
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    const finish = (code: number | null, signal: NodeJS.Signals | null, extra = ''): void => {
      clearTimeout(timer);
      running.delete(child);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + extra,
        timedOut,
      });
    };
    child.on('error', (error) => finish(127, null, String(error.message)));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** Like exec, but throws unless the command exits 0. */
export async function must(command: string, args: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
  const result = await exec(command, args, options);
  if (result.code !== 0) {
    const why = result.timedOut ? `timed out after ${options.timeoutMs ?? 60_000} ms` : `exit ${result.code}`;
    throw new Error(`${command} ${args.join(' ')}: ${why}\n${result.stderr.trim() || result.stdout.trim()}`);
  }
  return result;
}

let aborting = false;

/** Stops the main flow: running commands are killed and no daemon or variant is started any more. */
export function setAborting(): void {
  aborting = true;
  for (const child of running) killGroup(child, 'SIGKILL');
}

export function isAborting(): boolean {
  return aborting;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (!alive(pid) || isZombie(pid)) return true;
    await sleep(100);
  }
  return !alive(pid) || isZombie(pid);
}

function isZombie(pid: number): boolean {
  try {
    return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return false;
  }
}

export interface Daemon {
  name: string;
  pid: number;
  child: ChildProcess;
  logFile: string;
}

export interface DaemonSpec {
  name: string;
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  logFile: string;
  /** Resolves true once the daemon answers on its socket. */
  ready: () => Promise<boolean>;
  timeoutMs: number;
}

const daemons = new Set<Daemon>();

/** Stops a daemon this suite started: SIGTERM to its PID, SIGKILL if it is still there after the grace time. */
export async function stopDaemon(daemon: Daemon, graceMs = 20_000): Promise<void> {
  if (alive(daemon.pid) && !isZombie(daemon.pid)) {
    try {
      process.kill(daemon.pid, 'SIGTERM');
    } catch {
      // gone meanwhile
    }
    if (!(await waitForExit(daemon.pid, graceMs))) {
      log(`${daemon.name} (pid ${daemon.pid}) did not stop within ${graceMs / 1000} s; killing it`);
      try {
        process.kill(daemon.pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
      await waitForExit(daemon.pid, 5_000);
    }
  }
  daemons.delete(daemon);
}

async function launch(spec: DaemonSpec): Promise<Daemon | string> {
  const fd = openSync(spec.logFile, 'a');
  const child = spawn(spec.command, spec.args, {
    env: spec.env ?? process.env,
    stdio: ['ignore', fd, fd],
    detached: true,
  });
  closeSync(fd);
  const pid = child.pid;
  if (pid === undefined) return `${spec.command} could not be started`;
  const daemon: Daemon = { name: spec.name, pid, child, logFile: spec.logFile };
  daemons.add(daemon);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = `exited early (${signal ?? `exit ${code}`})`;
  });
  child.on('error', (error) => {
    exited = error.message;
  });
  const until = Date.now() + spec.timeoutMs;
  while (Date.now() < until) {
    if (exited) break;
    if (await spec.ready().catch(() => false)) return daemon;
    await sleep(250);
  }
  const why = exited ?? `did not answer within ${spec.timeoutMs / 1000} s`;
  await stopDaemon(daemon);
  return why;
}

/** Starts a daemon and waits until it answers; one more attempt if the first one fails. */
export async function startDaemon(spec: DaemonSpec): Promise<Daemon> {
  for (let attempt = 1; attempt <= 2; attempt++) {
    if (aborting) throw new Error('the suite is stopping');
    const result = await launch(spec);
    if (typeof result !== 'string') {
      log(`${spec.name} started (pid ${result.pid})`);
      return result;
    }
    log(`${spec.name}: attempt ${attempt} failed: ${result}`);
  }
  const tail = existsSync(spec.logFile) ? readFileSync(spec.logFile, 'utf8').trim().split('\n').slice(-15) : [];
  throw new Error(`${spec.name} could not be started twice; the end of its log:\n${tail.join('\n')}`);
}

export async function stopAllDaemons(): Promise<void> {
  for (const daemon of [...daemons].reverse()) await stopDaemon(daemon);
}

export function log(message: string): void {
  process.stdout.write(`[runtimes] ${message}\n`);
}

/** PIDs whose command line mentions the suite's private folder: shims, conmon and daemons it started. */
function processesUsing(root: string): number[] {
  const own = new Set([process.pid, process.ppid]);
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (own.has(pid)) continue;
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(root) && !isZombie(pid)) out.push(pid);
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** Every live descendant of a process, deepest first. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // exited meanwhile
    }
  }
  const out: number[] = [];
  const visit = (p: number): void => {
    for (const c of children.get(p) ?? []) {
      visit(c);
      out.push(c);
    }
  };
  visit(pid);
  return out;
}

/**
 * Kills what is left of the suite's processes: anything whose command line names the private
 * folder (shims, conmon) and the containers below them. They can only be ours: the folder name is
 * unique to this run.
 */
export async function sweepProcesses(root: string): Promise<number[]> {
  const leftovers = processesUsing(root);
  const victims = [...new Set(leftovers.flatMap((pid) => [...descendants(pid), pid]))];
  for (const pid of victims) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  for (const pid of victims) await waitForExit(pid, 5_000);
  return victims;
}

/** Mount points at or below a folder, deepest first. */
export function mountsUnder(root: string): string[] {
  const points = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((p): p is string => p !== undefined)
    .map((p) => p.replace(/\\(\d{3})/g, (_, oct: string) => String.fromCharCode(Number.parseInt(oct, 8))))
    .filter((p) => p === root || p.startsWith(`${root}/`));
  return [...new Set(points)].sort((a, b) => b.length - a.length);
}

export async function unmountUnder(root: string): Promise<string[]> {
  const points = mountsUnder(root);
  for (const point of points) await exec('umount', ['-l', point], { timeoutMs: 15_000 });
  return points;
}

/** Removes a cgroup folder tree in every hierarchy; only empty cgroups can go, which is all we want. */
export function removeCgroups(relative: string): void {
  const base = '/sys/fs/cgroup';
  if (!existsSync(base)) return;
  const roots = [base, ...readdirSync(base).map((d) => join(base, d))];
  for (const hierarchy of roots) {
    const top = join(hierarchy, relative);
    if (!existsSync(top)) continue;
    removeCgroupTree(top);
  }
}

function removeCgroupTree(dir: string): void {
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    try {
      if (statSync(path).isDirectory()) removeCgroupTree(path);
    } catch {
      // gone meanwhile
    }
  }
  try {
    rmdirSync(dir);
  } catch {
    // a cgroup that still holds a process stays; the process sweep runs before this
  }
}

/** Host paths that the daemons create outside their own folders; the suite removes those it created. */
export const HOST_TRACES = [
  '/run/containerd',
  '/run/docker',
  '/run/runc',
  '/run/crun',
  '/run/libpod',
  '/run/containers',
  '/run/mount',
  '/var/lib/containers',
  '/dev/shm/libpod_lock',
];

export function existingPaths(paths: readonly string[]): Set<string> {
  return new Set(paths.filter((p) => existsSync(p)));
}

export function removeNewPaths(paths: readonly string[], before: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  for (const path of paths) {
    if (before.has(path) || !existsSync(path)) continue;
    if (mountsUnder(path).length > 0) {
      log(`leaving ${path} in place: something is still mounted below it`);
      continue;
    }
    rmSync(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}

const POLICY_RC = '/usr/sbin/policy-rc.d';

/** Installs the Debian packages that are missing; installs nothing when all are present. */
export async function installPackages(packages: readonly string[]): Promise<string[]> {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own placeholders
  const format = '${Package} ${db:Status-Status}\n';
  const query = await exec('dpkg-query', ['-W', '-f', format, ...packages], {
    timeoutMs: 30_000,
  });
  const installed = new Set(
    query.stdout
      .split('\n')
      .filter((l) => l.endsWith(' installed'))
      .map((l) => l.split(' ')[0]),
  );
  const missing = packages.filter((p) => !installed.has(p));
  if (missing.length === 0) {
    log(`packages already installed: ${packages.join(' ')}`);
    return [];
  }
  log(`installing ${missing.join(' ')} with apt-get`);
  // Package scripts must not start system daemons: those would not be ours to stop.
  const ownPolicy = !existsSync(POLICY_RC);
  if (ownPolicy)
    writeFileSync(POLICY_RC, '#!/bin/sh\n# written by the capdoctor runtime suite while it installs\nexit 101\n', {
      mode: 0o755,
    });
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await must('apt-get', ['update'], { env, timeoutMs: 180_000 });
    await must('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env, timeoutMs: 420_000 });
  } finally {
    if (ownPolicy) rmSync(POLICY_RC, { force: true });
  }
  return missing;
}

/** Folders below the suite's private root that the cleanup removes, but never across a mount. */
export function removeTree(root: string): void {
  if (mountsUnder(root).length > 0) {
    log(`leaving ${root} in place: something is still mounted below it`);
    return;
  }
  rmSync(root, { recursive: true, force: true });
}
