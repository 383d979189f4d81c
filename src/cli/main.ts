// Only commander and what every command shares load at start-up: each command's code is imported
// in its action, so `--version`, `--help` and a small `lint` pay only for what they run.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { readStdin } from './files.js';
import type { ProgressStream } from './progress.js';
import { UsageError } from './usage.js';

declare const CAPDOCTOR_VERSION: string;
const VERSION = typeof CAPDOCTOR_VERSION === 'string' ? CAPDOCTOR_VERSION : '0.0.0-dev';

/**
 * What a standard stream's file descriptor is, found without creating Node's stream for it (creating one
 * loads Node's stream modules, and for a pipe its socket modules: milliseconds at every start): a file
 * or /dev/null, a device that may be a terminal, or something else (a pipe, a socket).
 */
function streamKind(fd: number): 'file' | 'device' | 'other' {
  try {
    const stats = fstatSync(fd);
    if (stats.isFile()) return 'file';
    if (!stats.isCharacterDevice()) return 'other';
    return stats.rdev === statSync('/dev/null').rdev ? 'file' : 'device';
  } catch {
    return 'other';
  }
}

let stdoutKind: ReturnType<typeof streamKind> | undefined;

// A standard output that is not a terminal may be non-blocking (another program set it so, or Node's own
// stream did): a write that finds a pipe full then waits this long before it tries again.
const WAIT_MS = 2;
let wait: Int32Array | undefined;
/** The reader of standard output has gone (`| head`): the rest of the report is dropped. */
let stdoutGone = false;

/**
 * Writes to standard output: through process.stdout to a terminal (and to a pipe on Windows); with
 * fs.writeSync to anything else (a file, /dev/null, a pipe, a socket). Node's stream would queue what a
 * pipe cannot take yet, and a report of tens of megabytes to a slower reader then sat in memory; writing
 * synchronously waits for the reader instead. A reader that goes away ends the writing, not the run: the
 * exit code stays the lint's.
 */
function writeStdout(data: string | Uint8Array): void {
  stdoutKind ??= streamKind(1);
  // On Windows a pipe's handle may be open for overlapped I/O, which a plain synchronous write must not use.
  if (stdoutKind === 'device' || (stdoutKind === 'other' && process.platform === 'win32')) {
    process.stdout.write(data);
    return;
  }
  if (stdoutGone) return;
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(1, bytes, done, bytes.length - done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        wait ??= new Int32Array(new SharedArrayBuffer(4));
        Atomics.wait(wait, 0, 0, WAIT_MS);
      } else if (code === 'EPIPE') {
        stdoutGone = true;
        return;
      } else throw error;
    }
  }
}

