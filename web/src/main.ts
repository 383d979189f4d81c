// The playground page: an editor, the findings beside it, what each runtime does with every entry, the
// fix with its diff, and logs diagnosed. capdoctor itself runs in a worker (see worker.ts); this file
// only sends texts there and draws the answers.
import { yaml } from '@codemirror/lang-yaml';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { MergeView } from '@codemirror/merge';
import { EditorState, StateEffect, type Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import containerdDrop from '../../examples/containerd-drop.yaml';
import nodeJournal from '../../examples/diagnose/node-messages.log';
import incident from '../../examples/elasticsearch-incident.yaml';
import typos from '../../examples/typo.yaml';
import type { ExplainedContainer, Finding, FixResult } from '../../src/index.js';
import type { Analysis, BenchResult, InputMode, Meta, Request, Response } from './protocol.js';
import { decodeFragment, encodeFragment } from './share.js';
import './style.css';
import { type Cell, entryCell, verdictCell } from './words.js';

declare const WORKER_SOURCE: string;

// ---- the worker -------------------------------------------------------------------------------------

// Started from a Blob URL: a page opened from disk may not start a worker from a file.
const worker = new Worker(URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' })));
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
let nextId = 1;
worker.onmessage = ({ data }: MessageEvent<Response>) => {
  const call = pending.get(data.id);
  pending.delete(data.id);
  if (!call) return;
  if (data.ok) call.resolve(data.result);
  else call.reject(Object.assign(new Error(data.error), { target: data.target }));
};

// A worker that fails to load or dies fails every question still open, so the page says so instead of waiting.
worker.onerror = (event) => {
  event.preventDefault();
  for (const call of pending.values()) call.reject(new Error(`capdoctor stopped in this page: ${event.message}`));
  pending.clear();
};

function ask<T>(request: Request): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    worker.postMessage({ id, request });
  });
}

// ---- elements ---------------------------------------------------------------------------------------

function $<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`the page has no #${id}`);
  return element as T;
}

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: (Node | string | undefined)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key === 'class') element.className = value;
    else element.setAttribute(key, value);
  }
  for (const child of children) if (child !== undefined) element.append(child);
  return element;
}

const ui = {
  examples: $<HTMLSelectElement>('examples'),
  mode: $<HTMLSelectElement>('mode'),
  targetOne: $<HTMLInputElement>('target-one'),
  targetCustom: $<HTMLTextAreaElement>('target-custom'),
  targetDefaults: $('target-defaults'),
  targetList: $<HTMLDataListElement>('target-list'),
  targetError: $('target-error'),
  fix: $<HTMLButtonElement>('fix'),
  share: $<HTMLButtonElement>('share'),
  shareLink: $<HTMLInputElement>('share-link'),
  shareStatus: $('share-status'),
  status: $('status'),
  findings: $<HTMLOListElement>('findings'),
  matrixSection: $('matrix-section'),
  matrix: $('matrix'),
  diagnosisSection: $('diagnosis-section'),
  diagnosis: $('diagnosis'),
  fixSection: $('fix-section'),
  fixSummary: $('fix-summary'),
  diff: $('diff'),
  suggestions: $('suggestions'),
  ruleDialog: $<HTMLDialogElement>('rule-dialog'),
  ruleTitle: $('rule-title'),
  ruleBody: $('rule-body'),
  version: $('version'),
};

// ---- examples ---------------------------------------------------------------------------------------

const EXAMPLES: Record<string, { text: string; targets: string[]; mode: InputMode }> = {
  incident: { text: incident, targets: ['docker@18.06'], mode: 'auto' },
  'containerd-drop': { text: containerdDrop, targets: ['containerd@2.2'], mode: 'auto' },
  diagnose: { text: nodeJournal, targets: [], mode: 'auto' },
  typos: { text: typos, targets: [], mode: 'auto' },
};

// ---- targets ----------------------------------------------------------------------------------------

type TargetKind = 'default' | 'one' | 'custom';

function targetKind(): TargetKind {
  const checked = document.querySelector<HTMLInputElement>('input[name="target-kind"]:checked');
  return (checked?.value as TargetKind | undefined) ?? 'default';
}

