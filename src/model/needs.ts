// What a container needs from the kernel, read from evidence in the manifest: limits.conf lines that
// pam_limits applies when a PAM session opens, `ulimit` raises, memory locking (Elasticsearch, Vault),
// sysctl writes, commands that need a capability, user switches and low ports. Each need carries its
// evidence (where it is written) so that findings can quote it. Pure.
import type { ContainerInfo } from '../core/extract.js';
import { isMapping } from '../core/extract.js';
import type { EvidenceRef, Path } from '../core/types.js';
import {
  COMMAND_NEEDS,
  type CommandNeed as CommandFacts,
  classifyRaise,
  ELASTICSEARCH,
  LIMITS_FILES,
  LOW_PORT,
  type RaiseVerdict,
  RLIMIT_BY_FLAG,
  RLIMIT_BY_ITEM,
  type RlimitFacts,
  SWITCH_NEEDS,
  VAULT,
} from '../knowledge/needs.js';
import {
  normalizeSysctl,
  type SafeSysctl,
  type SysctlNamespace,
  safeSysctl,
  sysctlNamespace,
} from '../knowledge/sysctls.js';
import { parseSource } from '../parse/index.js';
import { type CommandModel, type ProcessUser, readCommand, type Step } from './command.js';
import { type DocumentView, type MountedFile, mountedFiles } from './mounts.js';

/** One `<domain> <type> <item> <value>` line of limits.conf that raises a hard limit. */
export interface LimitLine {
  domain: string;
  type: 'hard' | '-';
  item: string;
  value: number | 'unlimited';
  facts: RlimitFacts;
  verdict: RaiseVerdict;
  evidence: EvidenceRef;
}

interface NeedBase {
  /** The capability that satisfies it, when one does. */
  capability?: string;
  evidence: EvidenceRef[];
  /** One line for explain: what needs what. */
  summary: string;
}

export interface PamNeed extends NeedBase {
  kind: 'pam-limits';
  capability: 'SYS_RESOURCE';
  /** The step whose user switch opens the session (run by its own user, who must be root). */
  opener: Step;
  lines: LimitLine[];
  /** The strongest verdict among the lines. */
  verdict: 'above' | 'maybe';
}

export interface UlimitNeed extends NeedBase {
  kind: 'ulimit';
  capability: 'SYS_RESOURCE';
  step: Step;
  facts: RlimitFacts;
  value: number | 'unlimited';
  verdict: 'above' | 'maybe';
}

export interface MlockNeed extends NeedBase {
  kind: 'mlock';
  capability: 'IPC_LOCK';
  app: 'elasticsearch' | 'vault';
  /** The process that locks memory, when the command shows it. */
  step?: Step;
  /** The user it runs as. */
  user: ProcessUser;
  /** Raises of the memlock limit in the same container, which the other rules check. */
  raisedBy: (PamNeed | UlimitNeed)[];
  /** Elasticsearch: the node stops on a failed bootstrap check (not single-node discovery). */
  enforced: boolean;
  /** Vault: its configuration is visible in the input (so mlock is known to be on). */
  configVisible: boolean;
  /** Vault: the image's entrypoint is told not to give the binary the IPC_LOCK file capability. */
  skipSetcap: boolean;
  /** Where to report it in the container's own document. */
  at: Path;
}

export interface SysctlNeed extends NeedBase {
  kind: 'sysctl';
  key: string;
  value?: string;
  step: Step;
  namespace?: SysctlNamespace;
  safe?: SafeSysctl;
}

export interface CommandNeed extends NeedBase {
  kind: 'command';
  capability: string;
  step: Step;
  facts: CommandFacts;
  /** The priority wrapper in front of the step that has the need (`nice -n -5`), as written. */
  wrapper?: string;
}

export interface SwitchNeed extends NeedBase {
  kind: 'switch';
  capability: 'SETUID';
  /** Also needed: SETGID. */
  capabilities: readonly string[];
  step: Step;
}

export interface PortNeed extends NeedBase {
  kind: 'port';
  capability: 'NET_BIND_SERVICE';
  port: number;
  user: ProcessUser;
  hostNetwork: boolean;
  /** The pod's net.ipv4.ip_unprivileged_port_start, when its securityContext sets one. */
  unprivilegedPortStart?: string;
}