function colorDefault(): boolean {
  const env = process.env;
  if ('NO_COLOR' in env && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0';
  stdoutKind ??= streamKind(1);
  return stdoutKind === 'device' && Boolean(process.stdout.isTTY) && env.TERM !== 'dumb';
}

/** Whether standard input is a terminal, asked only by a command given no paths. */
function stdinIsTTY(): boolean {
  return Boolean(process.stdin.isTTY);
}

/** Standard error for the progress line, which is drawn on terminals only: nothing when it cannot be one. */
function terminalStderr(): ProgressStream | undefined {
  return streamKind(2) === 'device' ? process.stderr : undefined;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Repeatable options start empty; set here rather than as commander defaults, which help shows as "(default: [])". */
const REPEATABLE = ['target', 'rule', 'manifest'];

function addLint(program: Command): void {
  program
    .command('lint')
    .description('check manifests, Helm values and compose files for capability mistakes')
    .argument('[paths...]', 'files, folders (searched for .yaml, .yml, .json) or - for standard input')
    .option(
      '-t, --target <target>',
      'runtime to check for, e.g. docker@18.06, containerd@1.7+runc@1.1, or current, legacy, all (repeatable; default: the runtimes supported today)',
      collect,
    )
    .addOption(
      new Option(
        '--pss <level>',
        'also report what a Pod Security level refuses (default: spelling mistakes only)',
      ).choices(['baseline', 'restricted']),
    )
    .addOption(
      new Option('-o, --output <format>', 'output format')
        .choices(['text', 'json', 'sarif', 'github', 'junit', 'gitlab'])
        .default('text'),
    )
    .option('--output-file <file>', 'write the report to a file instead of standard output')
    .option('-c, --config <file>', 'configuration file (default: .capdoctor.yaml found upwards)')
    .option('--no-config', 'ignore configuration files')
    .option('--rule <id=severity>', 'set a rule to off, info, warning or error (repeatable)', collect)
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-q, --quiet', 'report errors only')
    .option('-v, --verbose', 'text output: explain each finding and every target’s outcome')
    .option('--stdin-filename <name>', 'name to report for standard input')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (paths: string[], options) => {
      const { runLint } = await import('./commands/lint.js');
      const color = options.color === undefined ? colorDefault() : Boolean(options.color);
      process.exitCode = await runLint(
        paths,
        { ...options, color },
        {
          cwd: process.cwd(),
          stdout: writeStdout,
          stdoutBytes: writeStdout,
          get stdinIsTTY() {
            return stdinIsTTY();
          },
          readStdin,
          version: VERSION,
          progress: terminalStderr(),
        },
      );
    });
}

function addFix(program: Command): void {
  program
    .command('fix')
    .description('rewrite capability mistakes in place, keeping comments and formatting')
    .argument(
      '[paths...]',
      'files, folders (searched for .yaml, .yml, .json) or - (fixed text goes to standard output)',
    )
    .option('-t, --target <target>', 'runtime the fixes must not make worse, e.g. docker@18.06 (repeatable)', collect)
    .option('--rule <id>', 'apply only this rule’s fixes (repeatable)', collect)
    .option('--dry-run', 'print a unified diff and write nothing')
    .option('--unsafe', 'also apply suggestions, which change what a container is granted')
    .option('--force', 'also fix read-only files, and write in place files with hard links or another owner')
    .addOption(new Option('-o, --output <format>', 'report format').choices(['text', 'json', 'github']).default('text'))
    .option('-c, --config <file>', 'configuration file (default: .capdoctor.yaml found upwards)')
    .option('--no-config', 'ignore configuration files')
    .option('--stdin-filename <name>', 'name to report for standard input')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (paths: string[], options) => {
      const { runFix } = await import('./commands/fix.js');
      const color = options.color === undefined ? colorDefault() : Boolean(options.color);
      process.exitCode = runFix(
        paths,
        { ...options, color },
        {
          cwd: process.cwd(),
          stdout: writeStdout,
          stderr: (text) => process.stderr.write(text),
          get stdinIsTTY() {
            return stdinIsTTY();
          },
          readStdin,
          version: VERSION,
        },
      );
    });
}

function addDiagnose(program: Command): void {
  program
    .command('diagnose')
    .description('find the root cause of a capability failure in logs, events and kubectl output, or in a cluster')
    .argument(
      '[inputs...]',
      'log files, folders (read recursively) or - for standard input (.gz is decompressed); pod/NAME, deploy/NAME, sts/NAME, ds/NAME, job/NAME, cronjob/NAME to ask the cluster; a folder written by --save',
    )
    .option('--manifest <path>', 'manifest file or folder to point the fix at (repeatable)', collect)
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-v, --verbose', 'text output: the whole explanation of each cause')
    .option('--stdin-filename <name>', 'name to report for standard input')
    .option('--failing', 'diagnose every pod whose containers are failing, one story per workload')
    .option('-n, --namespace <namespace>', 'namespace of pod/NAME, deploy/NAME, … (default: the context’s)')
    .option('-A, --all-namespaces', 'with --failing: every namespace')
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG, ~/.kube/config, in-cluster)')
    .option('--context <name>', 'kubeconfig context (default: the current one)')
    .option('--save <dir>', 'also write what was collected to this folder, for `capdoctor diagnose DIR` later')
    .option('--request-timeout <seconds>', 'wait this long for each answer from the API server (default 30)')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (inputs: string[], options) => {
      const color = options.color === undefined ? colorDefault() : Boolean(options.color);
      const { isSavedBundle, wantsCluster } = await import('./commands/diagnose-route.js');
      const io = {
        stdout: writeStdout,
        stderr: (text: string) => process.stderr.write(text),
      };
      if (wantsCluster(inputs, options.failing)) {
        const { runLiveDiagnose } = await import('./commands/diagnose-live.js');
        process.exitCode = await runLiveDiagnose(inputs, { ...options, color }, io);
        return;
      }
      if (options.failing === undefined && inputs.length === 1 && isSavedBundle(inputs[0] as string)) {
        const { runSavedDiagnose } = await import('./commands/diagnose-live.js');
        process.exitCode = await runSavedDiagnose(inputs[0] as string, { ...options, color }, io);
        return;
      }
      const { diagnoseCommand } = await import('./commands/diagnose.js');
      process.exitCode = await diagnoseCommand(inputs, { ...options, color });
    });
}

