// `capdoctor explain`: per container and target, what the process will actually have — its user, the
// programs it runs, what each add and drop becomes, the bounding and effective sets, the needs found
// in the manifest with their evidence, and a verdict. Text as aligned tables, or a JSON document.
import pc from 'picocolors';
import { LineIndex } from '../../core/lines.js';
import { resolveTargets, TargetError } from '../../knowledge/targets.js';
import {
  type ExplainedContainer,
  type ExplainedTarget,
  type ExplainedUser,
  explainSource,
  type Verdict,
} from '../../model/explain.js';
import { formatForFile, type ParseProblem } from '../../parse/index.js';
import { expandPaths, implicitStdin, readInput } from '../files.js';
import { terminalSafeDeep } from '../output/escape.js';
import { UsageError } from '../usage.js';

export interface ExplainOptions {
  target: string[];
  output: string;
  color: boolean;
}

export interface ExplainIO {
  stdout: (text: string) => void;
  stdinIsTTY: boolean;
  readStdin: () => string;
}

/** The JSON document (`-o json`). `version` changes only if the shape must. */
export interface ExplainJson {
  version: 1;
  targets: string[];
  containers: ExplainedContainer[];
  /** Paths that could not be read, with why. */
  errors: { file: string; message: string }[];
}

type Colors = ReturnType<typeof pc.createColors>;

const STATE_MARK: Record<string, string> = {
  met: '✓',
  unmet: '✗',
  unknown: '?',
  deferred: '…',
  'not-run': '–',
};

const VERDICT_TEXT: Record<Verdict, string> = {
  ok: 'ok',
  fails: 'fails',
  'at-risk': 'at risk',
  unknown: 'not known',
  'does-not-start': 'does not start',
};

function describeUser(user: ExplainedUser): string {
  const who = user.name ?? (user.uid !== undefined ? `uid ${user.uid}` : undefined);
  if (user.kind === 'root') return `root (${user.source})`;
  if (user.kind === 'non-root') return `${who ?? 'non-root'} (${user.source})`;
  return `not known: ${user.source}`;
}

/** Pads cells to aligned columns; the last column is not padded. */
function table(rows: string[][], indent: string): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  return rows.map(
    (row) =>
      indent +
      row
        .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)))
        .join('  ')
        .trimEnd(),
  );
}

function boundingCell(target: ExplainedTarget): string {
  if (!target.starts) return '—';
  const defaults = new Set(target.defaults);
  const bounding = new Set(target.bounding);
  const added = target.bounding.filter((c) => !defaults.has(c));
  const removed = target.defaults.filter((c) => !bounding.has(c));
  if (target.bounding.length > 0 && removed.length === target.defaults.length && target.defaults.length > 0) {
    return target.bounding.join(' ');
  }
  const parts = [`defaults (${target.defaults.length})`];
  if (added.length > 20) parts.push(`+${added.length} more`);
  else if (added.length > 0) parts.push(added.map((c) => `+${c}`).join(' '));
  if (removed.length > 0) parts.push(removed.map((c) => `−${c}`).join(' '));
  if (target.bounding.length === 0) return 'none';
  return parts.join(' ');
}

function entriesCell(target: ExplainedTarget): string {
  if (target.entries.length === 0) return '—';
  return target.entries.map((e) => `${e.list} ${e.value}: ${e.became}`).join('; ');
}

function effectiveCell(target: ExplainedTarget, user: ExplainedContainer['user']): string {
  if (!target.starts) return '—';
  if (target.effective === null) {
    // For a non-root user only the runtime's ambient set can leave this open.
    return user.kind === 'non-root' ? 'not known (ambient set)' : 'root: the bounding set; others: none';
  }
  if (target.effective.length === 0) return 'none';
  return target.effective.length === target.bounding.length ? 'the bounding set' : target.effective.join(' ');
}

