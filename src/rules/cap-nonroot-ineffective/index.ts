import { analyzeName } from '../../knowledge/names.js';
import { NON_ROOT, RUN_AS_NON_ROOT } from '../../knowledge/needs.js';
import type { Step } from '../../model/command.js';
import {
  describeUser,
  fileCapabilitiesCanReach,
  heldThroughAmbient,
  isShellOrScript,
  type ProcessOnTarget,
} from '../../model/process.js';
import { type AnalyzedContainer, analyzeContainers, containerBase } from '../needs-support.js';
import { chooseSeverity, quote, sharedText } from '../support.js';
import { defineRule } from '../types.js';

export default defineRule({
  meta: {
    id: 'cap-nonroot-ineffective',
    severity: 'info',
    description: 'A capability is added for a process that runs as a non-root user, which never receives it',
    docs: [
      'Kubernetes sets no ambient capabilities (the pod API has no field for them), and today’s runtimes empty the',
      'ambient set. A process that is not uid 0 therefore starts with empty effective and permitted sets:',
      '`capabilities.add` only widens its bounding set. Only file capabilities on the executed binary',
      '(`setcap cap_ipc_lock+ep …`) can bring a capability back, and the manifest cannot show those. `+ei` instead of',
      '`+ep` works only where the runtime also fills the inheritable set (Docker up to 20.10.13, containerd before',
      '1.5.11 and 1.6.2).',
      '',
      'Old runtimes differ: CRI-O 1.0–1.9.11 and 1.10.0 and containerd 1.1.0 put the added capabilities in the',
      'ambient set too (CRI-O also its defaults), so there a non-root process holds them and nothing is reported',
      'for those targets.',
      '',
      '`allowPrivilegeEscalation: false` sets no_new_privs, which forbids an exec to gain a capability the process',
      'did not already hold. File capabilities then work only along a chain that starts at the container’s first',
      'executable: the runtime must put the added set in that process’s permitted set (containerd and CRI-O do;',
      'Docker 18.04–23.0.6 and 24.0.0–24.0.5 write only the bounding set for a non-root user), and every program',
      'from there on must carry the file capability itself. A shell, a script or a user switch in between breaks',
      'the chain.',
      '',
      'Vendors ship exactly this on purpose (an ingress controller as uid 101 with `drop: [ALL]`, `add:',
      '[NET_BIND_SERVICE]`; a time daemon with `SYS_TIME`): the image’s binary carries the file capability and it works.',
      'From the manifest alone that cannot be seen, so the finding is `info`, asked as a question, while a chain of',
      'file capabilities is possible. It is an `error` only with evidence that the chain breaks: with',
      '`allowPrivilegeEscalation: false`, a command that starts the process through a shell, a script or a user',
      'switch, or targets that all write only the bounding set; or an image known to run without the file',
      'capability (Vault with `SKIP_SETCAP`).',
      '',
      'The user comes from `runAsUser` (container, then pod) or `runAsNonRoot: true`; when neither is set the',
      'image’s USER decides and nothing is reported. To grant a capability to a non-root program, give the binary',
      'the file capability and keep privilege escalation allowed, run the step as root, or for ports below 1024 set',
      '`net.ipv4.ip_unprivileged_port_start` instead.',
    ].join('\n'),
    fixable: false,
    citations: [...NON_ROOT.citations, ...RUN_AS_NON_ROOT.citations],
    example: {
      invalid:
        'securityContext:\n  runAsUser: 1000\n  allowPrivilegeEscalation: false\n  capabilities:\n    add: [IPC_LOCK]',
      valid: 'securityContext:\n  runAsUser: 1000\n  allowPrivilegeEscalation: false\n  capabilities:\n    drop: [ALL]',
    },
    tags: ['capabilities'],
  },
  check(context) {
    for (const analysis of analyzeContainers(context)) {
      const { container, needs } = analysis;
      const user = needs.command.user;
      if (user.kind !== 'non-root') continue;
      if (container.securityContext?.privileged === true) continue;
      const caps = container.securityContext?.capabilities;
      const add =
        typeof caps === 'object' && caps !== null && Array.isArray((caps as { add?: unknown }).add)
          ? ((caps as { add: unknown[] }).add as unknown[])
          : [];
      const noNewPrivs = container.securityContext?.allowPrivilegeEscalation === false;
      const main = needs.main;
      // A switch back to root in the command (sudo, su) gives root its capabilities: not this rule's case.
      if (needs.command.steps.some((s) => s.switch && s.switch.user.kind === 'root')) continue;
      const step = stepKey(main);
      // Who runs it, as the explanation says it: the same for every entry of the container.
      const who = describeUser(main?.user.kind === 'non-root' ? main.user : user);
      add.forEach((value, index) => {
        const name = analyzeName(value);
        if (!name.capability && !name.isAll) return;
        const capability = name.isAll ? 'ALL' : (name.capability?.name as string);
        if (main?.ambient.includes(capability)) return;
        const lost = lossOn(analysis, capability, name.isAll, main, step);
        if (lost === undefined) return;
        const { losing, losingLabels, holding, open, reachable, runtimeBlocks } = lost;
        // Evidence that no file capability is there: an image told not to set it (Vault's SKIP_SETCAP).
        const noFileCap = needs.needs.some((n) => n.kind === 'mlock' && n.skipSetcap && capability === 'IPC_LOCK');
        const first = needs.command.imageEntrypoint
          ? 'the image’s entrypoint'
          : `\`${needs.command.steps[0]?.program ?? ''}\``;
        let severity: 'error' | 'info';
        let how: string;
        // What of `how` varies between findings (for the explanation's key): the fixed wordings are named.
        let howKey: string;
        // The command that starts the process, where the explanation quotes it: a part of its own (each
        // container runs its own), between the shared texts before and after it.
        let command: string | undefined;
        if (noNewPrivs && !reachable) {
          severity = 'error';
          if (runtimeBlocks) {
            how = `allowPrivilegeEscalation: false (no_new_privs) stops any exec from gaining it, and ${losingLabels.join(', ')} ${losing === 1 ? 'writes' : 'write'} only the bounding set for a non-root user, so no file capability can bring it back.`;
            howKey = how;
          } else {
            how = `allowPrivilegeEscalation: false (no_new_privs) stops any exec from gaining it, and the process is started through a shell, a script or a user switch (\`${COMMAND}\`), which carries no file capability, so nothing can bring it back.`;
            howKey = 'shell';
            command = needs.command.steps[0]?.text ?? '';
          }
        } else if (noFileCap) {
          severity = 'error';
          how =
            'SKIP_SETCAP is set, so the image’s entrypoint does not give the binary the file capability that would bring it back.';
          howKey = 'skip-setcap';
        } else if (!noNewPrivs) {
          // The image may well carry it (vendors ship binaries with setcap): a question, not a verdict.
          severity = 'info';
          how =
            'Does the program’s binary carry it as a file capability (setcap)? Only that brings it back, and the manifest cannot show it.';
          howKey = 'binary';
        } else {
          severity = 'info';
          how = `Does every program from the container’s first executable (${first}) on carry it as a file capability? With allowPrivilegeEscalation: false only such a chain brings it back; containerd and CRI-O put the added set in that first process’s permitted set (Docker 18.04–23.0.6 and 24.0.0–24.0.5 do not).`;
          howKey = `chain ${first}`;
        }
        // Evidence that the process needs it makes the loss worth saying.
        const related = needs.needs.filter(
          (n) =>
            (n.kind === 'port' && capability === 'NET_BIND_SERVICE') ||
            (n.kind === 'mlock' && capability === 'IPC_LOCK') ||
            ((n.kind === 'command' || n.kind === 'ulimit') && n.capability === capability),
        );
        const needed =
          related.length > 0 ? ` The container needs it: ${related.map((n) => n.summary).join('; ')}.` : '';
        const advice = {
          info: 'If it does not, drop the capability or run the program as root.',
          error:
            'Drop it, run the program as root, or start the binary directly (no shell or script in between) with the file capability, or allow privilege escalation.',
        } as const;
        const what = name.isAll ? 'ALL is added' : `${quote(value)} is added`;
        const except =
          (holding.length > 0
            ? ` (${holding.join(', ')} ${holding.length === 1 ? 'puts' : 'put'} it in the ambient set too, so there the process holds it)`
            : '') +
          (open.length > 0
            ? ` (not known on ${open.join(', ')}: some of those patch releases put it in the ambient set, so the process holds it there; name the patch release)`
            : '');
        // The user and the command differ between findings far more often than the rest (all of it
        // decided by the key): the rest is one or two shared texts around the command.
        const key = `cap-nonroot-ineffective\u0000${severity}\u0000${capability}\u0000${except}\u0000${howKey}\u0000${needed}`;
        const rest = sharedText(
          key,
          () =>
            `: ${NON_ROOT.noAmbient}${except}. ${how}${needed} ${advice[severity]}` +
            (capability === 'NET_BIND_SERVICE'
              ? ' For a port below 1024, net.ipv4.ip_unprivileged_port_start in the pod’s sysctls needs no capability at all.'
              : ''),
        );
        const around = command === undefined ? undefined : aroundCommand(rest);
        const explanation =
          command === undefined || around === undefined
            ? [`${what}, but the process runs as `, who, rest]
            : [`${what}, but the process runs as `, who, around[0], command, around[1]];
        context.report({
          path: [...container.path, 'securityContext', 'capabilities', 'add', index],
          problem: `${name.isAll ? 'ALL' : quote(value)} added for a non-root process`,
          // Without evidence that the chain breaks this is a question: the image's binary may carry it.
          consequence:
            severity === 'error'
              ? 'the process does not hold it (no ambient capabilities)'
              : 'held only if the program carries it as a file capability: does it?',
          remedy: severity === 'error' ? 'drop it or run as root' : 'if not, drop it or run as root',
          explanation,
          severity: chooseSeverity(context.severity, 'info', severity),
          ...containerBase(container),
        });
      });
    }
  },
});