export type Need = PamNeed | UlimitNeed | MlockNeed | SysctlNeed | CommandNeed | SwitchNeed | PortNeed;

export interface ContainerNeeds {
  command: CommandModel;
  files: MountedFile[];
  needs: Need[];
  /** The process that keeps running (the last program started), when the command shows it. */
  main?: Step;
}

/* ------------------------------------------------------------------------------------------------ */

function commandLabel(step: Step): string {
  const line = step.origin.line ? `, line ${step.origin.line + 1}` : '';
  return `${step.origin.field}[${step.origin.index}]${line}`;
}

function stepEvidence(container: ContainerInfo, document: number, step: Step): EvidenceRef {
  const ref: EvidenceRef = {
    document,
    path: [...container.path, step.origin.field, step.origin.index],
    text: step.text,
    label: commandLabel(step),
  };
  if (step.origin.line !== undefined) ref.line = step.origin.line;
  return ref;
}

function fileLabel(file: MountedFile): string {
  return `${file.source.kind}/${file.source.name} "${file.source.key}", mounted at ${file.path}`;
}

function fileEvidence(file: MountedFile, line: number | undefined, text: string): EvidenceRef {
  const ref: EvidenceRef = { document: file.source.document, path: file.source.path, text, label: fileLabel(file) };
  if (line !== undefined && !file.source.encoded) ref.line = line;
  return ref;
}

