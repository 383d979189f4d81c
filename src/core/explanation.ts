// A finding's explanation given in parts. Most of a long explanation is the same sentences for many
// findings, and a few words differ (a user id): the parts are then kept once each, and a report writer
// writes each shared part as it already wrote it (escaped, encoded) instead of going through the whole
// text of every finding. The finding's `explanation` stays the one text, for everything else.
import type { Finding } from './types.js';

/**
 * Where a finding keeps the parts its explanation was joined from: not enumerable, so that copies,
 * comparisons, JSON and structured clones (worker threads) see only the text.
 */
const EXPLANATION_PARTS = Symbol('explanation parts');

interface ExplanationParts {
  /** The explanation they make: the parts are good only as long as the finding still has this one. */
  readonly text: string;
  readonly parts: readonly string[];
}

type WithParts = Finding & { [EXPLANATION_PARTS]?: ExplanationParts };

/** The parts joined, without reading them: a text of parts is flattened only where it is read whole. */
function joinParts(parts: readonly string[]): string {
  let text = '';
  for (const part of parts) text += part;
  return text;
}

/** Gives `finding` its explanation from `parts`. */
export function setExplanationParts(finding: Finding, parts: readonly string[]): void {
  const text = joinParts(parts);
  finding.explanation = text;
  Object.defineProperty(finding, EXPLANATION_PARTS, { value: { text, parts } satisfies ExplanationParts });
}

/** The parts of the finding's explanation, when it was given in parts and is still that text. */
export function explanationParts(finding: Finding): readonly string[] | undefined {
  const known = (finding as WithParts)[EXPLANATION_PARTS];
  return known !== undefined && known.text === finding.explanation ? known.parts : undefined;
}
