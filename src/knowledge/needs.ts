// What processes in a container need from the kernel, and how the pieces around them behave: PAM
// session openers and pam_limits, resource limits, memory locking (Elasticsearch, Vault), common
// commands that need a capability, and what reaches a non-root process. Facts only, each with its
// sources; `uncertain` says what has not been verified, `measured` what was observed on real runtimes.

export interface Facts {
  citations: readonly string[];
  uncertain?: readonly string[];
  measured?: readonly string[];
}

/* ------------------------------------------------------------------------------------------------ */
/* Raising resource limits                                                                          */
/* ------------------------------------------------------------------------------------------------ */

/** setrlimit(2): only CAP_SYS_RESOURCE in the initial user namespace may raise a hard limit. */
export const RAISE_HARD_LIMIT = {
  capability: 'SYS_RESOURCE',
  rule: 'raising a hard resource limit above its current value needs CAP_SYS_RESOURCE in the initial user namespace; without it setrlimit(2) fails with EPERM',
  citations: [
    'man7.org: getrlimit(2) (setrlimit, "A privileged process … CAP_SYS_RESOURCE capability in the initial user namespace")',
    'torvalds/linux@v6.6:kernel/sys.c do_prlimit (capable(CAP_SYS_RESOURCE))',
  ],
  /** A pod with its own user namespace holds capabilities only inside it. */
  userNamespace:
    'in a pod with its own user namespace (hostUsers: false) SYS_RESOURCE is namespaced and cannot raise a hard limit',
  measured: [
    'runc with a user namespace (uid 0 → 100000) and CAP_SYS_RESOURCE in the container: raising memlock still failed with EPERM (Debian 12, runc 1.1.5)',
  ],
} as const;

export type LimitUnit = 'KiB' | 'count';

export interface RlimitFacts {
  /** Item name in limits.conf. */
  item: string;
  /** The `ulimit` option letter. */
  flag: string;
  /** How bash names it in `ulimit -a` and its errors. */
  label: string;
  resource: string;
  unit: LimitUnit;
  /**
   * The hard limit a container usually starts with: at least `low`; values above `high` exceed it on
   * every setup known here. Absent when it depends on too much to say.
   */
  containerHard?: { low: number; high: number; text: string; short: string } & Facts;
}

export const RLIMITS: readonly RlimitFacts[] = [
  {
    item: 'memlock',
    label: 'max locked memory',
    flag: 'l',
    resource: 'RLIMIT_MEMLOCK',
    unit: 'KiB',
    containerHard: {
      low: 64,
      high: 65536,
      short: '64 KiB to 64 MiB, inherited from the container runtime',
      text: 'a container inherits the memlock limit of the container engine, which none of Docker, containerd or CRI-O raises by default: 64 KiB (the kernel default before Linux 5.16) to 8 MiB (from 5.16), 64 MiB seen on Ubuntu nodes',
      citations: [
        'torvalds/linux commit 9dcc38e2813e (Linux 5.16): include/uapi/linux/resource.h MLOCK_LIMIT raised to 8 MiB',
        'containerd/containerd#6741 (ulimit -l 65536 in a container on Ubuntu)',
      ],
      measured: [
        '`ulimit -l` was 8192 (KiB) in containers of runc 1.1.5, crun 1.8.1, Docker 20.10.24, containerd 1.6.20 and Podman 4.3.1: inherited from the engine; neither docker.service nor containerd.service sets LimitMEMLOCK',
      ],
      uncertain: ['a node whose runtime runs with LimitMEMLOCK=infinity hands that to its containers'],
    },
  },
  {
    item: 'nofile',
    label: 'open files',
    flag: 'n',
    resource: 'RLIMIT_NOFILE',
    unit: 'count',
    containerHard: {
      low: 524288,
      high: 1073741816,
      short: '524288 to 1048576 or more, inherited from the container runtime',
      text: 'a container inherits the open-files limit of the container engine: 1048576 where its unit sets LimitNOFILE=1048576 or infinity (Docker before 25, containerd 1.x, CRI-O), 524288 (the systemd 240+ default) where it sets none (Docker 25+, containerd 2.0+)',
      citations: [
        'containerd/containerd PR #8924',
        'moby/moby PR #45534',
        'containerd/containerd#3201',
        'containerd/containerd PR #9660 (CRI-O unit: LimitNOFILE=1048576)',
      ],
      uncertain: ['distributions patch these units; the node decides'],
    },
  },
  { item: 'nproc', label: 'max user processes', flag: 'u', resource: 'RLIMIT_NPROC', unit: 'count' },
  { item: 'core', label: 'core file size', flag: 'c', resource: 'RLIMIT_CORE', unit: 'KiB' },
  { item: 'stack', label: 'stack size', flag: 's', resource: 'RLIMIT_STACK', unit: 'KiB' },
  { item: 'data', label: 'data seg size', flag: 'd', resource: 'RLIMIT_DATA', unit: 'KiB' },
  { item: 'fsize', label: 'file size', flag: 'f', resource: 'RLIMIT_FSIZE', unit: 'KiB' },
  { item: 'as', label: 'virtual memory', flag: 'v', resource: 'RLIMIT_AS', unit: 'KiB' },
  { item: 'rss', label: 'max memory size', flag: 'm', resource: 'RLIMIT_RSS', unit: 'KiB' },
  { item: 'cpu', label: 'cpu time', flag: 't', resource: 'RLIMIT_CPU', unit: 'count' },
  { item: 'locks', label: 'file locks', flag: 'x', resource: 'RLIMIT_LOCKS', unit: 'count' },
  { item: 'sigpending', label: 'pending signals', flag: 'i', resource: 'RLIMIT_SIGPENDING', unit: 'count' },
  { item: 'msgqueue', label: 'POSIX message queues', flag: 'q', resource: 'RLIMIT_MSGQUEUE', unit: 'count' },
  { item: 'rtprio', label: 'real-time priority', flag: 'r', resource: 'RLIMIT_RTPRIO', unit: 'count' },
];

