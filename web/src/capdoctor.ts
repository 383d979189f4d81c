// Every call the page makes into capdoctor, in one place (run inside the worker). Only the library's
// public entry is used.
import {
  ALL_RULE_META,
  DEFAULT_MATRIX,
  diagnose,
  explain,
  type FixResult,
  fix,
  knownTargetsHelp,
  lint,
  PARSE_ERROR_RULE,
  TargetError,
} from '../../src/index.js';
import type { Analysis, BenchResult, InputMode, Meta } from './protocol.js';

declare const CAPDOCTOR_VERSION: string;

export function meta(): Meta {
  return {
    version: CAPDOCTOR_VERSION,
    rules: ALL_RULE_META.map(({ id, severity, description, docs, fixable, citations, example }) => ({
      id,
      severity,
      description,
      docs,
      fixable,
      citations,
      example,
    })),
    matrix: [...DEFAULT_MATRIX],
    targetsHelp: knownTargetsHelp(),
  };
}

/**
 * Lints and explains a manifest; a text that holds no container and nothing a rule reports (journal
 * lines, `kubectl describe` output, events) is diagnosed as logs instead, when the diagnosis finds
 * anything in it.
 */
export function analyze(text: string, targets: string[], mode: InputMode): Analysis {
  if (mode === 'logs') return { kind: 'logs', diagnose: diagnose(text) };
  const linted = lint(text, { targets });
  const explained = explain(text, { targets });
  const manifest: Analysis = { kind: 'manifest', lint: linted, explain: explained };
  if (mode === 'manifest') return manifest;
  const looksLikeManifest = explained.containers.length > 0 || linted.findings.some((f) => f.rule !== PARSE_ERROR_RULE);
  if (looksLikeManifest || text.trim() === '') return manifest;
  const diagnosed = diagnose(text);
  const found =
    diagnosed.diagnoses.length > 0 || diagnosed.symptoms.length > 0 || diagnosed.inputs.some((i) => i.matched > 0);
  return found ? { kind: 'logs', diagnose: diagnosed } : manifest;
}

export function applyFixes(text: string, targets: string[], unsafe: boolean, only?: string[]): FixResult {
  return fix(text, { targets, unsafe, ...(only ? { only } : {}) });
}

/** Lints a text of many documents, timed inside the worker. */
export function bench(text: string, targets: string[]): BenchResult {
  const start = performance.now();
  const result = lint(text, { targets });
  return { documents: result.documents, findings: result.findings.length, milliseconds: performance.now() - start };
}

export function isTargetError(error: unknown): boolean {
  return error instanceof TargetError;
}
