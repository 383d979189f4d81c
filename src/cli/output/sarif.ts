import type { Log, Region, ReportingDescriptor, Result } from 'sarif';
import { explanationParts } from '../../core/explanation.js';
import type { Finding, Severity } from '../../core/types.js';
import type { RuleMeta } from '../../rules/types.js';
import { fileNames, findingIdentity, Occurrences, sha256 } from './identity.js';
import { escapeInner, number, quote } from './json.js';
import { outcomeLister } from './outcomes.js';
import { rememberedEscape, splitsPair } from './repeating.js';
import { type Formatter, type OnePassFormatter, toText, type Write } from './types.js';

const INFORMATION_URI = 'https://github.com/capdoctor/capdoctor';
/**
 * v2: the object, the container and the finding's order among equal ones count too. v1 hashed
 * only the rule, file, path and problem, so the same mistake in two documents of a file (the same path
 * in each) had one fingerprint, and code scanning showed one alert for both.
 */
const FINGERPRINT_KEY = 'capdoctor/v2';

const LEVEL: Record<Severity, NonNullable<Result['level']>> = { error: 'error', warning: 'warning', info: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { error: '7.5', warning: '5.0', info: '2.0' };

// Characters allowed unescaped in a URI path segment (RFC 3986 sub-delims and '@'), which encodeURIComponent escapes.
const SEGMENT_SAFE = /%(24|26|2B|2C|3B|3D|40)/gi;

function encodeSegment(segment: string, allowColon: boolean): string {
  const encoded = encodeURIComponent(segment).replace(SEGMENT_SAFE, (match) => decodeURIComponent(match));
  return allowColon ? encoded.replace(/%3A/gi, ':') : encoded;
}

/**
 * The artifact URI for a file as given on the command line: forward slashes, no leading `./`, percent-encoded where
 * needed; `stdin` for `-`; absolute paths become `file://` URIs.
 */
export function artifactUri(file: string): string {
  // Every finding of a file asks for the same one.
  if (file === lastFile) return lastUri;
  lastUri = fileUri(file);
  lastFile = file;
  return lastUri;
}

let lastFile: string | undefined;
let lastUri = '';

function fileUri(file: string): string {
  if (file === '-') return 'stdin';
  let path = file.replace(/\\/g, '/');
  while (path.startsWith('./')) path = path.slice(2);
  const drive = /^[A-Za-z]:\//.test(path);
  if (drive || path.startsWith('/')) {
    const segments = path.replace(/^\/+/, '').split('/');
    return `file:///${segments.map((s, i) => encodeSegment(s, drive && i === 0)).join('/')}`;
  }
  // A colon in the first segment of a relative reference would read as a scheme, so only later segments keep it.
  return path
    .split('/')
    .map((s, i) => encodeSegment(s, i > 0))
    .join('/');
}

/** What is wrong, without the consequence (which changes with the targets) or the remedy. */
function problemPart(message: string): string {
  // Findings share their messages (the same few, interleaved by rule): each is cut once.
  let problem = problems.get(message);
  if (problem === undefined) {
    problem = (message.split(' — ')[0] ?? message).trim();
    if (problems.size >= PROBLEMS_LIMIT) problems.clear();
    problems.set(message, problem);
  }
  return problem;
}

const problems = new Map<string, string>();
const PROBLEMS_LIMIT = 4096;

/**
 * A result's fingerprint: the hash of what identifies the finding (findingIdentity) and what is wrong;
 * a finding alike in both to `occurrence` findings before it in the report hashes its number too.
 */
export function fingerprint(finding: Finding, occurrence = 0): string {
  const key = fingerprintKey(finding);
  return occurrence === 0 ? sha256(key) : sha256(`${key}\u0000${occurrence}`);
}

function fingerprintKey(finding: Finding): string {
  return `${findingIdentity(finding)}\u0000${problemPart(finding.message)}`;
}

function stripMarkdown(markdown: string): string {
  return markdown.replace(/`/g, '');
}

function descriptor(meta: RuleMeta): ReportingDescriptor {
  return {
    id: meta.id,
    name: meta.id,
    shortDescription: { text: meta.description },
    fullDescription: { text: meta.description },
    help: { text: stripMarkdown(meta.docs), markdown: meta.docs },
    helpUri: `${INFORMATION_URI}/blob/main/docs/rules/${meta.id}.md`,
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: {
      tags: [...new Set(['security', ...(meta.tags ?? [])])],
      precision: 'very-high',
      'security-severity': SECURITY_SEVERITY[meta.severity],
    },
  };
}

/** The long form, for viewers that render markdown: the message, the explanation, each target's outcome. */
function messageMarkdown(finding: Finding): string {
  const parts = [`**${escapeMarkdown(finding.message)}**`];
  if (finding.explanation) parts.push(escapeMarkdown(finding.explanation));
  const targets = finding.targets && targetsMarkdown(finding.targets);
  if (targets) parts.push(targets);
  return parts.join('\n\n');
}

/** A markdown list item per target whose outcome is not `applied` (empty when there is none). */
const targetsMarkdown = outcomeLister(
  (t) => `- ${escapeMarkdown(t.target)}: ${t.outcome}${t.detail ? ` — ${escapeMarkdown(t.detail)}` : ''}`,
);

/**
 * Characters that markdown would read as emphasis, links or HTML. Backticks stay (the texts quote code),
 * and so do underscores: inside a name such as CAP_NET_RAW they are no emphasis in GitHub's markdown.
 */
function escapeMarkdown(text: string): string {
  // Most texts hold none of them: a test is cheaper than a replacement that finds nothing.
  return MARKDOWN.test(text) ? text.replace(MARKDOWN_ALL, (c) => `\\${c}`) : text;
}

const MARKDOWN = /[\\*[\]<>]/;
const MARKDOWN_ALL = /[\\*[\]<>]/g;

function region(finding: Finding): Region {
  // SARIF lines and columns are 1-based; findings without a position (line 0) point at the file's start.
  const startLine = Math.max(1, finding.line);
  const startColumn = Math.max(1, finding.column);
  const endLine = Math.max(startLine, finding.endLine);
  const endColumn =
    endLine === startLine ? Math.max(startColumn + 1, finding.endColumn) : Math.max(1, finding.endColumn);
  return { startLine, startColumn, endLine, endColumn };
}

/** A finding as a SARIF result (what `writeResult` writes; tests hold the two together). */
export function sarifResult(finding: Finding, ruleIndex: ReadonlyMap<string, number>, occurrence = 0): Result {
  const index = ruleIndex.get(finding.rule);
  return {
    ruleId: finding.rule,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[finding.severity],
    message: { text: finding.message, markdown: messageMarkdown(finding) },
    locations: [
      { physicalLocation: { artifactLocation: { uri: artifactUri(finding.file) }, region: region(finding) } },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(finding, occurrence) },
  };
}

const escapedMarkdown = rememberedEscape((text) => escapeInner(escapeMarkdown(text)));
/** The message's text, then its bold form that starts the markdown: one piece per message. */
const messageTexts = rememberedEscape(
  (message) =>
    `${escapeInner(message)}",\n${RESULT_INDENT}    "markdown": "${escapeInner(`**${escapeMarkdown(message)}**`)}`,
);
/** The targets' lines after the paragraph break before them. */
const targetsTexts = rememberedEscape((targets) => escapeInner(`\n\n${targets}`));

/**
 * The rest of `messageMarkdown(finding)` after the bold message, inside its JSON string, piece by piece:
 * the explanation (part by part, when it was given in parts) and the targets' lines are each escaped
 * once for all the findings that share them.
 */
function writeMarkdown(finding: Finding, write: Write): void {
  const explanation = finding.explanation;
  if (explanation) {
    write('\\n\\n');
    const parts = explanationParts(finding);
    if (parts && !splitsPair(parts)) for (const part of parts) write(escapedMarkdown(part), true);
    else write(escapeInner(escapeMarkdown(explanation)));
  }
  const targets = finding.targets && targetsMarkdown(finding.targets);
  if (targets) write(targetsTexts(targets), true);
}

/**
 * `sarifResult(finding)` as `JSON.stringify(…, null, 2)` writes it at its place in the log, written directly
 * (the layout of a result is fixed; its strings go through the JSON writer's escaping).
 */
function writeResult(finding: Finding, ruleIndex: ReadonlyMap<string, number>, print: string, write: Write): void {
  const at = `\n${RESULT_INDENT}`;
  const index = ruleIndex.get(finding.rule);
  const { startLine, startColumn, endLine, endColumn } = region(finding) as Required<
    Pick<Region, 'startLine' | 'startColumn' | 'endLine' | 'endColumn'>
  >;
  write(
    `{${at}  "ruleId": ${quote(finding.rule)},` +
      (index === undefined ? '' : `${at}  "ruleIndex": ${number(index)},`) +
      `${at}  "level": ${quote(LEVEL[finding.severity])},${at}  "message": {${at}    "text": "`,
  );
  write(messageTexts(finding.message), true);
  writeMarkdown(finding, write);
  write(
    `"${at}  },` +
      `${at}  "locations": [${at}    {${at}      "physicalLocation": {${at}        "artifactLocation": {` +
      `${at}          "uri": ${quote(artifactUri(finding.file))}${at}        },${at}        "region": {` +
      `${at}          "startLine": ${number(startLine)},${at}          "startColumn": ${number(startColumn)},` +
      `${at}          "endLine": ${number(endLine)},${at}          "endColumn": ${number(endColumn)}` +
      `${at}        }${at}      }${at}    }${at}  ],` +
      `${at}  "partialFingerprints": {${at}    ${quote(FINGERPRINT_KEY)}: ${quote(print)}${at}  }${at}}`,
  );
}

const RESULTS_MARK = '\u0000results\u0000';
/** Indentation of an element of `runs[0].results` in the log. */
const RESULT_INDENT = ' '.repeat(8);

/** The log as `JSON.stringify(log, null, 2)` writes it, with the results written one by one. */
export const writeSarif: OnePassFormatter = (report, options, write) => {
  const ruleIndex = new Map<string, number>();
  options.rules.forEach((meta, i) => {
    if (!ruleIndex.has(meta.id)) ruleIndex.set(meta.id, i);
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'capdoctor',
            semanticVersion: options.version,
            informationUri: INFORMATION_URI,
            rules: options.rules.map(descriptor),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: RESULTS_MARK,
      },
    ],
  } satisfies Omit<Log, 'runs'> & { runs: unknown[] };
  const text = JSON.stringify(log, null, 2);
  const at = text.indexOf(JSON.stringify(RESULTS_MARK));
  write(text.slice(0, at));
  const occurrences = new Occurrences(fileNames(report));
  let first = true;
  for (const file of report.files) {
    for (const finding of file.findings) {
      write(`${first ? '[\n' : ',\n'}${RESULT_INDENT}`);
      // Counted by the first fingerprint, a hash already: its first 52 bits.
      const print = fingerprint(finding);
      const occurrence = occurrences.next(file.file, Number.parseInt(print.slice(0, 13), 16));
      writeResult(finding, ruleIndex, occurrence === 0 ? print : fingerprint(finding, occurrence), write);
      first = false;
    }
    occurrences.fileDone(file.file);
  }
  write(`${first ? '[]' : '\n      ]'}${text.slice(at + JSON.stringify(RESULTS_MARK).length)}\n`);
};

export const formatSarif: Formatter = toText(writeSarif);