export const RLIMIT_BY_ITEM: ReadonlyMap<string, RlimitFacts> = new Map(RLIMITS.map((r) => [r.item, r]));
export const RLIMIT_BY_FLAG: ReadonlyMap<string, RlimitFacts> = new Map(RLIMITS.map((r) => [r.flag, r]));

/** `above`: exceeds the container's hard limit everywhere known; `maybe`: depends on the node; `within`. */
export type RaiseVerdict = 'above' | 'maybe' | 'within' | 'unknown';

/** Whether setting a hard limit to `value` (`unlimited` or a number in the item's unit) is a raise. */
export function classifyRaise(facts: RlimitFacts, value: number | 'unlimited'): RaiseVerdict {
  const hard = facts.containerHard;
  if (!hard) return 'unknown';
  if (value === 'unlimited') return facts.item === 'memlock' ? 'above' : 'maybe';
  if (value > hard.high) return 'above';
  if (value > hard.low) return 'maybe';
  return 'within';
}

/** Kubernetes has no per-container resource-limit field; the node's runtime decides them. */
export const NO_ULIMIT_FIELD = {
  text: 'Kubernetes has no field for a container’s resource limits (ulimits); they come from the node’s container runtime',
  citations: ['kubernetes/kubernetes#3595', 'kubernetes/enhancements PR #5762 (KEP-5758, not yet an API)'],
} as const;

/* ------------------------------------------------------------------------------------------------ */
/* PAM                                                                                              */
/* ------------------------------------------------------------------------------------------------ */

export interface SessionOpener extends Facts {
  command: string;
  /** PAM service files it reads (the session stack there decides whether pam_limits runs). */
  services: readonly string[];
  /** What the command prints when a session module fails. */
  failure: string;
}

const DEBIAN_PAM_FILES = 'Debian 12 /etc/pam.d/su and /etc/pam.d/runuser: `session required pam_limits.so` (inspected)';

