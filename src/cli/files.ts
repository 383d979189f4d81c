// Finding and reading the inputs: files, folders (recursively) and standard input.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface InputFile {
  file: string;
  text?: string;
  /** Why it could not be read. */
  error?: string;
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
    if (stats.isDirectory()) walk(path, out, skip);
    else out.push({ file: path });
  }
  return out;
}

function walk(dir: string, out: InputFile[], skip: (file: string) => boolean): void {
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
      walk(path, out, skip);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && MANIFEST.test(entry.name) && !skip(path)) {
      out.push({ file: path });
    }
  }
}

export function readInput(input: InputFile, stdin: () => string): InputFile {
  if (input.error !== undefined) return input;
  try {
    return { file: input.file, text: input.file === '-' ? stdin() : readFileSync(input.file, 'utf8') };
  } catch (error) {
    return { file: input.file, error: describe(error) };
  }
}

export function readStdin(): string {
  try {
    // Reading fd 0 directly fails with EAGAIN when the pipe is non-blocking (another process
    // writing to it); the device path opens a blocking descriptor.
    return readFileSync('/dev/stdin', 'utf8');
  } catch {
    return readFileSync(0, 'utf8');
  }
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
