// Reading a capability name that a runtime printed back to what the manifest most likely said.
import { CAPABILITY_BY_NAME } from '../knowledge/capabilities.js';
import { analyzeName, suggestNames } from '../knowledge/names.js';
import type { NameProblem, NameReading } from './types.js';

export interface ReadName {
  /** The name as the manifest most likely wrote it (undefined when the message cannot tell). */
  written?: string;
  /** Canonical capability (upper case, no prefix): the one named, or the best guess for a typo. */
  capability?: string;
  /** Every close known name, best first, for a name that is not a capability. */
  guesses?: string[];
  problem: NameProblem;
  /** The lint rule that reports the same mistake in a manifest. */
  rule?: string;
}

const RULE_FOR: Record<NameProblem, string | undefined> = {
  prefix: 'cap-prefix',
  unknown: 'cap-unknown',
  'not-known': 'cap-kernel',
  case: 'cap-case',
  all: 'cap-all',
  'needs-prefix': undefined,
  list: 'cap-unknown',
};

/** Major version of the kernel release that added a capability (2 for '2.6.24'). */
export function kernelMajor(capability: string): number | undefined {
  const kernel = CAPABILITY_BY_NAME.get(capability)?.kernel;
  return kernel === undefined ? undefined : Number(kernel.split('.')[0]);
}

/**
 * Reads a printed name. `expectsPrefix` marks runtimes that wanted the CAP_ prefix (rkt, CRI-O before
 * 1.0), for which a correct Kubernetes name is the problem.
 */
export function readPrintedName(printed: string, reading: NameReading, expectsPrefix = false): ReadName {
  if (/[,\s]/.test(printed.trim())) {
    // `--cap-add=NET_ADMIN,NET_RAW` reaches Docker as one name: a list, not a misspelling.
    const names = printed
      .split(/[\s,]+/)
      .map((part) => analyzeName(part).capability?.name)
      .filter((name): name is string => name !== undefined);
    const out: ReadName = { problem: 'list', written: printed.trim(), rule: 'cap-unknown' };
    if (names[0] !== undefined) out.capability = names[0];
    if (names.length > 0) out.guesses = names;
    return out;
  }
  const analysis = analyzeName(printed);
  let written: string | undefined;
  let writtenPrefixes: number;
  if (reading === 'prefixed-by-engine' && analysis.prefixes > 0) {
    written = printed.trim().slice(4);
    writtenPrefixes = analysis.prefixes - 1;
  } else if (reading === 'normalized') {
    // One prefix is what the engine adds when it is missing, so the manifest had X or CAP_X: only a
    // second prefix proves one was written.
    written = analysis.prefixes >= 2 ? printed.trim() : undefined;
    writtenPrefixes = analysis.prefixes >= 2 ? analysis.prefixes : 0;
  } else {
    written = printed.trim();
    writtenPrefixes = analysis.prefixes;
  }
  const result = (problem: NameProblem, capability?: string, guesses?: string[]): ReadName => {
    const out: ReadName = { problem };
    if (written !== undefined) out.written = written;
    if (capability !== undefined) out.capability = capability;
    if (guesses && guesses.length > 0) out.guesses = guesses;
    const rule = RULE_FOR[problem];
    if (rule !== undefined) out.rule = rule;
    return out;
  };
  if (analysis.isAll) return result(writtenPrefixes > 0 ? 'all' : 'unknown');
  const capability = analysis.capability?.name;
  if (capability !== undefined) {
    if (writtenPrefixes > 0) return result('prefix', capability);
    if (expectsPrefix) return result('needs-prefix', capability);
    if (reading === 'as-written' && written !== undefined && written !== written.toUpperCase()) {
      return result('case', capability);
    }
    return result('not-known', capability);
  }
  const guesses = suggestNames(analysis.bare);
  return result('unknown', guesses[0], guesses);
}