/** `unlimited`, `infinity`, `-1` → unlimited; a number → itself; anything else → undefined. */
function limitValue(text: string): number | 'unlimited' | undefined {
  const t = text.trim().toLowerCase();
  if (t === 'unlimited' || t === 'infinity' || t === '-1') return 'unlimited';
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/** Does a limits.conf domain apply to this user? `*` and groups never apply to root (limits.conf(5)). */
function domainApplies(domain: string, user: ProcessUser): boolean | 'unknown' {
  const name = user.name ?? (user.uid !== undefined ? String(user.uid) : undefined);
  if (domain === '*') return user.kind === 'root' ? false : user.kind === 'unknown' ? 'unknown' : true;
  if (domain.startsWith('@') || domain.startsWith('%')) return user.kind === 'root' ? false : 'unknown';
  if (domain.includes(':')) return 'unknown';
  if (domain === 'root') return user.kind === 'root';
  if (name === undefined) return 'unknown';
  return domain === name;
}

interface RawLimitLine {
  domain: string;
  type: string;
  item: string;
  value: string;
  line: number;
  text: string;
}

export function parseLimits(content: string): RawLimitLine[] {
  const out: RawLimitLine[] = [];
  content.split('\n').forEach((raw, line) => {
    const text = raw.replace(/#.*$/, '').trim();
    if (text === '') return;
    const [domain, type, item, value] = text.split(/\s+/);
    if (domain && type && item && value) out.push({ domain, type, item, value, line, text: raw.trim() });
  });
  return out;
}

interface LimitsSource {
  content: string;
  evidence: (line: number, text: string) => EvidenceRef;
  /** Where pam_limits reads it. */
  path: string;
}

function isLimitsPath(path: string): boolean {
  if (path === LIMITS_FILES.main) return true;
  return path.startsWith(LIMITS_FILES.dir) && path.endsWith(LIMITS_FILES.dirSuffix);
}

/** limits.conf content: mounted files, and files the command writes (`echo … >> limits.conf`, here-documents). */
function limitsSources(
  container: ContainerInfo,
  document: number,
  files: MountedFile[],
  steps: Step[],
): LimitsSource[] {
  const out: LimitsSource[] = [];
  for (const file of files) {
    if (!isLimitsPath(file.path)) continue;
    out.push({ content: file.content, path: file.path, evidence: (line, text) => fileEvidence(file, line, text) });
  }
  for (const step of steps) {
    const target = step.redirects.find(
      (r) => (r.op === '>' || r.op === '>>' || r.op === '>|') && isLimitsPath(r.target),
    );
    const teeTarget = step.program === 'tee' ? step.argv.slice(1).find((a) => isLimitsPath(a)) : undefined;
    const path = target?.target ?? teeTarget;
    if (path === undefined) continue;
    let content: string | undefined;
    if (step.heredoc !== undefined) content = step.heredoc;
    else if (step.program === 'echo' || step.program === 'printf') {
      content = step.argv
        .slice(1)
        .filter((a) => !/^-[neE]+$/.test(a))
        .join(' ')
        .replace(/\\n/g, '\n');
    }
    if (content === undefined) continue;
    out.push({ content, path, evidence: () => stepEvidence(container, document, step) });
  }
  return out;
}

function pamNeeds(container: ContainerInfo, document: number, files: MountedFile[], command: CommandModel): PamNeed[] {
  const openers = command.steps.filter((s) => s.switch?.pam);
  if (openers.length === 0) return [];
  const sources = limitsSources(container, document, files, command.steps);
  const out: PamNeed[] = [];
  for (const opener of openers) {
    const target = opener.switch?.user as ProcessUser;
    const lines: LimitLine[] = [];
    for (const source of sources) {
      for (const raw of parseLimits(source.content)) {
        if (raw.type !== 'hard' && raw.type !== '-') continue;
        const facts = RLIMIT_BY_ITEM.get(raw.item);
        const value = limitValue(raw.value);
        if (!facts || value === undefined) continue;
        if (domainApplies(raw.domain, target) === false) continue;
        const verdict = classifyRaise(facts, value);
        if (verdict !== 'above' && verdict !== 'maybe') continue;
        lines.push({
          domain: raw.domain,
          type: raw.type,
          item: raw.item,
          value,
          facts,
          verdict,
          evidence: source.evidence(raw.line, raw.text),
        });
      }
    }
    if (lines.length === 0) continue;
    const verdict = lines.some((l) => l.verdict === 'above') ? 'above' : 'maybe';
    const items = [...new Set(lines.map((l) => l.facts.resource))].join(', ');
    out.push({
      kind: 'pam-limits',
      capability: 'SYS_RESOURCE',
      opener,
      lines,
      verdict,
      evidence: [...lines.map((l) => l.evidence), stepEvidence(container, document, opener)],
      summary: `pam_limits raises the hard ${items} when ${opener.switch?.tool} opens its session`,
    });
  }
  return out;
}

/** `ulimit -l unlimited`, `ulimit -Hn 1048576`: raises of a hard limit (no -S, or -H). */
function ulimitNeeds(container: ContainerInfo, document: number, steps: Step[]): UlimitNeed[] {
  const out: UlimitNeed[] = [];
  for (const step of steps) {
    if (step.program !== 'ulimit') continue;
    let hard = false;
    let soft = false;
    let resource: RlimitFacts | undefined;
    const settings: { facts: RlimitFacts; value: string; hard: boolean }[] = [];
    for (const word of step.argv.slice(1)) {
      if (/^-[A-Za-z]+$/.test(word)) {
        for (const letter of word.slice(1)) {
          if (letter === 'H') hard = true;
          else if (letter === 'S') soft = true;
          else resource = RLIMIT_BY_FLAG.get(letter) ?? resource;
        }
        continue;
      }
      const facts = resource ?? RLIMIT_BY_FLAG.get('f');
      // `ulimit -S` alone leaves the hard limit; `-H`, or neither, sets it.
      if (facts) settings.push({ facts, value: word, hard: hard || !soft });
    }
    for (const setting of settings) {
      if (!setting.hard) continue;
      const value = limitValue(setting.value);
      if (value === undefined) continue;
      const verdict = classifyRaise(setting.facts, value);
      if (verdict !== 'above' && verdict !== 'maybe') continue;
      out.push({
        kind: 'ulimit',
        capability: 'SYS_RESOURCE',
        step,
        facts: setting.facts,
        value,
        verdict,
        evidence: [stepEvidence(container, document, step)],
        summary: `\`${step.text}\` raises the hard ${setting.facts.resource}`,
      });
    }
  }
  return out;
}

/* ------------------------------------------------------------------------------------------------ */

interface EnvVar {
  name: string;
  value: string;
  index: number;
}

function envOf(container: ContainerInfo): EnvVar[] {
  const env = container.value.env;
  if (!Array.isArray(env)) return [];
  const out: EnvVar[] = [];
  env.forEach((item, index) => {
    if (!isMapping(item) || typeof item.name !== 'string') return;
    const value = item.value;
    if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
      out.push({ name: item.name, value: String(value), index });
    }
  });
  return out;
}

function envEvidence(container: ContainerInfo, document: number, env: EnvVar): EvidenceRef {
  return {
    document,
    path: [...container.path, 'env', env.index, 'value'],
    text: `${env.name}=${env.value}`,
    label: `env ${env.name}`,
  };
}

const TRUE = /^(true|yes|on)$/i;

/** Flattens `a: {b: c}` into `a.b`, keeping keys that already hold dots. */
function flatten(value: unknown, prefix = '', out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (isMapping(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) out.set(prefix, value);
  return out;
}

/** Settings of elasticsearch.yml, flattened to dotted keys. */
function readYamlSettings(content: string): Map<string, unknown> {
  const parsed = parseSource(content, 'yaml');
  return flatten(parsed.documents[0]?.value);
}

function lineContaining(content: string, pattern: RegExp): { line: number; text: string } | undefined {
  const lines = content.split('\n');
  const index = lines.findIndex((l) => pattern.test(l));
  return index < 0 ? undefined : { line: index, text: (lines[index] as string).trim() };
}

const WRAPPING_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

function mainStep(steps: Step[]): Step | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i] as Step;
    if (!step.switch && !WRAPPING_SHELLS.has(step.program)) return step;
  }
  return undefined;
}

