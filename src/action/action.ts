// The GitHub Action: lints the given paths with the library, then writes annotations (workflow
// commands on standard output), the job summary, a SARIF file for code scanning and the step outputs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { findConfig, type LoadedConfig, loadConfig } from '../cli/config-file.js';
import { expandPaths, readInput, unreadableFinding } from '../cli/files.js';
import { githubCommand } from '../cli/output/github.js';
import { formatSarif } from '../cli/output/sarif.js';
import type { FileReport, LintReport } from '../cli/output/types.js';
import type { Finding } from '../core/types.js';
import { ALL_RULE_META, lintSource, RULES, resolveTargets } from '../index.js';
import type { Runner } from './runner.js';
import { summaryMarkdown } from './summary.js';

declare const CAPDOCTOR_VERSION: string;
const VERSION = typeof CAPDOCTOR_VERSION === 'string' ? CAPDOCTOR_VERSION : '0.0.0-dev';

export type FailOn = 'error' | 'warning' | 'never';

export class InputError extends Error {}

function failOnInput(value: string): FailOn {
  const failOn = value === '' ? 'error' : value;
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') {
    throw new InputError(`fail-on must be error, warning or never, not "${value}"`);
  }
  return failOn;
}

/** Runs the Action in the current folder (the workspace); returns the process exit code. */
export function runAction(runner: Runner): number {
  const cwd = process.cwd();
  const failOn = failOnInput(runner.input('fail-on'));
  // Paths are separated by white space or new lines (a YAML block scalar in the workflow).
  const paths = runner
    .input('paths')
    .split(/\s+/)
    .filter((p) => p !== '');
  const inputs = paths.length > 0 ? paths : ['.'];
  const sarifFile = runner.input('sarif-file') || 'capdoctor.sarif';
  const known = new Set(RULES.map((r) => r.meta.id));
  const configInput = runner.input('config');
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig(configInput ? resolve(cwd, configInput) : findConfig(cwd), known);
  } catch (error) {
    throw new InputError(`config: ${(error as Error).message}`);
  }
  const targetSpecs = runner.listInput('targets');
  let targets: ReturnType<typeof resolveTargets>;
  try {
    targets = resolveTargets(targetSpecs.length > 0 ? targetSpecs : (loaded.config.targets ?? []));
  } catch (error) {
    throw new InputError(`targets: ${(error as Error).message}`);
  }
  const options = { rules: RULES, targets, settings: loaded.config.rules ?? {} };

  const files: FileReport[] = [];
  let documents = 0;
  for (const entry of expandPaths(inputs, (file) => loaded.ignored(file))) {
    if (entry.file === '-') throw new InputError('paths: standard input (-) is not available in an Action');
    const input = readInput(entry, () => '');
    if (input.text === undefined) {
      files.push({ file: entry.file, findings: [unreadableFinding(entry.file, input.error ?? 'cannot be read')] });
      continue;
    }
    const result = lintSource(entry.file, input.text, options);
    documents += result.documents;
    files.push({ file: entry.file, findings: result.findings });
  }

  const all = files.flatMap((f) => f.findings);
  const count = (severity: Finding['severity']) => all.filter((f) => f.severity === severity).length;
  const report: LintReport = {
    files,
    targets: targets.map((t) => (t.matrix ? t.label : t.id)),
    summary: {
      files: files.length,
      documents,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
    },
  };

  for (const finding of all) runner.log(`${githubCommand(finding)}\n`);
  const sarifPath = resolve(cwd, sarifFile);
  mkdirSync(dirname(sarifPath), { recursive: true });
  writeFileSync(sarifPath, formatSarif(report, { color: false, rules: ALL_RULE_META, version: VERSION }));
  runner.summary(summaryMarkdown(report, sarifFile));
  runner.setOutput('errors', String(report.summary.errors));
  runner.setOutput('warnings', String(report.summary.warnings));
  runner.setOutput('sarif-file', sarifFile);

  const { errors, warnings, infos } = report.summary;
  runner.log(
    `capdoctor ${VERSION}: ${errors} error(s), ${warnings} warning(s), ${infos} info in ${files.length} file(s); SARIF written to ${sarifFile}\n`,
  );
  const failing = failOn === 'never' ? 0 : failOn === 'warning' ? errors + warnings : errors;
  if (failing > 0) {
    runner.log(`::error title=capdoctor::${failing} finding(s) at or above fail-on=${failOn}\n`);
    return 1;
  }
  return 0;
}