function formatContainer(c: Colors, item: ExplainedContainer): string[] {
  const object = item.object ? `${item.object.kind ?? '?'}/${item.object.name ?? '?'} · ` : '';
  const out = [c.bold(`${item.file}:${item.line}  ${object}container "${item.container}"`), `  ${item.message}`];
  const head: string[][] = [['user', describeUser(item.user)]];
  if (item.privileged) head.push(['privileged', 'yes']);
  if (item.allowPrivilegeEscalation === false) head.push(['no_new_privs', 'yes (allowPrivilegeEscalation: false)']);
  if (item.steps.length > 0) {
    const initial = item.user.kind;
    const chain = item.steps
      .map((s) => {
        const notes: string[] = [];
        if (s.switchesTo) {
          const to =
            s.switchesTo.name ?? (s.switchesTo.uid !== undefined ? `uid ${s.switchesTo.uid}` : s.switchesTo.kind);
          notes.push(`${s.switchesTo.pam ? 'opens a PAM session, ' : ''}switches to ${to}`);
        } else if (s.user.kind !== initial || s.user.name !== item.user.name) {
          notes.push(`as ${s.user.name ?? (s.user.uid !== undefined ? `uid ${s.user.uid}` : s.user.kind)}`);
        }
        return notes.length > 0 ? `${s.program} (${notes.join('; ')})` : s.program;
      })
      .join(', ');
    head.push(['runs', chain]);
  } else head.push(['runs', 'the image’s entrypoint (no command in the manifest)']);
  if (item.needs.length === 0) head.push(['needs', 'none found in the manifest']);
  out.push(...table(head, '  '));
  if (item.needs.length > 0) {
    out.push('  needs');
    for (const need of item.needs) {
      const caps =
        need.capabilities.length > 0
          ? need.capabilities.join(', ')
          : need.kind === 'sysctl'
            ? 'privileged or pod sysctls'
            : '—';
      out.push(`    ${need.id}. ${c.bold(caps)}  ${need.summary}`);
      const rows = need.evidence.map((e) => [e.line > 0 ? `${e.line}:${e.column}` : '', e.text, c.dim(e.label)]);
      out.push(...table(rows, '         '));
    }
  }
  out.push('');
  const header = ['TARGET', 'STARTS', 'ADD/DROP', 'BOUNDING', 'EFFECTIVE', 'NEEDS', 'VERDICT'];
  const rows = item.targets.map((t) => [
    t.target,
    t.starts ? 'yes' : 'no',
    entriesCell(t),
    boundingCell(t),
    effectiveCell(t, item.user),
    t.needs.length > 0
      ? t.needs.map((n) => `${n.id}${n.state === 'unmet' && n.soft ? '~' : STATE_MARK[n.state]}`).join(' ')
      : '—',
    VERDICT_TEXT[t.verdict],
  ]);
  const lines = table([header, ...rows], '  ');
  out.push(c.dim(lines[0] ?? ''));
  lines.slice(1).forEach((line, i) => {
    const verdict = item.targets[i]?.verdict;
    const color =
      verdict === 'ok' ? c.green : verdict === 'unknown' ? c.yellow : verdict === 'at-risk' ? c.yellow : c.red;
    out.push(verdict === undefined ? line : color(line));
  });
  // Why each need is not met, once per distinct reason.
  const why: string[][] = [];
  for (const t of item.targets) {
    if (!t.starts && t.failure) {
      why.push([t.target, '–', `the container does not start: ${t.failure}`]);
      continue;
    }
    for (const n of t.needs) {
      if (n.state === 'met') continue;
      why.push([t.target, `${n.id}${n.state === 'unmet' && n.soft ? '~' : STATE_MARK[n.state]}`, n.why]);
    }
  }
  if (why.length > 0) {
    out.push('', '  why');
    out.push(...table(why, '    '));
  }
  // Each distinct default set once, with the runtimes that use it.
  const defaults = new Map<string, string[]>();
  for (const t of item.targets) {
    if (t.defaults.length === 0) continue;
    const key = t.defaults.join(' ');
    const label = t.label.split(' with ')[0] ?? t.label;
    const labels = defaults.get(key) ?? [];
    if (!labels.includes(label)) labels.push(label);
    defaults.set(key, labels);
  }
  if (defaults.size > 0) {
    out.push('', '  defaults');
    out.push(
      ...table(
        [...defaults].map(([caps, labels]) => [labels.join(', '), `${caps} (${caps.split(' ').length})`]),
        '    ',
      ),
    );
  }
  return out;
}

export function formatExplainText(raw: ExplainJson, color: boolean): string {
  const c = pc.createColors(color);
  // Names, commands and evidence come from the manifest: nothing in them may steer the terminal.
  const result = terminalSafeDeep(raw);
  const out: string[] = [
    c.dim(
      `Targets: ${result.targets.length <= 4 ? result.targets.join(', ') : `${result.targets.length} runtime profiles`}`,
    ),
    '',
  ];
  if (result.containers.length === 0)
    out.push(result.errors.length === 0 ? 'No containers found.' : 'No containers read.');
  for (const item of result.containers) out.push(...formatContainer(c, item), '');
  for (const error of result.errors) out.push(c.red(`${error.file}: ${error.message}`));
  // The legend explains the tables' marks: only when there are tables.
  if (result.containers.length > 0) {
    out.push(
      c.dim(
        'Needs: ✓ met  ✗ not met  ~ not met unless something outside the manifest helps  ? not known  … depends on another need  – the container does not start',
      ),
    );
  }
  return `${out.join('\n')}\n`;
}

export function runExplain(paths: string[], options: ExplainOptions, io: ExplainIO): number {
  if (options.output !== 'text' && options.output !== 'json') {
    throw new UsageError(`unknown output format "${options.output}" (expected text, json)`);
  }
  let targets: ReturnType<typeof resolveTargets>;
  try {
    targets = resolveTargets(options.target);
  } catch (error) {
    if (error instanceof TargetError) throw new UsageError(error.message);
    throw error;
  }
  let inputs = paths;
  if (inputs.length === 0) {
    if (io.stdinIsTTY) throw new UsageError('no input: give files or folders, or `-` to read standard input');
    inputs = ['-'];
  }
  let stdinText: string | undefined;
  const stdin = () => {
    stdinText ??= (paths.length === 0 ? implicitStdin(io.readStdin) : io.readStdin)();
    return stdinText;
  };
  const result: ExplainJson = {
    version: 1,
    targets: targets.map((t) => (t.matrix ? t.label : t.id)),
    containers: [],
    errors: [],
  };
  for (const entry of expandPaths(inputs, () => false)) {
    const input = readInput(entry, stdin);
    if (input.text === undefined) {
      result.errors.push({ file: input.file, message: input.error ?? 'cannot be read' });
      continue;
    }
    const format = input.file === '-' ? 'auto' : formatForFile(input.file);
    const problems: ParseProblem[] = [];
    for (const container of explainSource(input.file, input.text, targets, format, problems)) {
      result.containers.push(container);
    }
    // What could not be read is not "no containers": it is named, and the exit code says so.
    const lines = problems.some((p) => !p.warning) ? new LineIndex(input.text) : undefined;
    for (const problem of problems) {
      if (problem.warning || !lines) continue;
      const at = lines.position(problem.start);
      result.errors.push({ file: input.file, message: `${at.line}:${at.column}: ${problem.message}` });
    }
  }
  io.stdout(
    options.output === 'json' ? `${JSON.stringify(result, null, 2)}\n` : formatExplainText(result, options.color),
  );
  return result.errors.length > 0 ? 2 : 0;
}
