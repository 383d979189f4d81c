// The configuration file (.capdoctor.yaml): rule settings, default targets, ignored paths.
// Pure: the CLI finds and reads the file; this validates its content.
import { parseYaml } from '../parse/yaml.js';
import { LineIndex } from './lines.js';
import { PARSE_ERROR_RULE, type RuleSetting } from './lint-documents.js';
import { isPssLevel, PSS_LEVELS, type PssLevel } from './pss.js';

export interface Config {
  targets?: string[];
  rules?: Record<string, RuleSetting>;
  /** Glob patterns (relative to the config file's folder) of files to skip. */
  ignore?: string[];
  /** The Pod Security level to check against (see LintOptions.pss). */
  pss?: PssLevel;
}

export class ConfigError extends Error {}

const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

/**
 * Why `id` cannot be given a setting, or undefined when it can. `capdoctor rules` lists parse-error
 * beside the rules, but nothing turns it off or down: a file that cannot be read would pass unseen.
 */
export function ruleSettingProblem(
  id: string,
  knownRules: ReadonlySet<string>,
  /** Said after an unknown rule: where to find the known ones. */
  seeAlso = '',
): string | undefined {
  if (id === PARSE_ERROR_RULE) return `"${id}" cannot be set: a file that cannot be read is always an error`;
  return knownRules.has(id) ? undefined : `unknown rule "${id}"${seeAlso}`;
}

export interface ParseConfigOptions {
  /** Throws (any Error) when a `targets` entry is not a target; the message is reported at the entry's line. */
  checkTarget?: (target: string) => void;
}

export function parseConfig(
  text: string,
  file: string,
  knownRules: ReadonlySet<string>,
  options: ParseConfigOptions = {},
): Config {
  const parsed = parseYaml(text);
  const lines = new LineIndex(text);
  const problem = parsed.problems[0];
  if (problem) {
    const at = lines.position(problem.start);
    throw new ConfigError(`${file}:${at.line}:${at.column}: ${problem.message}`);
  }
  const document = parsed.documents[0];
  const value = document?.value ?? {};
  const fail = (path: (string | number)[], message: string): never => {
    const range = document?.locate(path)?.range;
    const at = range ? lines.position(range.start) : { line: 1, column: 1 };
    throw new ConfigError(`${file}:${at.line}:${at.column}: ${message}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail([], 'the configuration must be a mapping');
  const config: Config = {};
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    switch (key) {
      case 'targets':
      case 'ignore': {
        const list = typeof entry === 'string' ? [entry] : entry;
        if (!Array.isArray(list) || !list.every((t) => typeof t === 'string')) {
          fail([key], `"${key}" must be a list of strings`);
        }
        config[key] = list as string[];
        if (key === 'targets' && options.checkTarget) {
          for (const [i, target] of (list as string[]).entries()) {
            try {
              options.checkTarget(target);
            } catch (error) {
              fail(typeof entry === 'string' ? [key] : [key, i], (error as Error).message);
            }
          }
        }
        break;
      }
      case 'rules': {
        if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
          fail([key], '"rules" must be a mapping');
        const rules: Record<string, RuleSetting> = {};
        for (const [id, setting] of Object.entries(entry as Record<string, unknown>)) {
          const problem = ruleSettingProblem(id, knownRules);
          if (problem) fail(['rules', id], problem);
          const normalized = setting === false ? 'off' : setting;
          if (!SETTINGS.includes(normalized as RuleSetting)) {
            fail(['rules', id], `rule "${id}": expected one of ${SETTINGS.join(', ')}`);
          }
          rules[id] = normalized as RuleSetting;
        }
        config.rules = rules;
        break;
      }
      case 'pss':
        if (!isPssLevel(entry)) fail([key], `"pss" must be ${PSS_LEVELS.join(' or ')}`);
        config.pss = entry as PssLevel;
        break;
      default:
        fail([key], `unknown setting "${key}" (expected targets, rules, pss or ignore)`);
    }
  }
  return config;
}

/** Turns a glob (`**`, `*`, `?`) into a regular expression over forward-slash paths. */
export function globToRegExp(pattern: string): RegExp {
  // As in .gitignore: a trailing slash means the folder's contents; a leading slash anchors the
  // pattern to the configuration file's folder.
  const anchored = pattern.startsWith('/');
  let glob = anchored ? pattern.slice(1) : pattern;
  if (glob.endsWith('/')) glob = `${glob}**`;
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else out += /[.+^${}()|[\]\\]/.test(ch) ? `\\${ch}` : ch;
  }
  // Like .gitignore: a pattern without a slash matches a name in any folder.
  const anywhere = !anchored && !glob.includes('/');
  return new RegExp(`^${anywhere ? '(?:.*/)?' : ''}${out}(?:/.*)?$`);
}