function addScan(program: Command): void {
  program
    .command('scan')
    .description('check every workload of a cluster against the runtimes of the nodes it runs on')
    .option('-A, --all-namespaces', 'every namespace')
    .option('-n, --namespace <namespace>', 'this namespace (default: the context’s)')
    .option('-l, --selector <selector>', 'only workloads and pods with these labels, e.g. app=web')
    .option('--kubeconfig <file>', 'kubeconfig file (default: $KUBECONFIG, ~/.kube/config, in-cluster)')
    .option('--context <name>', 'kubeconfig context (default: the current one)')
    .option(
      '--from <file>',
      'read `kubectl get ns,nodes,pods,deploy,sts,ds,rs,job,cronjob -A -o json` output (- for stdin)',
    )
    .option('--request-timeout <seconds>', 'wait this long for each answer from the API server (default 30)')
    .addOption(
      new Option(
        '--pss <level>',
        'check every workload at this Pod Security level (default: each namespace’s pod-security.kubernetes.io labels)',
      ).choices(['baseline', 'restricted']),
    )
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--output-file <file>', 'write the report to a file instead of standard output')
    .option('--rule <id=severity>', 'set a rule to off, info, warning or error (repeatable)', collect)
    .option('-q, --quiet', 'report errors only')
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (options) => {
      const { runScan } = await import('./commands/scan.js');
      const color = options.color === undefined ? colorDefault() : Boolean(options.color);
      process.exitCode = await runScan(
        { ...options, color },
        {
          stdout: writeStdout,
          stderr: (text) => process.stderr.write(text),
          readStdin,
          version: VERSION,
        },
      );
    });
}

function addExplain(program: Command): void {
  program
    .command('explain')
    .description('show, per container and target, the user, capabilities and needs of the process as it will run')
    .argument('[paths...]', 'files, folders (searched for .yaml, .yml, .json) or - for standard input')
    .option(
      '-t, --target <target>',
      'runtime to explain for, e.g. containerd@1.6, docker@18.06 (repeatable; default: the built-in matrix)',
      collect,
    )
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--color', 'force colour output')
    .option('--no-color', 'disable colour output')
    .action(async (paths: string[], options) => {
      const { runExplain } = await import('./commands/explain.js');
      const color = options.color === undefined ? colorDefault() : Boolean(options.color);
      process.exitCode = runExplain(
        paths,
        { target: options.target, output: options.output, color },
        {
          stdout: writeStdout,
          get stdinIsTTY() {
            return stdinIsTTY();
          },
          readStdin,
        },
      );
    });
}