export const SESSION_OPENERS: Readonly<Record<string, SessionOpener>> = {
  su: {
    command: 'su',
    services: ['su', 'su-l'],
    failure: 'su: cannot open session: Permission denied',
    citations: ['util-linux@v2.38:login-utils/su-common.c (pam_open_session)', DEBIAN_PAM_FILES],
    uncertain: ['BusyBox su (Alpine) is built without PAM and runs no session modules'],
  },
  runuser: {
    command: 'runuser',
    services: ['runuser', 'runuser-l'],
    failure: 'runuser: cannot open session: Permission denied',
    citations: [
      'util-linux@v2.38:login-utils/su-common.c (runuser shares su’s code, without authentication)',
      DEBIAN_PAM_FILES,
    ],
  },
  sudo: {
    command: 'sudo',
    services: ['sudo'],
    failure: 'sudo: pam_open_session: Permission denied',
    citations: ['sudo-project/sudo:plugins/sudoers/auth/pam.c (sudo_pam_begin_session)'],
    uncertain: ['whether /etc/pam.d/sudo runs pam_limits depends on the image'],
  },
  login: {
    command: 'login',
    services: ['login'],
    failure: 'login: cannot open session: Permission denied',
    citations: ['util-linux@v2.38:login-utils/login.c (pam_open_session)'],
    uncertain: ['whether /etc/pam.d/login runs pam_limits depends on the image'],
  },
};

/** Commands that switch the user without PAM, so no pam_limits. */
export const NON_PAM_SWITCHES = {
  commands: ['gosu', 'su-exec', 'setpriv', 'chroot --userspec', 's6-setuidgid', 'chpst -u'],
  citations: [
    'tianon/gosu:README.md',
    'ncopa/su-exec:README.md',
    'man7.org: setpriv(1)',
    'GNU coreutils: chroot(1) --userspec',
  ],
} as const;

/** How pam_limits reacts when it cannot apply a limit: upstream refuses the session, Debian only logs. */
export const PAM_LIMITS = {
  upstream: {
    text: 'upstream Linux-PAM’s pam_limits refuses the session when setrlimit fails, so the command exits with "cannot open session: Permission denied"',
    citations: ['linux-pam/linux-pam@v1.5.2:modules/pam_limits/pam_limits.c (setup_limits, pam_sm_open_session)'],
  },
  debian: {
    text: 'Debian’s patched pam_limits only logs the failure (at debug level) and opens the session with the limit unchanged',
    citations: ['Debian pam 1.5.2-6+deb12u1: debian/patches 032_pam_limits_EPERM_NOT_FATAL'],
    uncertain: ['Ubuntu imports Debian’s PAM packaging and probably behaves the same; not measured'],
  },
  /** A `soft` value above the hard limit is clamped to it and does not fail. */
  softClamped: 'a soft-only value above the hard limit is lowered to the hard limit and does not fail',
  measured: [
    'Debian 12 container without SYS_RESOURCE, `* soft memlock unlimited` + `* hard memlock unlimited`, `runuser -u elasticsearch`: upstream pam_limits (Linux-PAM 1.5.2) → `runuser: cannot open session: Permission denied`, exit 1; Debian’s → session opens, memlock stays 8192 KiB',
    'the same with `su -l`, `su` and `runuser -l`; a soft-only `unlimited`, or a hard value not above the current one, passed',
  ],
  citations: [
    'linux-pam/linux-pam@v1.5.2:modules/pam_limits/pam_limits.c',
    'Debian pam 1.5.2-6+deb12u1: debian/patches 032_pam_limits_EPERM_NOT_FATAL',
    'man7.org: limits.conf(5)',
  ],
} as const;

/** Where pam_limits reads its configuration. */
export const LIMITS_FILES = {
  main: '/etc/security/limits.conf',
  dir: '/etc/security/limits.d/',
  /** Only files ending in `.conf` in limits.d are read. */
  dirSuffix: '.conf',
  citations: ['man7.org: limits.conf(5)', 'man7.org: pam_limits(8)'],
} as const;

/** `ulimit` without -S or -H sets both limits in bash, dash and BusyBox ash. */
export const ULIMIT_FACTS = {
  bothByDefault: 'without -S or -H, `ulimit` sets both the soft and the hard limit',
  /** `{label}`: the resource as bash names it. */
  failure: {
    bash: 'ulimit: {label}: cannot modify limit: Operation not permitted',
    dash: 'ulimit: error setting limit (Operation not permitted)',
  },
  citations: [
    'bminor/bash@bash-5.2:builtins/ulimit.def ("cannot modify limit")',
    'dash: src/miscbltin.c ulimitcmd ("error setting limit")',
    'GNU Bash manual: ulimit builtin ("If neither -H nor -S is specified, both the soft and hard limits are set")',
    'man7.org: dash(1) ulimit',
  ],
} as const;

