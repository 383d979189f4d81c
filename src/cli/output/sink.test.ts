import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding, TargetOutcome } from '../../core/types.js';
import { ALL_RULE_META } from '../../rules/index.js';
import { FORMATTERS, type OutputFormat, STREAM_FORMATTERS } from './index.js';
import { writeReport } from './sink.js';
import type { LintReport } from './types.js';

const targets: TargetOutcome[] = [
  {
    target: 'containerd 2.0',
    outcome: 'ignored',
    detail: 'looked up as CAP_CAP_NET_RAW: drops nothing, costs $& and $1',
  },
  { target: 'docker@24.0', outcome: 'applied', detail: 'drops NET_RAW' },
];

/** `count` findings; those with targets share one array, as the rules now make them. */
function report(count: number): LintReport {
  const findings: Finding[] = [];
  for (let i = 0; i < count; i++) {
    findings.push({
      rule: i % 2 ? 'cap-prefix' : 'cap-case',
      severity: i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info',
      message: `"CAP_NET_RAW" carries the CAP_ prefix (${i}).`,
      file: 'deploy.yaml',
      line: 10 + i,
      column: 7,
      endLine: 10 + i,
      endColumn: 18,
      path: `spec.containers[${i}].securityContext.capabilities.drop[0]`,
      object: { apiVersion: 'apps/v1', kind: 'Deployment', name: `web-${i}` },
      container: 'web',
      ...(i % 2 ? { targets } : {}),
    });
  }
  const count3 = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return {
    files: [
      { file: 'deploy.yaml', findings },
      { file: 'clean.yaml', findings: [] },
    ],
    targets: ['containerd 2.0', 'docker@24.0'],
    summary: {
      files: 2,
      documents: count,
      errors: count3('error'),
      warnings: count3('warning'),
      infos: count3('info'),
    },
  };
}

const options = { color: false, rules: ALL_RULE_META, version: '0.0.0-test' };
const formats = Object.keys(FORMATTERS) as OutputFormat[];

describe('reports written piece by piece', () => {
  it.each(formats)('-o %s: one piece or more per finding, none that grows with the findings', (format) => {
    const pieces = (count: number) => {
      const out: string[] = [];
      STREAM_FORMATTERS[format](report(count), options, (text) => out.push(text));
      return out;
    };
    const many = pieces(2000);
    expect(many.length).toBeGreaterThan(2000);
    const largest = (list: string[]) => Math.max(...list.map((p) => p.length));
    // The largest piece is a fixed part (SARIF's rule descriptors) or one finding, whatever the count.
    expect(largest(many)).toBeLessThan(largest(pieces(20)) * 1.5);
    expect(many.join('')).toBe(FORMATTERS[format](report(2000), options));
  });

  it('JSON: shared per-target arrays are written in place, as JSON.stringify writes them', () => {
    const text = FORMATTERS.json(report(5), options);
    const parsed = JSON.parse(text) as { findings: { targets?: TargetOutcome[] }[] };
    expect(parsed.findings[1]?.targets).toEqual(targets);
    expect(parsed.findings[0]?.targets).toBeUndefined();
    expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
  });

  it('SARIF: the same text as the log written in one piece', () => {
    const text = FORMATTERS.sarif(report(5), options);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(FORMATTERS.sarif(report(0), options)).toBe(
      `${JSON.stringify(JSON.parse(FORMATTERS.sarif(report(0), options)), null, 2)}\n`,
    );
  });
});

