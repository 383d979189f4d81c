// Reads a large file in pieces into the streaming linter, so that memory holds one document at a
// time instead of the whole file and every parsed value.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { FileResult, LintOptions } from '../core/engine.js';
import { StreamLinter, sparseText } from '../core/stream.js';

/** Files at least this large are streamed (CAPDOCTOR_STREAM_BYTES sets another size, for tests and measurements). */
export const STREAM_BYTES = Number(process.env.CAPDOCTOR_STREAM_BYTES ?? 4 * 1024 * 1024);
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
  /** The lines around findings (others empty), for code frames. */
  text: string;
}

/** Whether a path is a large YAML file worth streaming (JSON is read whole: its parser is not streamed). */
export function shouldStream(path: string): boolean {
  if (/\.json$/i.test(path)) return false;
  try {
    const stats = statSync(path);
    return stats.isFile() && stats.size >= STREAM_BYTES;
  } catch {
    return false;
  }
}

/**
 * Lints a file as a stream. Undefined when the whole text is needed (a syntax error, directives, a
 * rule that reads every document, text that looks like JSON): the caller then reads it whole.
 */
export function lintFileStreaming(path: string, label: string, options: LintOptions): StreamedFile | undefined {
  const fd = openSync(path, 'r');
  try {
    const decoder = new StringDecoder('utf8');
    const buffer = Buffer.allocUnsafe(PIECE_BYTES);
    const linter = new StreamLinter(label, options);
    let first = true;
    let sinceCollection = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      sinceCollection += read;
      if (sinceCollection >= COLLECT_BYTES) {
        collectGarbage();
        sinceCollection = 0;
      }
      const piece = decoder.write(buffer.subarray(0, read));
      if (first && /^\uFEFF?\s*[[{]/.test(piece)) return undefined;
      first = false;
      linter.push(piece);
      if (linter.giveUp) return undefined;
    }
    linter.push(decoder.end());
    const result = linter.end();
    return result && { result, text: sparseText(linter.lines) };
  } finally {
    closeSync(fd);
  }
}