function setTargetKind(kind: TargetKind): void {
  const radio = document.querySelector<HTMLInputElement>(`input[name="target-kind"][value="${kind}"]`);
  if (radio) radio.checked = true;
}

/** The targets as `--target` values; empty for the default targets. */
function currentTargets(): string[] {
  switch (targetKind()) {
    case 'one':
      return ui.targetOne.value.trim() ? [ui.targetOne.value.trim()] : [];
    case 'custom':
      return ui.targetCustom.value
        .split('\n')
        .map((t) => t.trim())
        .filter((t) => t !== '');
    default:
      return [];
  }
}

function showTargets(targets: string[]): void {
  if (targets.length === 0) setTargetKind('default');
  else if (targets.length === 1) {
    setTargetKind('one');
    ui.targetOne.value = targets[0] as string;
  } else {
    setTargetKind('custom');
    ui.targetCustom.value = targets.join('\n');
  }
}

// ---- the editor -------------------------------------------------------------------------------------

let lastAnalysis: Analysis | undefined;
let analyses = 0;

/** Dispatched when the targets or the reading change: the text must be checked again. */
const recheck = StateEffect.define<null>();

const view = new EditorView({
  parent: $('editor'),
  state: EditorState.create({
    doc: '',
    extensions: [
      basicSetup,
      yaml(),
      lintGutter(),
      // The lint extension waits until typing pauses, then asks the worker; answers for a text that has
      // changed since are dropped.
      linter(lintSource, {
        delay: 300,
        needsRefresh: (update) => update.transactions.some((tr) => tr.effects.some((e) => e.is(recheck))),
      }),
      // tabindex: axe-core counts a scrolling region as reachable only through a tabindex.
      EditorView.contentAttributes.of({
        'aria-label': 'Manifest or log to check',
        'aria-describedby': 'input-help',
        tabindex: '0',
      }),
      EditorView.lineWrapping,
    ],
  }),
});

function setText(text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

function offset(doc: Text, line: number, column: number): number {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  return Math.min(l.from + Math.max(column - 1, 0), l.to);
}

function findingRange(doc: Text, f: Finding): { from: number; to: number } {
  if (f.range && f.range.end <= doc.length) return { from: f.range.start, to: Math.max(f.range.end, f.range.start) };
  const from = offset(doc, f.line, f.column);
  return { from, to: Math.max(from, offset(doc, f.endLine, f.endColumn)) };
}

/** Set once the first text (an example or a shared link) is in the editor. */
let ready = false;

async function lintSource(editor: EditorView): Promise<Diagnostic[]> {
  const doc = editor.state.doc;
  if (!ready) return [];
  const targets = currentTargets();
  ui.targetError.textContent = '';
  document.documentElement.dataset.busy = 'true';
  let analysis: Analysis;
  try {
    analysis = await ask<Analysis>({ op: 'analyze', text: doc.toString(), targets, mode: ui.mode.value as InputMode });
  } catch (error) {
    showError(error);
    done();
    return [];
  }
  if (editor.state.doc !== doc) return [];
  lastAnalysis = analysis;
  render(analysis, doc);
  done();
  return analysis.kind === 'manifest'
    ? analysis.lint.findings.map((f) => ({
        ...findingRange(doc, f),
        severity: f.severity,
        source: f.rule,
        message: f.message,
      }))
    : analysis.diagnose.diagnoses.flatMap((d) =>
        d.evidence.map((e) => {
          const line = doc.line(Math.min(e.line, doc.lines));
          return {
            from: line.from,
            to: line.to,
            severity: e.role === 'cause' ? ('error' as const) : ('info' as const),
            source: d.rule ?? d.signature,
            message: `${e.role}: ${d.message}`,
          };
        }),
      );
}

/** A refused target is shown where the targets are chosen; anything else in the status line. */
function showError(error: unknown): void {
  const { message, target } = error as Error & { target?: boolean };
  if (target) {
    ui.targetError.textContent = message;
    setStatus('Not checked: the targets need a correction.');
  } else {
    setStatus(`Not checked: ${message}`);
  }
}

function done(): void {
  analyses++;
  document.documentElement.dataset.busy = 'false';
  document.documentElement.dataset.analyses = String(analyses);
}

function relint(): void {
  view.dispatch({ effects: recheck.of(null) });
}

// ---- findings ---------------------------------------------------------------------------------------

function setStatus(text: string): void {
  ui.status.textContent = text;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function jumpTo(from: number, to: number): void {
  view.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
  view.focus();
}

function render(analysis: Analysis, doc: Text): void {
  ui.findings.replaceChildren();
  if (analysis.kind === 'manifest') {
    ui.diagnosisSection.hidden = true;
    ui.matrixSection.hidden = false;
    const { findings, documents } = analysis.lint;
    setStatus(
      findings.length === 0
        ? `No findings in ${plural(documents, 'document')} on ${plural(analysis.explain.targets.length, 'target')}.`
        : `${plural(findings.length, 'finding')} in ${plural(documents, 'document')} on ${plural(analysis.explain.targets.length, 'target')}.`,
    );
    for (const f of findings) ui.findings.append(findingItem(f, doc));
    renderMatrix(analysis.explain.targets, analysis.explain.containers);
    renderSuggestions(findings);
  } else {
    ui.matrixSection.hidden = true;
    ui.diagnosisSection.hidden = false;
    const result = analysis.diagnose;
    setStatus(`Read as logs: ${plural(result.diagnoses.length, 'diagnosis')}`.replace('diagnosiss', 'diagnoses'));
    for (const d of result.diagnoses) {
      const first = d.evidence[0];
      const line = first ? doc.line(Math.min(first.line, doc.lines)) : undefined;
      ui.findings.append(
        h(
          'li',
          { class: `finding sev-${d.confidence === 'high' ? 'error' : 'warning'}` },
          line && first ? positionButton(`${first.line}`, line.from, line.to) : undefined,
          ' ',
          h('span', { class: 'severity' }, `${d.confidence} confidence`),
          ' ',
          d.rule ? ruleButton(d.rule) : h('span', { class: 'rule' }, d.signature),
          h('p', { class: 'message' }, d.message),
        ),
      );
    }
    renderDiagnosis(analysis);
    renderSuggestions([]);
  }
}

function positionButton(text: string, from: number, to: number): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'position', 'aria-label': `Go to line ${text}` }, text);
  button.addEventListener('click', () => jumpTo(from, to));
  return button;
}

