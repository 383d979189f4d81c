// Output of `capdoctor diagnose`: text (the one-line message, the fix and the evidence; the story
// with --verbose) and JSON (version 1).
import pc from 'picocolors';
import type { DiagnoseResult, Diagnosis, Evidence, NextStep } from '../../diagnose/types.js';
import { terminalSafeDeep } from './escape.js';

type Colors = ReturnType<typeof pc.createColors>;

/** Text is wrapped at this width; evidence lines are shortened to it. */
const WIDTH = 120;
const INDENT = '  ';
const LABEL_WIDTH = 10;

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  if (current !== '') lines.push(current);
  return lines.map((line, i) => (i === 0 ? line : `${indent}${line}`));
}

function field(c: Colors, label: string, text: string, color: (s: string) => string = (s) => s): string[] {
  const pad = `${INDENT}${' '.repeat(LABEL_WIDTH)}`;
  const [first = '', ...rest] = wrap(text, WIDTH - pad.length, pad);
  return [`${INDENT}${c.bold(label.padEnd(LABEL_WIDTH))}${color(first)}`, ...rest.map((line) => color(line))];
}

/**
 * Log lines for the terminal: escaped quotes made plain, runs of spaces (table padding) collapsed,
 * and a long line cut to a window that shows the part that matched.
 */
