// Lints documents already read: extract → rules → place the findings → suppress. Both ways in use it
// (engine.ts for a whole text, stream.ts for documents read one at a time); it imports neither. No I/O.

import type { ResolvedTarget } from '../knowledge/targets.js';
import type { ParsedSource, ParseProblem, SourceDocument, SourceFormat } from '../parse/index.js';
import type { Report, Rule, RuleContext } from '../rules/types.js';
import { append } from '../util/append.js';
import { ownCopy } from '../util/own-copy.js';
import { locateEvidence } from './evidence.js';
import { setExplanationParts } from './explanation.js';
import { type CapabilityOwner, type Extracted, extract } from './extract.js';
import { LineIndex } from './lines.js';
import { composeMessage } from './message.js';
import { formatPath, PrefixIndex } from './path.js';
import { offByDefault, type PssLevel } from './pss.js';
import type { Finding, Fix, ObjectRef, Path, Severity } from './types.js';

export type RuleSetting = Severity | 'off';
export type { PssLevel } from './pss.js';

export interface LintOptions {
  rules: readonly Rule[];
  targets: readonly ResolvedTarget[];
  /** Per-rule severity overrides; `off` disables a rule. */
  settings?: Readonly<Record<string, RuleSetting>>;
  format?: SourceFormat;
  /**
   * The Pod Security level to check against. Without it only what capdoctor alone can tell is
   * reported: an entry that fails a level because of its spelling. With it, every entry above the
   * level is, and `restricted` turns the pss-restricted rule on.
   */
  pss?: PssLevel;
}

export interface FileResult {
  file: string;
  findings: Finding[];
  documents: number;
  parseErrors: number;
}

export const PARSE_ERROR_RULE = 'parse-error';
export const IGNORE_ANNOTATION = 'capdoctor.io/ignore';
const IGNORE_COMMENT = /#\s*capdoctor-ignore\b(.*)$/;

/** The text of every object linted as data (`lintObject`): one empty index, shared; no comment to look for. */
export const NO_TEXT = new LineIndex('');

/**
 * Lints documents already parsed from `text` (which positions and suppression comments refer to).
 * Callers that lint parts of one large text several times pass its line index once.
 */
export function lintParsed(
  file: string,
  text: string,
  parsed: ParsedSource,
  options: LintOptions,
  lines = new LineIndex(text),
): FileResult {
  const findings: Finding[] = parsed.problems.map((problem) => problemFinding(file, problem, lines));
  // Rules may use evidence from the other documents of the same input (a ConfigMap mounted by a pod,
  // say): those are extracted once, and only when a rule asks for them.
  const documents = parsed.documents.filter((document) => document.value !== null && document.value !== undefined);
  // One unit per document, made on first use, so that a rule finds this document among the others
  // by identity.
  const units: (DocumentUnit | undefined)[] = new Array(documents.length);
  const unitAt = (i: number): DocumentUnit => {
    const document = documents[i] as SourceDocument;
    units[i] ??= { document, extracted: extract(document.value) };
    return units[i];
  };
  let views: RuleContext['documents'] | undefined;
  const others = () => {
    views ??= documents.map((_, i) => {
      const u = unitAt(i);
      return { value: u.document.value, extracted: u.extracted, locate: (path: Path) => u.document.locate(path) };
    });
    return views;
  };
  documents.forEach((_, i) => {
    append(findings, lintDocument(file, unitAt(i), others, lines, options));
  });
  findings.sort(byPosition);
  return {
    file,
    findings,
    documents: documents.length,
    parseErrors: parsed.problems.filter((p) => !p.warning).length,
  };
}

