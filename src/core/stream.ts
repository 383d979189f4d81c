// The fast lint path for YAML: documents are split cheaply, read by the fast reader (or, outside its
// subset, by the precise parser), linted one at a time and dropped; positions are found for findings
// only, along their paths (the precise parser where the fast reader cannot tell). Findings are those of
// `lintSourcePrecise`.

import {
  BAIL_OUT,
  type Chunk,
  DocumentSplitter,
  FastDocument,
  preciseChunk,
  readChunk,
  splitDocuments,
} from '../parse/fast.js';
import type { SourceDocument } from '../parse/index.js';
import { parseYaml } from '../parse/yaml.js';
import type { RuleContext } from '../rules/types.js';
import { append } from '../util/append.js';
import { flatCopy, ownCopy } from '../util/own-copy.js';
import { type Extracted, extract } from './extract.js';
import { LineIndex } from './lines.js';
import {
  byPosition,
  type DocumentUnit,
  type FileResult,
  type LintOptions,
  lintDocument,
  lintParsed,
  problemFinding,
} from './lint-documents.js';
import { skipFilter } from './prefilter.js';
import type { Finding, Path, PathSegment } from './types.js';

/** Thrown when a rule asks for every document of an input that is being streamed. */
export class NeedsWholeInput extends Error {
  constructor() {
    super('a rule needs every document of the input');
  }
}

/** A document of the input as the rules see it, read again from the text when a rule asks for them all. */
function readUnit(text: string, chunk: Chunk, base: number): DocumentUnit | null | undefined {
  const value = chunk.precise ? BAIL_OUT : readChunk(text, chunk.contentStart, chunk.end);
  let document: SourceDocument | undefined;
  if (value === BAIL_OUT) {
    const precise = preciseChunk(text, chunk, base);
    if (!precise) return undefined;
    document = precise.document;
  } else {
    document = new FastDocument(text, chunk, value, base);
  }
  if (!document || document.value === null || document.value === undefined) return null;
  return { document, extracted: extract(document.value) };
}

/** Lints the documents of one input as they come, keeping only findings and counts. */
export class ChunkLinter {
  readonly findings: Finding[] = [];
  documents = 0;
  parseErrors = 0;
  private readonly skip: ((text: string) => boolean) | undefined;
  /** The unit of each document linted so far, by its index in the input: a rule finds its own among the others by identity. */
  private readonly known = new Map<number, DocumentUnit>();
  private units: DocumentUnit[] | undefined;
  private views: RuleContext['documents'] | undefined;

  constructor(
    private readonly file: string,
    private readonly options: LintOptions,
    /** Positions in the input (replaced for each window while streaming). */
    public lines: LineIndex,
    /** Every document of the input, for rules that ask (undefined: not available while streaming). */
    private readonly readAll: ((known: ReadonlyMap<number, DocumentUnit>) => DocumentUnit[]) | undefined,
  ) {
    this.skip = skipFilter(options.rules, options.settings, options.pss);
  }

  /**
   * Lints one chunk of `text` (a window of the input starting at offset `base`). False when only the
   * precise parser reading the whole input can tell: a syntax error, or readers that disagree.
   */
  add(text: string, chunk: Chunk, base: number): boolean {
    if (!chunk.precise) {
      const skip = this.skip?.(text.slice(chunk.contentStart, chunk.end)) ?? false;
      const value = readChunk(text, chunk.contentStart, chunk.end, !skip);
      if (value !== BAIL_OUT) {
        if (value === null) return true;
        this.documents++;
        if (!skip) this.lint(new FastDocument(text, chunk, value, base));
        return true;
      }
    }
    const precise = preciseChunk(text, chunk, base);
    // After a syntax error the precise parser's recovery may run past the next `---`: only a parse of
    // the whole input says where the following documents begin.
    if (!precise || precise.problems.some((p) => !p.warning)) return false;
    for (const problem of precise.problems) {
      this.findings.push(problemFinding(this.file, problem, this.lines));
      if (!problem.warning) this.parseErrors++;
    }
    const document = precise.document;
    if (document && document.value !== null && document.value !== undefined) {
      this.documents++;
      this.lint(document);
    }
    return true;
  }

  /** A rule asked for every document while they were not available (even if it caught the error). */
  wantedAll = false;