export function shorten(text: string, width: number, focus?: string): string {
  const plain = (s: string) =>
    s
      .trim()
      .replace(/\\+"/g, '"')
      .replace(/\s{2,}/g, ' ');
  const line = plain(text);
  if (line.length <= width) return line;
  const wanted = focus ? plain(focus) : '';
  const at = wanted ? line.indexOf(wanted) : -1;
  if (at < 0) {
    // No focus: keep the start and, above all, the end, where errors usually are.
    const head = Math.floor(width * 0.25);
    return `${line.slice(0, head)} … ${line.slice(line.length - (width - head - 3))}`;
  }
  const room = width - 2;
  if (wanted.length > room) {
    // A focus longer than the room keeps its start (what failed) and its end (the name or reason).
    const head = Math.floor(room * 0.4);
    return `…${wanted.slice(0, head)} … ${wanted.slice(wanted.length - (room - head - 3))}…`;
  }
  const end = Math.min(line.length, Math.max(at + wanted.length + 12, room));
  const start = Math.min(at, Math.max(0, end - room));
  const window = line.slice(start, start + room);
  return `${start > 0 ? '…' : ''}${window}${start + room < line.length ? '…' : ''}`;
}

const ROLE_LABEL: Record<Evidence['role'], string> = {
  cause: 'cause',
  need: 'needs it',
  symptom: 'symptom',
  context: 'context',
};

function evidenceLines(c: Colors, diagnosis: Diagnosis): string[] {
  const out = [`${INDENT}${c.bold('Evidence')}`];
  const where = diagnosis.evidence.map((e) => `${e.file}:${e.line}`);
  const whereWidth = Math.min(40, Math.max(...where.map((w) => w.length)));
  const room = Math.max(40, WIDTH - INDENT.length * 2 - 10 - whereWidth - 2);
  diagnosis.evidence.forEach((e, i) => {
    // A tilde marks lines that only the kind of failure links to the cause.
    const role = `${ROLE_LABEL[e.role]}${e.link === 'kind' ? '~' : ''}`.padEnd(10);
    const colored = e.role === 'cause' ? c.red(role) : e.role === 'symptom' ? c.yellow(role) : c.cyan(role);
    out.push(
      `${INDENT}${INDENT}${colored}${c.dim((where[i] as string).padEnd(whereWidth))}  ${shorten(e.text, room, e.focus)}`,
    );
  });
  if (diagnosis.omitted > 0) {
    out.push(
      `${INDENT}${INDENT}${c.dim(`… and ${diagnosis.omitted} more line${diagnosis.omitted === 1 ? '' : 's'} like these`)}`,
    );
  }
  if (diagnosis.evidence.some((e) => e.link === 'kind')) {
    out.push(
      `${INDENT}${INDENT}${c.dim('~ shares no pod, container or time with the cause; linked by the kind of failure')}`,
    );
  }
  return out;
}

function formatDiagnosis(c: Colors, diagnosis: Diagnosis, index: number, verbose: boolean): string[] {
  const title = index === 0 ? 'Root cause' : 'Another cause';
  const tags = [`${diagnosis.confidence} confidence`];
  if (diagnosis.rule) tags.push(diagnosis.rule);
  if (diagnosis.capability) tags.push(diagnosis.capability);
  const out = [`${c.bold(c.red(`✖ ${title}`))} ${c.dim('·')} ${tags.join(c.dim(' · '))}`];
  const summary = verbose ? diagnosis.summary : diagnosis.message;
  out.push(
    ...wrap(summary, WIDTH - INDENT.length, INDENT).map((line, i) =>
      i === 0 ? `${INDENT}${c.bold(line)}` : c.bold(line),
    ),
  );
  out.push('');
  if (verbose) out.push(...field(c, 'Why', diagnosis.explanation));
  if (diagnosis.runtime) out.push(...field(c, 'Runtime', diagnosis.runtime));
  if (diagnosis.pods.length > 0) {
    const pods =
      diagnosis.pods.length > 4
        ? `${diagnosis.pods.slice(0, 4).join(', ')} and ${diagnosis.pods.length - 4} more`
        : diagnosis.pods.join(', ');
    out.push(...field(c, 'Pods', pods));
  }
  out.push(...field(c, 'Fix', diagnosis.fix, c.green));
  for (const location of diagnosis.manifest) {
    const change =
      location.current !== undefined && location.replacement !== ''
        ? `${location.current} → ${location.replacement}`
        : location.replacement === ''
          ? 'remove this item'
          : location.replacement;
    out.push(
      ...field(
        c,
        'Manifest',
        `${location.file}:${location.line}:${location.column}  ${change}  (${location.rule})`,
        c.cyan,
      ),
    );
  }
  out.push(...evidenceLines(c, diagnosis));
  const sources = diagnosis.citations.slice(0, 3).join('; ');
  out.push(...field(c, 'Signature', `${diagnosis.signature}${sources ? ` · sources: ${sources}` : ''}`, c.dim));
  return out;
}

/** A next step in the CLI's words: the library's step, with the options and commands of capdoctor itself. */
export function nextForCli(step: NextStep): string {
  if (step.kind === 'manifests')
    return 'Add `--manifest <file or folder>` to get the line to change in your manifests and the corrected text.';
  if (step.kind === 'check-capability')
    return step.text.replace('which linting the manifests shows', '`capdoctor lint <manifests>` shows it');
  if (step.kind === 'collect')
    return step.text.replace(/and diagnose them together\.$/, 'and run capdoctor diagnose on them together.');
  return step.file ? `${step.text} Then \`capdoctor diagnose ${step.file}\` with the rest.` : step.text;
}

function inputsLine(c: Colors, result: DiagnoseResult): string {
  const parts = result.inputs.map((input) => {
    const formats = input.formats.length > 0 ? `${input.formats.join(', ')}, ` : '';
    return `${input.file} (${formats}${input.lines} line${input.lines === 1 ? '' : 's'}, ${input.matched} matched)`;
  });
  return c.dim(`Read ${parts.join('; ')}`);
}

export function formatDiagnoseText(raw: DiagnoseResult, color: boolean, verbose = false): string {
  const c = pc.createColors(color);
  // Evidence is quoted from logs: nothing in it may steer the terminal.
  const result = terminalSafeDeep(raw);
  const out: string[] = result.inputs.length > 0 ? [inputsLine(c, result), ''] : [];
  result.diagnoses.forEach((diagnosis, i) => {
    out.push(...formatDiagnosis(c, diagnosis, i, verbose), '');
  });
  if (result.diagnoses.length === 0 && result.symptoms.length > 0) {
    out.push(c.bold(c.yellow('⚠ Only symptoms')));
    const shown = result.symptoms.slice(0, 12);
    const whereWidth = Math.min(40, Math.max(...shown.map((s) => `${s.file}:${s.line}`.length)));
    for (const symptom of shown) {
      const where = `${symptom.file}:${symptom.line}`.padEnd(whereWidth);
      out.push(`${INDENT}${c.dim(where)}  ${shorten(symptom.text, WIDTH - whereWidth - 4, symptom.focus)}`);
    }
    const more = result.symptoms.length - shown.length + result.symptomsOmitted;
    if (more > 0) out.push(`${INDENT}${c.dim(`… and ${more} more line${more === 1 ? '' : 's'}`)}`);
    out.push('');
  }
  if (result.next.length > 0) {
    out.push(c.bold('Next'));
    for (const step of result.next)
      out.push(`${INDENT}• ${wrap(nextForCli(step), WIDTH - 4, `${INDENT}  `).join('\n')}`);
    out.push('');
  }
  if (result.runtimes.length > 0) out.push(c.dim(`Runtimes named in the input: ${result.runtimes.join(', ')}`));
  const top = result.diagnoses[0];
  if (top) {
    const what = [top.rule ?? top.signature, top.capability].filter(Boolean).join(', ');
    const others = result.diagnoses.length > 1 ? ` (and ${result.diagnoses.length - 1} more)` : '';
    out.push(c.bold(c.green(`✔ Root cause found: ${what}, ${top.confidence} confidence${others}`)));
  } else if (result.symptoms.length > 0) {
    out.push(c.bold(c.yellow('✖ No root cause in this input, only symptoms: collect what Next lists')));
  } else {
    out.push(c.bold(c.yellow('✖ Nothing capability-related recognised')));
  }
  return `${out.join('\n')}\n`;
}

/** The stable JSON shape (version 1; `message`, one line of ≤ 160 characters, was added beside `summary`). */
export function formatDiagnoseJson(result: DiagnoseResult): string {
  const report = {
    version: 1,
    diagnoses: result.diagnoses.map((d) => ({
      rule: d.rule,
      signature: d.signature,
      capability: d.capability,
      confidence: d.confidence,
      message: d.message,
      summary: d.summary,
      explanation: d.explanation,
      fix: d.fix,
      evidence: d.evidence.map((e) => ({ file: e.file, line: e.line, text: e.text })),
      manifest: d.manifest.map((m) => ({ file: m.file, line: m.line, column: m.column, replacement: m.replacement })),
    })),
    next: result.next.map(nextForCli),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
