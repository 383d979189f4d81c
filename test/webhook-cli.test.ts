// `capdoctor webhook` and `capdoctor webhook certs` as the built binary runs them (`npm test` builds
// first): the certificates it writes, a drain on SIGTERM with a review in flight, and that no other
// command loads the webhook's code.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { admissionReview, KINDS, send, tlsFiles, webhookArgs, workload } from './support/webhook.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'capdoctor.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'capdoctor-webhook-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('capdoctor webhook certs', () => {
  it('writes a CA and a serving certificate for the Service names, keys readable by the owner only', () => {
    const out = join(scratch, 'certs');
    const { code, stdout } = run([
      'webhook',
      'certs',
      '--service',
      'capdoctor-webhook',
      '--namespace',
      'capdoctor',
      '--out',
      out,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('capdoctor-webhook.capdoctor.svc');
    const ca = new X509Certificate(readFileSync(join(out, 'ca.crt')));
    const tls = new X509Certificate(readFileSync(join(out, 'tls.crt')));
    expect(ca.ca).toBe(true);
    expect(tls.ca).toBe(false);
    expect(tls.checkIssued(ca)).toBe(true);
    expect(tls.verify(ca.publicKey)).toBe(true);
    expect(tls.subjectAltName).toBe(
      'DNS:capdoctor-webhook, DNS:capdoctor-webhook.capdoctor, DNS:capdoctor-webhook.capdoctor.svc, DNS:capdoctor-webhook.capdoctor.svc.cluster.local',
    );
    expect(tls.checkHost('capdoctor-webhook.capdoctor.svc')).toBe('capdoctor-webhook.capdoctor.svc');
    expect(tls.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']);
    expect(tls.checkPrivateKey(createPrivateKey(readFileSync(join(out, 'tls.key'))))).toBe(true);
    expect(ca.checkPrivateKey(createPrivateKey(readFileSync(join(out, 'ca.key'))))).toBe(true);
    for (const key of ['ca.key', 'tls.key']) expect(statSync(join(out, key)).mode & 0o777).toBe(0o600);
    const days = (Date.parse(tls.validTo) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThan(366);
  });

  it('refuses a name that is not a DNS label, and missing options, with exit code 2', () => {
    const bad = run(['webhook', 'certs', '--service', 'Bad_Name', '--namespace', 'x', '--out', join(scratch, 'bad')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--service: "Bad_Name" is not a DNS label/);
    const missing = run(['webhook', 'certs', '--service', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--service, --namespace and --out are required/);
  });
});

describe('capdoctor webhook', () => {
  it('refuses to start without a certificate, or with files that do not hold one', () => {
    expect(run(['webhook']).stderr).toMatch(/--tls-cert-file and --tls-private-key-file are required/);
    const empty = join(scratch, 'empty.pem');
    writeFileSync(empty, '');
    const result = run(['webhook', '--tls-cert-file', empty, '--tls-private-key-file', empty, '--port', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^capdoctor: cannot start: /);
  });

  it('on SIGTERM turns not ready, finishes the review in flight, and exits 0', async () => {
    const tls = tlsFiles(mkdtempSync(join(scratch, 'tls-')));
    const child: ChildProcess = spawn(process.execPath, [bin, ...webhookArgs(tls, '--drain-delay', '1')], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setInterval(() => {
          const listening = /"msg":"listening","port":(\d+)/.exec(out);
          if (listening) {
            clearInterval(timer);
            resolve(Number(listening[1]));
          }
        }, 20);
        child.once('exit', () => reject(new Error(`exited early: ${out}`)));
      });
      const pod = KINDS[0] as (typeof KINDS)[number];
      const body = Buffer.from(JSON.stringify(admissionReview('admission.k8s.io/v1', pod, workload(pod), 'in-flight')));
      let readiness = 0;
      // A review whose body is half sent when SIGTERM arrives.
      const reply = new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/validate',
            method: 'POST',
            ca: tls.ca,
            agent: false,
            headers: { 'content-type': 'application/json', 'content-length': body.length },
          },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => {
              text += d.toString();
            });
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
          },
        );
        req.on('error', reject);
        req.write(body.subarray(0, 100));
        setTimeout(() => {
          child.kill('SIGTERM');
          setTimeout(async () => {
            // Draining: not ready, still answering.
            readiness = (await send(port, '/readyz', undefined, { ca: tls.ca })).status;
            req.end(body.subarray(100));
          }, 300);
        }, 200);
      });
      const answer = await reply;
      expect(readiness).toBe(503);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text).response.uid).toBe('in-flight');
      expect(await exited).toBe(0);
      const lines = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.msg)).toEqual(['listening', 'signal', 'draining', 'review', 'stopped']);
      expect(lines[2].inFlight).toBe(1);
    } finally {
      child.kill('SIGKILL');
      rmSync(tls.dir, { recursive: true, force: true });
    }
  });
});

describe('the webhook code is loaded by the webhook command only', () => {
  // A preload that lists every file Node loads through require, printed at exit.
  const preload = join(scratch, 'list-loads.cjs');
  writeFileSync(
    preload,
    "const M = require('node:module'); const seen = new Set(); const load = M._load;" +
      'M._load = function (request, parent, isMain) { const r = load.apply(this, arguments); try { seen.add(M._resolveFilename(request, parent, isMain)); } catch {} return r; };' +
      "process.on('exit', () => process.stderr.write('\\nLOADED ' + JSON.stringify([...seen]) + '\\n'));",
  );
  const loaded = (stderr: string): string[] => JSON.parse(/\nLOADED (.*)\n/.exec(stderr)?.[1] ?? '[]');

  it('lint does not load it', () => {
    const result = run(['lint', 'examples/'], { NODE_OPTIONS: `--require ${preload}` });
    const files = loaded(result.stderr);
    expect(files).toContain(bin);
    expect(files.filter((f) => /webhook\.cjs$|prom-client|node-forge/.test(f))).toEqual([]);
  });

  it('webhook certs does', () => {
    const result = run(['webhook', 'certs', '--service', 'a', '--namespace', 'b', '--out', join(scratch, 'loads')], {
      NODE_OPTIONS: `--require ${preload}`,
    });
    expect(result.code).toBe(0);
    expect(loaded(result.stderr).some((f) => f.endsWith(join('dist', 'webhook.cjs')))).toBe(true);
  });
});
