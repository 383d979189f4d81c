import { ConfigError } from '../../core/config.js';
import { type FileResult, lintSource } from '../../core/engine.js';
import type { PssLevel } from '../../core/pss.js';
import type { Finding } from '../../core/types.js';
import { resolveTargets, TargetError } from '../../knowledge/targets.js';
import { ALL_RULE_META, RULES } from '../../rules/index.js';
import { findConfig, loadConfig, parseRuleOptions } from '../config-file.js';
import { expandPaths, implicitStdin, readInput, unreadableFinding } from '../files.js';
import { FORMATTERS, ONE_PASS_FORMATTERS, type OutputFormat, STREAM_FORMATTERS } from '../output/index.js';
import { type Rewind, writeReport } from '../output/sink.js';
import type { FileReport, FileStream, LintReport, ReportStream, Summary, Write } from '../output/types.js';
import { Progress, type ProgressStream, progressWanted } from '../progress.js';
import type { FindingStream } from '../stream-input.js';
import { shouldStream } from '../stream-size.js';
import { UsageError } from '../usage.js';

export interface LintCommandOptions {
  target: string[];
  pss?: PssLevel;
  output: string;
  outputFile?: string;
  config?: string | false;
  rule: string[];
  maxWarnings?: string;
  quiet?: boolean;
  verbose?: boolean;
  stdinFilename?: string;
  color: boolean;
}

export interface CommandIO {
  cwd: string;
  stdout: (text: string) => void;
  /** Standard output for bytes (a report is encoded as it is written); `stdout` takes the report when absent. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stdinIsTTY: boolean;
  readStdin: () => string;
  version: string;
  /** Where the progress line goes (standard error); drawn only when it is a terminal. */
  progress?: ProgressStream;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export async function runLint(paths: string[], options: LintCommandOptions, io: CommandIO): Promise<number> {
  const format = options.output as OutputFormat;
  if (!(format in FORMATTERS)) {
    throw new UsageError(`unknown output format "${options.output}" (expected ${Object.keys(FORMATTERS).join(', ')})`);
  }
  const known = new Set(RULES.map((r) => r.meta.id));
  let loaded: ReturnType<typeof loadConfig>;
  try {
    const configFile = options.config === false ? undefined : (options.config ?? findConfig(io.cwd));
    loaded = loadConfig(configFile, known);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw new UsageError(`cannot read configuration: ${(error as Error).message}`);
  }
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(`--max-warnings expects a whole number, got "${options.maxWarnings}"`);
  }
  let targets: ReturnType<typeof resolveTargets>;
  const targetSpecs = options.target.length > 0 ? options.target : (loaded.config.targets ?? []);
  try {
    targets = resolveTargets(targetSpecs);
  } catch (error) {
    if (error instanceof TargetError) throw new UsageError(error.message);
    throw error;
  }
  const settings = { ...(loaded.config.rules ?? {}), ...parseRuleOptions(options.rule, known) };
  const pss = options.pss ?? loaded.config.pss;
  const lintOptions = { rules: RULES, targets, settings, ...(pss ? { pss } : {}) };

  let inputs = paths;
  if (inputs.length === 0) {
    if (io.stdinIsTTY) throw new UsageError('no input: give files or folders, or `-` to read standard input');
    inputs = ['-'];
  }
  const files = expandPaths(inputs, (f) => loaded.ignored(f));
  let stdinText: string | undefined;
  const stdin = () => {
    stdinText ??= (paths.length === 0 ? implicitStdin(io.readStdin) : io.readStdin)();
    return stdinText;
  };

  // Large files are streamed: one document in memory at a time. The streaming code (with its worker
  // threads) is loaded only when there is one.
  const large = files.map((entry) => entry.file !== '-' && entry.error === undefined && shouldStream(entry.file));
  const streaming = large.includes(true) ? await import('../stream-input.js') : undefined;
  const frames = format === 'text';

  const progress = progressWanted(io.progress, Boolean(options.quiet), process.env)
    ? new Progress(io.progress, files.length, progressTiming())
    : undefined;
  // Streamed files whose findings were going out as they were found, until the stream gave up: they
  // are read whole when the report starts again.
  const readWhole = new Set<number>();
  let tally = newTally();

  /** What `--quiet` lets through, counted as it goes into the report. */
  const shown = function* (findings: Iterable<Finding>): Generator<Finding> {
    for (const finding of findings) {
      if (options.quiet && finding.severity !== 'error') tally.hidden++;
      else {
        tally[finding.severity]++;
        yield finding;
      }
    }
  };

  /** Reads the file's findings as the report is written; throws `ReadWhole` if its stream gives up. */
  const live = function* (i: number, stream: FindingStream, read: () => number): Generator<Finding> {
    try {
      for (;;) {
        const next = stream.batches.next();
        if (next.done) {
          if (!next.value) throw new ReadWhole(i);
          progress?.fileDone(read(), next.value.documents);
          if (next.value.parseErrors > 0) tally.unreadable = true;
          tally.documents += next.value.documents;
          return;
        }
        yield* shown(next.value);
      }
    } finally {
      // Closes the file when the report stops early (a write that failed).
      stream.batches.return(undefined);
    }
  };

  /** The name a file's findings are reported under: standard input may be given one. */
  const labelOf = (entry: { file: string }) =>
    entry.file === '-' && options.stdinFilename ? options.stdinFilename : entry.file;

