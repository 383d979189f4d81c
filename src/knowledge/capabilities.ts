/**
 * Linux capabilities as Kubernetes names them (no CAP_ prefix), with bit numbers, the kernel release that added each
 * one, a risk class and the reach of its effect.
 */

export type RiskClass = 'low' | 'medium' | 'high' | 'near-root';

export interface CapabilityInfo {
  /** Bit number in the kernel's capability sets. */
  readonly number: number;
  /** Name as Kubernetes expects it: upper case, no CAP_ prefix, e.g. 'SYS_RESOURCE'. */
  readonly name: string;
  /** Linux release that introduced it, e.g. '2.2', '2.6.24', '5.8'. */
  readonly kernel: string;
  /** One line: what the capability allows. */
  readonly summary: string;
  readonly risk: RiskClass;
  /** Whether its effect stays inside the container's namespaces or reaches the host. One of: 'container', 'network-namespace' (namespaced unless hostNetwork), 'host', 'host-escape'. */
  readonly scope: 'container' | 'network-namespace' | 'host' | 'host-escape';
  /** For risk 'near-root' and 'high': one line on why it is dangerous (what an attacker can do). Omit otherwise. */
  readonly why?: string;
}

/** Where the numbers and kernel versions come from. */
export const CAPABILITY_SOURCES: readonly string[] = [
  'torvalds/linux:include/uapi/linux/capability.h',
  'capabilities(7) man page (man7.org)',
];

/*
 * Ordered by bit number, 0..40 (CAP_LAST_CAP upstream is CHECKPOINT_RESTORE).
 *
 * Kernel gating is only a heuristic: enterprise kernels (e.g. RHEL 8's 4.18) may backport newer capabilities, so a
 * version older than `kernel` does not prove the capability is missing.
 *
 * CAP_SYS_CONTROL (41), seen in a BPF CI tree (kernel-patches/bpf), is a patch under review and not upstream; it is
 * deliberately absent and must be treated as unknown/proposed.
 */