function addWebhook(program: Command): void {
  const webhook = program
    .command('webhook')
    .description('serve an admission webhook that warns, refuses or repairs at kubectl apply time')
    .option('--tls-cert-file <file>', 'serving certificate (PEM), re-read when it changes')
    .option('--tls-private-key-file <file>', 'its private key (PEM)')
    .option('--port <port>', 'HTTPS port', '8443')
    .option('--host <address>', 'address to listen on (default: every address, IPv6 and IPv4)')
    .option('-t, --target <target>', 'runtime of the cluster’s nodes, e.g. containerd@1.7 (repeatable)', collect, [])
    .option('--discover-nodes', 'check for the runtimes of the cluster’s nodes, listed with the pod’s service account')
    .option('--node-refresh <seconds>', 'how often the nodes are listed again', '300')
    .option('--kubeconfig <file>', 'with --discover-nodes outside a cluster: the kubeconfig to use')
    .option('--context <name>', 'with --kubeconfig: the context to use')
    .addOption(
      new Option('--mode <mode>', 'warn, or refuse workloads with errors').choices(['warn', 'enforce']).default('warn'),
    )
    .option('--mutate', 'on /mutate, patch the safe fixes (CAP_ prefix, case, duplicates)')
    .option(
      '-c, --config <file>',
      'configuration file (.capdoctor.yaml format; none by default), re-read when it changes',
    )
    .option('--rule <id=severity>', 'set a rule to off, info, warning or error (repeatable)', collect)
    .addOption(
      new Option('--pss <level>', 'also warn about what a Pod Security level refuses').choices([
        'baseline',
        'restricted',
      ]),
    )
    .option('--config-check-interval <seconds>', 'how often the configuration file is checked', '10')
    .option('--cert-check-interval <seconds>', 'how often the certificate files are checked', '10')
    .option('--drain-delay <seconds>', 'after SIGTERM, how long to keep serving while not ready', '5')
    .action(async (options) => {
      // A file of its own in the bundle: no other command loads the server or its dependencies.
      const { runWebhook, WebhookUsageError } = await (await import('./load-webhook.js')).loadWebhook();
      try {
        process.exitCode = await runWebhook(options);
      } catch (error) {
        if (error instanceof WebhookUsageError) throw new UsageError(error.message);
        throw error;
      }
    });

  webhook
    .command('certs')
    .description('write a CA and a serving certificate for the webhook’s Service (without cert-manager)')
    .option('--service <name>', 'the webhook’s Service name')
    .option('--namespace <ns>', 'its namespace')
    .option('--out <dir>', 'folder for ca.crt, ca.key, tls.crt, tls.key')
    .option('--days <n>', 'validity in days', '365')
    .action(async (options) => {
      const { runCerts, WebhookUsageError } = await (await import('./load-webhook.js')).loadWebhook();
      try {
        process.exitCode = runCerts(options, writeStdout);
      } catch (error) {
        if (error instanceof WebhookUsageError) throw new UsageError(error.message);
        throw error;
      }
    });
}

function addTargets(program: Command): void {
  program
    .command('targets')
    .description('list the runtimes, versions and facts that --target accepts')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const { targetsText } = await import('./commands/info.js');
      writeStdout(targetsText(Boolean(options.json)));
    });
}

function addRules(program: Command): void {
  program
    .command('rules')
    .description('list the rules')
    .option('--json', 'machine-readable output')
    .action(async (options: { json?: boolean }) => {
      const { rulesText } = await import('./commands/info.js');
      writeStdout(rulesText(Boolean(options.json)));
    });
}

/** Each command, in the order help lists them, with what registers it. */
const COMMANDS: Readonly<Record<string, (program: Command) => void>> = {
  lint: addLint,
  fix: addFix,
  diagnose: addDiagnose,
  scan: addScan,
  explain: addExplain,
  webhook: addWebhook,
  targets: addTargets,
  rules: addRules,
};

/**
 * The program, with every command or with `only` (a command name): a run that names its command
 * registers just that one, since each command costs its options' objects at every start.
 */
export function buildProgram(only?: string): Command {
  const program = new Command('capdoctor')
    .description('Finds, explains and fixes Linux-capability mistakes in container workloads.')
    // -v is --verbose, as in most linters; the version is -V.
    .version(VERSION, '-V, --version')
    .showSuggestionAfterError()
    .exitOverride()
    .hook('preAction', (_, command) => {
      for (const option of command.options) {
        const name = option.attributeName();
        if (REPEATABLE.includes(name) && command.getOptionValue(name) === undefined) command.setOptionValue(name, []);
      }
    });

  for (const [name, add] of Object.entries(COMMANDS)) if (only === undefined || name === only) add(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // argv is node's: the command, when there is one, comes right after the script. Anything else (no
  // command, an option first, `help`, a misspelt name) gets every command, for help and suggestions.
  const named = argv[2];
  const program = buildProgram(named !== undefined && Object.hasOwn(COMMANDS, named) ? named : undefined);
  try {
    // Async so that commands can load their modules lazily.
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; commander has already printed its own usage messages.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`capdoctor: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`capdoctor: internal error: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  }
}
