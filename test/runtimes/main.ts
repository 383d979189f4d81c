// Entry of `npm run test:runtimes`: installs the runtimes from Debian packages when they are
// missing, runs every variant on runc, crun, containerd (ctr and CRI), Docker and Podman with
// private daemons, compares each result with capdoctor's prediction for the versions found,
// writes docs/runtime-verification.md and exits non-zero on any mismatch. Needs root.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, release } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveTarget } from '../../src/index.js';
import {
  buildVariants,
  type Expectation,
  expectDirectOci,
  expectedDefaults,
  expectFromTarget,
  type HostFacts,
  ociRangeFor,
  type PathRun,
  passed,
  summarize,
  type Variant,
} from './compare.js';
import {
  exec,
  existingPaths,
  HOST_TRACES,
  installPackages,
  isAborting,
  log,
  mountsUnder,
  removeCgroups,
  removeNewPaths,
  removeTree,
  setAborting,
  stopAllDaemons,
  sweepProcesses,
  unmountUnder,
} from './host.js';
import { buildImageArchive, buildRootfs } from './images.js';
import {
  type Containerd,
  preparePodman,
  runCri,
  runCtr,
  runDocker,
  runOciDirect,
  runPodman,
  type SuiteContext,
  startContainerd,
} from './paths.js';
import { renderReport } from './report.js';

const PACKAGES = ['runc', 'crun', 'containerd', 'docker.io', 'podman', 'busybox-static'];
const PATH_IDS = ['runc', 'crun', 'ctr', 'cri', 'docker', 'podman'] as const;
type PathId = (typeof PATH_IDS)[number];

const USAGE = `Usage: npm run test:runtimes [-- options]
  --only <ids>       comma-separated subset of ${PATH_IDS.join(',')} (the report is then written only with --report)
  --report <file>    where to write the report (default docs/runtime-verification.md)
  --no-install       do not install missing packages
  --timeout <s>      stop and clean up after this many seconds (default 540)`;

interface Version {
  text: string;
  number: string;
}

async function versionOf(command: string, attempt = 1): Promise<Version> {
  const result = await exec(command, ['--version'], { timeoutMs: 15_000 });
  if (result.code !== 0 && attempt === 1) return versionOf(command, 2);
  const text = result.stdout.trim().split('\n')[0] ?? '';
  const number = /(\d+\.\d+\.\d+)/.exec(text)?.[1];
  if (result.code !== 0 || !number) {
    throw new Error(`${command} --version: exit ${result.code}, no version in "${text}" ${result.stderr.trim()}`);
  }
  return { text, number };
}

function readHost(): HostFacts & { hybridCgroups: boolean; system: string } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const bounding = BigInt(`0x${/^CapBnd:\s*([0-9a-f]+)/m.exec(status)?.[1] ?? '0'}`);
  const lastCap = Number(readFileSync('/proc/sys/kernel/cap_last_cap', 'utf8').trim());
  const controllers = '/sys/fs/cgroup/unified/cgroup.controllers';
  const hybridCgroups = existsSync(controllers) && readFileSync(controllers, 'utf8').trim() !== '';
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(osRelease)?.[1] ?? 'Linux';
  const debian = existsSync('/etc/debian_version') ? readFileSync('/etc/debian_version', 'utf8').trim() : '';
  return { bounding, lastCap, hybridCgroups, system: debian ? `${pretty}, Debian ${debian}` : pretty };
}

function newPath(id: string, title: string, versionText: string, predictedBy: string): PathRun {
  return { id, title, versionText, predictedBy, notes: [], rows: [] };
}