/** Stands for the command in a shared text, where each finding puts its own. */
const COMMAND = '\u0000command\u0000';

// The texts before and after the command, by the shared text that holds its place (one string per key:
// looking it up hashes it once).
const around = new Map<string, readonly [string, string] | null>();
const AROUND_LIMIT = 1024;

function aroundCommand(rest: string): readonly [string, string] | undefined {
  let known = around.get(rest);
  if (known === undefined) {
    const at = rest.indexOf(COMMAND);
    known = at < 0 ? null : [rest.slice(0, at), rest.slice(at + COMMAND.length)];
    if (around.size >= AROUND_LIMIT) around.clear();
    around.set(rest, known);
  }
  return known ?? undefined;
}

/**
 * What of the main step heldThroughAmbient and fileCapabilitiesCanReach read, as a key (once per
 * container): not the program's name, which differs from container to container, only whether it is a
 * shell or a script.
 */
function stepKey(main: Step | undefined): string {
  return main === undefined
    ? ''
    : `${isShellOrScript(main)}\u0000${main.startedBy !== undefined}\u0000${main.startedBy?.switch !== undefined}\u0000${main.viaImageEntrypoint}\u0000${main.throughShell}`;
}

/** Where an added capability is lost, for the targets that decide (see `lossOn`). */
interface Loss {
  /** How many targets lose it, and their labels (each once). */
  losing: number;
  losingLabels: readonly string[];
  /** Targets whose runtime fills the ambient set, so that the process holds it there. */
  holding: readonly string[];
  /** Targets named without the patch release that decides whether the ambient set is filled. */
  open: readonly string[];
  /** Whether a file capability could bring it back on one of the losing targets. */
  reachable: boolean;
  /** Whether every losing target writes only the bounding set for a non-root user. */
  runtimeBlocks: boolean;
}