function ruleButton(rule: string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'rule', title: `Rule ${rule}: its documentation` }, rule);
  button.addEventListener('click', () => showRule(rule));
  return button;
}

function findingItem(f: Finding, doc: Text): HTMLLIElement {
  const { from, to } = findingRange(doc, f);
  const item = h(
    'li',
    { class: `finding sev-${f.severity}` },
    positionButton(`${f.line}:${f.column}`, from, to),
    ' ',
    h('span', { class: 'severity' }, f.severity),
    ' ',
    ruleButton(f.rule),
    f.fix ? h('span', { class: 'tag' }, 'fixable') : undefined,
    f.suggestion ? h('span', { class: 'tag' }, 'suggestion') : undefined,
    h('p', { class: 'message' }, f.message),
  );
  if (f.explanation) {
    item.append(h('details', {}, h('summary', {}, 'Explanation'), h('div', { class: 'explanation' }, f.explanation)));
  }
  return item;
}

// ---- rule docs ---------------------------------------------------------------------------------------

let meta: Meta | undefined;

function showRule(id: string): void {
  const rule = meta?.rules.find((r) => r.id === id);
  ui.ruleTitle.textContent = `Rule ${id}`;
  ui.ruleBody.replaceChildren();
  if (!rule) {
    ui.ruleBody.append(h('p', {}, 'This rule has no documentation here.'));
  } else {
    ui.ruleBody.append(
      h('p', {}, h('strong', {}, rule.description)),
      h('p', {}, `Severity ${rule.severity}${rule.fixable ? ', fixable' : ''}. Also in docs/rules/${id}.md.`),
      h('div', { class: 'docs' }, rule.docs),
    );
    if (rule.example) {
      ui.ruleBody.append(
        h('h3', {}, 'Reported'),
        h('pre', {}, rule.example.invalid),
        h('h3', {}, 'Not reported'),
        h('pre', {}, rule.example.valid),
      );
    }
    if (rule.citations.length > 0) {
      ui.ruleBody.append(h('h3', {}, 'Sources'), h('ul', {}, ...rule.citations.map((c) => h('li', {}, c))));
    }
  }
  ui.ruleDialog.showModal();
}