  private others = (): RuleContext['documents'] => {
    if (!this.readAll) {
      this.wantedAll = true;
      throw new NeedsWholeInput();
    }
    this.units ??= this.readAll(this.known);
    this.views ??= this.units.map((u) => ({
      value: u.document.value,
      extracted: u.extracted,
      locate: (path: Path) => u.document.locate(path),
    }));
    return this.views;
  };

  /**
   * Lints item `item` of a `kind: List` document whose items are streamed: `[from, to)` of `text` holds
   * the item as a one-entry sequence at column 0. False when only the whole input can tell.
   */
  addListItem(
    text: string,
    list: { index: number; start: number },
    item: number,
    from: number,
    to: number,
    base: number,
  ): boolean {
    const chunk: Chunk = { index: list.index, start: from, contentStart: from, end: to, markerEnd: to, precise: false };
    const skip = this.skip?.(text.slice(from, to)) ?? false;
    let value = readChunk(text, from, to, !skip);
    if (skip && value !== BAIL_OUT) return true;
    let entry: SourceDocument;
    if (value === BAIL_OUT) {
      const precise = preciseChunk(text, chunk, base);
      if (!precise?.document || precise.problems.some((p) => !p.warning)) return false;
      for (const problem of precise.problems) this.findings.push(problemFinding(this.file, problem, this.lines));
      entry = precise.document;
      value = entry.value;
    } else {
      entry = new FastDocument(text, chunk, value, base);
    }
    if (!Array.isArray(value) || value.length !== 1) return false;
    // The List as the rules would see it, with only this item: extract() then finds what it finds for
    // this item in the whole List (the same owning object), at index 0 until the paths are moved.
    const root = { kind: 'List', items: [value[0]] };
    const extracted = extract(root);
    moveItem(extracted, item);
    const document: SourceDocument = {
      index: list.index,
      value: root,
      start: list.start,
      locate(path: Path) {
        if (path[0] !== 'items' || path[1] !== item) return undefined;
        return entry.locate([0, ...path.slice(2)]);
      },
    };
    this.lint(document, false, { document, extracted });
    return true;
  }

  /** Counts a document whose content was linted piecewise (a streamed List). */
  countDocument(): void {
    this.documents++;
  }

  private lint(document: SourceDocument, counted = true, prepared?: DocumentUnit): void {
    const position = counted ? this.documents - 1 : -1;
    const unit = this.units?.[position] ?? prepared ?? { document, extracted: extract(document.value) };
    // Kept only for a later reading of every document; while streaming nobody can ask for them.
    if (counted && this.readAll) this.known.set(document.index, unit);
    append(this.findings, lintDocument(this.file, unit, this.others, this.lines, this.options));
  }

  result(): FileResult {
    this.findings.sort(byPosition);
    return { file: this.file, findings: this.findings, documents: this.documents, parseErrors: this.parseErrors };
  }
}

/** Moves what extract() found in item 0 of a List to item `item` (every path it reports). */
function moveItem(extracted: Extracted, item: number): void {
  if (item === 0) return;
  const move = (path: Path | undefined) => {
    if (path && path[0] === 'items' && path[1] === 0) (path as PathSegment[])[1] = item;
  };
  for (const object of extracted.objects) move(object.path);
  for (const spec of extracted.podSpecs) {
    move(spec.path);
    for (const container of spec.containers) move(container.path);
  }
  for (const owner of extracted.owners) {
    move(owner.path);
    move(owner.securityContextPath);
    for (const list of owner.lists) {
      move(list.path);
      for (const entry of list.entries) move(entry.path);
    }
  }
}

/** Lints a YAML text with the fast path; falls back to the precise parser for the whole text when needed. */
export function lintYamlText(file: string, text: string, options: LintOptions): FileResult {
  // As a stream first: the items of a large List are then located one by one.
  const stream = new StreamLinter(file, options, LIST_PROBE_BYTES, false);
  stream.push(text);
  const streamed = stream.end();
  if (streamed) return streamed;
  const chunks = splitDocuments(text);
  const precise = () => lintParsed(file, text, parseYaml(text), options);
  if (!chunks) return precise();
  // Every document, with the units of those already linted (read again from the text for the others).
  const readAll = (known: ReadonlyMap<number, DocumentUnit>) => {
    const units: DocumentUnit[] = [];
    for (const chunk of chunks) {
      const unit = known.get(chunk.index) ?? readUnit(text, chunk, 0);
      if (unit) units.push(unit);
    }
    return units;
  };
  const linter = new ChunkLinter(file, options, new LineIndex(text), readAll);
  for (const chunk of chunks) if (!linter.add(text, chunk, 0)) return precise();
  return linter.result();
}

