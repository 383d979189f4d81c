// What a container runs, read from its command and args: the programs, through shells (`sh -c "…"`),
// wrappers (`exec`, `env`, `tini --`) and user switches (`su`, `runuser`, `gosu`, `su-exec`,
// `setpriv`, `chroot --userspec`, `sudo`), each with the user it runs as and where it is written.
// The user comes from runAsUser / runAsNonRoot (container, then pod); what the manifest cannot tell
// (the image's USER) stays "unknown".
import type { ContainerInfo, Mapping } from '../core/extract.js';
import { isMapping } from '../core/extract.js';
import type { Path } from '../core/types.js';
import { SESSION_OPENERS } from '../knowledge/needs.js';
import { parseScript, programName, type Redirect } from './shell.js';

export type UserKind = 'root' | 'non-root' | 'unknown';

export interface ProcessUser {
  kind: UserKind;
  uid?: number;
  name?: string;
  /** Where the user comes from, for messages: `runAsUser: 1000 (container)`, `runuser -u elasticsearch`. */
  source: string;
  /** Path of the field that sets it, when it is a field of the manifest. */
  path?: Path;
}

/** Where a command's words are written: a scalar of `command` or `args`, and a line inside it. */
export interface Origin {
  field: 'command' | 'args';
  index: number;
  /** 0-based line inside the scalar (for scripts written as block scalars). */
  line?: number;
}

export interface UserSwitch {
  tool: string;
  /** It opens a PAM session (so the image's session modules, pam_limits among them, run). */
  pam: boolean;
  /** A login session (`su -`, `su -l`, `runuser -l`). */
  login: boolean;
  user: ProcessUser;
  /** Capabilities passed on as ambient capabilities (`setpriv --ambient-caps +ipc_lock`). */
  ambient: string[];
}

export interface Step {
  argv: string[];
  /** `argv[0]` without its folder. */
  program: string;
  /** The command as written, for quoting. */
  text: string;
  origin: Origin;
  user: ProcessUser;
  redirects: Redirect[];
  heredoc?: string;
  /** The runtime executes this program itself (the container's first executable). */
  first: boolean;
  /** Run by the image's entrypoint with the manifest's args: whether it runs at all is not known. */
  viaImageEntrypoint: boolean;
  /** Started by a shell (from a script), so a program without file capabilities sits before it. */
  throughShell: boolean;
  /** This step switches the user for the command it starts. */
  switch?: UserSwitch;
  /** The switch that started this step, if any. */
  startedBy?: Step;
  /** Capabilities it holds as ambient ones (only through setpriv). */
  ambient: string[];
  /** Priority wrappers in front of the program (`nice -n -5`, `chrt -f 50`), which run as the same user. */
  wrappers?: { argv: string[]; origin: Origin }[];
}