async function main(): Promise<number> {
  let values: {
    only?: string | undefined;
    report?: string | undefined;
    'no-install'?: boolean | undefined;
    timeout?: string | undefined;
    help?: boolean | undefined;
  };
  try {
    values = parseArgs({
      options: {
        only: { type: 'string' },
        report: { type: 'string' },
        'no-install': { type: 'boolean', default: false },
        timeout: { type: 'string', default: '540' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : undefined;
  for (const id of only ?? []) {
    if (!PATH_IDS.includes(id as PathId)) {
      process.stderr.write(`unknown path "${id}"\n${USAGE}\n`);
      return 2;
    }
  }
  const wants = (id: PathId): boolean => !only || only.has(id);
  const reportFile = values.report ?? (only ? undefined : join(process.cwd(), 'docs', 'runtime-verification.md'));
  const timeoutS = Number(values.timeout ?? '540');
  if (!Number.isFinite(timeoutS) || timeoutS <= 0) {
    process.stderr.write(`--timeout needs a number of seconds\n${USAGE}\n`);
    return 2;
  }
  if (process.getuid?.() !== 0) {
    process.stderr.write('The runtime suite needs root: it installs packages and starts container runtimes.\n');
    return 2;
  }

  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const root = mkdtempSync('/tmp/capdoctor-rt-');
  const cgroupParent = `/${basename(root)}`;
  const cleanups: { name: string; step: () => Promise<void> }[] = [];
  // What already exists is never removed, whatever happens later.
  const before = existingPaths(HOST_TRACES);
  let cleaning: Promise<void> | undefined;

  const cleanup = (): Promise<void> => {
    cleaning ??= (async () => {
      log(`cleaning up (${elapsed()})`);
      for (const { name, step } of cleanups.reverse()) {
        try {
          await Promise.race([
            step(),
            new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 60_000)),
          ]);
        } catch (error) {
          log(`cleanup of ${name}: ${(error as Error).message}`);
        }
      }
      await stopAllDaemons();
      const swept = await sweepProcesses(root);
      if (swept.length > 0) log(`killed leftover processes: ${swept.join(', ')}`);
      const unmounted = await unmountUnder(root);
      if (unmounted.length > 0) log(`unmounted ${unmounted.join(', ')}`);
      removeCgroups(cgroupParent);
      removeTree(root);
      const removed = removeNewPaths(HOST_TRACES, before);
      if (removed.length > 0) log(`removed what the runtimes left on the host: ${removed.join(', ')}`);
      const leftMounts = mountsUnder(root);
      const leftProcesses = await sweepProcesses(root);
      if (leftMounts.length > 0 || leftProcesses.length > 0 || existsSync(root)) {
        log(`left behind: mounts ${leftMounts.join(', ') || 'none'}; processes ${leftProcesses.join(', ') || 'none'}`);
      } else log('no daemon, container, mount or folder of this run is left');
    })();
    return cleaning;
  };

  let exitCode: number | undefined;
  const abort = (why: string, code: number): void => {
    if (exitCode !== undefined) return;
    exitCode = code;
    log(`stopping: ${why}`);
    setAborting();
    const hardStop = setTimeout(() => process.exit(code), 120_000);
    hardStop.unref();
    cleanup().finally(() => process.exit(code));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => abort(`received ${signal}`, signal === 'SIGINT' ? 130 : 143));
  }
  const deadline = setTimeout(() => abort(`the suite ran longer than ${timeoutS} s`, 124), timeoutS * 1000);
  deadline.unref();

  const paths: PathRun[] = [];
  const host = readHost();
  try {
    if (!values['no-install']) await installPackages(PACKAGES);
    log(`packages ready (${elapsed()})`);
    const versions = {
      runc: await versionOf('runc'),
      crun: await versionOf('crun'),
      containerd: await versionOf('containerd'),
      dockerd: await versionOf('dockerd'),
      podman: await versionOf('podman'),
    };
    for (const [name, v] of Object.entries(versions)) log(`${name}: ${v.text}`);

    const { rootfs, tarball } = await buildRootfs(root);
    const imageArchive = await buildImageArchive(root, tarball, [
      { name: 'capdoctor/busybox:local', cmd: ['/bin/sh'] },
      { name: 'capdoctor/pause:local', cmd: ['/bin/sleep', '2147483647'] },
    ]);
    const variants: Variant[] = buildVariants(host);
    const ctx: SuiteContext = {
      root,
      cgroupParent,
      rootfs,
      rootfsTar: tarball,
      imageArchive,
      host,
      hybridCgroups: host.hybridCgroups,
      variants,
      onCleanup: (name, step) => cleanups.push({ name, step }),
    };
    log(`${variants.length} variants; images built (${elapsed()})`);

    const attempt = async (path: PathRun, run: () => Promise<void>): Promise<void> => {
      paths.push(path);
      if (isAborting()) {
        path.error = 'the suite stopped before this path';
        return;
      }
      try {
        await run();
      } catch (error) {
        path.error = (error as Error).message;
        log(`${path.id} failed: ${path.error}`);
      }
      log(`${path.id} done (${elapsed()})`);
    };

    for (const runtime of ['runc', 'crun'] as const) {
      if (!wants(runtime)) continue;
      const v = versions[runtime];
      const oci = ociRangeFor(runtime, v.number);
      const path = newPath(
        runtime,
        `${runtime} ${v.number} (OCI bundle run directly)`,
        v.text,
        oci ? `capdoctor's OCI runtime facts for ${runtime} ${v.number} (${oci.label})` : 'none',
      );
      await attempt(path, async () => {
        if (!oci) throw new Error(`capdoctor has no facts for ${runtime} ${v.number}`);
        await runOciDirect(ctx, runtime, path, (variant) => expectDirectOci(oci, variant.input));
      });
    }

    if (wants('ctr') || wants('cri')) {
      let containerd: Containerd | undefined;
      const containerdError = await startContainerd(ctx).then(
        (c) => {
          containerd = c;
          return undefined;
        },
        (error: Error) => error.message,
      );
      const cv = versions.containerd.number;
      if (wants('ctr')) {
        const path = newPath('ctr', `ctr ${cv} (containerd client)`, versions.containerd.text, 'none (recorded only)');
        await attempt(path, async () => {
          if (!containerd) throw new Error(containerdError ?? 'containerd is not running');
          await runCtr(ctx, containerd, path);
        });
      }
      if (wants('cri')) {
        const spec = `containerd@${cv}+runc@${versions.runc.number}`;
        const target = resolveTarget(spec);
        const path = newPath(
          'cri',
          `containerd ${cv} CRI with runc ${versions.runc.number} (as the kubelet drives it)`,
          versions.containerd.text,
          `\`predict()\` for \`${spec}\` (${target.label})`,
        );
        await attempt(path, async () => {
          if (!containerd) throw new Error(containerdError ?? 'containerd is not running');
          const reported = await runCri(
            ctx,
            containerd,
            path,
            (variant) => expectFromTarget(target, variant.direction, variant.input),
            expectedDefaults(target),
          );
          path.notes.push(`The CRI Version call reported runtime version \`${reported}\`.`);
        });
      }
      if (containerd) await containerd.stop();
    }

    if (wants('docker')) {
      const dv = versions.dockerd.number;
      const target = resolveTarget(`docker@${dv}`);
      const path = newPath(
        'docker',
        `Docker ${dv} (docker create and start)`,
        versions.dockerd.text,
        `\`predict()\` for \`docker@${dv}\` (${target.label})`,
      );
      const expect = (variant: Variant): Expectation => expectFromTarget(target, variant.direction, variant.input);
      await attempt(path, () => runDocker(ctx, path, expect, expectedDefaults(target)));
    }

    if (wants('podman')) {
      const pv = versions.podman.number;
      const target = resolveTarget(`podman@${pv}`);
      const expect = (variant: Variant): Expectation => expectFromTarget(target, variant.direction, variant.input);
      let podman: Awaited<ReturnType<typeof preparePodman>> | undefined;
      let podmanError: string | undefined;
      try {
        podman = await preparePodman(ctx);
      } catch (error) {
        podmanError = (error as Error).message;
      }
      for (const runtime of ['runc', 'crun'] as const) {
        const path = newPath(
          `podman-${runtime}`,
          `Podman ${pv} with ${runtime} ${versions[runtime].number}`,
          versions.podman.text,
          `\`predict()\` for \`podman@${pv}\` (${target.label})`,
        );
        await attempt(path, async () => {
          if (!podman) throw new Error(podmanError ?? 'podman could not be prepared');
          await runPodman(ctx, podman, runtime, path, expect, expectedDefaults(target));
        });
      }
    }
  } catch (error) {
    log(`the suite failed: ${(error as Error).stack ?? error}`);
    paths.push({ ...newPath('setup', 'Setup', '-', '-'), error: (error as Error).message });
  } finally {
    await cleanup();
  }

  const summary = summarize(paths);
  if (reportFile && paths.length > 0) {
    const now = new Date();
    const report = renderReport({
      date: now.toISOString().slice(0, 10),
      system: host.system,
      kernel: release(),
      arch: arch() === 'x64' ? 'x86_64' : arch(),
      hostBounding: host.bounding,
      lastCap: host.lastCap,
      hybridCgroups: host.hybridCgroups,
      paths,
      summary,
    });
    mkdirSync(dirname(resolve(reportFile)), { recursive: true });
    writeFileSync(reportFile, report);
    const shown = relative(process.cwd(), resolve(reportFile));
    log(`report written to ${shown.startsWith('..') ? resolve(reportFile) : shown}`);
  }
  for (const path of paths) {
    const bad = path.rows.filter((r) => r.check.verdict === 'mismatch');
    for (const row of bad) {
      log(`MISMATCH ${path.id}: ${row.variant.direction} ${row.variant.input}: ${row.check.problems.join('; ')}`);
    }
    if (path.defaults?.check.verdict === 'mismatch') {
      log(`MISMATCH ${path.id}: defaults: ${path.defaults.check.problems.join('; ')}`);
    }
    if (path.error !== undefined) log(`FAILED ${path.id}: ${path.error.split('\n')[0]}`);
  }
  log(
    `${summary.compared} checks: ${summary.matched} match, ${summary.consistent} consistent, ${summary.mismatched} mismatches; ${summary.observedOnly} recorded only; finished in ${elapsed()}`,
  );
  if (exitCode !== undefined) return exitCode;
  return passed(summary) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exit(1);
  },
);
