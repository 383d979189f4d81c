// Writing an input's text in pieces must read exactly the lines that Node's readline reads from the
// same bytes (LF, CRLF and a lone CR end a line), and the fast way past plain journal lines must give
// the result that pushing every line gives.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type DiagnoseResult, Diagnoser } from './index.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/diagnose/', import.meta.url));
const fixtureTexts = readdirSync(fixtures)
  .filter((name) => name.includes('.'))
  .sort()
  .map((name) => readFileSync(join(fixtures, name), 'utf8'));

/** The lines readline reads from `text` (as the command read its inputs before). */
async function readlineLines(text: string): Promise<string[]> {
  const lines: string[] = [];
  const input = Readable.from([Buffer.from(text)]);
  for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) lines.push(line);
  return lines;
}

function pushed(lines: readonly string[]): DiagnoseResult {
  const diagnoser = new Diagnoser();
  const reader = diagnoser.input('input.log');
  for (const line of lines) reader.push(line);
  reader.end();
  return diagnoser.finish();
}

/** Writes `text` in pieces of `size` characters (the whole text when size is 0). */
function written(text: string, size: number): DiagnoseResult {
  const diagnoser = new Diagnoser();
  const reader = diagnoser.input('input.log');
  if (size === 0) reader.write(text);
  else for (let at = 0; at < text.length; at += size) reader.write(text.slice(at, at + size));
  reader.end();
  return diagnoser.finish();
}

const journalLine = (i: number) =>
  `Apr 12 10:${String(i % 60).padStart(2, '0')}:00 node-1 containerd[812]: time="2024-04-12T10:11:12Z" level=info msg="shim disconnected" id=${i}`;

describe('reading an input written in pieces', () => {
  it('splits lines at LF, CRLF and a lone CR, wherever the pieces are cut', async () => {
    const texts = [
      'chown: /data: Operation not permitted\nrunuser: cannot open session: Permission denied\n',
      'a\r\nchown: /x: Operation not permitted\r\rb\n\nc\r',
      '\n\r\n\rchown: /y: Operation not permitted',
      'one line, no line break',
      '',
      '\r\n',
      'x\r',
    ];
    for (const text of texts) {
      const lines = await readlineLines(text);
      const expected = pushed(lines);
      for (const size of [0, 1, 2, 3, 5])
        expect(written(text, size), `${JSON.stringify(text)} in ${size}s`).toEqual(expected);
      expect(written(text, 0).inputs[0]?.lines).toBe(lines.length);
    }
  });

  it('numbers the lines as readline does: a lone CR ends a line, a CRLF cut in two is one break', () => {
    const text = 'a\r\n\rchown: /b: Operation not permitted\r\nchown: /c: Operation not permitted';
    const cut = text.indexOf('\n', 3);
    const diagnoser = new Diagnoser();
    const reader = diagnoser.input('input.log');
    reader.write(text.slice(0, cut));
    reader.write(text.slice(cut));
    reader.end();
    const result = diagnoser.finish();
    expect(result.inputs[0]?.lines).toBe(4);
    expect(result.diagnoses[0]?.evidence.map((e) => [e.line, e.text])).toEqual([
      [3, 'chown: /b: Operation not permitted'],
      [4, 'chown: /c: Operation not permitted'],
    ]);
  });

  it('passes plain journal lines the same way as pushing them, kubectl output and commands included', async () => {
    // More lines than the reader samples for formats, then every structure the tracker follows.
    const noise = Array.from({ length: 260 }, (_, i) => journalLine(i));
    const text = [
      ...noise,
      ...fixtureTexts,
      '$ kubectl logs web-1 -c app',
      'chown: /data: Operation not permitted',
      journalLine(1),
      'chown: /data: Operation not permitted',
      `${journalLine(2)} cap_net_raw`,
      'Name:',
      journalLine(3),
      ...noise.slice(0, 20),
      'kubectl exec -it web-2 -- sh',
      ...noise.slice(0, 5),
      'runuser: cannot open session: Permission denied',
    ]
      .join('\n')
      .replace(/\n(?=Apr 12 10:0[0-4])/g, '\r\n');
    const lines = await readlineLines(text);
    expect(lines.length).toBeGreaterThan(400);
    const expected = pushed(lines);
    expect(expected.diagnoses.length).toBeGreaterThan(3);
    for (const size of [0, 7, 100, 4096]) expect(written(text, size), `pieces of ${size}`).toEqual(expected);
  });

  it('classifies only the plain journal lines that the prefilter lets through', () => {
    // Only a symptom: what to collect next names the journal units of the engines seen in classified
    // lines. dockerd's lines here have no anchor, so they must not make Docker one of them.
    const dockerd = (i: number) =>
      `Apr 12 10:00:${String(i % 60).padStart(2, '0')} node-2 dockerd[9]: level=info msg="ok ${i}"`;
    const text = [
      ...Array.from({ length: 250 }, (_, i) => journalLine(i)),
      'Apr 12 10:01:00 node-2 kubelet[7]: E0412 10:01:00.000000 7 pod_workers.go:951] "Error syncing pod, skipping" err="failed to \\"StartContainer\\" for \\"es\\" with CrashLoopBackOff"',
      ...Array.from({ length: 30 }, (_, i) => dockerd(i)),
      '',
    ].join('\n');
    const expected = pushed(text.split('\n').slice(0, -1));
    expect(expected.next.map((n) => n.text).join('\n')).toContain('-u kubelet -u containerd -u docker -u crio');
    for (const size of [0, 100]) expect(written(text, size), `pieces of ${size}`).toEqual(expected);
  });
});
