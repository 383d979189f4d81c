// `capdoctor webhook --config/--rule/--pss` as the built binary runs them (`npm test` builds first), over
// real HTTPS on loopback: each option changes what a review says, the command line wins over the file
// as in lint, the file is re-read when a ConfigMap-style symbolic link swap replaces it (a bad new
// version is reported once and the last good one stays), and a bad file at start is refused with its
// name and line.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiDouble } from './support/api-double.js';
import { node } from './support/cluster-fixture.js';
import { admissionReview, KINDS, send, type TlsFiles, tlsFiles, webhookArgs, workload } from './support/webhook.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'capdoctor-webhook-config-'));
let tls: TlsFiles;
beforeAll(() => {
  tls = tlsFiles(mkdtempSync(join(scratch, 'tls-')));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// The incident's prefix (an error on every default target) and a capability Pod Security baseline refuses.
const SPEC = {
  containers: [
    {
      name: 'es',
      image: 'elasticsearch:8.15.0',
      securityContext: { capabilities: { add: ['CAP_SYS_RESOURCE', 'NET_ADMIN'] } },
    },
  ],
};
const POD = KINDS[0] as (typeof KINDS)[number];

interface Webhook {
  port: number;
  child: ChildProcess;
  /** The JSON log lines so far. */
  // biome-ignore lint/suspicious/noExplicitAny: log lines are read as plain JSON
  lines(): any[];
  review(): Promise<{ allowed: boolean; warnings: string[]; message?: string }>;
  stop(): Promise<number | null>;
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
});

async function webhook(args: string[], env: Record<string, string> = {}): Promise<Webhook> {
  const child = spawn(process.execPath, [bin, ...webhookArgs(tls, '--drain-delay', '0', ...args)], {
    cwd: scratch,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const listening = /"msg":"listening","port":(\d+)/.exec(out);
      if (listening) {
        clearInterval(timer);
        resolve(Number(listening[1]));
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`exited ${code}: ${out}${err}`));
    });
  });
  return {
    port,
    child,
    lines: () =>
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    async review() {
      const body = JSON.stringify(admissionReview('admission.k8s.io/v1', POD, workload(POD, SPEC)));
      const reply = await send(port, '/validate', body, { ca: tls.ca });
      expect(reply.status).toBe(200);
      const response = reply.json.response;
      return { allowed: response.allowed, warnings: response.warnings ?? [], message: response.status?.message };
    },
    stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

function file(name: string, text: string): string {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
}

/** A folder laid out as the kubelet mounts a ConfigMap: the key is a link through `..data`, swapped in one rename. */
class ConfigMapVolume {
  readonly dir = mkdtempSync(join(scratch, 'configmap-'));
  readonly path = join(this.dir, 'capdoctor.yaml');
  private version = 0;
  constructor(text: string) {
    this.update(text);
    symlinkSync(join('..data', 'capdoctor.yaml'), this.path);
  }
  update(text: string): void {
    const version = `..v${++this.version}`;
    mkdirSync(join(this.dir, version));
    writeFileSync(join(this.dir, version, 'capdoctor.yaml'), text);
    symlinkSync(version, join(this.dir, '..data_tmp'));
    renameSync(join(this.dir, '..data_tmp'), join(this.dir, '..data'));
  }
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const about = (warnings: string[], text: string) => warnings.filter((w) => w.includes(text));

describe('capdoctor webhook: --rule, --pss and --config change what a review says', () => {
  it('each option, and the command line over the file', async () => {
    const prefixOff = file('prefix-off.yaml', 'rules:\n  cap-prefix: off\n');
    const baseline = file('baseline.yaml', 'pss: baseline\n');
    const docker = file('docker.yaml', 'targets: [docker@18.06]\n');
    const runs: Record<string, string[]> = {
      plain: [],
      ruleOff: ['--rule', 'cap-prefix=off'],
      pssBaseline: ['--pss', 'baseline'],
      pssRestricted: ['--pss', 'restricted'],
      enforce: ['--mode', 'enforce'],
      enforceDowngraded: ['--mode', 'enforce', '--rule', 'cap-prefix=warning'],
      configOff: ['--config', prefixOff],
      configOffRuleOn: ['--config', prefixOff, '--rule', 'cap-prefix=error'],
      configBaseline: ['--config', baseline],
      configBaselinePssRestricted: ['--config', baseline, '--pss', 'restricted'],
      configDocker: ['--config', docker],
      configDockerTarget: ['--config', docker, '--target', 'containerd@1.7'],
    };
    const started = await Promise.all(Object.values(runs).map((args) => webhook(args)));
    const server = Object.fromEntries(Object.keys(runs).map((name, i) => [name, started[i] as Webhook]));
    const review = Object.fromEntries(
      await Promise.all(Object.entries(server).map(async ([name, w]) => [name, await w.review()] as const)),
    );

    // Without options: the prefix, an error on the built-in targets, is the one warning.
    expect(review.plain?.allowed).toBe(true);
    expect(review.plain?.warnings).toHaveLength(1);
    expect(review.plain?.warnings[0]).toContain('"CAP_SYS_RESOURCE": CAP_ prefix');
    // --rule turns it off.
    expect(review.ruleOff?.warnings).toEqual([]);
    // --pss baseline adds what baseline refuses; restricted adds what restricted refuses too.
    expect(about(review.pssBaseline?.warnings ?? [], 'Pod Security baseline')).toHaveLength(2);
    expect(about(review.pssBaseline?.warnings ?? [], 'restricted')).toEqual([]);
    expect(about(review.pssRestricted?.warnings ?? [], 'Pod Security baseline')).toHaveLength(2);
    expect(about(review.pssRestricted?.warnings ?? [], 'does not drop ALL')).toHaveLength(1);
    // A verdict: enforce refuses the error; --rule makes it a warning, and the same workload is allowed.
    expect(review.enforce?.allowed).toBe(false);
    expect(review.enforce?.message).toContain('CAP_SYS_RESOURCE');
    expect(review.enforceDowngraded?.allowed).toBe(true);
    expect(review.enforceDowngraded?.warnings).toEqual(review.plain?.warnings);
    // The file's settings, and the command line over them.
    expect(review.configOff?.warnings).toEqual([]);
    expect(review.configOffRuleOn?.warnings).toEqual(review.plain?.warnings);
    expect(review.configBaseline?.warnings).toEqual(review.pssBaseline?.warnings);
    expect(review.configBaselinePssRestricted?.warnings).toEqual(review.pssRestricted?.warnings);
    // The file's targets, and --target over them.
    expect(review.configDocker?.warnings).toHaveLength(1);
    expect(review.configDocker?.warnings[0]).toMatch(/fails on docker@18\.06/);
    expect(review.configDockerTarget?.warnings[0]).toMatch(/not granted on containerd@1\.7/);
    expect(review.configDockerTarget?.warnings[0]).not.toMatch(/docker/);

    // The listening line says what is in force.
    const listening = server.configDocker?.lines().find((l) => l.msg === 'listening');
    expect(listening).toMatchObject({ config: docker, targets: ['docker@18.06'] });
    expect(server.configBaselinePssRestricted?.lines().find((l) => l.msg === 'listening').pss).toBe('restricted');

    const codes = await Promise.all(started.map((w) => w.stop()));
    expect(codes.every((c) => c === 0)).toBe(true);
  }, 120_000);

  it('does not look for a .capdoctor.yaml in its working folder: the file is given or there is none', async () => {
    // The child runs in `scratch`: lint would find this file there.
    const beside = join(scratch, '.capdoctor.yaml');
    writeFileSync(beside, 'rules:\n  cap-prefix: off\n');
    const lint = spawnSync(process.execPath, [bin, 'lint', '-'], {
      cwd: scratch,
      input: JSON.stringify(workload(POD, SPEC)),
      encoding: 'utf8',
    });
    expect(lint.status).toBe(0);
    const w = await webhook([]);
    try {
      expect((await w.review()).warnings).toHaveLength(1);
      expect(w.lines().find((l) => l.msg === 'listening').config).toBeUndefined();
    } finally {
      rmSync(beside);
      await w.stop();
    }
  }, 60_000);
});

describe('capdoctor webhook --config: the file is re-read when it changes', () => {
  it('applies a new version, reports a bad one once and keeps the last good one', async () => {
    const volume = new ConfigMapVolume('rules:\n  cap-prefix: off\n');
    const w = await webhook(['--config', volume.path, '--config-check-interval', '0.1']);
    try {
      expect((await w.review()).warnings).toEqual([]);

      // A new version: the prefix is reported again.
      volume.update('# the prefix is reported again\nrules: {}\n');
      await until('the new configuration', async () => ((await w.review()).warnings.length === 1 ? true : undefined));
      // Log lines reach the pipe on their own, not with the review's answer: wait for them as well.
      const reloads = async (n: number) =>
        until(`${n} reload lines`, async () => {
          const lines = w.lines().filter((l) => l.msg === 'configuration reloaded');
          return lines.length >= n ? lines : undefined;
        });
      expect(await reloads(1)).toHaveLength(1);

      // A bad version: one error line naming the file and line; the reviews go on with the last good one.
      volume.update('pss: baseline\nrules:\n  cap-prefix: loud\n');
      const error = await until('the error line', async () =>
        w.lines().find((l) => l.msg === 'configuration not reloaded'),
      );
      expect(error.level).toBe('error');
      expect(error.error).toMatch(new RegExp(`^${escapeRegExp(volume.path)}:3:15: rule "cap-prefix": expected one of`));
      await new Promise((r) => setTimeout(r, 600));
      const kept = await w.review();
      expect(kept.warnings).toHaveLength(1);
      expect(about(kept.warnings, 'baseline')).toEqual([]);
      expect(w.lines().filter((l) => l.msg === 'configuration not reloaded')).toHaveLength(1);

      // Fixed: applied.
      volume.update('pss: baseline\n');
      await until('the fixed configuration', async () =>
        about((await w.review()).warnings, 'Pod Security baseline').length === 2 ? true : undefined,
      );
      const reloaded = await reloads(2);
      expect(reloaded).toHaveLength(2);
      expect(reloaded[1]).toMatchObject({ level: 'info', config: volume.path, pss: 'baseline' });

      // Removed: said once, and the last configuration stays.
      rmSync(volume.path);
      await until('the missing-file line', async () =>
        w.lines().filter((l) => l.msg === 'configuration not reloaded').length === 2 ? true : undefined,
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(about((await w.review()).warnings, 'Pod Security baseline')).toHaveLength(2);
      const notReloaded = w.lines().filter((l) => l.msg === 'configuration not reloaded');
      expect(notReloaded).toHaveLength(2);
      expect(notReloaded[1].error).toContain('cannot read configuration');

      // The same, counted for alerting.
      const metrics = (await send(w.port, '/metrics', undefined, { ca: tls.ca })).text;
      expect(metrics).toContain('capdoctor_webhook_config_reloads_total{outcome="applied"} 2');
      expect(metrics).toContain('capdoctor_webhook_config_reloads_total{outcome="rejected"} 2');
    } finally {
      expect(await w.stop()).toBe(0);
    }
  }, 60_000);
});

describe('capdoctor webhook --config: a bad file at start', () => {
  const start = (args: string[]) =>
    spawnSync(
      process.execPath,
      [bin, 'webhook', '--tls-cert-file', tls.certFile, '--tls-private-key-file', tls.keyFile, '--port', '0', ...args],
      {
        cwd: scratch,
        encoding: 'utf8',
        timeout: 30_000,
      },
    );

  it.each([
    ['an unknown rule', 'pss: baseline\nrules:\n  cap-prefx: off\n', ':3:14: unknown rule "cap-prefx"'],
    ['an unknown target', 'targets:\n  - containerd@1.7\n  - dockr@20.10\n', ':3:5: unknown target "dockr@20.10"'],
    ['a YAML error', 'rules:\n  cap-prefix: [off\n', ':3:1: Flow sequence'],
    ['a bad pss', '\n\npss: strict\n', ':3:6: "pss" must be baseline or restricted'],
  ])('%s: exit 2, the file and line named', (_what, text, where) => {
    const path = file(`bad-${Math.random().toString(16).slice(2)}.yaml`, text);
    const result = start(['--config', path]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`capdoctor: ${path}${where}`);
    expect(result.stdout).toBe('');
  });

  it('a missing file, a bad --rule and a bad --pss: exit 2 with the reason', () => {
    const missing = start(['--config', join(scratch, 'nowhere.yaml')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read configuration .*nowhere\.yaml: ENOENT/);
    const rule = start(['--rule', 'cap-prefix=loud']);
    expect(rule.status).toBe(2);
    expect(rule.stderr).toContain('--rule expects ID=off|info|warning|error, got "cap-prefix=loud"');
    const pss = start(['--pss', 'strict']);
    expect(pss.status).toBe(2);
    expect(pss.stderr).toMatch(/--pss/);
  });
});

describe('capdoctor webhook --discover-nodes with a configuration file', () => {
  let api: ApiDouble;
  beforeAll(async () => {
    api = await new ApiDouble({ objects: [node('ly-xjf-r021110-gyt', 'docker18')] }).start();
  }, 60_000);
  afterAll(() => api.stop());

  it('the nodes win over the file’s targets; the file’s targets stand in until the nodes are listed', async () => {
    const config = file('containerd.yaml', 'targets: [containerd@1.7]\n');
    const listed = await webhook(['--config', config, '--discover-nodes', '--kubeconfig', api.kubeconfig()], {
      HOME: '/nonexistent',
    });
    // An API server that cannot be reached (its `down` context): the webhook starts all the same.
    const fallback = await webhook(
      ['--config', config, '--discover-nodes', '--kubeconfig', api.kubeconfig(), '--context', 'down'],
      { HOME: '/nonexistent' },
    );
    try {
      const [fromNodes] = (await listed.review()).warnings;
      expect(fromNodes).toMatch(/docker@18\.06|Docker|docker/);
      expect(fromNodes).not.toMatch(/containerd@1\.7/);
      const [fromFile] = (await fallback.review()).warnings;
      expect(fromFile).toMatch(/not granted on containerd@1\.7/);
      expect(
        await until('the nodes-not-listed line', async () =>
          fallback.lines().some((l) => l.msg === 'nodes not listed') ? true : undefined,
        ),
      ).toBe(true);
    } finally {
      await Promise.all([listed.stop(), fallback.stop()]);
    }
  }, 90_000);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
