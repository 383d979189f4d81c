// Measures `capdoctor diagnose` on a generated node journal (default 100 MB): wall time and peak
// RSS from /usr/bin/time -v. The journal is written to a temporary folder and removed afterwards.
//
//   npm run build && node bench/diagnose.mjs [--mb 100] [--runs 3] [--keep]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const megabytes = option('--mb', 100);
const runs = option('--runs', 3);

/** mulberry32: a seeded generator, so every run measures the same bytes. */
function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n) => Math.floor(next() * n) };
}

const hex = (rng, n) => Array.from({ length: n }, () => '0123456789abcdef'[rng.int(16)]).join('');
const pad = (n) => String(n).padStart(2, '0');

/** The lines a busy node writes all day: none of them is about capabilities. */
const NOISE = [
  (r, t, h, i) =>
    `${t} ${h} kubelet[1423]: I0915 ${t.slice(7)}.${pad(r.int(100))}0323    1423 kubelet.go:2112] "SyncLoop (PLEG): event for pod" pod="shop/web-${i % 97}" event=&{ID:${hex(r, 8)}-15fe-11ec-b6be-000af79b1e70 Type:ContainerStarted Data:${hex(r, 64)}}`,
  (r, t, h) =>
    `${t} ${h} dockerd[987]: time="2021-09-15T${t.slice(7)}.025393994+08:00" level=info msg="ignoring event" container=${hex(r, 64)} module=libcontainerd namespace=moby topic=/tasks/delete type="*events.TaskDelete"`,
  (r, t, h) =>
    `${t} ${h} containerd[812]: time="2021-09-15T${t.slice(7)}.101234567+08:00" level=info msg="shim disconnected" id=${hex(r, 64)}`,
  (_r, t, h, i) => `${t} ${h} systemd[1]: Started Session ${i} of user core.`,
  (r, t, h) => `${t} ${h} kernel: IPv6: ADDRCONF(NETDEV_CHANGE): cali${hex(r, 11)}: link becomes ready`,
  (_r, t, h, i) =>
    `${t} ${h} kubelet[1423]: E0915 ${t.slice(7)}.050402    1423 reflector.go:138] object-"shop"/"cfg-${i % 13}": Failed to watch *v1.ConfigMap: failed to list *v1.ConfigMap: configmaps "cfg-${i % 13}" is forbidden: User "system:node:${h}" cannot list resource "configmaps" in API group "" in the namespace "shop"`,
  (r, t, h, i) =>
    `${t} ${h} kubelet[1423]: I0915 ${t.slice(7)}.050439    1423 prober.go:117] "Probe failed" probeType="Readiness" pod="shop/web-${i % 97}" podUID=${hex(r, 8)}-15fe-11ec-b6be-000af79b1e70 containerName="web" probeResult=failure output="Get \\"http://10.0.${i % 250}.${r.int(250)}:8080/healthz\\": dial tcp 10.0.${i % 250}.${r.int(250)}:8080: connect: connection refused"`,
  (r, t, h) =>
    `${t} ${h} sshd[${r.int(30000)}]: Accepted publickey for core from 10.0.${r.int(250)}.${r.int(250)} port ${20000 + r.int(40000)} ssh2: ED25519 SHA256:${hex(r, 43)}`,
];

/** The incident's story, written into the middle of the journal. */
function incident(t, h) {
  const id = '21c865364925ff782dc85ab8773d12c65fcf93e7dde31f3160bad26aee3cfa21';
  return [
    `${t} ${h} dockerd: time="2021-09-15T19:37:07.025393994+08:00" level=error msg="Handler for POST /v1.38/containers/${id}/start returned error: linux spec capabilities: Unknown capability to add: \\"CAP_CAP_SYS_RESOURCE\\""`,
    `${t} ${h} kubelet: E0915 19:37:07.050402  189742 kuberuntime_manager.go:749] container start failed: RunContainerError: failed to start container "${id}": Error response from daemon: linux spec capabilities: Unknown capability to add: "CAP_CAP_SYS_RESOURCE"`,
  ];
}

async function generate(path, bytes) {
  const rng = random(20210915);
  const out = createWriteStream(path);
  let written = 0;
  let i = 0;
  const middle = Math.floor(bytes / 2);
  let placed = false;
  while (written < bytes) {
    const s = i % 86400;
    const t = `Sep 15 ${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
    const host = i % 3 === 0 ? 'ly-xjf-r021110-gyt' : 'ly-xjf-r020905-gyt';
    const lines = !placed && written >= middle ? incident(t, host) : [NOISE[i % NOISE.length](rng, t, host, i)];
    if (lines.length > 1) placed = true;
    const chunk = `${lines.join('\n')}\n`;
    written += Buffer.byteLength(chunk);
    i++;
    if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise((resolve) => out.end(resolve));
  return i;
}

function measure(file) {
  const result = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, join(root, 'bin/capdoctor.js'), 'diagnose', file, '-o', 'json'],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(result.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : Number.NaN;
  const report = JSON.parse(result.stdout);
  return { seconds, rssMb: rss ? Number(rss[1]) / 1024 : Number.NaN, code: result.status, top: report.diagnoses[0] };
}

if (!existsSync('/usr/bin/time')) {
  console.error('bench/diagnose.mjs needs /usr/bin/time (GNU time) for the peak RSS');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'capdoctor-bench-'));
const file = join(dir, 'messages');
try {
  const lines = await generate(file, megabytes * 1024 * 1024);
  const size = statSync(file).size;
  console.log(`journal: ${(size / 1024 / 1024).toFixed(1)} MB, ${lines} lines (${file})`);
  const results = [];
  for (let run = 0; run < runs; run++) {
    const m = measure(file);
    results.push(m);
    console.log(
      `run ${run + 1}: ${m.seconds.toFixed(2)} s wall, ${m.rssMb.toFixed(0)} MB peak RSS, exit ${m.code}, top: ${m.top?.rule} ${m.top?.capability}`,
    );
  }
  const best = Math.min(...results.map((r) => r.seconds));
  const median = results.map((r) => r.seconds).sort((a, b) => a - b)[Math.floor(results.length / 2)];
  const rss = Math.max(...results.map((r) => r.rssMb));
  console.log(`best ${best.toFixed(2)} s, median ${median.toFixed(2)} s, peak RSS ${rss.toFixed(0)} MB (target ≤ 2 s)`);
  if (results.some((r) => r.top?.rule !== 'cap-prefix' || r.top?.capability !== 'SYS_RESOURCE')) {
    console.error('unexpected diagnosis');
    process.exitCode = 1;
  }
} finally {
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
