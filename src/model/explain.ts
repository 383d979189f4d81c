// What `capdoctor explain` shows, as data: for every container of a file and every target, the user,
// the programs it runs, what each add and drop entry becomes, the bounding and effective sets, the
// needs found in the manifest with their evidence, and a verdict. Pure: parse → extract → model.
import { locateEvidence } from '../core/evidence.js';
import { type ContainerInfo, extract } from '../core/extract.js';
import { LineIndex } from '../core/lines.js';
import { composeMessage, where } from '../core/message.js';
import { formatPath } from '../core/path.js';
import type { Evidence, ObjectRef } from '../core/types.js';
import type { ResolvedTarget } from '../knowledge/targets.js';
import { type ParseProblem, parseSource, type SourceDocument, type SourceFormat } from '../parse/index.js';
import type { ProcessUser } from './command.js';
import { containerNeeds, type Need } from './needs.js';
import { evaluateNeed, type NeedState, type ProcessOnTarget, processOnTarget, writtenEntries } from './process.js';

export interface ExplainedUser {
  kind: ProcessUser['kind'];
  uid?: number;
  name?: string;
  source: string;
}

export interface ExplainedStep {
  program: string;
  text: string;
  /** `command[0]`, `args[0], line 2`. */
  where: string;
  user: ExplainedUser;
  /** The step switches the user (`runuser`, `gosu`…), and whether it opens a PAM session. */
  switchesTo?: ExplainedUser & { tool: string; pam: boolean };
}

export interface ExplainedNeed {
  /** 1-based number, used by the per-target states. */
  id: number;
  kind: Need['kind'];
  /** Capabilities that satisfy it (empty when only privileged or the pod's sysctls do). */
  capabilities: string[];
  summary: string;
  evidence: Evidence[];
}

export interface ExplainedEntry {
  list: 'add' | 'drop';
  value: string;
  path: string;
  outcome: 'applied' | 'rejected' | 'ignored' | 'unknown' | 'not-applied';
  became: string;
  detail: string;
}

export type Verdict = 'ok' | 'fails' | 'at-risk' | 'unknown' | 'does-not-start';

export interface ExplainedTarget {
  target: string;
  label: string;
  starts: boolean;
  failure?: string;
  entries: ExplainedEntry[];
  defaults: string[];
  bounding: string[];
  /** Capabilities whose presence the facts cannot tell. */
  uncertain: string[];
  /** The first process's effective set; null when its user is not known. */
  effective: string[] | null;
  effectiveNote: string;
  needs: { id: number; state: NeedState['state']; soft: boolean; why: string }[];
  verdict: Verdict;
}

export interface ExplainedContainer {
  /** One line: the container's verdict across the targets, worst first (`fails on containerd: SYS_RESOURCE not held`). */
  message: string;
  file: string;
  line: number;
  object?: ObjectRef;
  container: string;
  group: ContainerInfo['group'];
  path: string;
  user: ExplainedUser;
  privileged: boolean;
  allowPrivilegeEscalation?: boolean;
  steps: ExplainedStep[];
  needs: ExplainedNeed[];
  targets: ExplainedTarget[];
}

const VERDICT_RANK: Record<Verdict, number> = { 'does-not-start': 4, fails: 3, 'at-risk': 2, unknown: 1, ok: 0 };
const VERDICT_WORDS: Record<Verdict, string> = {
  'does-not-start': 'does not start',
  fails: 'fails',
  'at-risk': 'at risk',
  unknown: 'not known',
  ok: 'ok',
};

/**
 * The verdicts of one container in one line, worst first, with what is missing where it fails:
 * `container "es-cluster": does not start on Docker ≤18.09 +2 more · fails on containerd@1.6 (SYS_RESOURCE not held) · ok on the other 6`.
 */
export function explainMessage(container: Pick<ExplainedContainer, 'container' | 'needs' | 'targets'>): string {
  const all = container.targets.map((t) => ({ target: t.target, outcome: 'applied' as const, detail: '' }));
  const groups = new Map<Verdict, number[]>();
  container.targets.forEach((t, i) => {
    groups.set(t.verdict, [...(groups.get(t.verdict) ?? []), i]);
  });
  const parts = [...groups]
    .sort((a, b) => VERDICT_RANK[b[0]] - VERDICT_RANK[a[0]])
    .map(([verdict, indexes]) => {
      const group = indexes.map((i) => all[i] as (typeof all)[number]);
      if (verdict === 'ok') {
        return `ok on ${group.length <= 2 || group.length === all.length ? where(group, all) : `the other ${group.length}`}`;
      }
      let why = '';
      if (verdict === 'fails' || verdict === 'at-risk') {
        const first = container.targets[indexes[0] as number];
        const need = container.needs.find((n) => first?.needs.some((s) => s.id === n.id && s.state === 'unmet'));
        if (need && need.capabilities.length > 0) why = ` (${need.capabilities.join(', ')} not held)`;
      }
      return `${VERDICT_WORDS[verdict]} on ${where(group, all, 1)}${why}`;
    });
  return composeMessage({ problem: `container "${container.container}": ${parts.join(' · ')}` });
}

function user(u: ProcessUser): ExplainedUser {
  const out: ExplainedUser = { kind: u.kind, source: u.source };
  if (u.uid !== undefined) out.uid = u.uid;
  if (u.name !== undefined) out.name = u.name;
  return out;
}

function capabilitiesOf(need: Need): string[] {
  switch (need.kind) {
    case 'switch':
      return [...need.capabilities];
    case 'sysctl':
      return [];
    default:
      return need.capability ? [need.capability] : [];
  }
}