// Containers with the same capability lists and settings share their process models (one array per
// such container on the same targets): what an entry loses on them is worked out once per models,
// capability and the facts of the main step that decide it. Kept with the models.
const losses = new WeakMap<readonly ProcessOnTarget[], Map<string, Loss | null>>();
const LOSSES_PER_MODELS = 1024;

/**
 * What the process loses of `capability` (or of ALL) on `processes`: undefined when it is granted on no
 * target where the container starts, or held wherever it is granted. Where the runtime itself fills the
 * ambient set (CRI-O 1.0–1.9.11 and 1.10.0, containerd 1.1.0) the process holds what is added: only the
 * other targets lose it. End-of-life runtimes of the default targets are context: they do not decide.
 */
function lossOn(
  analysis: AnalyzedContainer,
  capability: string,
  isAll: boolean,
  main: Step | undefined,
  /** `stepKey(main)`. */
  step: string,
): Loss | undefined {
  // The models on the targets that decide are shared by every container with the same key.
  const deciding = analysis.deciding;
  let known = losses.get(deciding);
  if (known === undefined) {
    known = new Map();
    losses.set(deciding, known);
  }
  const key = `${capability}\u0000${isAll}\u0000${step}`;
  let loss = known.get(key);
  if (loss === undefined) {
    // Bounded: the program's name is part of the key, and an input may run many.
    if (known.size >= LOSSES_PER_MODELS) known.clear();
    loss = computeLoss(analysis, capability, isAll, main);
    known.set(key, loss);
  }
  return loss ?? undefined;
}

function computeLoss(
  analysis: AnalyzedContainer,
  capability: string,
  isAll: boolean,
  main: Step | undefined,
): Loss | null {
  const grants = (p: ProcessOnTarget) => p.starts && (isAll ? p.bounding.length > 0 : p.bounding.includes(capability));
  const deciding = analysis.deciding;
  // Granted on at least one target where the container starts (the end-of-life ones are asked only when
  // no target that decides grants it); otherwise other rules speak.
  if (!deciding.some(grants) && !analysis.processes.some(grants)) return null;
  const held = (p: ProcessOnTarget) =>
    isAll
      ? p.runtimeAmbient.state === 'yes' && p.runtimeAmbient.capabilities.length > 0
      : heldThroughAmbient(p, capability, main) === 'yes';
  const losing = deciding.filter((p) => grants(p) && !held(p));
  if (losing.length === 0) return null;
  return {
    losing: losing.length,
    losingLabels: [...new Set(losing.map((p) => p.target.label))],
    holding: deciding.filter((p) => p.starts && held(p)).map((p) => p.target.label),
    // `crio@1.9` without a patch release: some of its releases fill the ambient set, others do not.
    open: losing
      .filter((p) => p.runtimeAmbient.state === 'unknown' && p.runtimeAmbient.capabilities.length > 0)
      .map((p) => p.target.id),
    reachable: losing.some((p) => fileCapabilitiesCanReach(p, main)),
    runtimeBlocks: losing.every((p) => p.boundingOnly === 'all'),
  };
}
