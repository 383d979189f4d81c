// `capdoctor diagnose`: streams logs, events and kubectl output line by line into the diagnose core
// (a 100 MB journal is never held in memory), optionally points the fix at manifests, and prints
// the diagnoses. Loaded only when the command runs.
import { createReadStream, type Dirent, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
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
      } else if (entry.isFile()) out.push({ path });
    }
  };
  for (const path of paths) {
    if (path === '-') {
      if (!out.some((i) => i.path === '-')) out.push({ path });
      continue;
    }
    try {
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ path });
    } catch (error) {
      out.push({ path, error: describe(error) });
    }
  }
  return out;
}

/** Feeds a stream to the reader line by line; gzip-compressed files (`.gz`) are decompressed. */
function stream(source: Readable, gzip: boolean, reader: InputReader): Promise<void> {
  return new Promise((resolve, reject) => {
    let input: Readable = source;
    source.once('error', reject);
    if (gzip) {
      const gunzip = createGunzip();
      gunzip.once('error', reject);
      input = source.pipe(gunzip);
    }
    const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
    // readline re-emits the input's errors (a corrupt .gz) on itself.
    lines.once('error', reject);
    lines.on('line', (line) => reader.push(line));
    lines.once('close', () => {
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
    const source = input.path === '-' ? io.stdin : createReadStream(input.path);
    try {
      await stream(source, input.path.endsWith('.gz'), diagnoser.input(label));
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
  io.stdout(options.output === 'json' ? formatDiagnoseJson(result) : formatDiagnoseText(result, options.color));
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
