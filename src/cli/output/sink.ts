// Where a report goes, piece by piece: standard output, or a file that appears only once it is whole.
import { closeSync, ftruncateSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Write } from './types.js';

/** Pieces are gathered up to this many characters (bytes, once encoded) before a write: fewer system calls, bounded memory. */
const FLUSH_AT = 1 << 20;
/** A repeating piece shorter than this is encoded each time (cheaper than finding it). */
const KEEP_FROM = 64;
/** A piece this long is encoded on its own, not joined to the small pieces around it (see `encoded`). */
const ALONE_FROM = 256;
/** Small pieces are encoded together once they reach this many characters. */
const PENDING_AT = 4096;
/** Distinct repeating pieces kept at once (bounded, for reports where few repeat after all). */
const KEEP_LIMIT = 4096;

/**
 * Takes back everything written so far: the report starts again from nothing. Given to `produce` only
 * where that is possible (a regular file written beside its place).
 */
export type Rewind = () => void;

/**
 * Runs `produce` with a writer to `file` (or to standard output when there is none: `stdoutBytes` when
 * given, else `stdout`). A regular file is written beside its place and renamed over it at the end, so a
 * failed run never leaves half a report; a device or pipe given as the file (`/dev/stdout`) is written
 * directly. For a regular file `produce` is also given a `Rewind`.
 */
export function writeReport(
  file: string | undefined,
  stdout: (text: string) => void,
  produce: (write: Write, rewind?: Rewind) => void,
  stdoutBytes?: (bytes: Uint8Array) => void,
): void {
  if (file === undefined) {
    if (stdoutBytes) encoded(stdoutBytes, (write) => produce(write), false);
    else buffered(stdout, (write) => produce(write));
    return;
  }
  let special = false;
  try {
    special = !statSync(file).isFile();
  } catch {
    // Not there yet: written beside its place like any regular file.
  }
  const temporary = special ? file : `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  let done = false;
  try {
    if (special) {
      encoded(
        (bytes) => writeSync(fd, bytes),
        (write) => produce(write),
        true,
      );
    } else {
      // Written at known places, so that a rewind can start the file again.
      let position = 0;
      const sink = (bytes: Uint8Array) => {
        for (let at = 0; at < bytes.length; ) {
          const count = writeSync(fd, bytes, at, bytes.length - at, position);
          at += count;
          position += count;
        }
      };
      const rewindable = (write: Write, drop: () => void) =>
        produce(write, () => {
          drop();
          ftruncateSync(fd, 0);
          position = 0;
        });
      encoded(sink, rewindable, true);
    }
    done = true;
  } finally {
    closeSync(fd);
    if (!special) {
      if (done) renameSync(temporary, file);
      else rmSync(temporary, { force: true });
    }
  }
}

function buffered(sink: (text: string) => void, produce: (write: Write) => void): void {
  let pending = '';
  produce((text) => {
    pending += text;
    if (pending.length >= FLUSH_AT) {
      sink(pending);
      pending = '';
    }
  });
  if (pending) sink(pending);
}

/**
 * Encodes each piece as it comes into a buffer handed to `sink` when full. Encoding a mebibyte of pieces
 * joined into one string cost ten times as much: one character beyond Latin-1 anywhere in it (a dash
 * in a message) makes the whole string two-byte, which UTF-8 encodes on a slow path, while most pieces
 * alone stay one-byte. `reuse`: the sink is done with the bytes when it returns.
 */
function encoded(
  sink: (bytes: Uint8Array) => void,
  /** `drop` forgets what is gathered and not yet handed to the sink. */
  produce: (write: Write, drop: () => void) => void,
  reuse: boolean,
): void {
  let buffer = Buffer.allocUnsafe(FLUSH_AT);
  let used = 0;
  // Pieces said to repeat (an explanation's shared sentences), encoded once and then copied.
  const kept = new Map<string, Buffer>();
  // Small pieces are joined up to a few kilobytes before they are encoded: each encoding is a call
  // into the runtime, which costs more than a short piece's bytes.
  let pending = '';
  const flush = () => {
    if (used === 0) return;
    sink(buffer.subarray(0, used));
    if (!reuse) buffer = Buffer.allocUnsafe(FLUSH_AT);
    used = 0;
  };
  const encode = (text: string) => {
    // A UTF-16 code unit takes at most three bytes in UTF-8 (a surrogate pair, two units, four).
    if (used + text.length * 3 > FLUSH_AT) {
      flush();
      if (text.length * 3 > FLUSH_AT) {
        sink(Buffer.from(text, 'utf8'));
        return;
      }
    }
    used += buffer.write(text, used, 'utf8');
  };
  const copy = (bytes: Buffer) => {
    if (used + bytes.length > FLUSH_AT) {
      flush();
      if (bytes.length > FLUSH_AT) {
        sink(bytes);
        return;
      }
    }
    buffer.set(bytes, used);
    used += bytes.length;
  };
  const drop = () => {
    pending = '';
    used = 0;
  };
  produce((text, repeats) => {
    if (repeats === true && text.length >= KEEP_FROM) {
      let bytes = kept.get(text);
      if (bytes === undefined) {
        if (kept.size >= KEEP_LIMIT) kept.clear();
        bytes = Buffer.from(text, 'utf8');
        kept.set(text, bytes);
      }
      if (pending) {
        encode(pending);
        pending = '';
      }
      copy(bytes);
      return;
    }
    // A long piece is most often an explanation, and one character beyond Latin-1 in it (a dash, a
    // typographic quote) would make the joined small pieces two-byte and slow to encode too.
    if (text.length >= ALONE_FROM) {
      if (pending) {
        encode(pending);
        pending = '';
      }
      encode(text);
      return;
    }
    pending += text;
    if (pending.length >= PENDING_AT) {
      encode(pending);
      pending = '';
    }
  }, drop);
  if (pending) encode(pending);
  flush();
}
