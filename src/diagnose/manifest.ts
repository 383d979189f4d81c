// Pointing a diagnosis at the manifest: lint the given manifests with the same rules, and match
// each diagnosis to the findings of its rule for its capability (and container). A failure that
// needed capability X also matches a name finding for X: the manifest asked for X in a spelling
// the runtime does not read (CAP_SYS_RESOURCE on containerd is silently not granted).
import { lintSource, type RuleSetting } from '../core/engine.js';
import { LineIndex } from '../core/lines.js';
import type { Finding, Path, TargetOutcome } from '../core/types.js';
import { CAPABILITY_BY_NAME } from '../knowledge/capabilities.js';
import { analyzeName } from '../knowledge/names.js';
import { type ResolvedTarget, resolveTargets } from '../knowledge/targets.js';
import { parseSource, type SourceDocument } from '../parse/index.js';
import { RULES } from '../rules/index.js';
import { SIGNATURE_BY_ID } from './signatures.js';
import type { DiagnoseResult, Diagnosis, ManifestLocation } from './types.js';

export interface ManifestSource {
  file: string;
  text: string;
}

export interface ManifestReport {
  files: number;
  findings: number;
  /** Files that could not be parsed, with the parser's message. */
  problems: string[];
}

/** Rules whose findings say that the manifest spells a capability so that some runtime misreads it. */
const NAME_RULES: ReadonlySet<string> = new Set(['cap-prefix', 'cap-case', 'cap-unknown', 'cap-all', 'cap-kernel']);

interface Placed {
  line: number;
  column: number;
  replacement: string;
}

interface Located {
  finding: Finding;
  text: string;
  capabilities: Set<string>;
  /** Where the change goes and the text to put there; undefined when the rule offers no change. */
  place: Placed | undefined;
}

interface Parsed {
  documents: SourceDocument[];
  lines: LineIndex;
}

type LooseEdit = { kind: string; path: Path; value?: unknown; values?: unknown };

function firstEdit(finding: Finding): LooseEdit | undefined {
  return (finding.fix ?? finding.suggestion)?.edits[0] as LooseEdit | undefined;
}

/** A plain value as YAML flow text: `{capabilities: {add: [SYS_RESOURCE]}}`. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${flow(v)}`)
      .join(', ')}}`;
  }
  const text = String(value);
  return /^[A-Za-z0-9_./-]+$/.test(text) ? text : JSON.stringify(text);
}

/**
 * Where a finding's change goes and the text to put there: the corrected scalar at the finding, an
 * empty text for a removal, or for an insertion the `key: value` (or the list items) to add at the
 * nearest existing node.
 */
function place(finding: Finding, parsed: Parsed): Placed | undefined {
  const edit = firstEdit(finding);
  if (!edit) return undefined;
  const at = { line: finding.line, column: finding.column };
  switch (edit.kind) {
    case 'replace-scalar':
      return { ...at, replacement: String(edit.value) };
    case 'remove-item':
    case 'remove-key':
      return { ...at, replacement: '' };
    default: {
      const offset = finding.range?.start ?? 0;
      const document = [...parsed.documents].reverse().find((d) => d.start <= offset) ?? parsed.documents[0];
      const located = document?.locate(edit.path);
      const position = located ? parsed.lines.position(located.range.start) : at;
      const key = edit.path[edit.path.length - 1];
      const replacement =
        edit.kind === 'add-key'
          ? `${String(key)}: ${flow(edit.value)}`
          : Array.isArray(edit.values)
            ? edit.values.map(flow).join(', ')
            : flow(edit.value);
      return { line: position.line, column: position.column, replacement };
    }
  }
}

