// The diagnose core: feed it lines (any number of inputs, in any mix of formats), then ask for the
// diagnoses. No I/O; the CLI streams files into it line by line.
import { classify, prefilter } from './classify.js';
import { Collector, finish } from './correlate.js';
import { type LineMeta, looksLikeLog, parseLineMeta, StructureTracker } from './read.js';
import type { DiagnoseResult, InputSummary, LineRef } from './types.js';

export type { ManifestSource } from './manifest.js';
export { SIGNATURE_BY_ID, SIGNATURES } from './signatures.js';
export type * from './types.js';

/** Longest line text kept as evidence; longer lines are cut (the file and line number stay exact). */
const MAX_EVIDENCE_TEXT = 2000;
/** Lines of each input sampled to name its format. */
const FORMAT_SAMPLE = 200;

/** One input (a file or standard input): push its lines in order, then end it. */
export class InputReader {
  private readonly tracker = new StructureTracker();
  private readonly summary: InputSummary;
  private readonly lineFormats = new Set<string>();

  constructor(
    private readonly collector: Collector,
    file: string,
    private readonly onEnd: (summary: InputSummary) => void,
  ) {
    this.summary = { file, lines: 0, formats: [], matched: 0 };
  }

  push(line: string): void {
    const number = ++this.summary.lines;
    const scope = this.tracker.line(line);
    if (number <= FORMAT_SAMPLE && line.length > 0) this.sample(line);
    if (!prefilter(line)) return;
    const text = line.length > MAX_EVIDENCE_TEXT ? `${line.slice(0, MAX_EVIDENCE_TEXT)}…` : line.trimEnd();
    const ref: LineRef = { file: this.summary.file, line: number, text };
    const { observations, hints } = classify(line, ref);
    if (observations.length > 0) this.summary.matched++;
    for (const observation of observations) this.collector.add(observation, scope);
    for (const hint of hints) this.collector.hint(hint);
  }

  end(): void {
    this.summary.formats = [...this.lineFormats, ...this.tracker.formats];
    this.onEnd(this.summary);
  }

  private sample(line: string): void {
    let meta: LineMeta | undefined;
    if (looksLikeLog(line) || line.charCodeAt(0) === 123 /* { */) meta = parseLineMeta(line);
    if (meta && meta.format !== 'text') {
      this.lineFormats.add(meta.format === 'journal-json' ? 'journal' : meta.format);
    }
  }
}

export interface DiagnoseOptions {
  /** Whether manifests will be matched (`--manifest`), which changes what to suggest next. */
  manifests?: boolean;
}

/** Collects evidence from any number of inputs and turns it into ranked diagnoses. */
export class Diagnoser {
  private readonly collector = new Collector();
  private readonly inputs: InputSummary[] = [];

  input(file: string): InputReader {
    return new InputReader(this.collector, file, (summary) => this.inputs.push(summary));
  }

  finish(options: DiagnoseOptions = {}): DiagnoseResult {
    return finish(this.collector, { inputs: this.inputs, manifests: options.manifests ?? false });
  }
}

/** Convenience for whole texts (tests, editors): each input's text is split into lines. */
export function diagnoseTexts(
  inputs: readonly { file: string; text: string }[],
  options: DiagnoseOptions = {},
): DiagnoseResult {
  const diagnoser = new Diagnoser();
  for (const input of inputs) {
    const reader = diagnoser.input(input.file);
    const lines = input.text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    for (const line of lines) reader.push(line.endsWith('\r') ? line.slice(0, -1) : line);
    reader.end();
  }
  return diagnoser.finish(options);
}