describe('writeReport', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'capdoctor-sink-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('writes a file whole, in pieces larger than the buffer, and leaves nothing beside it', () => {
    const dir = scratch();
    const file = join(dir, 'report.json');
    const piece = 'x'.repeat(300_000);
    writeReport(
      file,
      () => {},
      (write) => {
        for (let i = 0; i < 10; i++) write(piece);
      },
    );
    expect(readFileSync(file, 'utf8')).toBe(piece.repeat(10));
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('leaves the previous file as it was when formatting fails half way', () => {
    const dir = scratch();
    const file = join(dir, 'report.json');
    writeFileSync(file, 'the last good report\n');
    expect(() =>
      writeReport(
        file,
        () => {},
        (write) => {
          write('x'.repeat(2_000_000));
          throw new Error('formatter failed');
        },
      ),
    ).toThrow('formatter failed');
    expect(readFileSync(file, 'utf8')).toBe('the last good report\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('takes back what a file was given, written or still gathered, when asked to rewind', () => {
    const dir = scratch();
    const file = join(dir, 'report.json');
    let rewound = 0;
    writeReport(
      file,
      () => {},
      (write, rewind) => {
        expect(rewind).toBeTypeOf('function');
        // Written out (over a mebibyte), then a small piece still gathered: both taken back.
        write('a'.repeat(1_500_000));
        write('still gathered');
        rewind?.();
        rewound++;
        write('b'.repeat(1_200_000));
        write('é');
        rewind?.();
        rewound++;
        write('the report');
      },
    );
    expect(rewound).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe('the report');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('offers no rewind where what was written cannot be taken back', () => {
    const offered: boolean[] = [];
    const produce = (write: (text: string) => void, rewind?: () => void) => {
      offered.push(rewind !== undefined);
      write('x');
    };
    writeReport(undefined, () => {}, produce);
    writeReport(
      undefined,
      () => {},
      produce,
      () => {},
    );
    writeReport('/dev/null', () => {}, produce);
    expect(offered).toEqual([false, false, false]);
  });

  it('without a file, hands standard output pieces of at most about a mebibyte', () => {
    const out: string[] = [];
    writeReport(
      undefined,
      (text) => out.push(text),
      (write) => {
        for (let i = 0; i < 100; i++) write('y'.repeat(50_000));
      },
    );
    expect(out.join('')).toBe('y'.repeat(5_000_000));
    expect(out.length).toBeGreaterThan(3);
    expect(Math.max(...out.map((p) => p.length))).toBeLessThan(1.1 * 2 ** 20);
  });

  it('without a file, hands bytes when standard output takes them: the UTF-8 of the pieces joined', () => {
    const pieces = ['{"a": "x — y"}', 'é'.repeat(400_000), 'plain ascii '.repeat(50_000), '😀’≥', ''];
    const chunks: Uint8Array[] = [];
    writeReport(
      undefined,
      () => {
        throw new Error('text output used');
      },
      (write) => {
        for (const piece of pieces) write(piece);
      },
      (bytes) => chunks.push(bytes),
    );
    expect(Buffer.concat(chunks).toString('utf8')).toBe(pieces.join(''));
    // Each chunk is its own: a stream that holds on to one sees it unchanged.
    expect(new Set(chunks.map((c) => c.buffer)).size).toBe(chunks.length);
    expect(chunks.length).toBeGreaterThan(1);
  });

  it('writes pieces said to repeat with the same bytes as any other piece, in order, whatever their size', () => {
    const shared = ['’'.repeat(300), 'k'.repeat(255), 'r'.repeat(256), `${'s'.repeat(5000)}😀`];
    // Larger than the buffer: written as they are, twice each.
    const huge = ['é'.repeat(700_000), 'h'.repeat(1_200_000)];
    const pieces: [string, boolean][] = [];
    for (let i = 0; i < 3000; i++) {
      pieces.push([`{"n": ${i}, "t": "`, false], [shared[i % shared.length] as string, true], ['"}\n', false]);
      if (i % 7 === 0) pieces.push(['x'.repeat(i), i % 2 === 0]);
      if (i % 1000 === 999) pieces.push([huge[0] as string, true], [huge[1] as string, true]);
    }
    const expected = pieces.map(([text]) => text).join('');
    const chunks: Uint8Array[] = [];
    writeReport(
      undefined,
      () => {},
      (write) => {
        for (const [text, repeats] of pieces) write(text, repeats);
      },
      (bytes) => chunks.push(Uint8Array.from(bytes)),
    );
    expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
    const file = join(scratch(), 'report.json');
    writeReport(
      file,
      () => {},
      (write) => {
        for (const [text, repeats] of pieces) write(text, repeats);
      },
    );
    expect(readFileSync(file, 'utf8')).toBe(expected);
  });

  it('encodes a file piece by piece with the same bytes as the text joined', () => {
    const dir = scratch();
    const file = join(dir, 'report.json');
    const pieces = Array.from({ length: 3000 }, (_, i) => (i % 3 ? `line ${i} — “quoted”\n` : `${'z'.repeat(i)}\n`));
    writeReport(
      file,
      () => {},
      (write) => {
        for (const piece of pieces) write(piece);
      },
    );
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
  });
});