function elasticsearchNeeds(
  container: ContainerInfo,
  document: number,
  files: MountedFile[],
  command: CommandModel,
  raises: (PamNeed | UlimitNeed)[],
): MlockNeed[] {
  const evidence: EvidenceRef[] = [];
  let at: Path | undefined;
  let singleNode = false;
  const env = envOf(container);
  for (const variable of env) {
    const name = variable.name;
    const locks =
      ((name === ELASTICSEARCH.setting || name === ELASTICSEARCH.legacySetting || name === ELASTICSEARCH.envSetting) &&
        TRUE.test(variable.value)) ||
      (/JAVA_OPTS|ES_OPTS/.test(name) && /(-E|-Des\.)bootstrap\.(memory_lock|mlockall)=true/.test(variable.value));
    if (locks) {
      const ref = envEvidence(container, document, variable);
      evidence.push(ref);
      at ??= ref.path;
    }
    if ((name === 'discovery.type' || name === 'ES_SETTING_DISCOVERY_TYPE') && variable.value === 'single-node') {
      singleNode = true;
    }
  }
  let step: Step | undefined;
  for (const s of command.steps) {
    if (s.argv.some((a) => /^-E(bootstrap\.(memory_lock|mlockall))=true$/.test(a))) {
      const ref = stepEvidence(container, document, s);
      evidence.push(ref);
      at ??= ref.path;
      step = s;
    }
    if (s.argv.includes('-Ediscovery.type=single-node')) singleNode = true;
  }
  // Options handed to the image's entrypoint (no command): `args: ["-Ebootstrap.memory_lock=true"]`.
  if (command.steps.length === 0) {
    for (const field of ['args', 'command'] as const) {
      const list = container.value[field];
      if (!Array.isArray(list)) continue;
      list.forEach((word, index) => {
        if (typeof word !== 'string') return;
        if (/^-E(bootstrap\.(memory_lock|mlockall))=true$/.test(word)) {
          const path: Path = [...container.path, field, index];
          evidence.push({ document, path, text: word, label: `${field}[${index}]` });
          at ??= path;
        }
        if (word === '-Ediscovery.type=single-node') singleNode = true;
      });
    }
  }
  for (const file of files) {
    if (!file.path.endsWith('/elasticsearch.yml')) continue;
    const settings = readYamlSettings(file.content);
    const lock = settings.get(ELASTICSEARCH.setting) ?? settings.get(ELASTICSEARCH.legacySetting);
    if (lock === true || (typeof lock === 'string' && TRUE.test(lock))) {
      const found = lineContaining(file.content, /memory_lock|mlockall/);
      evidence.push(fileEvidence(file, found?.line, found?.text ?? `${ELASTICSEARCH.setting}: true`));
      at ??= file.mountPath;
    }
    if (settings.get('discovery.type') === 'single-node') singleNode = true;
  }
  if (evidence.length === 0 || at === undefined) return [];
  step ??= command.steps.find((s) => s.program === 'elasticsearch') ?? mainStep(command.steps);
  const user = step?.user ?? command.user;
  const memlock = raises.filter((r) =>
    r.kind === 'ulimit' ? r.facts.item === 'memlock' : r.lines.some((l) => l.item === 'memlock'),
  );
  const need: MlockNeed = {
    kind: 'mlock',
    capability: 'IPC_LOCK',
    app: 'elasticsearch',
    user,
    raisedBy: memlock,
    enforced: !singleNode,
    configVisible: true,
    skipSetcap: false,
    at,
    evidence,
    summary: 'Elasticsearch locks its memory (bootstrap.memory_lock: true)',
  };
  if (step) need.step = step;
  return [need];
}