  /**
   * Each file's report, linted when it is reached. `inPass`: a large file's findings are linted while
   * the report reads them, and never all held.
   */
  const reports = function* (inPass: boolean): Generator<FileStream> {
    for (const [i, entry] of files.entries()) {
      let read = 0;
      const onRead = progress
        ? (bytes: number) => {
            read += bytes;
            progress.read(bytes);
          }
        : undefined;
      if (large[i] && streaming && !readWhole.has(i)) {
        if (inPass) {
          debugStream(`${entry.file}: findings written as they are found`);
          // Each batch is written, frames and all, before the next is asked for (`live`).
          const kept = frames ? 'as-written' : 'none';
          const stream = streaming.streamFindings(entry.file, entry.file, lintOptions, targetSpecs, onRead, kept);
          const findings = live(i, stream, () => read);
          yield { file: entry.file, frameLines: frames ? stream.frameLines : undefined, findings };
          // A formatter that skipped the findings still gets them counted (and the file read).
          for (const _ of findings);
          continue;
        }
        const streamed = streaming.lintFileStreaming(entry.file, entry.file, lintOptions, targetSpecs, onRead, frames);
        if (streamed) {
          const { result } = streamed;
          progress?.fileDone(read, result.documents);
          if (result.parseErrors > 0) tally.unreadable = true;
          tally.documents += result.documents;
          yield {
            file: entry.file,
            frameLines: frames ? streamed.frameLines : undefined,
            findings: [...shown(result.findings)],
          };
          continue;
        }
      }
      const input = readInput(entry, stdin);
      const label = labelOf(input);
      if (input.text === undefined) {
        progress?.fileDone(0, 0);
        tally.unreadable = true;
        yield { file: label, findings: [...shown([unreadableFinding(label, input.error ?? 'cannot be read')])] };
        continue;
      }
      const result: FileResult = lintSource(label, input.text, lintOptions);
      // Arguments are evaluated only with a progress line; a streamed file read whole again counts once.
      progress?.fileDone(Buffer.byteLength(input.text), result.documents);
      if (result.parseErrors > 0) tally.unreadable = true;
      tally.documents += result.documents;
      yield { file: label, text: input.text, findings: [...shown(result.findings)] };
    }
  };

  const summary = (): Summary => ({
    files: files.length,
    documents: tally.documents,
    errors: tally.error,
    warnings: tally.warning,
    infos: tally.info,
  });
  // End-of-life runtimes checked as context are not the targets the severity is decided for.
  const reportTargets = targets.filter((t) => !t.context).map((t) => (t.matrix ? t.label : t.id));
  const formatOptions = {
    color: options.color && format === 'text',
    rules: ALL_RULE_META,
    version: io.version,
    verbose: options.verbose === true,
  };
  const onePass = ONE_PASS_FORMATTERS[format];

  const produce = (write: Write, rewind?: Rewind) => {
    // Written as the findings are found where the report can be taken back (a file of the report's
    // own), should a stream give up; elsewhere the findings are all gathered first.
    if (onePass && rewind && streaming) {
      for (;;) {
        tally = newTally();
        const report: ReportStream = {
          files: reports(true),
          names: files.map(labelOf),
          targets: reportTargets,
          get summary() {
            return summary();
          },
          get hidden() {
            return tally.hidden > 0 ? tally.hidden : undefined;
          },
        };
        try {
          onePass(report, formatOptions, write);
          return;
        } catch (error) {
          if (!(error instanceof ReadWhole)) throw error;
          debugStream(`${files[error.index]?.file}: read whole; the report starts again`);
          readWhole.add(error.index);
          rewind();
          progress?.again();
        }
      }
    }
    tally = newTally();
    const fileReports = [...reports(false)] as FileReport[];
    // The line goes before the report does: both may be on the terminal. (Written as found, the report
    // goes to a file, and the line stays while the files are read.)
    progress?.end();
    const report: LintReport = { files: fileReports, targets: reportTargets, summary: summary() };
    if (tally.hidden > 0) report.hidden = tally.hidden;
    STREAM_FORMATTERS[format](report, formatOptions, write);
  };

  try {
    writeReport(options.outputFile || undefined, io.stdout, produce, io.stdoutBytes);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (!options.outputFile || typeof e.code !== 'string') throw error;
    const why = e.code === 'ENOENT' ? 'its folder does not exist' : e.code === 'EISDIR' ? 'it is a folder' : e.message;
    throw new UsageError(`--output-file: cannot write ${options.outputFile}: ${why}`);
  } finally {
    progress?.end();
  }

  if (tally.unreadable) return EXIT.usage;
  if (tally.error > 0) return EXIT.findings;
  if (maxWarnings !== undefined && tally.warning > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}

/** A measurement aid (and what the tests check): which files went into the report as they were read. */
function debugStream(text: string): void {
  if (process.env.CAPDOCTOR_DEBUG?.split(',').includes('stream')) process.stderr.write(`capdoctor: ${text}\n`);
}

/** What a pass over the inputs counted. */
interface Tally {
  documents: number;
  error: number;
  warning: number;
  info: number;
  /** Left out by --quiet. */
  hidden: number;
  /** An input could not be read, or held a syntax error. */
  unreadable: boolean;
}

function newTally(): Tally {
  return { documents: 0, error: 0, warning: 0, info: 0, hidden: 0, unreadable: false };
}

/** A streamed input needs reading whole after its first findings went into the report. */
class ReadWhole extends Error {
  constructor(readonly index: number) {
    super('a streamed input must be read whole');
  }
}

/** CAPDOCTOR_PROGRESS_DELAY_MS sets another delay before the first line (for tests and demonstrations). */
function progressTiming(): { delayMs?: number } {
  const delay = Number(process.env.CAPDOCTOR_PROGRESS_DELAY_MS);
  return process.env.CAPDOCTOR_PROGRESS_DELAY_MS !== undefined && Number.isFinite(delay) ? { delayMs: delay } : {};
}
