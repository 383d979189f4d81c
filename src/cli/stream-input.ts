// Reads a large file in pieces into the streaming linter, so that memory holds one document at a
// time instead of the whole file and every parsed value.

import { isAscii } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FileResult, LintOptions } from '../core/engine.js';
import { byPosition } from '../core/engine.js';
import { StreamLinter } from '../core/stream.js';
import type { Finding } from '../core/types.js';
import { append } from '../util/append.js';
import { LintPool, threadCount } from './parallel.js';
import { capYoungGeneration } from './young-generation.js';

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

export interface StreamedFile {
  result: FileResult;
  /** The lines around findings, by 1-based number, for code frames (only text output shows them). */
  frameLines: ReadonlyMap<number, string>;
}

/** What a streamed file gives once its findings are all handed over. */
export interface StreamedCounts {
  documents: number;
  parseErrors: number;
}

/** A file being streamed: its findings come in batches as its documents are read. */
export interface FindingStream {
  /**
   * The lines around the findings handed over so far, by 1-based number, for code frames (kept only
   * when `frames` asked for them). It fills as the batches come; `as-written`, it holds only those of the
   * last batch.
   */
  frameLines: ReadonlyMap<number, string>;
  /**
   * Batches of findings, in order; the joined batches are what `lintFileStreaming` gives. Returns the
   * counts, or undefined when the whole text is needed after all (a syntax error, directives, a rule
   * that reads every document, text that looks like JSON): the batches handed over until then are void.
   */
  batches: Generator<Finding[], StreamedCounts | undefined, void>;
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
  const stream = streamFindings(path, label, options, targets, onRead, frames ? 'all' : 'none');
  const findings: Finding[] = [];
  for (;;) {
    const next = stream.batches.next();
    if (next.done) {
      if (!next.value) return undefined;
      const result = { file: label, findings, ...next.value };
      return { result, frameLines: stream.frameLines };
    }
    append(findings, next.value);
  }
}

/**
 * Lints a file as a stream, handing its findings over as they are found (see `FindingStream`). With
 * worker threads (`targets` given and more than one core), all of them come at the end, in one batch:
 * the workers' findings fall among the others'. The file is opened when the first batch is asked for
 * and closed when the last is given or the caller stops asking.
 */
export function streamFindings(
  path: string,
  label: string,
  options: LintOptions,
  targets?: readonly string[],
  onRead?: (bytes: number) => void,
  /**
   * The lines around findings kept for code frames (only text output shows them): none, all of them, or
   * `as-written` where the caller writes each batch, frames and all, before it asks for the next: those
   * of a batch written then go, and `frameLines` holds the last batch's only.
   */
  frames: 'none' | 'all' | 'as-written' = 'all',
): FindingStream {
  const linter = new StreamLinter(label, options);
  linter.keepFrames = frames !== 'none';
  return {
    frameLines: linter.lines,
    batches: batchesOf(path, label, options, linter, targets, onRead, frames === 'as-written'),
  };
}

function* batchesOf(
  path: string,
  label: string,
  options: LintOptions,
  linter: StreamLinter,
  targets?: readonly string[],
  onRead?: (bytes: number) => void,
  framesWritten = false,
): Generator<Finding[], StreamedCounts | undefined, void> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    // Gone or unreadable since it was listed: the whole-file reader says why.
    return undefined;
  }
  let pool: LintPool | undefined;
  try {
    if (targets) pool = LintPool.start(threadCount(fstatSync(fd).size), label, options, targets);
    // Not valid UTF-8, or UTF-16: the whole-file reader says so, or decodes it.
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    const buffer = Buffer.allocUnsafe(PIECE_BYTES);
    const workers = pool;
    if (workers) linter.delegate = (job) => workers.offer(job);
    let first = true;
    let sinceCollection = 0;
    for (;;) {
      let read: number;
      try {
        read = readSync(fd, buffer, 0, buffer.length, null);
      } catch {
        // A read that fails (an I/O error), first or half way: the whole-file reader reports it as the
        // file's error, with the findings of no part of it.
        return undefined;
      }
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
      // With workers, the findings wait for theirs (see above).
      if (!pool) {
        const batch = linter.drain(framesWritten);
        if (batch.length > 0) yield batch;
      }
    }
    try {
      linter.push(decoder.decode());
    } catch {
      return undefined;
    }
    const result = linter.end();
    if (!result) return undefined;
    const counts = { documents: result.documents, parseErrors: result.parseErrors };
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
        counts.documents += part.documents;
        counts.parseErrors += part.parseErrors;
        for (const [line, text] of part.lines) if (!linter.lines.get(line)) linter.lines.set(line, text);
      }
      result.findings.sort(byPosition);
    }
    if (result.findings.length > 0) yield result.findings;
    return counts;
  } finally {
    pool?.stop();
    closeSync(fd);
  }
}