/* ------------------------------------------------------------------------------------------------ */
/* Locking memory                                                                                   */
/* ------------------------------------------------------------------------------------------------ */

export const MLOCK = {
  rule: 'mlockall(2) locks no more than RLIMIT_MEMLOCK allows unless the process has CAP_IPC_LOCK in its effective set',
  citations: ['man7.org: mlock(2) (EPERM, ENOMEM; CAP_IPC_LOCK)', 'man7.org: getrlimit(2) RLIMIT_MEMLOCK'],
  measured: [
    'mlockall(MCL_CURRENT) of a 33 MB process with memlock 8 MiB: ENOMEM for root without IPC_LOCK and for uid 65534; OK for root with IPC_LOCK and for uid 65534 with ambient IPC_LOCK',
    '`docker run --user 65534 --cap-add IPC_LOCK`: CapEff 0, mlockall of 33 MB → ENOMEM (Docker 20.10.24)',
  ],
} as const;

export const ELASTICSEARCH = {
  setting: 'bootstrap.memory_lock',
  /** Elasticsearch 1.x to 2.x. */
  legacySetting: 'bootstrap.mlockall',
  /** Environment form of a setting in the official image from 8.x on. */
  envSetting: 'ES_SETTING_BOOTSTRAP_MEMORY__LOCK',
  checkFailure: 'memory locking requested for elasticsearch process but memory is not locked',
  refusesRoot:
    'Elasticsearch refuses to run as root ("can not run elasticsearch as root"), so IPC_LOCK never reaches it',
  bootstrapChecks:
    'bootstrap checks stop the node when it binds a non-loopback address (network.host, as the official image sets), unless discovery.type is single-node',
  alternative:
    'leave bootstrap.memory_lock off: the kubelet refuses to run with swap on by default, and ECK does not set it; Elastic’s chart maintainers recommend disabling swap instead',
  citations: [
    'https://www.elastic.co/guide/en/elasticsearch/reference/7.17/setup-configuration-memory.html',
    'https://www.elastic.co/guide/en/elasticsearch/reference/7.17/bootstrap-checks.html',
    'https://www.elastic.co/guide/en/elasticsearch/reference/7.17/docker.html (--ulimit memlock=-1:-1)',
    'elastic/cloud-on-k8s#2149 (ECK leaves memory_lock off: the kubelet runs without swap)',
    'elastic/helm-charts#7 (maintainers: disable swap rather than lock memory)',
    'elastic/elasticsearch#75609',
  ],
} as const;

export const VAULT = {
  setting: 'disable_mlock',
  defaultLocks: 'Vault locks its memory with mlock unless disable_mlock is true',
  failure:
    'Error initializing core: Failed to lock memory: cannot allocate memory … Please enable mlock on your system or disable Vault from using it',
  fileCapability:
    'the official image’s entrypoint gives the vault binary the IPC_LOCK file capability (setcap) unless SKIP_SETCAP is set, then runs it as the vault user',
  citations: [
    'https://developer.hashicorp.com/vault/docs/configuration#disable_mlock',
    'hashicorp/docker-vault:0.X/docker-entrypoint.sh (setcap cap_ipc_lock=+ep, su-exec vault)',
  ],
  uncertain: ['Vault’s configuration may come from files the manifest does not show; mlock is assumed on'],
} as const;

/* ------------------------------------------------------------------------------------------------ */
/* Non-root processes                                                                               */
/* ------------------------------------------------------------------------------------------------ */