/** Line numbers for a window of a stream: `window` starts at offset `base`, on line `baseLine`. */
class WindowLines extends LineIndex {
  private readonly lineStartsInWindow = [0];
  private scannedTo = 0;

  constructor(
    private readonly window: string,
    private readonly base: number,
    private readonly baseLine: number,
  ) {
    super('');
  }

  /** Line starts up to the local offset `until` (and one line past it). */
  private startsUntil(until: number): number[] {
    const starts = this.lineStartsInWindow;
    while (this.scannedTo <= until && this.scannedTo < this.window.length) {
      const nl = this.window.indexOf('\n', this.scannedTo);
      if (nl < 0) {
        this.scannedTo = this.window.length;
        break;
      }
      starts.push(nl + 1);
      this.scannedTo = nl + 1;
    }
    return starts;
  }

  override position(offset: number): { line: number; column: number } {
    const local = offset - this.base;
    const starts = this.startsUntil(local);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] as number) <= local) low = mid;
      else high = mid - 1;
    }
    return { line: this.baseLine + low, column: local - (starts[low] as number) + 1 };
  }

  protected override source(): string {
    return this.window;
  }

  override line(line: number): string {
    const index = line - this.baseLine;
    if (index < 0) return '';
    const starts = this.lineStartsInWindow;
    while (starts.length <= index + 1 && this.scannedTo < this.window.length) this.startsUntil(this.scannedTo);
    const start = starts[index];
    if (start === undefined) return '';
    const next = starts[index + 1];
    let end = next === undefined ? this.window.length : next - 1;
    if (end > start && this.window.charCodeAt(end - 1) === 13) end--; // CRLF
    return this.window.slice(start, end);
  }
}

/**
 * Lines kept above each finding's own, for code frames: what the text output shows (CONTEXT_BEFORE in
 * cli/output/text.ts; a test compares a streamed file's text output with the file's read whole).
 */
const FRAME_LINES = 1;

/** A document still open after this much text is checked for the shape of a `kind: List`. */
const LIST_PROBE_BYTES = 256 * 1024;

/** An item of a streamed List: its number and where it is. */
interface ItemSpan {
  item: number;
  from: number;
  to: number;
}

interface StreamedList {
  index: number;
  /** Offset of the List's first key. */
  start: number;
  /** Its other keys, as text (before and after the items). */
  head: string;
  tail: string;
  inTail: boolean;
  /** Number of the open item (-1 before the first), where it starts, and how far lines were read. */
  item: number;
  itemStart: number;
  scanned: number;
}

/**
 * Lints a YAML stream fed in pieces, holding only the document being read (and the rest of the last
 * piece). `end()` returns undefined when only a reading of the whole input can give the right
 * findings: a syntax error, directives, or a rule that asks for every document.
 */
export class StreamLinter {
  private buffer = '';
  private base = 0;
  private baseLine = 1;
  private scanned = 0;
  private readonly splitter = new DocumentSplitter();
  private readonly linter: ChunkLinter;
  private failed = false;
  /** A `kind: List` document whose items are read one at a time (offsets are global). */
  private list: StreamedList | undefined;
  /** Index of a document found not to be a streamable List (it is buffered whole). */
  private notList = -1;
  /** Source lines around the findings, by line number (for code frames). */
  readonly lines = new Map<number, string>();
  /** False when no code frame will be shown: the lines around findings are then not kept. */
  keepFrames = true;

  /** Lists whose items were streamed (for tests and measurements). */
  streamedLists = 0;

  /**
   * Offered the documents of each window as one job (another thread may lint them); true when it took
   * them, and then their findings and counts are its to report.
   */
  delegate: ((job: WindowJob) => boolean) | undefined;

  constructor(
    file: string,
    options: LintOptions,
    private readonly probeBytes = LIST_PROBE_BYTES,
    /** Give each document a copy of its text and keep the lines around findings (false: the caller holds the text). */
    private readonly detach = true,
  ) {
    this.linter = new ChunkLinter(file, options, new LineIndex(''), undefined);
  }

  get giveUp(): boolean {
    return this.failed || this.splitter.unsupported || this.linter.wantedAll;
  }