/** Findings in file order; rule ids break ties in code-point order (the same as locale order for ids). */
export function byPosition(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

export function problemFinding(file: string, problem: ParseProblem, lines: LineIndex): Finding {
  const start = lines.position(problem.start);
  const end = lines.position(Math.max(problem.end, problem.start));
  return {
    rule: PARSE_ERROR_RULE,
    severity: problem.warning ? 'warning' : 'error',
    message: problem.message,
    file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.line === start.line && end.column === start.column ? start.column + 1 : end.column,
    path: '',
    range: { start: problem.start, end: problem.end },
  };
}

export interface DocumentUnit {
  document: SourceDocument;
  extracted: Extracted;
}

export function lintDocument(
  file: string,
  unit: DocumentUnit,
  others: () => RuleContext['documents'],
  lines: LineIndex,
  options: LintOptions,
): Finding[] {
  const out: Finding[] = [];
  const context = new DocumentContext(file, unit, others, lines, options.targets, out, options.pss);
  for (const { rule, setting } of enabledRules(options)) {
    // One context per document, told which rule it serves: rules report only while they check.
    context.rule = rule.meta.id;
    context.severity = setting;
    rule.check(context);
  }
  return out;
}

// A class rather than an object literal: a literal with a getter is built on V8's slow path.
class DocumentContext implements RuleContext {
  rule = '';
  severity: Severity = 'error';

  constructor(
    private readonly file: string,
    private readonly unit: DocumentUnit,
    private readonly others: () => RuleContext['documents'],
    private readonly lines: LineIndex,
    readonly targets: readonly ResolvedTarget[],
    private readonly out: Finding[],
    readonly pss?: PssLevel,
  ) {}

  get extracted(): Extracted {
    return this.unit.extracted;
  }

  /**
   * The ignore comments of the lines searched so far: each line once, however many findings it has (a
   * long line with thousands of findings made this quadratic). Per document: a WeakMap per line index
   * kept each window of a stream out of V8's young generation.
   */
  comments: Map<number, IgnoreComment | null> | undefined;
  annotated: boolean | undefined;

  get documents(): RuleContext['documents'] {
    return this.others();
  }

  // A finding keeps names read from its document (an object's, a container's); a name of 13 characters
  // or more read from the text is a slice of it, and would keep the whole document alive with the
  // finding. Findings get copies, made once per document.
  private refs: [ObjectRef, ObjectRef] | undefined;
  private names: [string, string] | undefined;

  private ownRef(ref: ObjectRef): ObjectRef {
    if (this.refs?.[0] === ref) return this.refs[1];
    const copy: ObjectRef = {};
    for (const key of Object.keys(ref) as (keyof ObjectRef)[]) {
      const value = ref[key];
      copy[key] = typeof value === 'string' ? ownCopy(value) : value;
    }
    this.refs = [ref, copy];
    return copy;
  }

  private ownName(name: string): string {
    if (this.names?.[0] !== name) this.names = [name, ownCopy(name)];
    return this.names[1];
  }

  report(report: Report): void {
    const { document, extracted } = this.unit;
    const { lines, others } = this;
    const located = document.locate(report.path);
    const range = located?.range ?? { start: document.start, end: document.start };
    const start = lines.position(range.start);
    let end = lines.position(range.end);
    // A multi-line node (a whole mapping) is underlined on its first line only.
    if (end.line !== start.line) end = { line: start.line, column: lines.line(start.line).length + 1 };
    const finding: Finding = {
      rule: this.rule,
      severity: report.severity ?? this.severity,
      message: messageOf(report),
      explanation: undefined,
      file: this.file,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: Math.max(end.column, start.column + 1),
      path: shared(formatPath(report.path)),
      range,
      document: document.index,
    };
    const object = report.object ?? ownerAt(extracted, report.path)?.object?.ref;
    if (object) finding.object = this.ownRef(object);
    if (report.container !== undefined) finding.container = this.ownName(report.container);
    if (report.targets) finding.targets = report.targets;
    if (report.fix) finding.fix = sharedFix(report.fix);
    if (report.suggestion) finding.suggestion = sharedFix(report.suggestion);
    if (typeof report.explanation === 'string') finding.explanation = shared(report.explanation);
    // Parts are kept as given: a rule shares the long ones (sharedText); looking up each short one that
    // differs per finding (a user) would cost more than it saves.
    else setExplanationParts(finding, report.explanation);
    if (report.evidence) finding.evidence = report.evidence.map((e) => locateEvidence(e, document, others, lines));
    if (!suppressed(finding, report.path, extracted, lines, this)) this.out.push(finding);
  }
}

// A stream where every document has the same mistake gets the same message and path for each: the
// findings then hold one copy of each text, not one per document (bounded, for inputs where they differ).
const texts = new Map<string, string>();
const TEXTS_LIMIT = 8192;

function shared(text: string): string {
  const known = texts.get(text);
  if (known !== undefined) return known;
  if (texts.size >= TEXTS_LIMIT) texts.clear();
  texts.set(text, text);
  return text;
}

// Most rules give the consequence and the remedy as fixed texts: the message then depends on the problem
// alone, and is found by it (each finding's own problem is short) instead of composed and looked up.
const messages = new Map<string, Map<string, Map<string, string>>>();
let messageCount = 0;

function messageOf(report: Report): string {
  const { consequence, remedy, problem } = report;
  if (consequence === undefined || remedy === undefined) {
    return shared(composeMessage(report, report.targets, report.fix, report.suggestion));
  }
  let byRemedy = messages.get(consequence);
  if (byRemedy === undefined) {
    byRemedy = new Map();
    messages.set(consequence, byRemedy);
  }
  let byProblem = byRemedy.get(remedy);
  if (byProblem === undefined) {
    byProblem = new Map();
    byRemedy.set(remedy, byProblem);
  }
  let message = byProblem.get(problem);
  if (message === undefined) {
    if (messageCount >= TEXTS_LIMIT) {
      messages.clear();
      messageCount = 0;
    }
    message = shared(composeMessage(report));
    byProblem.set(problem, message);
    messageCount++;
  }
  return message;
}

// Likewise fixes: the same replacement at the same path of each document is one object (a fix is only
// read). Its JSON text tells two fixes apart without ambiguity.
const fixes = new Map<string, Fix>();

function sharedFix(fix: Fix): Fix {
  const key = JSON.stringify([fix.description, fix.edits]);
  const known = fixes.get(key);
  if (known !== undefined) return known;
  if (fixes.size >= TEXTS_LIMIT) fixes.clear();
  fixes.set(key, fix);
  return fix;
}

interface EnabledRule {
  rule: Rule;
  setting: Severity;
}

// The same options lint every document of a run: which rules are on, and at what severity, is worked out once.
const enabled = new WeakMap<LintOptions, readonly EnabledRule[]>();

function enabledRules(options: LintOptions): readonly EnabledRule[] {
  const known = enabled.get(options);
  if (known) return known;
  const list: EnabledRule[] = [];
  for (const rule of options.rules) {
    const setting = options.settings?.[rule.meta.id] ?? (offByDefault(rule, options.pss) ? 'off' : rule.meta.severity);
    if (setting !== 'off') list.push({ rule, setting });
  }
  enabled.set(options, list);
  return list;
}

interface ExtractedIndex {
  owners: PrefixIndex<CapabilityOwner>;
  objects: PrefixIndex<Extracted['objects'][number]>;
  podSpecs: PrefixIndex<Extracted['podSpecs'][number]>;
}

// Looked up per finding: by path prefix, so that a document of thousands of objects stays linear. Kept on
// the extracted record itself (not in a WeakMap), so that it goes when the document goes: a WeakMap entry
// keyed by a young record made the collector keep every document past two scavenges and promote it (an
// admission review's whole object, each time), and scavenges grew to milliseconds.
const INDEX = Symbol('extracted index');
type Indexed = Extracted & { [INDEX]?: ExtractedIndex };

function indexOf(extracted: Extracted): ExtractedIndex {
  const held = extracted as Indexed;
  let index = held[INDEX];
  if (!index) {
    index = {
      owners: new PrefixIndex(extracted.owners),
      objects: new PrefixIndex(extracted.objects),
      podSpecs: new PrefixIndex(extracted.podSpecs),
    };
    // Not enumerable: what copies or compares the record does not see it.
    Object.defineProperty(held, INDEX, { value: index });
  }
  return index;
}

function ownerAt(extracted: Extracted, path: Path): CapabilityOwner | undefined {
  return indexOf(extracted).owners.first(path);
}

/** A comment without ids silences every rule on its line; an annotation must name them (or `all`). */
function listed(value: string | undefined, rule: string, emptyMeansAll: boolean): boolean {
  if (value === undefined) return false;
  const ids = value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (ids.length === 0) return emptyMeansAll;
  return ids.includes(rule) || ids.includes('all') || ids.includes('*');
}

function suppressed(finding: Finding, path: Path, extracted: Extracted, lines: LineIndex, memo: CommentMemo): boolean {
  // Annotations work where comments do not exist (a live cluster, an admission request).
  memo.annotated ??=
    extracted.objects.some((o) => o.annotations[IGNORE_ANNOTATION] !== undefined) ||
    extracted.podSpecs.some((p) => p.annotations[IGNORE_ANNOTATION] !== undefined);
  if (memo.annotated) {
    const index = indexOf(extracted);
    const annotationSources = [
      ...index.objects.prefixesOf(path).map((o) => o.annotations),
      ...index.podSpecs.prefixesOf(path).map((p) => p.annotations),
    ];
    if (annotationSources.some((a) => listed(a[IGNORE_ANNOTATION], finding.rule, false))) return true;
  }
  if (lines === NO_TEXT) return false;
  const same = ignoreComment(lines, finding.line, memo);
  if (same && listed(same.ids, finding.rule, true)) return true;
  const above = ignoreComment(lines, finding.line - 1, memo);
  return above?.wholeLine === true && listed(above.ids, finding.rule, true);
}

interface IgnoreComment {
  ids: string;
  /** The comment is all the line holds (then it also covers the line below). */
  wholeLine: boolean;
}

/** What a document's rule context learns about suppressions once for all its findings. */
interface CommentMemo {
  /** The ignore comments of the lines searched so far. */
  comments: Map<number, IgnoreComment | null> | undefined;
  /** Whether any object or pod template of the document carries the ignore annotation (most: none). */
  annotated: boolean | undefined;
}

/** The ignore comment of a line, if any; `memo` holds the answers for lines already searched. */
function ignoreComment(lines: LineIndex, line: number, memo: CommentMemo): IgnoreComment | null {
  // Most texts hold no ignore comment at all: their lines are not cut out to be searched.
  if (!lines.includes('capdoctor-ignore')) return null;
  memo.comments ??= new Map();
  const known = memo.comments;
  let found = known.get(line);
  if (found === undefined) {
    const text = lines.line(line);
    const match = text.includes('capdoctor-ignore') ? IGNORE_COMMENT.exec(text) : null;
    found = match ? { ids: match[1]?.trim() ?? '', wholeLine: /^\s*#/.test(text) } : null;
    known.set(line, found);
  }
  return found;
}