export interface CommandModel {
  /** The user the container's first process runs as. */
  user: ProcessUser;
  /** Every program run, in order, nested ones after the command that starts them. */
  steps: Step[];
  /** The runtime runs the image's entrypoint (no `command` in the manifest). */
  imageEntrypoint: boolean;
  /** The first executable is a shell or a script (so file capabilities cannot reach what it starts). */
  firstIsShell: boolean;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
const ROOT_NAMES = new Set(['root', '0']);

function numberOr(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** The user of the container's first process, from the container's, then the pod's securityContext. */
export function initialUser(container: ContainerInfo): ProcessUser {
  const own = container.securityContext;
  const podContext = container.podSpec.value.securityContext;
  const pod = isMapping(podContext) ? podContext : undefined;
  // Paths are made only for the setting found (most containers set neither).
  const at = (level: 'container' | 'pod', key: string): Path => [
    ...(level === 'container' ? container.path : container.podSpec.path),
    'securityContext',
    key,
  ];
  const sources: [Mapping | undefined, 'container' | 'pod'][] = [
    [own, 'container'],
    [pod, 'pod'],
  ];
  for (const [context, level] of sources) {
    const uid = numberOr(context?.runAsUser);
    if (uid !== undefined) {
      return {
        kind: uid === 0 ? 'root' : 'non-root',
        uid,
        source: `runAsUser: ${uid} (${level})`,
        path: at(level, 'runAsUser'),
      };
    }
  }
  for (const [context, level] of sources) {
    if (context?.runAsNonRoot === true) {
      return { kind: 'non-root', source: `runAsNonRoot: true (${level})`, path: at(level, 'runAsNonRoot') };
    }
  }
  return { kind: 'unknown', source: 'the image’s USER, which the manifest does not show' };
}

/** `elasticsearch`, `1000`, `1000:1000`, `es:es` → the user it names. */
export function userFromSpec(spec: string, source: string): ProcessUser {
  const name = spec.split(':')[0] ?? spec;
  if (ROOT_NAMES.has(name)) return { kind: 'root', uid: 0, source };
  if (/^\d+$/.test(name)) return { kind: 'non-root', uid: Number(name), source };
  if (name === '' || name.includes('$')) return { kind: 'unknown', source: `${source} (a variable)` };
  return { kind: 'non-root', name, source };
}

interface Word {
  value: string;
  origin: Origin;
}

interface Context {
  user: ProcessUser;
  steps: Step[];
  startedBy?: Step;
  viaImageEntrypoint: boolean;
  throughShell: boolean;
  depth: number;
  ambient: string[];
}

/** Reads the container's command and args. */
export function readCommand(container: ContainerInfo): CommandModel {
  const value = container.value;
  const command = Array.isArray(value.command) ? value.command : undefined;
  const args = Array.isArray(value.args) ? value.args : undefined;
  const words: Word[] = [];
  command?.forEach((w, index) => {
    if (typeof w === 'string') words.push({ value: w, origin: { field: 'command', index } });
  });
  args?.forEach((w, index) => {
    if (typeof w === 'string') words.push({ value: w, origin: { field: 'args', index } });
  });
  const user = initialUser(container);
  const model: CommandModel = { user, steps: [], imageEntrypoint: command === undefined, firstIsShell: false };
  if (words.length === 0) return model;
  // Without a command the image's entrypoint gets the args; options (`--flag`) are not a program.
  if (command === undefined && words[0]?.value.startsWith('-')) return model;
  const context: Context = {
    user,
    steps: model.steps,
    viaImageEntrypoint: command === undefined,
    throughShell: false,
    depth: 0,
    ambient: [],
  };
  runWords(words, context, command !== undefined);
  const first = model.steps.find((s) => s.first);
  model.firstIsShell = first !== undefined && (SHELLS.has(first.program) || first.program.endsWith('.sh'));
  return model;
}

function textOf(words: readonly Word[]): string {
  return words
    .map((w) => (/[\s"'$`\\|&;<>()]/.test(w.value) || w.value === '' ? JSON.stringify(w.value) : w.value))
    .join(' ');
}

/** Runs a word list as one program invocation (no shell parsing of the list itself). */
function runWords(words: Word[], context: Context, first: boolean, text?: string, extra?: Partial<Step>): void {
  if (context.depth > 8 || words.length === 0) return;
  const wrappers: { argv: string[]; origin: Origin }[] = [];
  let rest = unwrap(words, wrappers);
  if (rest.length === 0) return;
  // `busybox sh -c …`: the applet is the program.
  if (programName(rest[0]?.value) === 'busybox' && rest.length > 1) rest = rest.slice(1);
  const head = rest[0] as Word;
  const program = programName(head.value);
  const step: Step = {
    argv: rest.map((w) => w.value),
    program,
    text: text ?? textOf(rest),
    origin: head.origin,
    user: context.user,
    redirects: extra?.redirects ?? [],
    first,
    viaImageEntrypoint: context.viaImageEntrypoint,
    throughShell: context.throughShell,
    ambient: context.ambient,
  };
  if (extra?.heredoc !== undefined) step.heredoc = extra.heredoc;
  if (extra?.origin) step.origin = extra.origin;
  if (wrappers.length > 0) step.wrappers = wrappers;
  if (context.startedBy) step.startedBy = context.startedBy;
  context.steps.push(step);

  if (SHELLS.has(program)) {
    const script = shellScript(rest.slice(1));
    if (script) runScript(script, { ...context, depth: context.depth + 1, throughShell: true });
    return;
  }
  const switched = readSwitch(program, rest.slice(1));
  if (switched) {
    step.switch = switched.switch;
    const next: Context = {
      user: switched.switch.user,
      steps: context.steps,
      startedBy: step,
      viaImageEntrypoint: context.viaImageEntrypoint,
      throughShell: context.throughShell || switched.script !== undefined,
      depth: context.depth + 1,
      ambient: switched.switch.ambient,
    };
    if (switched.script) runScript(switched.script, next);
    else if (switched.argv.length > 0) runWords(switched.argv, next, false);
  }
}

function runScript(script: Word, context: Context): void {
  for (const command of parseScript(script.value)) {
    if (command.words.length === 0) continue;
    const origin: Origin = { ...script.origin, line: (script.origin.line ?? 0) + command.line };
    const words = command.words.map((value) => ({ value, origin }));
    const extra: Partial<Step> = { redirects: command.redirects, origin };
    if (command.heredoc !== undefined) extra.heredoc = command.heredoc;
    runWords(words, context, false, command.text, extra);
  }
}

/**
 * Drops `exec`, `env VAR=x`, `nohup`, `tini --` and similar wrappers that run the rest as the same user.
 * The priority wrappers (`nice`, `ionice`, `chrt`) are kept in `wrappers`: raising a priority has a need.
 */
function unwrap(words: Word[], wrappers: { argv: string[]; origin: Origin }[] = []): Word[] {
  let rest = words;
  for (let guard = 0; guard < 16 && rest.length > 0; guard++) {
    const program = programName(rest[0]?.value);
    if (
      program === 'exec' ||
      program === 'command' ||
      program === 'nohup' ||
      program === 'time' ||
      program === 'builtin'
    ) {
      rest = skipOptions(rest.slice(1), new Set());
      continue;
    }
    if (program === 'env') {
      let next = rest.slice(1);
      while (next.length > 0) {
        const w = next[0]?.value ?? '';
        if (w === '-i' || w === '-' || w === '--ignore-environment' || /^-[0iv]+$/.test(w)) next = next.slice(1);
        else if (w === '-u' || w === '--unset' || w === '-C' || w === '--chdir') next = next.slice(2);
        else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || w.startsWith('--')) next = next.slice(1);
        else break;
      }
      rest = next;
      continue;
    }
    if (
      program === 'nice' ||
      program === 'ionice' ||
      program === 'stdbuf' ||
      program === 'chrt' ||
      program === 'taskset'
    ) {
      // `chrt -p PRIO PID` changes a running process: a command of its own, not a wrapper.
      if (program === 'chrt' && rest.some((w) => w.value === '-p' || w.value === '--pid')) break;
      const before = rest;
      rest = skipOptions(rest.slice(1), new Set(['-n', '-c', '-p', '-t', '-o', '-e', '-i']));
      if (program === 'chrt' || program === 'taskset') rest = rest.slice(1);
      if (program !== 'stdbuf' && program !== 'taskset') {
        const head = before[0] as Word;
        wrappers.push({ argv: before.slice(0, before.length - rest.length).map((w) => w.value), origin: head.origin });
      }
      continue;
    }
    if (program === 'timeout') {
      rest = skipOptions(rest.slice(1), new Set(['-s', '--signal', '-k', '--kill-after'])).slice(1);
      continue;
    }
    if (program === 'tini' || program === 'dumb-init' || program === 'catatonit' || program === 'tini-static') {
      const next = rest.slice(1);
      const dashes = next.findIndex((w) => w.value === '--');
      rest = dashes >= 0 ? next.slice(dashes + 1) : skipOptions(next, new Set(['-s', '-e', '-r', '-p', '-l']));
      continue;
    }
    break;
  }
  return rest;
}

/** Skips leading options (`-x`, `--long`, `--opt=value`); those in `withValue` take the next word. */
function skipOptions(words: Word[], withValue: ReadonlySet<string>): Word[] {
  let i = 0;
  while (i < words.length) {
    const w = words[i]?.value ?? '';
    if (w === '--') return words.slice(i + 1);
    if (!w.startsWith('-') || w === '-') break;
    i += withValue.has(w) ? 2 : 1;
  }
  return words.slice(i);
}

/** `sh -c 'script' name args`, `bash -ec "…"`: the script word, if the shell runs one. */
function shellScript(args: Word[]): Word | undefined {
  for (let i = 0; i < args.length; i++) {
    const w = args[i]?.value ?? '';
    if (w === '-o' || w === '+o' || w === '-O' || w === '+O') {
      i++;
      continue;
    }
    if (w === '--') return undefined;
    if (/^-[A-Za-z]+$/.test(w) || /^\+[A-Za-z]+$/.test(w)) {
      if (w.startsWith('-') && w.includes('c')) return args[i + 1];
      continue;
    }
    if (w.startsWith('--')) continue;
    // `sh script.sh`: a file the manifest does not show.
    return undefined;
  }
  return undefined;
}

interface SwitchResult {
  switch: UserSwitch;
  /** A shell string the new user runs (`su -c '…'`). */
  script?: Word;
  /** Or a program and its arguments. */
  argv: Word[];
}

function readSwitch(program: string, args: Word[]): SwitchResult | undefined {
  switch (program) {
    case 'su':
      return readSu('su', args);
    case 'runuser': {
      const u = optionValue(args, ['-u', '--user']);
      if (u) {
        const after = u.rest;
        return {
          switch: switchTo('runuser', true, false, u.value, `runuser -u ${u.value}`),
          argv: after[0]?.value === '--' ? after.slice(1) : after,
        };
      }
      return readSu('runuser', args);
    }
    case 'gosu':
    case 'su-exec':
    case 's6-setuidgid': {
      const [spec, ...argv] = args;
      if (!spec) return undefined;
      return { switch: switchTo(program, false, false, spec.value, `${program} ${spec.value}`), argv };
    }
    case 'chpst': {
      const u = optionValue(args, ['-u']);
      if (!u) return undefined;
      const argv = skipOptions(
        u.rest,
        new Set(['-U', '-b', '-e', '-n', '-l', '-L', '-m', '-d', '-o', '-p', '-f', '-c']),
      );
      return { switch: switchTo('chpst', false, false, u.value, `chpst -u ${u.value}`), argv };
    }
    case 'chroot': {
      const u = optionValue(args, ['--userspec']);
      if (!u) return undefined;
      const positional = skipOptions(u.rest, new Set(['--groups']));
      return {
        switch: switchTo('chroot', false, false, u.value, `chroot --userspec=${u.value}`),
        argv: positional.slice(1),
      };
    }
    case 'setpriv':
      return readSetpriv(args);
    case 'sudo': {
      let user = 'root';
      let i = 0;
      const withValue = new Set(['-u', '--user', '-g', '--group', '-C', '-p', '-r', '-t', '-U', '-h', '-D', '-T']);
      while (i < args.length) {
        const w = args[i]?.value ?? '';
        if (w === '--') {
          i++;
          break;
        }
        if (!w.startsWith('-')) break;
        if (w === '-u' || w === '--user') user = args[i + 1]?.value ?? user;
        else if (w.startsWith('--user=')) user = w.slice('--user='.length);
        else if (/^-u.+/.test(w)) user = w.slice(2);
        i += withValue.has(w) ? 2 : 1;
      }
      return { switch: switchTo('sudo', true, false, user, `sudo -u ${user}`), argv: args.slice(i) };
    }
    case 'login': {
      const f = optionValue(args, ['-f']);
      if (!f) return undefined;
      return { switch: switchTo('login', true, true, f.value, `login -f ${f.value}`), argv: [] };
    }
    default:
      return undefined;
  }
}

function switchTo(tool: string, pam: boolean, login: boolean, spec: string, source: string): UserSwitch {
  const user = userFromSpec(spec, source);
  return { tool, pam: pam && tool in SESSION_OPENERS, login, user: { ...user, source }, ambient: [] };
}

/** `-u NAME`, `-uNAME`, `--user NAME`, `--user=NAME` anywhere in the options; the words after it. */
function optionValue(args: Word[], names: readonly string[]): { value: string; rest: Word[] } | undefined {
  for (let i = 0; i < args.length; i++) {
    const w = args[i]?.value ?? '';
    if (w === '--') return undefined;
    for (const name of names) {
      if (w === name) {
        const value = args[i + 1]?.value;
        return value === undefined ? undefined : { value, rest: args.slice(i + 2) };
      }
      if (name.startsWith('--') && w.startsWith(`${name}=`)) {
        return { value: w.slice(name.length + 1), rest: args.slice(i + 1) };
      }
      if (!name.startsWith('--') && w.startsWith(name) && w.length > name.length && !w.startsWith('--')) {
        return { value: w.slice(name.length), rest: args.slice(i + 1) };
      }
    }
  }
  return undefined;
}

/** su and runuser's su-compatible form: `[options] [-] [user [arguments]]`, options anywhere. */
function readSu(tool: 'su' | 'runuser', args: Word[]): SwitchResult {
  let user: string | undefined;
  let script: Word | undefined;
  let login = false;
  const withValue = new Set(['-s', '--shell', '-g', '--group', '-G', '--supp-group', '-w', '--whitelist-environment']);
  for (let i = 0; i < args.length; i++) {
    const w = args[i] as Word;
    const v = w.value;
    if (v === '-' || v === '-l' || v === '--login') login = true;
    else if (v === '-c' || v === '--command' || v === '--session-command') {
      script = args[i + 1];
      i++;
    } else if (v.startsWith('--command=') || v.startsWith('--session-command=')) {
      script = { value: v.slice(v.indexOf('=') + 1), origin: w.origin };
    } else if (withValue.has(v)) i++;
    else if (v.startsWith('-')) {
      if (/^-[a-zA-Z]*c$/.test(v)) {
        script = args[i + 1];
        i++;
      }
      if (/^-[a-zA-Z]*l/.test(v)) login = true;
    } else if (user === undefined) user = v;
  }
  const spec = user ?? 'root';
  const shown = `${tool}${login ? ' -l' : ''} ${spec}`;
  const result: SwitchResult = { switch: switchTo(tool, true, login, spec, shown), argv: [] };
  if (script) result.script = script;
  return result;
}

function readSetpriv(args: Word[]): SwitchResult | undefined {
  let uid: string | undefined;
  const ambient: string[] = [];
  let i = 0;
  const withValue = new Set([
    '--ruid',
    '--euid',
    '--reuid',
    '--rgid',
    '--egid',
    '--regid',
    '--groups',
    '--inh-caps',
    '--ambient-caps',
    '--bounding-set',
    '--securebits',
    '--pdeathsig',
    '--selinux-label',
    '--apparmor-profile',
    '--landlock-access',
    '--landlock-rule',
  ]);
  while (i < args.length) {
    const w = args[i]?.value ?? '';
    if (w === '--') {
      i++;
      break;
    }
    if (!w.startsWith('-')) break;
    const [name, inline] = w.includes('=') ? [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)] : [w, undefined];
    const value = inline ?? (withValue.has(name) ? args[i + 1]?.value : undefined);
    if ((name === '--reuid' || name === '--ruid' || name === '--euid') && value !== undefined) uid = value;
    if (name === '--ambient-caps' && value !== undefined) {
      for (const part of value.split(',')) {
        const match = /^\+(?:cap_)?([a-z_]+)$/i.exec(part.trim());
        if (match?.[1]) ambient.push(match[1].toUpperCase());
      }
    }
    i += inline === undefined && withValue.has(name) ? 2 : 1;
  }
  if (uid === undefined) return undefined;
  const sw = switchTo('setpriv', false, false, uid, `setpriv --reuid=${uid}`);
  sw.ambient = ambient;
  return { switch: sw, argv: args.slice(i) };
}