/** The capabilities a finding is about: its change's value, the text it points at, names in its message. */
function capabilitiesOf(finding: Finding, text: string): Set<string> {
  const out = new Set<string>();
  const edit = firstEdit(finding);
  const value = edit ? flow(edit.value ?? edit.values ?? '') : '';
  for (const part of value.split(/[\s,[\]"{}:]+/)) {
    const name = analyzeName(part).capability?.name;
    if (name) out.add(name);
  }
  if (finding.range) {
    const name = analyzeName(text.slice(finding.range.start, finding.range.end).replace(/^["']|["']$/g, '')).capability
      ?.name;
    if (name) out.add(name);
  }
  for (const word of finding.message.match(/\b[A-Z][A-Z_]{2,}\b/g) ?? []) {
    if (CAPABILITY_BY_NAME.has(word)) out.add(word);
  }
  return out;
}

function location(item: Located): ManifestLocation {
  const { finding, text } = item;
  const current = finding.range ? text.slice(finding.range.start, finding.range.end) : undefined;
  const out: ManifestLocation = {
    file: finding.file,
    line: item.place?.line ?? finding.line,
    column: item.place?.column ?? finding.column,
    replacement: item.place?.replacement ?? '',
    rule: finding.rule,
  };
  if (current !== undefined && !current.includes('\n')) out.current = current;
  if (finding.container !== undefined) out.container = finding.container;
  return out;
}

/**
 * What a misspelled name does, in words: from the predictions for the nodes' own runtimes when the
 * targets are exact (live diagnose reads them from node info), else for the runtimes that double the prefix.
 */
function onTheseRuntimes(outcomes: readonly TargetOutcome[], exact: boolean): string {
  const wrong = outcomes.filter((t) => t.outcome !== 'applied');
  if (exact && wrong.length > 0)
    return `the node’s runtime does not read as that capability: ${wrong.map((t) => t.detail.replace(/[.;]$/, '')).join('; ')}`;
  if (exact) return 'the node’s runtime reads as that capability, although Docker 1.11–18.09 and containerd do not';
  return 'not every runtime reads as that capability: Docker 1.11–18.09 refuses the container, and containerd starts it without the capability';
}

/** Findings with a concrete change first. */
function byUsefulness(a: Located, b: Located): number {
  return Number(b.place !== undefined) - Number(a.place !== undefined);
}

function matches(diagnosis: Diagnosis, item: Located, byName: boolean): boolean {
  if (!byName && item.finding.rule !== diagnosis.rule) return false;
  if (byName && !NAME_RULES.has(item.finding.rule)) return false;
  if (diagnosis.capability === null) return !byName;
  // A finding that names no capability (drop ALL missing) matches on its rule alone.
  return item.capabilities.size === 0 ? !byName : item.capabilities.has(diagnosis.capability);
}

function sameContainers(diagnosis: Diagnosis, items: Located[]): Located[] {
  if (diagnosis.containers.length === 0) return items;
  const same = items.filter(
    (i) => i.finding.container !== undefined && diagnosis.containers.includes(i.finding.container),
  );
  return same.length > 0 ? same : items;
}

/**
 * Fills each diagnosis's `manifest` with the places to change. A failure that needed a capability
 * the manifest misspells takes the name rule: that spelling is the mistake to fix.
 */
export function attachManifests(
  result: DiagnoseResult,
  manifests: readonly ManifestSource[],
  /** The runtimes to lint for: the nodes' own targets when known (live diagnose), else the built-in matrix. */
  targets: readonly ResolvedTarget[] = resolveTargets([]),
): ManifestReport {
  const exactTargets = targets.length > 0 && targets.every((t) => t.matrix !== true);
  const wanted = new Set<string>(NAME_RULES);
  for (const diagnosis of result.diagnoses) if (diagnosis.rule) wanted.add(diagnosis.rule);
  const rules = RULES.filter((r) => wanted.has(r.meta.id));
  const settings: Record<string, RuleSetting> = {};
  for (const rule of rules) if (rule.meta.optIn) settings[rule.meta.id] = rule.meta.severity;
  const located: Located[] = [];
  const problems: string[] = [];
  for (const manifest of manifests) {
    const linted = lintSource(manifest.file, manifest.text, { rules, targets, settings });
    const parsed: Parsed = {
      documents: parseSource(manifest.text, 'auto').documents,
      lines: new LineIndex(manifest.text),
    };
    for (const finding of linted.findings) {
      if (finding.rule === 'parse-error') {
        problems.push(`${finding.file}:${finding.line}:${finding.column}: ${finding.message}`);
        continue;
      }
      located.push({
        finding,
        text: manifest.text,
        capabilities: capabilitiesOf(finding, manifest.text),
        place: place(finding, parsed),
      });
    }
  }
  for (const diagnosis of result.diagnoses) {
    const direct = sameContainers(
      diagnosis,
      located.filter((item) => matches(diagnosis, item, false)),
    ).sort(byUsefulness);
    const isName = diagnosis.rule !== null && NAME_RULES.has(diagnosis.rule);
    const named =
      diagnosis.capability === null || isName
        ? []
        : sameContainers(
            diagnosis,
            located.filter((item) => matches(diagnosis, item, true)),
          ).sort(byUsefulness);
    if (named.length === 0) {
      diagnosis.manifest = direct.map(location);
      continue;
    }
    diagnosis.manifest = named.map(location);
    const first = diagnosis.manifest[0] as ManifestLocation;
    const spelled = first.current ?? 'another spelling';
    diagnosis.rule = first.rule;
    const finding = named[0]?.finding;
    diagnosis.explanation +=
      ` The manifest asks for ${diagnosis.capability} as ${spelled} (${first.file}:${first.line}), which ` +
      `${onTheseRuntimes(finding?.targets ?? [], exactTargets)}, which matches the failure above.`;
    // The lint finding's one line says what, the consequence on these targets and what to write.
    if (finding) diagnosis.message = finding.message;
    const need = SIGNATURE_BY_ID.get(diagnosis.signature)?.need;
    diagnosis.fix =
      `Write ${diagnosis.capability} instead of ${spelled} (${first.file}:${first.line}), without the CAP_ prefix` +
      `${need ? `: ${need}` : ''}.`;
  }
  return { files: manifests.length, findings: located.length, problems };
}
