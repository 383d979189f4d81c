// Finding and reading the inputs: files, folders (recursively) and standard input.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { PARSE_ERROR_RULE } from '../core/engine.js';
import type { Finding } from '../core/types.js';
import { UsageError } from './usage.js';

export interface InputFile {
  file: string;
  text?: string;
  /** Why it could not be read. */
  error?: string;
  /** How the file's bytes are encoded, when not UTF-8: `fix` writes it back the same way. */
  encoding?: 'utf-16le' | 'utf-16be';
}

/**
 * The text of a file's bytes: UTF-8 (a byte-order mark is kept as the text's first character), or
 * UTF-16 with a byte-order mark, which kubectl reads too. Anything else is refused, saying where:
 * a file that is not text must not lint clean, and `fix` must not write back bytes it did not read.
 */
export function decodeText(bytes: Uint8Array): Pick<InputFile, 'text' | 'error' | 'encoding'> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    if (bytes[2] === 0 && bytes[3] === 0) return { error: 'is UTF-32, which is not read (save it as UTF-8)' };
    return utf16(bytes, 'utf-16le');
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return { error: `is not valid UTF-8 (${invalidUtf8At(bytes)})` };
  }
}

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Pick<InputFile, 'text' | 'error' | 'encoding'> {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return { error: `starts as ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()}` };
  }
}

/** Where the first byte that is not UTF-8 is, as "line L, byte B". */
function invalidUtf8At(bytes: Uint8Array): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    if (b === 10) {
      line++;
      lineStart = i + 1;
    }
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) valid = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (valid && length === 3) {
      const c = ((b & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6);
      valid = c >= 0x800 && (c < 0xd800 || c > 0xdfff);
    }
    if (valid && length === 4) {
      const c = ((b & 0x07) << 18) | (((bytes[i + 1] as number) & 0x3f) << 12);
      valid = c >= 0x10000 && c <= 0x10ffff;
    }
    if (!valid) return `line ${line}, byte ${i - lineStart + 1} of the line: 0x${b.toString(16).padStart(2, '0')}`;
    i += length;
  }
  return 'a truncated character at the end';
}

/** The bytes that write `text` back in `encoding` (UTF-16 with its byte-order mark, as it was read). */
export function encodeText(text: string, encoding: InputFile['encoding']): Buffer {
  if (encoding === undefined) return Buffer.from(text, 'utf8');
  const body = Buffer.from(`\ufeff${text}`, 'utf16le');
  return encoding === 'utf-16be' ? body.swap16() : body;
}

const MANIFEST = /\.(ya?ml|json)$/i;

/** Expands paths into files: folders recursively (skipping node_modules and dot folders). */
export function expandPaths(paths: readonly string[], skip: (file: string) => boolean): InputFile[] {
  const out: InputFile[] = [];
  for (const path of paths) {
    if (path === '-') {
      out.push({ file: '-' });
      continue;
    }
    let stats: ReturnType<typeof statSync>;
    try {
      stats = statSync(path);
    } catch (error) {
      out.push({ file: path, error: describe(error) });
      continue;
    }
    if (stats.isDirectory()) walk(path, out, skip, realpathSync(path));
    else out.push({ file: path });
  }
  return out;
}

/**
 * A folder walk stays inside the folder named, as grep -r and most linters do: a symlink to a file is
 * read only when the file is inside it (a link out of the tree may point at anything, and `fix` would
 * edit it), and symlinks to folders are not followed. A symlink named on the command line is followed.
 */
function insideTree(path: string, root: string): boolean {
  try {
    const real = realpathSync(path);
    return real.startsWith(root.endsWith(sep) ? root : root + sep) && statSync(real).isFile();
  } catch {
    return false;
  }
}

function walk(dir: string, out: InputFile[], skip: (file: string) => boolean, root: string): void {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ file: dir, error: describe(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      walk(path, out, skip, root);
    } else if (
      MANIFEST.test(entry.name) &&
      !skip(path) &&
      (entry.isFile() || (entry.isSymbolicLink() && insideTree(path, root)))
    ) {
      out.push({ file: path });
    }
  }
}

export function readInput(input: InputFile, stdin: () => string): InputFile {
  if (input.error !== undefined) return input;
  try {
    if (input.file === '-') return { file: input.file, text: stdin() };
    return { file: input.file, ...decodeText(readFileSync(input.file)) };
  } catch (error) {
    if (error instanceof UsageError) throw error;
    return { file: input.file, error: describe(error) };
  }
}

export function readStdin(): string {
  let bytes: Buffer;
  try {
    // Reading fd 0 directly fails with EAGAIN when the pipe is non-blocking (another process
    // writing to it); the device path opens a blocking descriptor.
    bytes = readFileSync('/dev/stdin');
  } catch {
    bytes = readFileSync(0);
  }
  const decoded = decodeText(bytes);
  if (decoded.text === undefined) throw new UsageError(`standard input ${decoded.error ?? 'cannot be read'}`);
  return decoded.text;
}

/**
 * Standard input read because no path was given: empty, it is most likely a forgotten argument (a CI
 * step whose file list came out empty), which must not pass as "no problems".
 */
export function implicitStdin(read: () => string): () => string {
  return () => {
    const text = read();
    if (text.trim() === '') {
      throw new UsageError('no input: no paths were given and standard input is empty (give files or folders, or `-`)');
    }
    return text;
  };
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    default:
      return e.message ?? String(error);
  }
}

/** The finding for an input that cannot be read: a parse error at its first position, so the run goes on. */
export function unreadableFinding(file: string, why: string): Finding {
  return {
    rule: PARSE_ERROR_RULE,
    severity: 'error',
    message: `cannot read ${file}: ${why}`,
    file,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    path: '',
  };
}