export const NON_ROOT = {
  short: 'Kubernetes sets no ambient capabilities',
  noAmbient:
    'Kubernetes sets no ambient capabilities and today’s runtimes empty the ambient set, so a process that is not uid 0 starts with empty effective and permitted sets: capabilities.add only widens its bounding set',
  /** The exceptions: old runtimes that filled the ambient set themselves. */
  runtimeAmbient:
    'CRI-O 1.0–1.9.11 and 1.10.0 (the added and the default capabilities) and containerd 1.1.0 (the added ones) also put capabilities in the ambient set, so there a process that is not uid 0 holds them',
  fileCaps:
    'only file capabilities on the executed binary (setcap) can bring a capability back, up to the bounding set; the manifest cannot show them',
  /** `+ei` file capabilities need the process's inheritable set; `+ep` works everywhere. */
  inheritable:
    'a file capability must be in the file’s permitted set (setcap …+ep); `+ei` works only where the runtime also fills the inheritable set: Docker up to 20.10.13 and containerd before 1.5.11 and 1.6.2 (CVE-2022-24769); CRI-O dropped it in 1.24 and later made it a setting (add_inheritable_capabilities)',
  noNewPrivs:
    'allowPrivilegeEscalation: false sets no_new_privs: an execve may then grant no capability the process did not already hold, so file capabilities work only on the container’s first executable, and only where the runtime puts the added capabilities in that process’s permitted set (containerd and CRI-O do; Docker 18.04–23.0.6 and 24.0.0–24.0.5 write only the bounding set for a non-root user, Docker up to 18.03 and from 23.0.7, 24.0.6 and 25.0 all three sets)',
  userSwitch:
    'switching from root to another user (su, runuser, gosu, su-exec, setpriv, chroot --userspec) clears the effective, permitted and ambient sets unless the tool passes ambient capabilities (setpriv --ambient-caps)',
  scriptsIgnoreFileCaps: 'file capabilities on a script are ignored: the kernel runs its interpreter, which has none',
  citations: [
    'man7.org: capabilities(7) (transformation of capabilities during execve; file capabilities; ambient set)',
    'man7.org: prctl(2) PR_SET_NO_NEW_PRIVS',
    'torvalds/linux@v6.6:security/commoncap.c cap_bprm_creds_from_file',
    'kubernetes/enhancements:keps/sig-security/2763-ambient-capabilities (provisional, not implemented)',
    'kubernetes/kubernetes#56374',
    'kubernetes/kubernetes:pkg/kubelet/kuberuntime/security_context.go convertToRuntimeCapabilities (add and drop only)',
    'containerd/containerd:pkg/oci/spec_opts.go WithAddedCapabilities (bounding, effective, permitted)',
    'containerd/cri commit 73d3ea18 (ambient set emptied; first in containerd 1.1.1)',
    'cri-o/cri-o commit 18b8d90299 (ambient set emptied in 1.11.0; backported to 1.10.1 and 1.9.12)',
    'cri-o/cri-o@v1.0.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go AddProcessCapability (also Ambient)',
    'moby/moby commit 15ff09395c (PR #36587, first in v18.04.0-ce): non-root gets the bounding set only',
    'moby/moby commit 3aef732e61 (PR #45511, first in v25.0.0; PR #46222 in v23.0.7, PR #46221 in v24.0.6): effective and permitted restored',
    'moby/moby@v20.10.14:oci/oci.go SetCapabilities (inheritable no longer set, CVE-2022-24769)',
    'containerd/containerd@v1.5.11:oci/spec.go, @v1.6.2:oci/spec.go (inheritable no longer set)',
    'cri-o/cri-o commit 3e9d772571 (inheritable dropped, first in v1.24.0); commit 9070d982df (add_inheritable_capabilities, first in v1.26.0)',
    'kubernetes/ingress-nginx#7445 (file capability ignored behind dumb-init with no_new_privs)',
    'dunglas/mercure PR #1230',
  ],
  uncertain: [
    'CRI-O’s inheritable set in the 1.22 and 1.23 patch releases (dropped, then restored) was not traced release by release',
  ],
} as const;

/** runAsNonRoot: the kubelet refuses to start a container whose user is 0 (or a name it cannot check). */
export const RUN_AS_NON_ROOT = {
  text: 'with runAsNonRoot: true the kubelet starts the container only if its user is not 0',
  citations: ['kubernetes/kubernetes:pkg/kubelet/kuberuntime/security_context_others.go verifyRunAsNonRoot'],
} as const;

/* ------------------------------------------------------------------------------------------------ */
/* Common commands                                                                                  */
/* ------------------------------------------------------------------------------------------------ */