// ---- the matrix ---------------------------------------------------------------------------------------

const MARK: Record<Cell['tone'], string> = { good: '✓', bad: '✗', fails: '✗', unknown: '?' };

function cell(c: Cell, tag: 'td' = 'td'): HTMLTableCellElement {
  return h(tag, { class: `cell ${c.tone}` }, h('span', { 'aria-hidden': 'true' }, `${MARK[c.tone]} `), c.text);
}

function objectName(c: ExplainedContainer): string {
  return c.object?.kind ? ` in ${c.object.kind}${c.object.name ? `/${c.object.name}` : ''}` : '';
}

function renderMatrix(targets: string[], containers: ExplainedContainer[]): void {
  ui.matrix.replaceChildren();
  if (containers.length === 0) {
    ui.matrix.append(h('p', {}, 'No container with capabilities to show.'));
    return;
  }
  for (const c of containers) {
    const title = `Container "${c.container}"${objectName(c)}`;
    const article = h('article', { class: 'container' }, h('h3', {}, title), h('p', { class: 'message' }, c.message));
    const runsAs = [`Runs as ${c.user.kind === 'unknown' ? 'an unknown user' : c.user.kind}`, `(${c.user.source})`];
    if (c.privileged) runsAs.push('· privileged');
    article.append(h('p', {}, runsAs.join(' ')));
    if (c.needs.length > 0) {
      article.append(
        h('h4', {}, 'What it needs'),
        h(
          'ul',
          { class: 'needs' },
          ...c.needs.map((n) =>
            h(
              'li',
              {},
              h('strong', {}, n.capabilities.length > 0 ? n.capabilities.join(' or ') : 'privileged or a pod sysctl'),
              ` — ${n.summary}`,
              ...n.evidence.map((e) => h('span', { class: 'evidence' }, ` (line ${e.line}: ${e.text})`)),
            ),
          ),
        ),
      );
    }
    // Rows: every add/drop entry any target has, then whether it starts, the needs, the held set, the verdict.
    const entries = new Map<string, { list: 'add' | 'drop'; value: string }>();
    for (const t of c.targets) for (const e of t.entries) entries.set(`${e.list}\u0000${e.path}`, e);
    const head = h(
      'tr',
      {},
      h('th', { scope: 'col' }, 'Entry'),
      ...c.targets.map((t) => h('th', { scope: 'col', title: t.label }, t.target)),
    );
    const rows: HTMLTableRowElement[] = [];
    for (const [key, entry] of entries) {
      rows.push(
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, `${entry.list} ${entry.value}`),
          ...c.targets.map((t) => {
            const e = t.entries.find((x) => `${x.list}\u0000${x.path}` === key);
            return e ? cell(entryCell(e)) : h('td', {}, '—');
          }),
        ),
      );
    }
    rows.push(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, 'Starts'),
        ...c.targets.map((t) =>
          cell(
            t.starts
              ? { text: 'starts', tone: 'good' }
              : { text: `fails: ${t.failure ?? 'does not start'}`, tone: 'fails' },
          ),
        ),
      ),
    );
    for (const need of c.needs) {
      const label = need.capabilities.length > 0 ? need.capabilities.join(' or ') : 'privileged or sysctl';
      rows.push(
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, `Needs ${label}`),
          ...c.targets.map((t) => {
            const s = t.needs.find((x) => x.id === need.id);
            if (!s) return h('td', {}, '—');
            const tone: Cell['tone'] = s.state === 'met' ? 'good' : s.state === 'unmet' ? 'fails' : 'unknown';
            const words = {
              met: 'held',
              unmet: 'not held',
              unknown: 'not known',
              'not-run': 'does not run',
              deferred: 'decided elsewhere',
            };
            const td = cell({ text: words[s.state], tone });
            td.title = s.why;
            return td;
          }),
        ),
      );
    }
    rows.push(
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, 'Holds (first process)'),
        ...c.targets.map((t) =>
          h(
            'td',
            { class: 'held', title: t.effectiveNote },
            t.effective === null ? 'not known' : t.effective.join(', ') || 'none',
          ),
        ),
      ),
      h(
        'tr',
        { class: 'verdict' },
        h('th', { scope: 'row' }, 'Verdict'),
        ...c.targets.map((t) => cell(verdictCell(t.verdict))),
      ),
    );
    const table = h(
      'table',
      {},
      h('caption', {}, `${title}: what each target does`),
      h('thead', {}, head),
      h('tbody', {}, ...rows),
    );
    article.append(
      h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': `${title}, per target` }, table),
    );
    ui.matrix.append(article);
  }
  ui.matrix.append(h('p', { class: 'note' }, `Targets: ${targets.join(', ')}`));
}