  push(piece: string): void {
    if (this.giveUp) return;
    this.buffer += piece;
    // Only the new piece is searched: searching the whole buffer for each piece of one long line made
    // reading it quadratic.
    const inPiece = piece.lastIndexOf('\n');
    if (inPiece < 0) return;
    const lastLine = this.buffer.length - piece.length + inPiece;
    const to = this.base + lastLine + 1;
    this.process(this.splitter.scan(this.buffer, this.base, this.scanned, to));
    this.scanned = to;
    const open = this.splitter.openChunk;
    if (!this.list && open && open.index !== this.notList && to - open.start > this.probeBytes) this.probeList(open);
    if (this.list) this.listLines(to);
    this.trim();
  }

  /**
   * The findings of the documents read so far, in order, handed over and no longer held: a caller that
   * writes them as they come keeps memory flat however many there are. Each call's findings come after
   * those of the call before (documents do not overlap), so the calls joined are `end()`'s order. They
   * are final only if the stream does not give up later: then the whole input must be read again.
   *
   * `framesWritten`: the findings handed over before were written, code frames and all. The lines kept
   * for their frames then go, but for those the new findings' frames still show: without it, a text
   * report of a file with 180,000 findings held a line map the size of the file.
   */
  drain(framesWritten = false): Finding[] {
    const findings = this.linter.findings.splice(0, this.linter.findings.length);
    findings.sort(byPosition);
    const first = findings[0];
    if (framesWritten && first !== undefined && first.line > 0) {
      const from = first.line - FRAME_LINES;
      for (const line of this.lines.keys()) if (line < from) this.lines.delete(line);
    }
    return findings;
  }

  end(): FileResult | undefined {
    if (!this.giveUp) {
      const to = this.base + this.buffer.length;
      this.process([...this.splitter.scan(this.buffer, this.base, this.scanned, to), ...this.splitter.finish(to)]);
    }
    if (this.giveUp) return undefined;
    return this.linter.result();
  }

  private process(chunks: readonly Chunk[]): void {
    const { base } = this;
    // One line index per window: its line starts are found once, however many documents it holds.
    const lines = new WindowLines(this.buffer, base, this.baseLine);
    this.linter.lines = lines;
    if (this.delegate && !this.list && chunks.length > 0 && !this.giveUp && this.delegate(this.job(chunks, lines))) {
      return;
    }
    for (const chunk of chunks) {
      if (this.giveUp) return;
      if (this.list && chunk.index === this.list.index) {
        this.listLines(chunk.end);
        this.endList();
        continue;
      }
      // The document gets a flat text of its own: what its findings keep (names, values) then refers to
      // that small copy and not to the window, which can be freed, and the reader reads it faster.
      const from = this.detach ? chunk.start : base;
      const text = this.detach ? flatCopy(this.buffer.slice(chunk.start - base, chunk.markerEnd - base)) : this.buffer;
      const local: Chunk = {
        ...chunk,
        start: chunk.start - from,
        contentStart: chunk.contentStart - from,
        end: chunk.end - from,
        markerEnd: chunk.markerEnd - from,
      };
      this.linter.lines = lines;
      const before = this.linter.findings.length;
      try {
        if (!this.linter.add(text, local, from)) this.failed = true;
      } catch (error) {
        if (!(error instanceof NeedsWholeInput)) throw error;
        this.failed = true;
      }
      this.keep(before);
    }
  }

  /** [from, to) of the input (global offsets, inside the window), with a text of its own and its first line. */
  private cut(from: number, to: number, lines: WindowLines): Omit<WindowJob, 'chunks'> {
    return {
      text: ownCopy(this.buffer.slice(from - this.base, to - this.base)),
      base: from,
      baseLine: lines.position(from).line,
    };
  }

  /** The documents `chunks` of the current window, as one job. */
  private job(chunks: readonly Chunk[], lines: WindowLines): WindowJob {
    const from = (chunks[0] as Chunk).start;
    return {
      ...this.cut(from, (chunks[chunks.length - 1] as Chunk).markerEnd, lines),
      chunks: chunks.map((c) => ({
        ...c,
        start: c.start - from,
        contentStart: c.contentStart - from,
        end: c.end - from,
        markerEnd: c.markerEnd - from,
      })),
    };
  }

