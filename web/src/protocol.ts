// The messages between the page and its worker. Types only: the page never loads the library itself.
import type { DiagnoseApiResult, ExplainResult, FixResult, LintResult, RuleMeta } from '../../src/index.js';

/** How to read the editor's text: decide from the text, or as named. */
export type InputMode = 'auto' | 'manifest' | 'logs';

export type Request =
  | { op: 'meta' }
  | { op: 'analyze'; text: string; targets: string[]; mode: InputMode }
  | { op: 'fix'; text: string; targets: string[]; unsafe: boolean; only?: string[] }
  | { op: 'bench'; text: string; targets: string[] };

export interface Meta {
  version: string;
  rules: Pick<RuleMeta, 'id' | 'severity' | 'description' | 'docs' | 'fixable' | 'citations' | 'example'>[];
  /** The default targets, as `--target` takes them. */
  matrix: string[];
  /** What `--target` accepts, in words. */
  targetsHelp: string;
}

export type Analysis =
  | { kind: 'manifest'; lint: LintResult; explain: ExplainResult }
  | { kind: 'logs'; diagnose: DiagnoseApiResult };

export interface BenchResult {
  documents: number;
  findings: number;
  milliseconds: number;
}

export type Response =
  | { id: number; ok: true; result: Meta | Analysis | FixResult | BenchResult }
  /** `target`: the error is about the targets given (TargetError), not the text. */
  | { id: number; ok: false; error: string; target: boolean };
