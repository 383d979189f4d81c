import { ConfigError } from '../../core/config.js';
import { type FileResult, lintSource } from '../../core/engine.js';
import type { PssLevel } from '../../core/pss.js';
import type { Finding } from '../../core/types.js';
import { resolveTargets, TargetError } from '../../knowledge/targets.js';
import { ALL_RULE_META, RULES } from '../../rules/index.js';
import { findConfig, loadConfig, parseRuleOptions } from '../config-file.js';
import { expandPaths, implicitStdin, readInput, unreadableFinding } from '../files.js';
import { FORMATTERS, type OutputFormat, STREAM_FORMATTERS } from '../output/index.js';
import { writeReport } from '../output/sink.js';
import type { FileReport, LintReport } from '../output/types.js';
import { Progress, type ProgressStream, progressWanted } from '../progress.js';
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

  const reports: FileReport[] = [];
  let documents = 0;
  let hidden = 0;
  const shown = (findings: Finding[]): Finding[] => {
    if (!options.quiet) return findings;
    const errors = findings.filter((f) => f.severity === 'error');
    hidden += findings.length - errors.length;
    return errors;
  };
  let unreadable = false;
  const progress = progressWanted(io.progress, Boolean(options.quiet), process.env)
    ? new Progress(io.progress, files.length, progressTiming())
    : undefined;
  for (const [i, entry] of files.entries()) {
    let read = 0;
    const onRead = progress
      ? (bytes: number) => {
          read += bytes;
          progress.read(bytes);
        }
      : undefined;
    const streamed =
      large[i] && streaming
        ? streaming.lintFileStreaming(entry.file, entry.file, lintOptions, targetSpecs, onRead, format === 'text')
        : undefined;
    if (streamed) {
      const { result } = streamed;
      progress?.fileDone(read, result.documents);
      if (result.parseErrors > 0) unreadable = true;
      documents += result.documents;
      const findings = shown(result.findings);
      reports.push({ file: entry.file, frameLines: format === 'text' ? streamed.frameLines : undefined, findings });
      continue;
    }
    const input = readInput(entry, stdin);
    const label = input.file === '-' && options.stdinFilename ? options.stdinFilename : input.file;
    if (input.text === undefined) {
      progress?.fileDone(0, 0);
      unreadable = true;
      reports.push({ file: label, findings: [unreadableFinding(label, input.error ?? 'cannot be read')] });
      continue;
    }
    const result: FileResult = lintSource(label, input.text, lintOptions);
    // Arguments are evaluated only with a progress line; a streamed file read whole again counts once.
    progress?.fileDone(Buffer.byteLength(input.text), result.documents);
    if (result.parseErrors > 0) unreadable = true;
    documents += result.documents;
    const findings = shown(result.findings);
    reports.push({ file: label, text: input.text, findings });
  }

  progress?.end();

  const all = reports.flatMap((r) => r.findings);
  const count = (severity: Finding['severity']) => all.filter((f) => f.severity === severity).length;
  const report: LintReport = {
    files: reports,
    // End-of-life runtimes checked as context are not the targets the severity is decided for.
    targets: targets.filter((t) => !t.context).map((t) => (t.matrix ? t.label : t.id)),
    summary: {
      files: reports.length,
      documents,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    },
  };
  if (hidden > 0) report.hidden = hidden;
  const formatOptions = {
    color: options.color && format === 'text',
    rules: ALL_RULE_META,
    version: io.version,
    verbose: options.verbose === true,
  };
  // Written as it is formatted: a report of many findings is never one string in memory.
  try {
    writeReport(
      options.outputFile || undefined,
      io.stdout,
      (write) => STREAM_FORMATTERS[format](report, formatOptions, write),
      io.stdoutBytes,
    );
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (!options.outputFile || typeof e.code !== 'string') throw error;
    const why = e.code === 'ENOENT' ? 'its folder does not exist' : e.code === 'EISDIR' ? 'it is a folder' : e.message;
    throw new UsageError(`--output-file: cannot write ${options.outputFile}: ${why}`);
  }

  if (unreadable) return EXIT.usage;
  if (report.summary.errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && report.summary.warnings > maxWarnings) return EXIT.findings;
  return EXIT.ok;
}

/** CAPDOCTOR_PROGRESS_DELAY_MS sets another delay before the first line (for tests and demonstrations). */
function progressTiming(): { delayMs?: number } {
  const delay = Number(process.env.CAPDOCTOR_PROGRESS_DELAY_MS);
  return process.env.CAPDOCTOR_PROGRESS_DELAY_MS !== undefined && Number.isFinite(delay) ? { delayMs: delay } : {};
}
