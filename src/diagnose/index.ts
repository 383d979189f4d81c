// The diagnose core: feed it lines or pieces of text (any number of inputs, in any mix of formats),
// then ask for the diagnoses. No I/O; the CLI streams files into it piece by piece.
import { classify, nextAnchor, prefilter } from './classify.js';
import { Collector, finish } from './correlate.js';
import { GrantBlocks } from './grants.js';
import { type LineMeta, looksLikeLog, looksLikeLogAt, parseLineMeta, StructureTracker } from './read.js';
import type { DiagnoseResult, InputSummary, LineRef } from './types.js';

export type { ManifestSource } from './manifest.js';
export { SIGNATURE_BY_ID, SIGNATURES } from './signatures.js';
export type * from './types.js';

/** Longest line text kept as evidence; longer lines are cut (the file and line number stay exact). */
const MAX_EVIDENCE_TEXT = 2000;
/** Lines of each input sampled to name its format. */
const FORMAT_SAMPLE = 200;

/**
 * Characters of a line that are read; the rest is skipped. Messages about capabilities are short,
 * and a bound keeps the cost per line fixed: a 50 MB line of names, or 600 MB without a line
 * break, is read in linear time and constant memory.
 */
export const MAX_LINE = 64 * 1024;

/** One input (a file or standard input): push its lines, or write its text in pieces, then end it. */
export class InputReader {
  private readonly tracker = new StructureTracker();
  private readonly grants = new GrantBlocks();
  private readonly summary: InputSummary;
  private readonly lineFormats = new Set<string>();
  /** Text written after the last line break. */
  private pending = '';
  /** The last piece ended with CR, so a LF that starts the next piece ends nothing more. */
  private afterCr = false;

  constructor(
    private readonly collector: Collector,
    file: string,
    private readonly onEnd: (summary: InputSummary) => void,
  ) {
    this.summary = { file, lines: 0, formats: [], matched: 0 };
  }

  /** One line, without its line break. */
  push(line: string): void {
    this.take(line, false);
  }

  /** `anchored`: the line is known to pass the prefilter. */
  private take(whole: string, anchored: boolean): void {
    const line = whole.length > MAX_LINE ? whole.slice(0, MAX_LINE) : whole;
    const number = ++this.summary.lines;
    const scope = this.tracker.line(line);
    const granted = this.grants.line(line, this.summary.file, number);
    if (granted !== undefined) this.collector.add(granted, scope);
    if (number <= FORMAT_SAMPLE && line.length > 0) this.sample(line);
    if (!anchored && !prefilter(line)) return;
    const text = line.length > MAX_EVIDENCE_TEXT ? `${line.slice(0, MAX_EVIDENCE_TEXT)}…` : line.trimEnd();
    const ref: LineRef = { file: this.summary.file, line: number, text };
    const { observations, hints } = classify(line, ref);
    if (observations.length > 0) this.summary.matched++;
    for (const observation of observations) this.collector.add(observation, scope);
    for (const hint of hints) this.collector.hint(hint);
  }

  /**
   * A piece of the input's text, cut anywhere. Lines end at LF, CRLF or a lone CR (as Node's readline
   * splits them); a CRLF cut between two pieces is one line break.
   */
  write(piece: string): void {
    if (piece.length === 0) return;
    let from = 0;
    if (this.afterCr) {
      this.afterCr = false;
      if (piece.charCodeAt(0) === 10 /* LF */) from = 1;
    }
    let lf = piece.indexOf('\n', from);
    let cr = piece.indexOf('\r', from);
    /** Where the next anchor of the prefilter starts, once searched from the current line on. */
    let anchor = -1;
    while (lf >= 0 || cr >= 0) {
      const end = cr < 0 || (lf >= 0 && lf < cr) ? lf : cr;
      if (this.pending.length > 0) {
        // The first line started in an earlier piece.
        this.push(this.pending + piece.slice(from, Math.min(end, from + MAX_LINE - this.pending.length)));
        this.pending = '';
      } else if (this.summary.lines >= FORMAT_SAMPLE && this.tracker.idle && looksLikeLogAt(piece, from)) {
        // Most lines of a node's journal: a log line outside kubectl output that the prefilter drops
        // costs a line count, without a string of its own.
        if (anchor < from) anchor = nextAnchor(piece, from);
        if (anchor < end) this.take(piece.slice(from, end), true);
        else {
          this.summary.lines++;
          this.tracker.passLogLine();
        }
      } else this.push(piece.slice(from, end));
      from = end === cr && piece.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
      if (lf >= 0 && lf < from) lf = piece.indexOf('\n', from);
      if (cr >= 0 && cr < from) cr = piece.indexOf('\r', from);
    }
    if (piece.charCodeAt(piece.length - 1) === 13 /* CR */) this.afterCr = true;
    // Only the part of a long line that will be read is kept.
    if (from < piece.length && this.pending.length < MAX_LINE) {
      this.pending += piece.slice(from, from + MAX_LINE - this.pending.length);
    }
  }

  end(): void {
    // Text after the last line break is a line; an input that ends with a line break has no empty last line.
    if (this.pending.length > 0) this.push(this.pending);
    this.pending = '';
    const granted = this.grants.end();
    if (granted !== undefined) this.collector.add(granted, undefined);
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