function vaultNeeds(
  container: ContainerInfo,
  document: number,
  files: MountedFile[],
  command: CommandModel,
): MlockNeed[] {
  const image = typeof container.value.image === 'string' ? container.value.image : '';
  if (!/(^|\/)vault(:|@|$)/.test(image)) return [];
  const words = command.steps.flatMap((s) => s.argv);
  const args = Array.isArray(container.value.args) ? container.value.args.filter((a) => typeof a === 'string') : [];
  const server =
    words.includes('server') || args.includes('server') || (command.steps.length === 0 && args.length === 0);
  if (!server || words.includes('-dev') || args.includes('-dev')) return [];
  const env = envOf(container);
  const disabling = /disable_mlock"?\s*[:=]\s*"?true/;
  let configVisible = false;
  for (const variable of env) {
    if (variable.name === 'VAULT_LOCAL_CONFIG') {
      configVisible = true;
      if (disabling.test(variable.value)) return [];
    }
    if (variable.name === 'VAULT_DISABLE_MLOCK' && TRUE.test(variable.value)) return [];
  }
  for (const file of files) {
    if (!/\.(hcl|json)$/.test(file.path)) continue;
    configVisible = true;
    if (disabling.test(file.content)) return [];
  }
  if (words.some((w) => /disable_mlock/.test(w))) return [];
  const skipSetcap = env.some((v) => v.name === 'SKIP_SETCAP' && v.value !== '');
  const step = command.steps.find((s) => s.program === 'vault');
  const evidence: EvidenceRef[] = [
    {
      document,
      path: [...container.path, 'image'],
      text: `image: ${image}`,
      label: 'image',
    },
  ];
  if (step) evidence.push(stepEvidence(container, document, step));
  const need: MlockNeed = {
    kind: 'mlock',
    capability: 'IPC_LOCK',
    app: 'vault',
    user: step?.user ?? command.user,
    raisedBy: [],
    enforced: true,
    configVisible,
    skipSetcap,
    at: [...container.path, 'image'],
    evidence,
    summary: `Vault locks its memory (${VAULT.setting} is not set)`,
  };
  if (step) need.step = step;
  return [need];
}

/* ------------------------------------------------------------------------------------------------ */

function sysctlNeeds(container: ContainerInfo, document: number, steps: Step[]): SysctlNeed[] {
  const out: SysctlNeed[] = [];
  const add = (step: Step, key: string, value?: string) => {
    const name = normalizeSysctl(key);
    const need: SysctlNeed = {
      kind: 'sysctl',
      key: name,
      step,
      evidence: [stepEvidence(container, document, step)],
      summary: `\`${step.text}\` writes ${name}`,
    };
    if (value !== undefined) need.value = value;
    const namespace = sysctlNamespace(name);
    if (namespace) need.namespace = namespace;
    const safe = safeSysctl(name);
    if (safe) need.safe = safe;
    out.push(need);
  };
  for (const step of steps) {
    if (step.program === 'sysctl') {
      const args = step.argv.slice(1);
      const write = args.some((a) => a === '-w' || a === '--write');
      const load = args.some((a) => a === '-p' || a === '--load' || a.startsWith('--load=') || a === '--system');
      for (const arg of args) {
        if (arg.startsWith('-')) continue;
        const eq = arg.indexOf('=');
        if (eq > 0) add(step, arg.slice(0, eq), arg.slice(eq + 1));
        else if (write && /^[a-z][\w.\-/]*$/i.test(arg)) add(step, arg);
      }
      if (load && !out.some((n) => n.step === step)) add(step, '(keys from a file)');
      continue;
    }
    for (const redirect of step.redirects) {
      if ((redirect.op === '>' || redirect.op === '>>') && redirect.target.startsWith('/proc/sys/')) {
        add(step, redirect.target.slice('/proc/sys/'.length), step.program === 'echo' ? step.argv[1] : undefined);
      }
    }
    if (step.program === 'tee') {
      for (const arg of step.argv.slice(1)) if (arg.startsWith('/proc/sys/')) add(step, arg.slice('/proc/sys/'.length));
    }
  }
  return out;
}