export interface CommandNeed extends Facts {
  /** Program names (basename) that show the need. */
  programs: readonly string[];
  /** Subcommands that change state; absent: every use needs it. */
  changing?: { position: 'first' | 'second'; words: readonly string[] };
  capability: string;
  /** Why the capability is needed, in a few words. */
  why: string;
  /** A way to do without the capability, when there is one. */
  alternative?: string;
  /** Needed, but not always enough (seccomp, AppArmor). */
  notEnough?: string;
  /** The need is plausible, not certain (alternatives exist that the manifest cannot show). */
  soft?: boolean;
  /**
   * Only raising a priority needs it; how the arguments say so: `nice` (a negative adjustment),
   * `renice` (a negative value), `chrt` (a real-time policy), `ionice` (the real-time class, `-c 1`),
   * `chronyd` (`-P` with a priority above 0).
   */
  raises?: 'nice' | 'renice' | 'chrt' | 'ionice' | 'chronyd';
  /** What happens without the capability, when it does not stop the command. */
  consequence?: string;
}

const CAPABILITIES_MAN = 'man7.org: capabilities(7)';

export const COMMAND_NEEDS: readonly CommandNeed[] = [
  {
    programs: ['ping', 'ping6'],
    capability: 'NET_RAW',
    why: 'ping opens a raw ICMP socket',
    alternative:
      'the net.ipv4.ping_group_range sysctl lets it use an ICMP datagram socket instead (safe since Kubernetes 1.18; Docker 20.10+ and containerd 2.0+ set it for pods)',
    soft: true,
    citations: [
      CAPABILITIES_MAN,
      'man7.org: icmp(7) ping_group_range',
      'moby/moby PR #41030',
      'containerd/containerd PR #9348',
    ],
  },
  {
    programs: [
      'iptables',
      'ip6tables',
      'iptables-restore',
      'ip6tables-restore',
      'iptables-save',
      'ip6tables-save',
      'iptables-legacy',
      'iptables-nft',
      'nft',
      'ebtables',
      'arptables',
      'ipset',
    ],
    capability: 'NET_ADMIN',
    why: 'reading or changing netfilter rules needs it',
    citations: [CAPABILITIES_MAN, 'netfilter: iptables(8) ("can\'t initialize iptables table: Permission denied")'],
  },
  {
    programs: ['ip'],
    changing: {
      position: 'second',
      words: ['add', 'del', 'delete', 'set', 'change', 'replace', 'flush', 'append', 'prepend'],
    },
    capability: 'NET_ADMIN',
    why: 'changing links, addresses, routes or rules needs it',
    citations: [CAPABILITIES_MAN, 'man7.org: ip(8)'],
  },
  {
    programs: ['tc'],
    changing: { position: 'second', words: ['add', 'del', 'delete', 'change', 'replace', 'link'] },
    capability: 'NET_ADMIN',
    why: 'changing traffic control needs it',
    citations: [CAPABILITIES_MAN, 'man7.org: tc(8)'],
  },
  {
    programs: ['chown', 'chgrp'],
    capability: 'CHOWN',
    why: 'changing the owner of a file needs it',
    citations: ['man7.org: chown(2) (EPERM without CAP_CHOWN)', CAPABILITIES_MAN],
  },
  {
    programs: ['chroot'],
    capability: 'SYS_CHROOT',
    why: 'chroot(2) needs it',
    citations: [
      'man7.org: chroot(2)',
      'cri-o/cri-o commit 63b9f4ec98 (SYS_CHROOT left the defaults in 1.18)',
      "elastic/cloud-on-k8s#4334 (chroot: cannot change root directory to '/': Operation not permitted)",
    ],
  },
  {
    programs: ['nice'],
    raises: 'nice',
    capability: 'SYS_NICE',
    why: 'a negative adjustment raises the priority, which needs it (containers start with RLIMIT_NICE at 0)',
    consequence:
      'GNU nice prints `nice: cannot set niceness: Permission denied` and runs the command at normal priority',
    soft: true,
    citations: [
      'man7.org: setpriority(2) (lowering a nice value needs CAP_SYS_NICE or RLIMIT_NICE)',
      'man7.org: nice(1)',
      'coreutils: src/nice.c (a permission error only warns; the command still runs)',
    ],
  },
  {
    programs: ['renice'],
    raises: 'renice',
    capability: 'SYS_NICE',
    why: 'a negative priority raises it, which needs it',
    citations: [
      'man7.org: setpriority(2) (lowering a nice value needs CAP_SYS_NICE or RLIMIT_NICE)',
      'man7.org: renice(1)',
    ],
  },
  {
    programs: ['chrt'],
    raises: 'chrt',
    capability: 'SYS_NICE',
    why: 'a real-time policy (SCHED_FIFO, SCHED_RR) needs it unless RLIMIT_RTPRIO allows the priority, which containers start at 0',
    citations: [
      'man7.org: sched_setscheduler(2) (EPERM)',
      'man7.org: sched(7) (privileges and resource limits)',
      'man7.org: chrt(1)',
    ],
  },
  {
    programs: ['ionice'],
    raises: 'ionice',
    capability: 'SYS_NICE',
    why: 'the real-time I/O class needs it (or SYS_ADMIN)',
    citations: [
      'man7.org: ioprio_set(2)',
      'torvalds/linux:block/ioprio.c ioprio_check_cap (IOPRIO_CLASS_RT: CAP_SYS_ADMIN or CAP_SYS_NICE; commit 94c4b4fd25e6)',
      'man7.org: ionice(1)',
    ],
  },
  {
    programs: ['chronyd'],
    raises: 'chronyd',
    capability: 'SYS_NICE',
    why: '-P selects the SCHED_FIFO real-time policy, which needs it',
    consequence: 'chronyd logs that it could not set the scheduler and keeps running at normal priority',
    soft: true,
    citations: [
      'chrony: doc/chronyd.adoc (-P priority: SCHED_FIFO on Linux)',
      'man7.org: sched_setscheduler(2) (EPERM)',
    ],
    uncertain: ['that chronyd keeps running after the failure is read from its documentation, not measured'],
  },
  {
    programs: ['mount'],
    capability: 'SYS_ADMIN',
    why: 'mount(2) needs it',
    notEnough:
      'the runtime’s default seccomp and AppArmor profiles may still refuse mount(2); that usually means privileged or an unconfined profile',
    citations: ['man7.org: mount(2)', 'moby/moby:profiles/seccomp/default.json (mount gated on CAP_SYS_ADMIN)'],
  },
];