  /**
   * Recognises `kubectl get -o yaml` output, one `kind: List` whose items sit at column 0 after
   * `items:` (kubectl sorts keys: apiVersion, items, kind, metadata), so its items can be streamed.
   */
  private probeList(open: Omit<Chunk, 'end' | 'markerEnd'>): void {
    this.notList = open.index;
    const text = this.buffer;
    let line = open.contentStart - this.base;
    let first = -1;
    let head = '';
    for (;;) {
      const eol = text.indexOf('\n', line);
      if (eol < 0) return;
      const content = text.slice(line, eol);
      if (/^\s*(#.*)?$/.test(content)) {
        line = eol + 1;
        continue;
      }
      if (first < 0) first = line;
      if (/^items:\s*(#.*)?$/.test(content)) break;
      // Other keys before the items must fit on their line (`apiVersion: v1`).
      if (!/^[A-Za-z][\w.-]*: +[^\s#|>&*!{[]/.test(content)) return;
      head += `${content}\n`;
      line = eol + 1;
    }
    const itemsLine = line;
    line = text.indexOf('\n', itemsLine) + 1;
    // The first entry must follow (comments and blank lines aside).
    for (;;) {
      const eol = text.indexOf('\n', line);
      if (eol < 0) return;
      const content = text.slice(line, eol);
      if (/^-( |$)/.test(content)) break;
      if (!/^\s*(#.*)?$/.test(content)) return;
      line = eol + 1;
    }
    this.list = {
      index: open.index,
      start: first + this.base,
      head,
      tail: '',
      inTail: false,
      item: -1,
      itemStart: line + this.base,
      scanned: line + this.base,
    };
  }

  /** Lints every item of the streamed List that ends before `to`. */
  private listLines(to: number): void {
    const list = this.list;
    if (!list) return;
    const text = this.buffer;
    let line = list.scanned - this.base;
    const limit = to - this.base;
    const lines = new WindowLines(this.buffer, this.base, this.baseLine);
    this.linter.lines = lines;
    const ended: ItemSpan[] = [];
    while (line < limit && !this.giveUp) {
      let eol = text.indexOf('\n', line);
      if (eol < 0 || eol >= limit) eol = limit;
      const next = eol < limit ? eol + 1 : limit;
      const c = text.charCodeAt(line);
      const entry = c === 45 && (eol === line + 1 || text.charCodeAt(line + 1) === 32);
      const key = c !== 45 && c !== 32 && c !== 35 && line < eol;
      if (list.inTail) {
        if (entry)
          this.failed = true; // Items after the other keys: not kubectl's shape.
        else list.tail += `${text.slice(line, eol)}\n`;
      } else if (entry || key) {
        this.endItem(line + this.base, ended);
        if (key) {
          list.inTail = true;
          list.tail += `${text.slice(line, eol)}\n`;
        }
      }
      line = next;
    }
    list.scanned = to;
    this.lintItems(list, ended, lines);
  }

  /** Closes the item that ends at `end` (global offset), if one is open, and opens the next. */
  private endItem(end: number, ended: ItemSpan[]): void {
    const list = this.list;
    if (!list) return;
    if (list.item >= 0 || end > list.itemStart) {
      list.item++;
      ended.push({ item: list.item, from: list.itemStart, to: end });
    }
    list.itemStart = end;
  }

  /** Lints items of the streamed List (global offsets), or hands them to the delegate as one job. */
  private lintItems(list: StreamedList, items: readonly ItemSpan[], lines: WindowLines): void {
    if (items.length === 0 || this.giveUp) return;
    const { base } = this;
    const owner = { index: list.index, start: list.start };
    if (this.delegate) {
      const from = (items[0] as ItemSpan).from;
      const to = (items[items.length - 1] as ItemSpan).to;
      const job: WindowJob = {
        ...this.cut(from, to, lines),
        chunks: [],
        list: owner,
        items: items.map((span) => ({ item: span.item, from: span.from - from, to: span.to - from })),
      };
      if (this.delegate(job)) return;
    }
    for (const span of items) {
      if (this.giveUp) return;
      const from = this.detach ? span.from : base;
      const text = this.detach ? flatCopy(this.buffer.slice(span.from - base, span.to - base)) : this.buffer;
      const before = this.linter.findings.length;
      try {
        if (!this.linter.addListItem(text, owner, span.item, span.from - from, span.to - from, from)) {
          this.failed = true;
        }
      } catch (error) {
        if (!(error instanceof NeedsWholeInput)) throw error;
        this.failed = true;
      }
      this.keep(before);
    }
  }

  /** The List is complete: its other keys must say it is a List and hold nothing the rules look at. */
  private endList(): void {
    const list = this.list;
    if (!list) return;
    if (!list.inTail) {
      const ended: ItemSpan[] = [];
      this.endItem(list.scanned, ended);
      this.lintItems(list, ended, new WindowLines(this.buffer, this.base, this.baseLine));
    }
    this.list = undefined;
    const rest = list.head + list.tail;
    const root = readChunk(rest, 0, rest.length);
    const { kind, apiVersion, metadata, ...others } = (root ?? {}) as Record<string, unknown>;
    const inert =
      root !== BAIL_OUT &&
      typeof kind === 'string' &&
      kind.endsWith('List') &&
      Object.keys(others).length === 0 &&
      (apiVersion === undefined || typeof apiVersion === 'string') &&
      (metadata === undefined ||
        metadata === null ||
        (typeof metadata === 'object' && Object.values(metadata).every((v) => v === null || typeof v !== 'object')));
    if (!inert) this.failed = true;
    else {
      this.linter.countDocument();
      this.streamedLists++;
    }
  }

  /** Keeps copies of the source lines around the findings added since `before` (for code frames). */
  private keep(before: number): void {
    if (!this.detach || !this.keepFrames) return;
    keepFrameLines(this.linter.findings.slice(before), this.linter.lines, 1, this.lines);
  }

  /** Drops the text before the open document (or before the open item of a streamed List). */
  private trim(): void {
    const open = this.list ? (this.list.inTail ? this.list.scanned : this.list.itemStart) : this.splitter.keepFrom;
    const keep = Math.min(open, this.scanned) - this.base;
    if (keep <= 0) return;
    if (!this.list && open <= this.scanned) {
      // The splitter has counted the lines before the document it keeps.
      this.baseLine = this.splitter.keepFromLine + 1;
    } else {
      let lines = 0;
      for (let i = this.buffer.indexOf('\n'); i >= 0 && i < keep; i = this.buffer.indexOf('\n', i + 1)) lines++;
      this.baseLine += lines;
    }
    this.buffer = this.buffer.slice(keep);
    this.base += keep;
  }
}

/** Copies into `into` the lines (from line `first` on) that the code frames of `findings` show. */
function keepFrameLines(
  findings: readonly Finding[],
  lines: LineIndex,
  first: number,
  into: Map<number, string>,
): void {
  for (const { line } of findings) {
    for (let n = Math.max(first, line - FRAME_LINES); n <= line; n++) {
      if (!into.has(n)) into.set(n, ownCopy(lines.line(n)));
    }
  }
}

/** Whole documents of a stream, cut from it: `text` starts at offset `base` of the input, on line `baseLine`. */
export interface WindowJob {
  text: string;
  base: number;
  baseLine: number;
  /** Offsets relative to `text`. */
  chunks: Chunk[];
  /** Or items of a streamed `kind: List` (the List's document index and first key's offset). */
  list?: { index: number; start: number };
  items?: ItemSpan[];
}

export interface WindowResult {
  /** False when only a reading of the whole input can give the right findings. */
  ok: boolean;
  findings: Finding[];
  documents: number;
  parseErrors: number;
  /** Source lines around the findings, by line number (for code frames). */
  lines: [number, string][];
}

/**
 * Lints the documents of a job on their own (what another thread does with a window of a stream): the
 * findings, positions included, are those the stream would give for them.
 */
export function lintWindow(file: string, job: WindowJob, options: LintOptions): WindowResult {
  const lines = new WindowLines(job.text, job.base, job.baseLine);
  const linter = new ChunkLinter(file, options, lines, undefined);
  let ok = true;
  try {
    for (const chunk of job.chunks) {
      if (!linter.add(job.text, chunk, job.base)) {
        ok = false;
        break;
      }
    }
    for (const span of job.items ?? []) {
      if (!ok || !job.list) break;
      ok = linter.addListItem(job.text, job.list, span.item, span.from, span.to, job.base);
    }
  } catch (error) {
    if (!(error instanceof NeedsWholeInput)) throw error;
    ok = false;
  }
  const kept = new Map<number, string>();
  keepFrameLines(linter.findings, lines, job.baseLine, kept);
  return {
    ok: ok && !linter.wantedAll,
    findings: linter.findings,
    documents: linter.documents,
    parseErrors: linter.parseErrors,
    lines: [...kept],
  };
}