/** The value of an option given as `-n VALUE`, `-nVALUE`, `--adjustment=VALUE` or `--adjustment VALUE`. */
function optionValue(argv: readonly string[], short: string, long: string): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === short || a === long) return argv[i + 1];
    if (a.startsWith(`${long}=`)) return a.slice(long.length + 1);
    if (a.startsWith(short) && a.length > short.length && !a.startsWith('--')) return a.slice(short.length);
  }
  return undefined;
}

const negative = (value: string | undefined) => value !== undefined && /^-\d+$/.test(value) && Number(value) < 0;

/** Whether the command raises a priority, which is what needs SYS_NICE (lowering one never does). */
function raisesPriority(kind: NonNullable<CommandFacts['raises']>, argv: readonly string[]): boolean {
  const args = argv.slice(1);
  switch (kind) {
    case 'nice': {
      // `nice -n -5`, `nice --adjustment=-5`, and the old form `nice --5` (an adjustment of -5).
      if (negative(optionValue(argv, '-n', '--adjustment'))) return true;
      return args.some((a) => /^--\d+$/.test(a));
    }
    case 'renice': {
      const value = optionValue(argv, '-n', '--priority') ?? args.find((a) => /^-?\d+$/.test(a));
      return negative(value);
    }
    case 'chrt': {
      // SCHED_OTHER, SCHED_BATCH and SCHED_IDLE need nothing; `-p PID` alone only shows the policy.
      if (args.some((a) => /^-(o|b|i|-other|-batch|-idle)$/.test(a))) return false;
      if (args.some((a) => /^-(m|-max)$/.test(a))) return false;
      const numbers = args.filter((a) => /^\d+$/.test(a));
      // With -p the last number is the PID: `chrt -p PID` only shows the policy.
      const pid = args.some((a) => a === '-p' || a === '--pid');
      const priority = pid ? (numbers.length >= 2 ? numbers[0] : undefined) : numbers[0];
      return priority !== undefined && Number(priority) > 0;
    }
    case 'ionice': {
      const value = optionValue(argv, '-c', '--class');
      return value === '1' || value?.toLowerCase() === 'realtime';
    }
    case 'chronyd': {
      const value = optionValue(argv, '-P', '-P');
      return value !== undefined && /^\d+$/.test(value) && Number(value) > 0;
    }
  }
}

function changes(facts: CommandFacts, argv: string[]): boolean {
  if (facts.raises) return raisesPriority(facts.raises, argv);
  if (!facts.changing) {
    // `mount` with nothing to mount only lists.
    if (facts.capability === 'SYS_ADMIN') return argv.slice(1).some((a) => !a.startsWith('-'));
    return true;
  }
  const words = argv.slice(1).filter((a) => !a.startsWith('-'));
  // `ip -n ns …`, `ip netns exec …` are not understood: no need inferred.
  if (words[0] === 'netns') return false;
  const verb = facts.changing.position === 'second' ? words[1] : words[0];
  return verb !== undefined && facts.changing.words.includes(verb);
}