/** Switching to another user calls setuid(2), setgid(2) and setgroups(2). */
export const SWITCH_NEEDS = {
  capabilities: ['SETUID', 'SETGID'],
  why: 'switching to another user calls setgroups, setgid and setuid',
  failure:
    'gosu then fails with `failed switching to "<user>": operation not permitted`, su-exec with `setgroups: Operation not permitted`, su and runuser with `cannot set groups: Operation not permitted`',
  citations: [
    'man7.org: setuid(2)',
    'man7.org: setgid(2)',
    'man7.org: setgroups(2)',
    'man7.org: capabilities(7)',
    'tianon/gosu:setup-user.go, main.go ("failed switching to")',
    'ncopa/su-exec:su-exec.c (setgroups)',
    'util-linux@v2.38:login-utils/su-common.c ("cannot set groups")',
  ],
  uncertain: ['the failure texts are read from the tools’ sources, not measured'],
} as const;

/** Binding a port below 1024 (or below ip_unprivileged_port_start). */
export const LOW_PORT = {
  capability: 'NET_BIND_SERVICE',
  limit: 1024,
  sysctl: 'net.ipv4.ip_unprivileged_port_start',
  text: 'binding a port below 1024 needs NET_BIND_SERVICE unless net.ipv4.ip_unprivileged_port_start is at or below the port',
  citations: [
    'man7.org: capabilities(7) CAP_NET_BIND_SERVICE',
    'kernel.org: Documentation/networking/ip-sysctl.rst ip_unprivileged_port_start',
    'kubernetes/kubernetes#102612',
  ],
  uncertain: ['containerPort is informational: the process may listen elsewhere'],
} as const;

/** What `privileged: true` gives besides the capabilities. */
export const PRIVILEGED = {
  grants:
    'every capability, access to all host devices, a writable /proc/sys and /sys, and no seccomp or AppArmor confinement',
  citations: [
    'https://kubernetes.io/docs/concepts/security/pod-security-standards/ (Privileged Pods disable most security mechanisms)',
    'moby/moby@v20.10.0:daemon/oci_linux.go WithDevices, WithCapabilities (privileged)',
    'containerd/containerd@v1.6.0:pkg/cri/server/container_create_linux.go (WithPrivileged, WithHostDevices)',
  ],
} as const;