// ---- logs ---------------------------------------------------------------------------------------------

function renderDiagnosis(analysis: Extract<Analysis, { kind: 'logs' }>): void {
  const result = analysis.diagnose;
  ui.diagnosis.replaceChildren();
  if (result.diagnoses.length === 0) ui.diagnosis.append(h('p', {}, 'No capability problem found in these lines.'));
  for (const d of result.diagnoses) {
    ui.diagnosis.append(
      h(
        'article',
        { class: 'diagnosis' },
        h('h3', {}, d.summary),
        h('p', {}, `Confidence: ${d.confidence}.${d.runtime ? ` Runtime: ${d.runtime}.` : ''}`),
        h('p', {}, h('strong', {}, 'Fix: '), d.fix),
        h('h4', {}, 'Evidence'),
        h(
          'ul',
          { class: 'evidence-lines' },
          ...d.evidence.map((e) =>
            h('li', {}, h('span', { class: 'role' }, `${e.role}, line ${e.line}: `), h('code', {}, e.focus ?? e.text)),
          ),
        ),
        h('details', {}, h('summary', {}, 'Explanation'), h('div', { class: 'explanation' }, d.explanation)),
      ),
    );
  }
  if (result.next.length > 0) {
    ui.diagnosis.append(
      h('h3', {}, 'What to look at next'),
      h(
        'ul',
        {},
        ...result.next.map((n) => h('li', {}, n.file ? `${n.text} Then paste it here with the rest.` : n.text)),
      ),
    );
  }
}

// ---- fix ------------------------------------------------------------------------------------------------

let merge: MergeView | undefined;

function readOnly(label: string) {
  return [
    basicSetup,
    yaml(),
    EditorState.readOnly.of(true),
    EditorView.editable.of(false),
    // Focusable, so that the diff can be scrolled from the keyboard.
    EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
  ];
}

async function runFix(unsafe: boolean, only?: string[]): Promise<void> {
  const before = view.state.doc.toString();
  let result: FixResult;
  try {
    result = await ask<FixResult>({
      op: 'fix',
      text: before,
      targets: currentTargets(),
      unsafe,
      ...(only ? { only } : {}),
    });
  } catch (error) {
    showError(error);
    return;
  }
  ui.fixSection.hidden = false;
  merge?.destroy();
  merge = undefined;
  ui.diff.replaceChildren();
  if (result.error) {
    ui.fixSummary.replaceChildren(h('p', {}, `Nothing changed: ${result.error}`));
    return;
  }
  if (!result.changed) {
    ui.fixSummary.replaceChildren(h('p', {}, 'Nothing to fix safely.'));
  } else {
    ui.fixSummary.replaceChildren(
      h('p', {}, `${plural(result.changes.length, 'change')} applied to the editor (undo with Ctrl+Z):`),
      h('ul', {}, ...result.changes.map((c) => h('li', {}, `line ${c.before.line}: ${c.description} (${c.rule})`))),
    );
    setText(result.output);
    ui.diff.append(h('h3', { id: 'diff-heading' }, 'Before and after'));
    merge = new MergeView({
      a: { doc: before, extensions: readOnly('Before the fix') },
      b: { doc: result.output, extensions: readOnly('After the fix') },
      parent: ui.diff,
      collapseUnchanged: { margin: 3, minSize: 6 },
    });
  }
  if (result.skipped.length > 0) {
    ui.fixSummary.append(
      h('p', {}, 'Not applied:'),
      h('ul', {}, ...result.skipped.map((s) => h('li', {}, `line ${s.line}: ${s.reason} (${s.rule})`))),
    );
  }
}

