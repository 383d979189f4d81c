import type { Extracted } from '../core/extract.js';
import type { EvidenceRef, Fix, ObjectRef, Path, Severity, TargetOutcome } from '../core/types.js';
import type { ResolvedTarget } from '../knowledge/targets.js';
import type { SourceDocument } from '../parse/types.js';

export interface RuleMeta {
  /** Stable, public id (also the SARIF ruleId). Never renamed. */
  id: string;
  severity: Severity;
  /** One line, shown in rule lists. */
  description: string;
  /** Markdown explanation for docs/rules/<id>.md: why it matters and what to write instead. */
  docs: string;
  /** `safe`: `capdoctor fix` applies it; `suggestion`: shown, applied only with --unsafe. */
  fixable: 'safe' | 'suggestion' | false;
  citations: readonly string[];
  /** A short invalid snippet and its corrected form, for the generated docs. */
  example?: { invalid: string; valid: string };
  /** Off unless enabled in the configuration or with --rule (a policy profile, not a mistake). */
  optIn?: boolean;
  /** The Pod Security level an opt-in rule checks: selecting that level (`--pss`) turns it on. */
  pssLevel?: 'baseline' | 'restricted';
  /** Security tags for SARIF consumers. */
  tags?: readonly string[];
}

export interface Report {
  path: Path;
  /**
   * What is wrong, in a few words quoting the entry (`"CAP_SYS_RESOURCE": CAP_ prefix`). The engine
   * completes the one-line message with the worst outcome across the targets and the fix's new text
   * (see core/message.ts).
   */
  problem: string;
  /** The worst consequence, when the targets do not tell it. */
  consequence?: string;
  /** What to write, when the fix does not tell it. */
  remedy?: string;
  /**
   * The whole story: why, what each target does, what to write instead. In parts (joined as they are)
   * when most of it is the same for many findings and a little is not (a user): a part that is the
   * same string each time (see `sharedText`) is then kept and written once for all of them.
   */
  explanation: string | readonly string[];
  /** Defaults to the rule's severity (after configuration). */
  severity?: Severity;
  object?: ObjectRef;
  container?: string;
  targets?: TargetOutcome[];
  fix?: Fix;
  suggestion?: Fix;
  /** Evidence elsewhere in the input; the engine locates it (line and column) in the finding. */
  evidence?: EvidenceRef[];
}

export interface RuleContext {
  readonly targets: readonly ResolvedTarget[];
  /** The Pod Security level selected for the run (`--pss`), if any. */
  readonly pss?: 'baseline' | 'restricted';
  readonly extracted: Extracted;
  /** Every document of the same input (this one included), for evidence that lives elsewhere. */
  readonly documents: readonly {
    readonly value: unknown;
    readonly extracted: Extracted;
    /** Where a path points in that document's text (for evidence). */
    readonly locate?: SourceDocument['locate'];
  }[];
  /** Severity configured for this rule (defaults to meta.severity). */
  readonly severity: Severity;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
