import { describe, expect, it } from 'vitest';
import { Progress, type ProgressStream, progressWanted } from './progress.js';

/** A terminal stand-in that records what is written, with a clock the test moves. */
function terminal(columns?: number) {
  const writes: string[] = [];
  const stream: ProgressStream = { isTTY: true, write: (text: string) => writes.push(text) };
  if (columns !== undefined) stream.columns = columns;
  let time = 0;
  return { stream, writes, now: () => time, advance: (ms: number) => (time += ms) };
}

describe('progressWanted', () => {
  it('wants a terminal, no --quiet and a terminal that is not dumb', () => {
    const tty = { isTTY: true, write: () => true };
    expect(progressWanted(tty, false, {})).toBe(true);
    expect(progressWanted({ isTTY: false, write: () => true }, false, {})).toBe(false);
    expect(progressWanted({ write: () => true }, false, {})).toBe(false);
    expect(progressWanted(undefined, false, {})).toBe(false);
    expect(progressWanted(tty, true, {})).toBe(false);
    expect(progressWanted(tty, false, { TERM: 'dumb' })).toBe(false);
  });
});

describe('Progress', () => {
  it('stays silent during the first second', () => {
    const t = terminal();
    const progress = new Progress(t.stream, 3, { now: t.now });
    t.advance(999);
    progress.fileDone(1000, 2);
    progress.end();
    expect(t.writes).toEqual([]);
  });

  it('then draws files, documents, megabytes and speed on one line, redrawn in place', () => {
    const t = terminal();
    const progress = new Progress(t.stream, 4000, { now: t.now });
    t.advance(1500);
    progress.fileDone(3_000_000, 1234);
    expect(t.writes).toEqual(['\r\u001b[Kcapdoctor: 1/4,000 files · 1,234 documents · 3.0 MB · 2.0 MB/s']);
    t.advance(500);
    progress.fileDone(1_000_000, 10);
    expect(t.writes.at(-1)).toBe('\r\u001b[Kcapdoctor: 2/4,000 files · 1,244 documents · 4.0 MB · 2.0 MB/s');
    progress.end();
    expect(t.writes.at(-1)).toBe('\r\u001b[K');
    expect(t.writes.join('')).not.toContain('\n');
  });

  it('redraws at most every 100 ms', () => {
    const t = terminal();
    const progress = new Progress(t.stream, 100, { now: t.now });
    t.advance(1000);
    for (let i = 0; i < 50; i++) {
      progress.fileDone(10, 1);
      t.advance(10);
    }
    expect(t.writes.length).toBeGreaterThanOrEqual(4);
    expect(t.writes.length).toBeLessThanOrEqual(6);
  });

  it('counts bytes of a file in progress (a streamed large file)', () => {
    const t = terminal();
    const progress = new Progress(t.stream, 1, { now: t.now });
    t.advance(2000);
    progress.read(5_000_000);
    expect(t.writes.at(-1)).toContain('0/1 files · 0 documents · 5.0 MB · 2.5 MB/s');
    t.advance(200);
    progress.fileDone(8_000_000, 800);
    expect(t.writes.at(-1)).toContain('1/1 files · 800 documents · 8.0 MB');
  });

  it('counts from nothing again when the inputs are read again', () => {
    const t = terminal();
    const progress = new Progress(t.stream, 2, { now: t.now });
    t.advance(2000);
    progress.fileDone(4_000_000, 400);
    t.advance(1000);
    progress.read(2_000_000);
    expect(t.writes.at(-1)).toContain('1/2 files · 400 documents · 6.0 MB · 2.0 MB/s');
    t.advance(1000);
    progress.again();
    expect(t.writes.at(-1)).toContain('0/2 files · 0 documents · 0.0 MB');
    t.advance(1000);
    progress.fileDone(4_000_000, 400);
    expect(t.writes.at(-1)).toContain('1/2 files · 400 documents · 4.0 MB · 4.0 MB/s');
  });

  it('fits the terminal width', () => {
    const t = terminal(30);
    const progress = new Progress(t.stream, 10, { now: t.now });
    t.advance(1000);
    progress.fileDone(1, 1);
    expect(progress.line()).toHaveLength(29);
    expect(t.writes.at(-1)).toBe(`\r\u001b[K${progress.line()}`);
  });

  it('clears nothing when nothing was drawn', () => {
    const t = terminal();
    new Progress(t.stream, 1, { now: t.now }).end();
    expect(t.writes).toEqual([]);
  });
});
