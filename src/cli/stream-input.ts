// Reads a large file in pieces into the streaming linter, so that memory holds one document at a
// time instead of the whole file and every parsed value.

import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FileResult, LintOptions } from '../core/engine.js';
import { byPosition } from '../core/engine.js';
import { StreamLinter } from '../core/stream.js';
import { append } from '../util/append.js';
import { LintPool, threadCount } from './parallel.js';

export { STREAM_BYTES, shouldStream } from './stream-size.js';

// Small pieces keep the window in the young generation, where it is freed quickly (a large string would
// sit in the large-object space until a full collection).
const PIECE_BYTES = 64 * 1024;
/** A full collection after this much input keeps the heap near what is live (findings, one document). */
const COLLECT_BYTES = 32 * 1024 * 1024;

let collector: (() => void) | undefined | null = null;

/**
 * V8 lets garbage pile up to several times the live heap before a full collection; while streaming,
 * almost all of it is garbage, so one forced collection per COLLECT_BYTES bounds peak memory at a
 * small cost (a few milliseconds each).
 */
function collectGarbage(): void {
  if (collector === null) {
    try {
      setFlagsFromString('--expose-gc');
      collector = runInNewContext('gc') as () => void;
    } catch {
      collector = undefined;
    }
  }
  collector?.();
}

/**
 * Only where it was measured (docs/benchmarks.md, "Young generation on later Node releases"): the V8 of
 * Node 20 (11.3), 22 (12.4), 24 (13.6) and 26 (14.6). A V8 outside those may size its young generation
 * otherwise, and what it makes of the flag is not known here.
 */
const TUNED_V8 = /^1[1-4]\./.test(process.versions.v8);
/** Young generation (both halves) at which it stops growing while a file streams. */
const YOUNG_BYTES = 16 * 1024 * 1024;
let youngCapped = false;

/**
 * While a file streams, little of what a document allocates outlives it, yet V8 grows the young
 * generation as the first documents survive their first collections (both halves to 32 MiB on Node 20 and
 * 22, 128 on 24, 64 on 26, as getHeapSpaceStatistics tells): each collection then copies more, and allocation runs beyond the CPU's
 * caches. Halves of 8 MiB lint both dense benchmarks faster and in less memory (docs/benchmarks.md); 4 MiB
 * was faster still where findings share their texts, but slower where they do not (more of each document
 * promoted). The maximum is read only at start-up, the growth factor at each growth: growth is stopped
 * once the young generation reaches that size.
 */
function capYoungGeneration(): void {
  if (youngCapped || !TUNED_V8) return;
  const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  if (young !== undefined && young.space_size < YOUNG_BYTES) return;
  youngCapped = true;
  if (young === undefined) return;
  try {
    setFlagsFromString('--semi-space-growth-factor=1');
  } catch {
    // Not this V8's flag: the young generation grows as V8 decides.
  }
}

export interface StreamedFile {
  result: FileResult;
  /** The lines around findings, by 1-based number, for code frames (only text output shows them). */
  frameLines: ReadonlyMap<number, string>;
}

/**
 * Lints a file as a stream, with worker threads when `targets` (the target specs the options were
 * resolved from) is given and there is more than one core. Undefined when the whole text is needed (a
 * syntax error, directives, a rule that reads every document, text that looks like JSON): the caller
 * then reads it whole.
 */
export function lintFileStreaming(
  path: string,
  label: string,
  options: LintOptions,
  targets?: readonly string[],
  /** Told the size of each piece read (for the progress line). */
  onRead?: (bytes: number) => void,
  /** Keep the lines around findings for code frames (only text output shows them). */
  frames = true,
): StreamedFile | undefined {
  const fd = openSync(path, 'r');
  let pool: LintPool | undefined;
  try {
    if (targets) pool = LintPool.start(threadCount(fstatSync(fd).size), label, options, targets);
    // Not valid UTF-8, or UTF-16: the whole-file reader says so, or decodes it.
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const buffer = Buffer.allocUnsafe(PIECE_BYTES);
    const linter = new StreamLinter(label, options);
    linter.keepFrames = frames;
    const workers = pool;
    if (workers) linter.delegate = (job) => workers.offer(job);
    let first = true;
    let sinceCollection = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      onRead?.(read);
      capYoungGeneration();
      sinceCollection += read;
      if (sinceCollection >= COLLECT_BYTES) {
        collectGarbage();
        sinceCollection = 0;
      }
      if (first && ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff))) {
        return undefined;
      }
      let piece: string;
      const bytes = buffer.subarray(0, read);
      // Most manifests are ASCII, which Latin-1 reads exactly and several times faster than the decoder.
      // A character cut at the end of the piece before continues with bytes that are not ASCII, so the
      // decoder reads them; in invalid text, what it holds fails its last call below.
      if (isAscii(bytes)) piece = bytes.toString('latin1');
      else {
        try {
          piece = decoder.decode(bytes, { stream: true });
        } catch {
          return undefined;
        }
      }
      if (first && /^\uFEFF?\s*[[{]/.test(piece)) return undefined;
      first = false;
      linter.push(piece);
      if (linter.giveUp) return undefined;
    }
    try {
      linter.push(decoder.decode());
    } catch {
      return undefined;
    }
    const result = linter.end();
    if (!result) return undefined;
    if (pool) {
      const handed = pool.delegated;
      const delegated = pool.finish();
      // A measurement aid (and what the tests check): how much of the input the workers linted.
      if (process.env.CAPDOCTOR_DEBUG?.split(',').includes('threads')) {
        process.stderr.write(`capdoctor: ${label}: ${pool.threads} threads, ${handed} windows handed to workers\n`);
      }
      if (!delegated.ok) return undefined;
      for (const part of delegated.results) {
        append(result.findings, part.findings);
        result.documents += part.documents;
        result.parseErrors += part.parseErrors;
        for (const [line, text] of part.lines) if (!linter.lines.get(line)) linter.lines.set(line, text);
      }
      result.findings.sort(byPosition);
    }
    return { result, frameLines: linter.lines };
  } finally {
    pool?.stop();
    closeSync(fd);
  }
}