function renderSuggestions(findings: Finding[]): void {
  ui.suggestions.replaceChildren();
  const withSuggestion = findings.filter((f) => f.suggestion);
  if (withSuggestion.length === 0) {
    if (ui.fixSummary.childElementCount === 0) ui.fixSection.hidden = true;
    return;
  }
  const rules = [...new Set(withSuggestion.map((f) => f.rule))];
  ui.suggestions.append(
    h('h3', {}, 'Suggestions (not applied by Fix: they change what a container is granted)'),
    h(
      'ul',
      {},
      ...withSuggestion.map((f) => h('li', {}, `line ${f.line}: ${f.suggestion?.description ?? ''} (${f.rule})`)),
    ),
  );
  for (const rule of rules) {
    const button = h('button', { type: 'button', class: 'unsafe' }, `Apply the suggestions of ${rule}`);
    button.addEventListener('click', () => void runFix(true, [rule]));
    ui.suggestions.append(button, ' ');
  }
  ui.fixSection.hidden = false;
}

// ---- share --------------------------------------------------------------------------------------------

async function share(): Promise<void> {
  const fragment = await encodeFragment({
    input: view.state.doc.toString(),
    targets: currentTargets(),
    mode: ui.mode.value,
  });
  history.replaceState(null, '', `#${fragment}`);
  ui.shareLink.value = location.href;
  ui.shareLink.hidden = false;
  try {
    await navigator.clipboard.writeText(location.href);
    ui.shareStatus.textContent = 'Link copied; it holds the text and the targets, and is sent nowhere.';
  } catch {
    ui.shareStatus.textContent = 'Copy the link below; it holds the text and the targets.';
    ui.shareLink.select();
  }
}

async function openFragment(): Promise<boolean> {
  if (!location.hash) return false;
  try {
    const shared = await decodeFragment(location.hash);
    if (!shared) return false;
    showTargets(shared.targets);
    if (shared.mode === 'manifest' || shared.mode === 'logs') ui.mode.value = shared.mode;
    clearFix();
    setText(shared.input);
    return true;
  } catch {
    ui.shareStatus.textContent = 'The link is damaged: its text could not be read.';
    return false;
  }
}

// ---- wiring -------------------------------------------------------------------------------------------

/** A new text replaces the last fix's diff. */
function clearFix(): void {
  merge?.destroy();
  merge = undefined;
  ui.diff.replaceChildren();
  ui.fixSummary.replaceChildren();
  ui.fixSection.hidden = true;
}

function loadExample(name: string): void {
  const example = EXAMPLES[name];
  if (!example) return;
  clearFix();
  showTargets(example.targets);
  ui.mode.value = example.mode;
  setText(example.text);
}

ui.examples.addEventListener('change', () => loadExample(ui.examples.value));
ui.mode.addEventListener('change', relint);
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="target-kind"]')) {
  radio.addEventListener('change', relint);
}
for (const input of [ui.targetOne, ui.targetCustom]) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(relint, 300);
  });
  // Typing a target picks its kind.
  input.addEventListener('focus', () => setTargetKind(input === ui.targetOne ? 'one' : 'custom'));
}
ui.fix.addEventListener('click', () => void runFix(false));
ui.share.addEventListener('click', () => void share());
window.addEventListener('hashchange', () => void openFragment());

/** For the browser tests and the benchmark: the page's worker, as the page uses it. */
(window as unknown as { capdoctorPage: unknown }).capdoctorPage = {
  bench: (text: string, targets: string[] = []) => ask<BenchResult>({ op: 'bench', text, targets }),
  lastAnalysis: () => lastAnalysis,
  text: () => view.state.doc.toString(),
};

async function start(): Promise<void> {
  meta = await ask<Meta>({ op: 'meta' });
  ui.version.textContent = meta.version;
  ui.targetDefaults.textContent = meta.matrix.join(', ');
  ui.targetList.replaceChildren(...meta.matrix.map((t) => h('option', { value: t })));
  if (!(await openFragment())) loadExample('incident');
  ready = true;
}

void start();