export const CAPABILITIES: readonly CapabilityInfo[] = [
  {
    number: 0,
    name: 'CHOWN',
    kernel: '2.2',
    summary: 'Change the owning user or group of any file, whoever owns it now.',
    risk: 'low',
    scope: 'container',
  },
  {
    number: 1,
    name: 'DAC_OVERRIDE',
    kernel: '2.2',
    summary: 'Read, write and execute files and directories in spite of their permission bits.',
    risk: 'medium',
    scope: 'container',
  },
  {
    number: 2,
    name: 'DAC_READ_SEARCH',
    kernel: '2.2',
    summary: 'Skip read checks on files and read/search checks on directories; permits open_by_handle_at(2).',
    risk: 'near-root',
    scope: 'host-escape',
    why: "open_by_handle_at lets a container open host files by handle (the 'shocker' breakout).",
  },
  {
    number: 3,
    name: 'FOWNER',
    kernel: '2.2',
    summary: 'Act as file owner where the kernel demands it: chmod, utimes, ACLs, xattrs, sticky-dir deletes.',
    risk: 'low',
    scope: 'container',
  },
  {
    number: 4,
    name: 'FSETID',
    kernel: '2.2',
    summary: 'Keep setuid/setgid bits when a file changes; set setgid for a group the process lacks.',
    risk: 'low',
    scope: 'container',
  },
  {
    number: 5,
    name: 'KILL',
    kernel: '2.2',
    summary: "Signal processes that belong to other users (within the pod's PID namespace unless hostPID).",
    risk: 'low',
    scope: 'container',
  },
  {
    number: 6,
    name: 'SETGID',
    kernel: '2.2',
    summary: 'Switch to any group ID or supplementary groups, fake GIDs over Unix sockets, write gid_map.',
    risk: 'low',
    scope: 'container',
  },
  {
    number: 7,
    name: 'SETUID',
    kernel: '2.2',
    summary: 'Switch to any user ID, fake UIDs over Unix sockets, write uid_map.',
    risk: 'low',
    scope: 'container',
  },
  {
    number: 8,
    name: 'SETPCAP',
    kernel: '2.2',
    summary: 'Move bounding-set capabilities into the inheritable set, shrink the bounding set, set securebits.',
    risk: 'medium',
    scope: 'container',
  },
  {
    number: 9,
    name: 'LINUX_IMMUTABLE',
    kernel: '2.2',
    summary: 'Set or remove the immutable and append-only file attributes (chattr +i / +a).',
    risk: 'medium',
    scope: 'container',
  },
  {
    number: 10,
    name: 'NET_BIND_SERVICE',
    kernel: '2.2',
    summary: 'Bind to ports below 1024 (or below net.ipv4.ip_unprivileged_port_start).',
    risk: 'low',
    scope: 'container',
  },
  {
    number: 11,
    name: 'NET_BROADCAST',
    kernel: '2.2',
    summary: 'Meant for broadcast sockets and multicast listening; the kernel hardly checks it any more.',
    risk: 'low',
    scope: 'container',
  },
  {
    number: 12,
    name: 'NET_ADMIN',
    kernel: '2.2',
    summary: 'Configure networking: interfaces, addresses, routes, iptables/nftables, traffic control, TUN/TAP.',
    risk: 'near-root',
    scope: 'network-namespace',
    why: "With hostNetwork it rewrites the node's routes and firewall; otherwise it can hijack the pod's traffic.",
  },
  {
    number: 13,
    name: 'NET_RAW',
    kernel: '2.2',
    summary: 'Open raw and packet sockets, and bind to foreign addresses for transparent proxies.',
    risk: 'medium',
    scope: 'network-namespace',
  },
  {
    number: 14,
    name: 'IPC_LOCK',
    kernel: '2.2',
    summary: 'Pin memory in RAM (mlock, mlockall, MAP_LOCKED, SHM_LOCK) past RLIMIT_MEMLOCK.',
    risk: 'high',
    scope: 'container',
    why: 'Unbounded locked memory cannot be swapped or reclaimed, so it can exhaust the memory of the node.',
  },
  {
    number: 15,
    name: 'IPC_OWNER',
    kernel: '2.2',
    summary: 'Ignore permissions on System V message queues, semaphores and shared-memory segments.',
    risk: 'high',
    scope: 'container',
    why: 'Lets a process read or tamper with any System V IPC object it can reach, e.g. shared memory of others.',
  },
  {
    number: 16,
    name: 'SYS_MODULE',
    kernel: '2.2',
    summary: 'Insert and remove kernel modules; change the usermode-helper capability bounding set.',
    risk: 'near-root',
    scope: 'host',
    why: 'Loading a module runs attacker code inside the host kernel: a full node takeover.',
  },
  {
    number: 17,
    name: 'SYS_RAWIO',
    kernel: '2.2',
    summary: 'Raw hardware access: iopl/ioperm, /dev/mem and /dev/kmem, raw SCSI commands, MSRs, FIBMAP.',
    risk: 'near-root',
    scope: 'host',
    why: 'Direct access to physical memory, I/O ports and devices lets it read or patch the host kernel.',
  },
  {
    number: 18,
    name: 'SYS_CHROOT',
    kernel: '2.2',
    summary: 'Call chroot(2) and switch mount namespace with setns(2).',
    risk: 'low',
    scope: 'container',
  },
  {
    number: 19,
    name: 'SYS_PTRACE',
    kernel: '2.2',
    summary: "Trace any process with ptrace(2) and read other processes' memory (process_vm_readv, kcmp).",
    risk: 'near-root',
    scope: 'container',
    why: 'Can inject code into and steal secrets from other processes; with hostPID that includes host processes.',
  },
  {
    number: 20,
    name: 'SYS_PACCT',
    kernel: '2.2',
    summary: 'Switch BSD process accounting on or off with acct(2).',
    risk: 'high',
    scope: 'host',
    why: 'Accounting is node-wide: it can hide activity from records or fill a disk with accounting data.',
  },
  {
    number: 21,
    name: 'SYS_ADMIN',
    kernel: '2.2',
    summary: 'Catch-all admin rights: mounts, namespaces, hostname, swap, quotas, keyctl, many ioctls, and more.',
    risk: 'near-root',
    scope: 'host-escape',
    why: "The 'new root': mounts and cgroup/namespace tricks give well-known container escapes.",
  },
  {
    number: 22,
    name: 'SYS_BOOT',
    kernel: '2.2',
    summary: 'Reboot the machine and load a replacement kernel with kexec_load(2).',
    risk: 'near-root',
    scope: 'host',
    why: 'It can reboot the node at will or kexec into a kernel the attacker supplies.',
  },
  {
    number: 23,
    name: 'SYS_NICE',
    kernel: '2.2',
    summary: 'Raise priority, use real-time scheduling, set CPU affinity and I/O class of others, move pages.',
    risk: 'high',
    scope: 'host',
    why: 'Real-time or top-priority threads can starve every other workload on the node.',
  },
  {
    number: 24,
    name: 'SYS_RESOURCE',
    kernel: '2.2',
    summary: 'Raise rlimits past the hard limit, bypass quotas and reserved space, lower oom_score_adj freely.',
    risk: 'high',
    scope: 'container',
    why: 'Removes the per-process limits that stop one workload from exhausting node resources.',
  },
  {
    number: 25,
    name: 'SYS_TIME',
    kernel: '2.2',
    summary: 'Set the system clock (settimeofday, clock_settime, adjtimex) and the hardware real-time clock.',
    risk: 'high',
    scope: 'host',
    why: 'The realtime clock is not namespaced: changing it skews the whole node (TLS, logs, tokens).',
  },
  {
    number: 26,
    name: 'SYS_TTY_CONFIG',
    kernel: '2.2',
    summary: 'Call vhangup(2) and use privileged ioctls on virtual consoles.',
    risk: 'high',
    scope: 'host',
    why: "Can hang up or reconfigure the host's virtual terminals.",
  },
  {
    number: 27,
    name: 'MKNOD',
    kernel: '2.4',
    summary: 'Create device nodes and other special files with mknod(2).',
    risk: 'low',
    scope: 'container',
  },
  {
    number: 28,
    name: 'LEASE',
    kernel: '2.4',
    summary: "Place leases (fcntl F_SETLEASE) on files the process doesn't own.",
    risk: 'medium',
    scope: 'container',
  },
  {
    number: 29,
    name: 'AUDIT_WRITE',
    kernel: '2.6.11',
    summary: "Append records to the kernel's audit log over netlink.",
    risk: 'low',
    scope: 'host',
  },
  {
    number: 30,
    name: 'AUDIT_CONTROL',
    kernel: '2.6.11',
    summary: 'Turn kernel auditing on or off, edit audit rules and query audit status.',
    risk: 'high',
    scope: 'host',
    why: "Can switch off or rewrite the node's audit trail to hide an attack.",
  },
  {
    number: 31,
    name: 'SETFCAP',
    kernel: '2.6.24',
    summary: 'Put any capabilities on files (setcap); from 5.12 also needed to map uid 0 in a new user namespace.',
    risk: 'medium',
    scope: 'container',
  },
  {
    number: 32,
    name: 'MAC_OVERRIDE',
    kernel: '2.6.25',
    summary: 'Bypass mandatory access control checks (only Smack honours it).',
    risk: 'near-root',
    scope: 'host',
    why: 'Defeats the mandatory access control policy that is meant to confine the container.',
  },
  {
    number: 33,
    name: 'MAC_ADMIN',
    kernel: '2.6.25',
    summary: 'Change mandatory access control policy or state (Smack; AppArmor policy loads check it too).',
    risk: 'near-root',
    scope: 'host',
    why: 'Can load or change LSM policy for the whole node, including the profile that confines itself.',
  },
  {
    number: 34,
    name: 'SYSLOG',
    kernel: '2.6.37',
    summary: 'Privileged syslog(2): read or clear the kernel log buffer; see kernel pointers when kptr_restrict=1.',
    risk: 'high',
    scope: 'host',
    why: 'Leaked kernel addresses defeat KASLR and make kernel exploits much easier.',
  },
  {
    number: 35,
    name: 'WAKE_ALARM',
    kernel: '3.0',
    summary: 'Arm timers that wake a suspended machine (CLOCK_REALTIME_ALARM, CLOCK_BOOTTIME_ALARM).',
    risk: 'medium',
    scope: 'host',
  },
  {
    number: 36,
    name: 'BLOCK_SUSPEND',
    kernel: '3.5',
    summary: 'Prevent the system from suspending (EPOLLWAKEUP, /proc/sys/wake_lock).',
    risk: 'medium',
    scope: 'host',
  },
  {
    number: 37,
    name: 'AUDIT_READ',
    kernel: '3.16',
    summary: 'Receive audit events through a multicast netlink socket.',
    risk: 'high',
    scope: 'host',
    why: "Exposes the node's whole audit stream, including other tenants' activity.",
  },
  {
    number: 38,
    name: 'PERFMON',
    kernel: '5.8',
    summary: 'Privileged performance monitoring (perf_event_open and related) without needing SYS_ADMIN.',
    risk: 'near-root',
    scope: 'host',
    why: 'System-wide perf and tracing can observe every process on the node and leak kernel data.',
  },
  {
    number: 39,
    name: 'BPF',
    kernel: '5.8',
    summary: 'Privileged BPF: all map types, BTF loading, advanced verifier features, reading program code.',
    risk: 'near-root',
    scope: 'host',
    why: 'With PERFMON or NET_ADMIN it loads kernel BPF programs that can spy on or alter the whole node.',
  },
  {
    number: 40,
    name: 'CHECKPOINT_RESTORE',
    kernel: '5.9',
    summary: 'Checkpoint/restore aids: pick PIDs (clone3 set_tid, ns_last_pid), read map_files, reset /proc/pid/exe.',
    risk: 'high',
    scope: 'container',
    why: "Can forge PIDs and rewrite a process's exe link, confusing tools that trust them.",
  },
];

/** Lookup by canonical name ('SYS_RESOURCE'). */
export const CAPABILITY_BY_NAME: ReadonlyMap<string, CapabilityInfo> = new Map(
  CAPABILITIES.map((cap) => [cap.name, cap]),
);

/** Highest capability number known upstream (CHECKPOINT_RESTORE = 40). */
export const LAST_CAPABILITY: number = 40;

/** Parses a kernel release string such as '5.15.0-1051-azure', '3.10.0-1160.el7.x86_64' or '5.8' into [major, minor, patch]; undefined if it does not start with digits. */
export function parseKernelVersion(text: string): [number, number, number] | undefined {
  const match = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(text.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2] ?? 0), Number(match[3] ?? 0)];
}

/** True when a capability introduced in `since` (e.g. '2.6.24') exists in kernel `kernel` (same format). */
export function kernelHasCapability(cap: CapabilityInfo, kernel: [number, number, number]): boolean {
  const since = parseKernelVersion(cap.kernel);
  if (!since) return true;
  for (let i = 0; i < 3; i++) {
    const have = kernel[i] ?? 0;
    const need = since[i] ?? 0;
    if (have !== need) return have > need;
  }
  return true;
}