function verdictOf(starts: boolean, states: readonly NeedState[]): Verdict {
  if (!starts) return 'does-not-start';
  if (states.some((s) => s.state === 'unmet' && !s.soft)) return 'fails';
  if (states.some((s) => s.state === 'unmet')) return 'at-risk';
  if (states.some((s) => s.state === 'unknown' || s.state === 'deferred')) return 'unknown';
  return 'ok';
}

function effectiveOf(
  process: ProcessOnTarget,
  u: ProcessUser,
  privileged: boolean,
): { set: string[] | null; note: string } {
  const bounding = process.bounding;
  if (u.kind === 'root') return { set: [...bounding], note: 'root: the whole bounding set' };
  if (u.kind === 'non-root') {
    const who = u.name ?? (u.uid !== undefined ? `uid ${u.uid}` : 'a non-root user');
    const ambient = process.runtimeAmbient;
    if (ambient.state === 'yes') {
      return {
        set: [...ambient.capabilities],
        note: `${who}: the ambient set the runtime fills (${process.target.label} passes capabilities to non-root processes)`,
      };
    }
    if (ambient.state === 'unknown' && ambient.capabilities.length > 0) {
      return {
        set: null,
        note: `${who}: not known: some patch releases of ${process.target.label} put ${ambient.capabilities.join(', ')} in the ambient set, others none`,
      };
    }
    return { set: [], note: `${who}: none (no ambient capabilities; only file capabilities)` };
  }
  return {
    set: null,
    note: privileged
      ? 'not known: root holds every capability, another user none'
      : 'not known: root holds the bounding set, another user none',
  };
}

/** Explains every container of one file's text. */
export function explainSource(
  file: string,
  text: string,
  targets: readonly ResolvedTarget[],
  format: SourceFormat = 'auto',
  /** Receives what keeps parts of the text from being read (syntax errors, too deep a nesting). */
  problems?: ParseProblem[],
): ExplainedContainer[] {
  const parsed = parseSource(text, format);
  if (problems) for (const problem of parsed.problems) problems.push(problem);
  const lines = new LineIndex(text);
  const sources: SourceDocument[] = parsed.documents.filter((d) => d.value !== null && d.value !== undefined);
  const documents = sources.map((d) => ({ value: d.value, extracted: extract(d.value), locate: d.locate }));
  const out: ExplainedContainer[] = [];
  documents.forEach((view, index) => {
    const source = sources[index] as SourceDocument;
    for (const podSpec of view.extracted.podSpecs) {
      for (const container of podSpec.containers) {
        const analysis = containerNeeds(container, documents, index);
        // A model's entries say what each entry becomes; where each is written comes from the container.
        const written = writtenEntries(container);
        const locate = (ref: Parameters<typeof locateEvidence>[0]) =>
          locateEvidence(ref, source, () => documents, lines);
        const needs: ExplainedNeed[] = analysis.needs.map((need, i) => ({
          id: i + 1,
          kind: need.kind,
          capabilities: capabilitiesOf(need),
          summary: need.summary,
          evidence: need.evidence.map(locate),
        }));
        const located = source.locate(container.path);
        const context = container.securityContext;
        const explained: ExplainedContainer = {
          message: '',
          file,
          line: located ? lines.position(located.range.start).line : 0,
          ...(container.podSpec.object ? { object: container.podSpec.object.ref } : {}),
          container: container.name ?? '?',
          group: container.group,
          path: formatPath(container.path),
          user: user(analysis.command.user),
          privileged: context?.privileged === true,
          steps: analysis.command.steps.map((step) => {
            const where = `${step.origin.field}[${step.origin.index}]${step.origin.line ? `, line ${step.origin.line + 1}` : ''}`;
            const out: ExplainedStep = { program: step.program, text: step.text, where, user: user(step.user) };
            if (step.switch)
              out.switchesTo = { ...user(step.switch.user), tool: step.switch.tool, pam: step.switch.pam };
            return out;
          }),
          needs,
          targets: targets.map((target) => {
            const process = processOnTarget(container, target);
            const states = analysis.needs.map((need) => evaluateNeed(need, process, analysis.needs));
            const effective = effectiveOf(process, analysis.command.user, process.privileged);
            const explainedTarget: ExplainedTarget = {
              // End-of-life runtimes of the default targets are shown as such (context, not a verdict).
              target: target.matrix ? `${target.label}${target.context ? ' (end of life)' : ''}` : target.id,
              label: target.label,
              starts: process.starts,
              entries: process.entries.map((e, i) => ({
                list: e.direction,
                value: e.input ?? String(written[i]?.value),
                path: formatPath(written[i]?.path ?? []),
                outcome: e.outcome,
                became: e.became,
                detail: e.prediction?.detail ?? e.became,
              })),
              defaults: [...process.defaults],
              bounding: process.starts ? [...process.bounding] : [],
              uncertain: [...process.uncertain],
              effective: process.starts ? effective.set : [],
              effectiveNote: process.starts ? effective.note : 'the container does not start',
              needs: states.map((s, i) => ({ id: i + 1, state: s.state, soft: s.soft === true, why: s.why })),
              verdict: verdictOf(process.starts, states),
            };
            if (process.failure) explainedTarget.failure = process.failure;
            return explainedTarget;
          }),
        };
        if (typeof context?.allowPrivilegeEscalation === 'boolean') {
          explained.allowPrivilegeEscalation = context.allowPrivilegeEscalation;
        }
        explained.message = explainMessage(explained);
        out.push(explained);
      }
    }
  });
  return out;
}
