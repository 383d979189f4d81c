// Where a report goes, piece by piece: standard output, or a file that appears only once it is whole.
import { closeSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Write } from './types.js';

/** Pieces are gathered up to this many characters before a write (fewer system calls, bounded memory). */
const FLUSH_AT = 1 << 20;

/**
 * Runs `produce` with a writer to `file` (or to `stdout` when there is none). A regular file is written
 * beside its place and renamed over it at the end, so a failed run never leaves half a report; a
 * device or pipe given as the file (`/dev/stdout`) is written directly.
 */
export function writeReport(
  file: string | undefined,
  stdout: (text: string) => void,
  produce: (write: Write) => void,
): void {
  if (file === undefined) {
    buffered(stdout, produce);
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
    buffered((text) => writeSync(fd, text), produce);
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
