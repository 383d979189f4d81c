// `capdoctor diagnose`: streams logs, events and kubectl output piece by piece into the diagnose core
// (a 100 MB journal is never held in memory), optionally points the fix at manifests, and prints
// the diagnoses. Loaded only when the command runs.
import { isAscii } from 'node:buffer';
import { closeSync, createReadStream, type Dirent, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { Diagnoser, type InputReader } from '../../diagnose/index.js';
import type { ManifestSource } from '../../diagnose/manifest.js';
import { expandPaths, readInput } from '../files.js';
import { formatDiagnoseJson, formatDiagnoseText } from '../output/diagnose.js';
import { UsageError } from '../usage.js';

export interface DiagnoseCommandOptions {
  output: string;
  manifest: string[];
  stdinFilename?: string;
  color: boolean;
  verbose?: boolean;
}

export interface DiagnoseIO {
  stdin: Readable & { isTTY?: boolean };
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const DIAGNOSE_EXIT = { rootCause: 0, symptomsOnly: 1, usage: 2 } as const;

interface LogInput {
  path: string;
  error?: string;
  /** A regular file (not a pipe or a device), which can be read without waiting on the event loop. */
  regular?: boolean;
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT') return 'no such file or folder';
  if (e.code === 'EACCES') return 'permission denied';
  if (e.code === 'EISDIR') return 'is a folder';
  return e.message ?? String(error);
}

/** Files to read: folders are searched recursively (skipping dot folders and node_modules). */
function expandLogs(paths: readonly string[]): LogInput[] {
  const out: LogInput[] = [];
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      out.push({ path: dir, error: describe(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(path);
      } else if (entry.isFile()) out.push({ path, regular: true });
    }
  };
  for (const path of paths) {
    if (path === '-') {
      if (!out.some((i) => i.path === '-')) out.push({ path });
      continue;
    }
    try {
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      else out.push({ path, regular: stats.isFile() });
    } catch (error) {
      out.push({ path, error: describe(error) });
    }
  }
  return out;
}

/** Bytes read at a time: larger pieces measured slower (they no longer stay in the CPU caches). */
const PIECE_SIZE = 64 * 1024;

/**
 * Decodes pieces of UTF-8 into the reader's text. A character cut between two pieces is completed by
 * the next one; like readline, an incomplete character at the very end is left out. Until the first
 * byte that is not ASCII, pieces are copied as they are, which is twice as fast as decoding them.
 */
function decodeInto(reader: InputReader): (piece: Buffer | string) => void {
  const decoder = new StringDecoder('utf8');
  let ascii = true;
  return (piece) => {
    if (typeof piece === 'string') reader.write(piece);
    else if (ascii && isAscii(piece)) reader.write(piece.toString('latin1'));
    else {
      ascii = false;
      reader.write(decoder.write(piece));
    }
  };
}

/** Reads a regular file piece by piece, without a trip through the event loop for each piece. */
function readRegularFile(path: string, reader: InputReader): void {
  const fd = openSync(path, 'r');
  try {
    const write = decodeInto(reader);
    const buffer = Buffer.allocUnsafe(PIECE_SIZE);
    for (let size = readSync(fd, buffer); size > 0; size = readSync(fd, buffer)) write(buffer.subarray(0, size));
  } finally {
    closeSync(fd);
  }
  reader.end();
}

/** Feeds a stream to the reader in pieces of text; gzip-compressed files (`.gz`) are decompressed. */
function stream(source: Readable, gzip: boolean, reader: InputReader): Promise<void> {
  return new Promise((resolve, reject) => {
    let input: Readable = source;
    source.once('error', reject);
    if (gzip) {
      const gunzip = createGunzip({ chunkSize: PIECE_SIZE });
      gunzip.once('error', reject);
      input = source.pipe(gunzip);
    }
    input.on('data', decodeInto(reader));
    input.once('end', () => {
      reader.end();
      resolve();
    });
  });
}

function readManifests(paths: readonly string[], io: DiagnoseIO): { sources: ManifestSource[]; failed: boolean } {
  const sources: ManifestSource[] = [];
  let failed = false;
  for (const entry of expandPaths(paths, () => false)) {
    if (entry.file === '-') throw new UsageError('--manifest does not read standard input; give a file or folder');
    const input = readInput(entry, () => '');
    if (input.text === undefined) {
      io.stderr(`capdoctor: cannot read manifest ${entry.file}: ${input.error ?? 'unreadable'}\n`);
      failed = true;
      continue;
    }
    sources.push({ file: input.file, text: input.text });
  }
  return { sources, failed };
}

async function run(inputs: string[], options: DiagnoseCommandOptions, io: DiagnoseIO): Promise<number> {
  if (options.output !== 'text' && options.output !== 'json') {
    throw new UsageError(`unknown output format "${options.output}" (expected text or json)`);
  }
  let paths = inputs;
  if (paths.length === 0) {
    if (io.stdin.isTTY) throw new UsageError('no input: give log files or folders, or `-` to read standard input');
    paths = ['-'];
  }
  const diagnoser = new Diagnoser();
  let failed = false;
  for (const input of expandLogs(paths)) {
    if (input.error !== undefined) {
      io.stderr(`capdoctor: cannot read ${input.path}: ${input.error}\n`);
      failed = true;
      continue;
    }
    const label = input.path === '-' ? (options.stdinFilename ?? '-') : input.path;
    const gzip = input.path.endsWith('.gz');
    try {
      if (input.regular && !gzip) readRegularFile(input.path, diagnoser.input(label));
      else await stream(input.path === '-' ? io.stdin : createReadStream(input.path), gzip, diagnoser.input(label));
    } catch (error) {
      io.stderr(`capdoctor: cannot read ${input.path}: ${describe(error)}\n`);
      failed = true;
    }
  }
  const manifests = readManifests(options.manifest, io);
  if (manifests.failed) failed = true;
  const result = diagnoser.finish({ manifests: options.manifest.length > 0 });
  if (manifests.sources.length > 0) {
    // The lint engine and its rules load only when there are manifests to match.
    const { attachManifests } = await import('../../diagnose/manifest.js');
    const report = attachManifests(result, manifests.sources);
    for (const problem of report.problems) io.stderr(`capdoctor: manifest not checked: ${problem}\n`);
  }
  io.stdout(
    options.output === 'json'
      ? formatDiagnoseJson(result)
      : formatDiagnoseText(result, options.color, options.verbose === true),
  );
  if (failed) return DIAGNOSE_EXIT.usage;
  return result.diagnoses.length > 0 ? DIAGNOSE_EXIT.rootCause : DIAGNOSE_EXIT.symptomsOnly;
}

/** Runs the command; never throws (commander does not await actions under `parse`). */
export async function diagnoseCommand(
  inputs: string[],
  options: DiagnoseCommandOptions,
  io: DiagnoseIO = {
    stdin: process.stdin,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
): Promise<number> {
  try {
    return await run(inputs, options, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`capdoctor: ${error.message}\n`);
      return DIAGNOSE_EXIT.usage;
    }
    io.stderr(`capdoctor: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return DIAGNOSE_EXIT.usage;
  }
}
