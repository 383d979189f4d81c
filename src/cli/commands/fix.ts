import {
  chmodSync,
  chownSync,
  closeSync,
  fsyncSync,
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
import { type FixResult, fixSource } from '../../core/fix.js';
import { resolveTargets, TargetError } from '../../knowledge/targets.js';
import { formatForFile } from '../../parse/index.js';
import { RULES } from '../../rules/index.js';
import { findConfig, loadConfig } from '../config-file.js';
import { expandPaths, readInput } from '../files.js';
import { formatGithubFix } from '../output/github.js';
import { UsageError } from '../usage.js';
import { type CommandIO, EXIT } from './lint.js';

export interface FixCommandOptions {
  target: string[];
  rule: string[];
  config?: string | false;
  dryRun?: boolean;
  unsafe?: boolean;
  output: string;
  stdinFilename?: string;
  color: boolean;
}

export interface FixIO extends CommandIO {
  stderr: (text: string) => void;
  /** Writes a file atomically; replaceable in tests. */
  write?: (file: string, text: string) => void;
}

/** Writes next to the file, then renames over it: readers never see a half-written file. */
export function writeAtomically(file: string, text: string): void {
  const real = realpathSync(file);
  const stats = statSync(real);
  const temporary = join(dirname(real), `.${basename(real)}.capdoctor-${process.pid}-${Date.now()}.tmp`);
  try {
    const fd = openSync(temporary, 'wx', stats.mode & 0o7777);
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temporary, stats.mode & 0o7777);
    try {
      chownSync(temporary, stats.uid, stats.gid);
    } catch {
      // Only root may give a file away; otherwise it keeps our ownership, as any editor's save would.
    }
    renameSync(temporary, real);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

interface FileOutcome {
  file: string;
  result?: FixResult;
  written: boolean;
  error?: string;
}

export function runFix(paths: string[], options: FixCommandOptions, io: FixIO): number {
  if (options.output !== 'text' && options.output !== 'json' && options.output !== 'github') {
    throw new UsageError(`unknown output format "${options.output}" (expected text, json or github)`);
  }
  const known = new Set(RULES.map((r) => r.meta.id));
  for (const id of options.rule) {
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
  const write = io.write ?? writeAtomically;
  const outcomes: FileOutcome[] = [];
  let diff = '';
  for (const entry of expandPaths(inputs, (f) => loaded.ignored(f))) {
    const input = readInput(entry, io.readStdin);
    const label = input.file === '-' && options.stdinFilename ? options.stdinFilename : input.file;
    if (input.text === undefined) {
      outcomes.push({ file: label, written: false, error: `cannot read: ${input.error ?? 'unknown error'}` });
      continue;
    }
    const result = fixSource(label, input.text, { ...fixOptions, format: formatForFile(input.file) });
    const outcome: FileOutcome = { file: label, result, written: false };
    if (result.error) outcome.error = result.error;
    if (input.file === '-') {
      // Standard input in, fixed text out; the report goes to stderr.
      io.stdout(result.output);
    } else if (options.dryRun) {
      diff += unifiedDiff(label, input.text, result.output);
    } else if (result.changed) {
      try {
        write(input.file, result.output);
        outcome.written = true;
      } catch (error) {
        outcome.error = `not written: ${(error as Error).message}`;
      }
    }
    outcomes.push(outcome);
  }

  const report =
    options.output === 'json'
      ? jsonReport(outcomes, Boolean(options.dryRun))
      : options.output === 'github'
        ? githubReport(outcomes, Boolean(options.dryRun))
        : textReport(outcomes, options);
  const toStdout = !inputs.includes('-');
  if (diff) io.stdout(diff);
  if (toStdout && !(options.dryRun && options.output === 'text')) io.stdout(report);
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
        changed: outcomes.filter((o) => o.result?.changed).length,
        changes: outcomes.reduce((n, o) => n + (o.result?.changes.length ?? 0), 0),
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
    changes: o.result?.changes ?? [],
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
    if (result.changed) {
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
  const changed = outcomes.filter((o) => o.result?.changed).length;
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
