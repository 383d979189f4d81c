import {
  chmodSync,
  chownSync,
  closeSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import pc from 'picocolors';
import { ConfigError } from '../../core/config.js';
import { unifiedDiff } from '../../core/diff.js';
import { PARSE_ERROR_RULE } from '../../core/engine.js';
import { type FixResult, fixSource } from '../../core/fix.js';
import { resolveTargets, TargetError } from '../../knowledge/targets.js';
import { formatForFile } from '../../parse/index.js';
import { RULES } from '../../rules/index.js';
import { findConfig, loadConfig } from '../config-file.js';
import { encodeText, expandPaths, implicitStdin, readInput } from '../files.js';
import { formatGithubFix } from '../output/github.js';
import { UsageError } from '../usage.js';
import { type CommandIO, EXIT } from './lint.js';

export interface FixCommandOptions {
  target: string[];
  rule: string[];
  config?: string | false;
  dryRun?: boolean;
  unsafe?: boolean;
  force?: boolean;
  output: string;
  stdinFilename?: string;
  color: boolean;
}

export interface FixIO extends CommandIO {
  stderr: (text: string) => void;
  /** Writes a file safely (see writeFixed); replaceable in tests. */
  write?: (file: string, bytes: Buffer, force: boolean) => void;
}

/** A file `fix` will not write, and why (the reason is the message). */
export class WriteRefused extends Error {}

/**
 * Writes the fixed bytes of `file`, keeping what the file was: its mode, owner and group (as root the
 * new file is given back to its owner), and its hard links. Normally the bytes go to a new file beside
 * it that then replaces it, so that readers never see a half-written file. Refused unless `force`:
 * - a read-only file (no write bit set): someone meant it not to change;
 * - a file with several hard links, which replacing it would split: forced, it is written in place,
 *   through the links;
 * - a file that cannot be given back to its owner and group (fixed by another user than its owner):
 *   forced, it is written in place, which keeps them.
 * A write in place is not atomic: an interrupted one can leave the file half-written.
 */
export function writeFixed(file: string, bytes: Buffer, force: boolean): void {
  const real = realpathSync(file);
  const stats = statSync(real);
  const mode = stats.mode & 0o7777;
  if ((mode & 0o222) === 0 && !force) {
    throw new WriteRefused(`is read-only (mode ${mode.toString(8).padStart(4, '0')}); --force fixes it anyway`);
  }
  if (stats.nlink > 1) {
    if (!force) {
      throw new WriteRefused(
        `has ${stats.nlink} hard links, which replacing it would split; --force writes it in place, through the links`,
      );
    }
    writeInPlace(real, bytes);
    return;
  }
  const temporary = join(dirname(real), `.${basename(real)}.capdoctor-${process.pid}-${Date.now()}.tmp`);
  try {
    const fd = openSync(temporary, 'wx', mode);
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temporary, mode);
    let owned = true;
    try {
      chownSync(temporary, stats.uid, stats.gid);
    } catch {
      // Only root may give a file away (and a group only to one the user is in).
      const made = statSync(temporary);
      owned = made.uid === stats.uid && made.gid === stats.gid;
    }
    if (!owned) {
      rmSync(temporary, { force: true });
      if (!force) {
        throw new WriteRefused(
          `belongs to uid ${stats.uid} gid ${stats.gid}, and the fixed file could not be given back to them; run as its owner or root, or --force to write it in place`,
        );
      }
      writeInPlace(real, bytes);
      return;
    }
    renameSync(temporary, real);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

function writeInPlace(file: string, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    ftruncateSync(fd, 0);
    writeSync(fd, bytes, 0, bytes.length, 0);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

interface FileOutcome {
  file: string;
  result?: FixResult;
  /** The fixed text reached its place (the file, or standard output for standard input). */
  written: boolean;
  error?: string;
  /** With --dry-run: the unified diff of the changes. */
  diff?: string;
}

export function runFix(paths: string[], options: FixCommandOptions, io: FixIO): number {
  if (options.output !== 'text' && options.output !== 'json' && options.output !== 'github') {
    throw new UsageError(`unknown output format "${options.output}" (expected text, json or github)`);
  }
  const known = new Set(RULES.map((r) => r.meta.id));
  for (const id of options.rule) {
    if (id === PARSE_ERROR_RULE) throw new UsageError(`--rule: "${id}" has nothing to fix`);
    if (!known.has(id)) throw new UsageError(`--rule: unknown rule "${id}" (see \`capdoctor rules\`)`);
  }
  let loaded: ReturnType<typeof loadConfig>;
  try {
    loaded = loadConfig(options.config === false ? undefined : (options.config ?? findConfig(io.cwd)), known);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw new UsageError(`cannot read configuration: ${(error as Error).message}`);
  }
  let targets: ReturnType<typeof resolveTargets>;
  try {
    targets = resolveTargets(options.target.length > 0 ? options.target : (loaded.config.targets ?? []));
  } catch (error) {
    if (error instanceof TargetError) throw new UsageError(error.message);
    throw error;
  }
  let inputs = paths;
  if (inputs.length === 0) {
    if (io.stdinIsTTY) throw new UsageError('no input: give files or folders, or `-` to read standard input');
    inputs = ['-'];
  }
  // Naming an opt-in rule with --rule turns it on for this run.
  const settings = { ...(loaded.config.rules ?? {}) };
  for (const rule of RULES) {
    if (rule.meta.optIn && options.rule.includes(rule.meta.id) && settings[rule.meta.id] === undefined) {
      settings[rule.meta.id] = rule.meta.severity;
    }
  }
  const fixOptions = {
    rules: RULES,
    targets,
    settings,
    unsafe: Boolean(options.unsafe),
    ...(options.rule.length > 0 ? { only: new Set(options.rule) } : {}),
  };
  const write = io.write ?? writeFixed;
  const outcomes: FileOutcome[] = [];
  for (const entry of expandPaths(inputs, (f) => loaded.ignored(f))) {
    const input = readInput(entry, paths.length === 0 ? implicitStdin(io.readStdin) : io.readStdin);
    const label = input.file === '-' && options.stdinFilename ? options.stdinFilename : input.file;
    if (input.text === undefined) {
      outcomes.push({ file: label, written: false, error: `cannot read: ${input.error ?? 'unknown error'}` });
      continue;
    }
    const result = fixSource(label, input.text, { ...fixOptions, format: formatForFile(input.file) });
    const outcome: FileOutcome = { file: label, result, written: false };
    if (result.error) outcome.error = result.error;
    if (options.dryRun) {
      outcome.diff = unifiedDiff(label, input.text, result.output);
    } else if (input.file === '-') {
      // Standard input in, fixed text out; the report goes to stderr.
      io.stdout(result.output);
      outcome.written = true;
    } else if (result.changed) {
      try {
        write(input.file, encodeText(result.output, input.encoding), Boolean(options.force));
        outcome.written = true;
      } catch (error) {
        outcome.error = `not written: ${(error as Error).message}`;
      }
    }
    outcomes.push(outcome);
  }

  // JSON and GitHub annotations are for machines: standard output holds the report alone. In text,
  // standard output holds the diff of a dry run or the fixed text of standard input, and then the
  // report goes to standard error.
  const json = options.output === 'json' || options.output === 'github';
  const report =
    options.output === 'json'
      ? jsonReport(outcomes, Boolean(options.dryRun))
      : options.output === 'github'
        ? githubReport(outcomes, Boolean(options.dryRun))
        : textReport(outcomes, options);
  const toStdin = inputs.includes('-');
  const diff = json ? '' : outcomes.map((o) => o.diff ?? '').join('');
  if (diff) io.stdout(diff);
  if (json && !(toStdin && !options.dryRun)) io.stdout(report);
  else if (!toStdin && !options.dryRun) io.stdout(report);
  else io.stderr(report);

  if (outcomes.some((o) => o.error !== undefined)) return EXIT.usage;
  const errors = outcomes.some((o) => o.result?.result.findings.some((f) => f.severity === 'error'));
  return errors ? EXIT.findings : EXIT.ok;
}

function counts(result: FixResult | undefined) {
  const findings = result?.result.findings ?? [];
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    infos: findings.filter((f) => f.severity === 'info').length,
  };
}

function jsonReport(outcomes: readonly FileOutcome[], dryRun: boolean): string {
  const files = outcomes.map((o) => {
    const file: Record<string, unknown> = {
      file: o.file,
      changed: o.result?.changed ?? false,
      written: o.written,
      changes: o.result?.changes ?? [],
      skipped: o.result?.skipped ?? [],
      remaining: counts(o.result),
    };
    if (o.error !== undefined) file.error = o.error;
    if (dryRun) file.diff = o.diff ?? '';
    return file;
  });
  const remaining = outcomes.map((o) => counts(o.result));
  return `${JSON.stringify(
    {
      version: 1,
      dryRun,
      files,
      summary: {
        files: outcomes.length,
        changed: outcomes.filter((o) => o.result?.changed && (o.written || dryRun)).length,
        changes: outcomes.reduce((n, o) => n + (o.written || dryRun ? (o.result?.changes.length ?? 0) : 0), 0),
        errors: remaining.reduce((n, c) => n + c.errors, 0),
        warnings: remaining.reduce((n, c) => n + c.warnings, 0),
      },
    },
    null,
    2,
  )}\n`;
}

function githubReport(outcomes: readonly FileOutcome[], dryRun: boolean): string {
  const files = outcomes.map((o) => ({
    file: o.file,
    changes: o.written || dryRun ? (o.result?.changes ?? []) : [],
    skipped: o.result?.skipped ?? [],
    ...(o.error !== undefined ? { error: o.error } : {}),
  }));
  const remaining = outcomes.map((o) => counts(o.result));
  return formatGithubFix(files, dryRun, {
    errors: remaining.reduce((n, c) => n + c.errors, 0),
    warnings: remaining.reduce((n, c) => n + c.warnings, 0),
  });
}

function textReport(outcomes: readonly FileOutcome[], options: FixCommandOptions): string {
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  let changes = 0;
  for (const o of outcomes) {
    const result = o.result;
    if (o.error !== undefined) lines.push(`${c.red('✖')} ${o.file}: ${o.error}`);
    if (!result) continue;
    // Only what reached its place is reported as fixed (a failed write is an error above).
    if (result.changed && (o.written || options.dryRun)) {
      changes += result.changes.length;
      const verb = options.dryRun ? 'would fix' : 'fixed';
      lines.push(
        `${c.green('✔')} ${o.file}: ${verb} ${result.changes.length} ${plural(result.changes.length, 'entry', 'entries')}`,
      );
      for (const change of result.changes) {
        lines.push(`    ${change.before.line}:${change.before.column}  ${change.description}  ${c.dim(change.rule)}`);
      }
    }
    for (const skipped of result.skipped) {
      lines.push(
        `${c.yellow('!')} ${o.file}:${skipped.line}:${skipped.column} ${skipped.rule} not fixed: ${skipped.reason}`,
      );
    }
  }
  const remaining = outcomes.map((o) => counts(o.result));
  const errors = remaining.reduce((n, x) => n + x.errors, 0);
  const warnings = remaining.reduce((n, x) => n + x.warnings, 0);
  const changed = outcomes.filter((o) => o.result?.changed && (o.written || options.dryRun)).length;
  const done = options.dryRun ? 'would change' : 'changed';
  lines.push(
    `${changes} ${plural(changes, 'fix', 'fixes')} in ${changed} ${plural(changed, 'file', 'files')} ${done}; ` +
      `${errors} ${plural(errors, 'error', 'errors')} and ${warnings} ${plural(warnings, 'warning', 'warnings')} remain` +
      (errors + warnings > 0 ? ' (run `capdoctor lint` for details)' : ''),
  );
  return `${lines.join('\n')}\n`;
}

function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}