function commandNeeds(container: ContainerInfo, document: number, steps: Step[]): (CommandNeed | SwitchNeed)[] {
  const out: (CommandNeed | SwitchNeed)[] = [];
  for (const step of steps) {
    // A priority wrapper in front of the program (`nice -n -5 app`) runs as the same user.
    for (const wrapper of step.wrappers ?? []) {
      const program = wrapper.argv[0]?.split('/').pop() ?? '';
      const facts = COMMAND_NEEDS.find((c) => c.programs.includes(program));
      if (!facts || !changes(facts, wrapper.argv)) continue;
      const text = wrapper.argv.join(' ');
      out.push({
        kind: 'command',
        capability: facts.capability,
        // Located at the wrapper, which is what needs the capability.
        step: { ...step, origin: wrapper.origin },
        facts,
        wrapper: text,
        evidence: [stepEvidence(container, document, step)],
        summary: `\`${text}\` needs ${facts.capability} (${facts.why})`,
      });
    }
    const facts = COMMAND_NEEDS.find((c) => c.programs.includes(step.program));
    if (facts && changes(facts, step.argv)) {
      out.push({
        kind: 'command',
        capability: facts.capability,
        step,
        facts,
        evidence: [stepEvidence(container, document, step)],
        summary: `\`${step.text}\` needs ${facts.capability} (${facts.why})`,
      });
    }
    const target = step.switch?.user;
    if (step.switch && target && target.kind !== 'root' && step.user.kind !== 'non-root') {
      out.push({
        kind: 'switch',
        capability: 'SETUID',
        capabilities: SWITCH_NEEDS.capabilities,
        step,
        evidence: [stepEvidence(container, document, step)],
        summary: `\`${step.text}\` needs SETUID and SETGID (${SWITCH_NEEDS.why})`,
      });
    }
  }
  return out;
}

/** A sysctl the pod's securityContext sets (names with `/` or `.` alike), as text. */
function podSysctl(container: ContainerInfo, key: string): string | undefined {
  const context = container.podSpec.value.securityContext;
  const sysctls = isMapping(context) && Array.isArray(context.sysctls) ? context.sysctls : [];
  for (const item of sysctls) {
    if (isMapping(item) && typeof item.name === 'string' && item.name.replace(/\//g, '.') === key) {
      return item.value === undefined ? undefined : String(item.value);
    }
  }
  return undefined;
}

function portNeeds(container: ContainerInfo, document: number, user: ProcessUser): PortNeed[] {
  const ports = container.value.ports;
  if (!Array.isArray(ports)) return [];
  const hostNetwork = container.podSpec.value.hostNetwork === true;
  const unprivilegedPortStart = podSysctl(container, 'net.ipv4.ip_unprivileged_port_start');
  const out: PortNeed[] = [];
  ports.forEach((port, index) => {
    if (!isMapping(port) || typeof port.containerPort !== 'number') return;
    const number = port.containerPort;
    if (number <= 0 || number >= LOW_PORT.limit) return;
    const path: Path = [...container.path, 'ports', index, 'containerPort'];
    out.push({
      kind: 'port',
      capability: 'NET_BIND_SERVICE',
      port: number,
      user,
      hostNetwork,
      ...(unprivilegedPortStart === undefined ? {} : { unprivilegedPortStart }),
      evidence: [{ document, path, text: `containerPort: ${number}`, label: `ports[${index}]` }],
      summary: `the process listens on port ${number} (containerPort), below ${LOW_PORT.limit}`,
    });
  });
  return out;
}

/** Reads a container's needs from its command, args, env, ports and mounted files. */
export function containerNeeds(
  container: ContainerInfo,
  documents: readonly DocumentView[],
  document: number,
): ContainerNeeds {
  const command = readCommand(container);
  const files = mountedFiles(container, documents);
  const { steps } = command;
  // Most containers run no command of their own and mount no file to read: what needs a command or a
  // file is then not looked for.
  const quiet = steps.length === 0 && files.length === 0;
  const raises: (PamNeed | UlimitNeed)[] = quiet
    ? []
    : [...pamNeeds(container, document, files, command), ...ulimitNeeds(container, document, steps)];
  const main = mainStep(steps);
  const needs: Need[] = [...raises];
  needs.push(...elasticsearchNeeds(container, document, files, command, raises));
  needs.push(...vaultNeeds(container, document, files, command));
  if (!quiet) needs.push(...sysctlNeeds(container, document, steps), ...commandNeeds(container, document, steps));
  needs.push(...portNeeds(container, document, main?.user ?? command.user));
  const out: ContainerNeeds = { command, files, needs };
  if (main) out.main = main;
  return out;
}

/** Index of the document that holds this container, among `documents`. */
export function documentIndexOf(container: ContainerInfo, documents: readonly DocumentView[]): number {
  const found = documents.findIndex((d) => d.extracted.podSpecs.some((p) => p.value === container.podSpec.value));
  return Math.max(found, 0);
}
