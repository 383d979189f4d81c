// The capability model of operations: which kernel operation needs which capability, and how a
// refused one reads in a program's output. An EPERM line that shows a recognisable operation is a
// medium-confidence cause even when no signature of a particular program knows the line: the
// operation, not the program, says which capability was missing.
//
// Sources: capabilities(7) (man-pages 6.9, the list under each capability), and the kernel check
// that returns the error, named as file and function at v6.6. The raw-socket check in inet_create
// was read in the source; the other places are named after the same reading of capabilities(7)
// and the function that performs the check.
import type { Signature } from './types.js';

const CAPABILITIES_7 = 'https://man7.org/linux/man-pages/man7/capabilities.7.html';

export interface Operation {
  id: string;
  /** What the program tried, as a noun phrase (`opening a raw or packet socket`). */
  what: string;
  capability: string;
  /** Other capabilities the same refusal can stand for. */
  also?: readonly string[];
  /** The system call, or its family. */
  syscall: string;
  /** Where the kernel performs the check. */
  kernel: string;
  /** Literal substrings a refused line carries (at least one). */
  keywords: readonly string[];
  /** Lines that show this operation refused; each carries one of the keywords. */
  patterns: readonly RegExp[];
  examples: readonly string[];
  uncertain?: string;
  /** The lint rule of the manifest mistake, when it is not the plain missing capability. */
  rule?: string;
}

export const OPERATIONS: readonly Operation[] = [
  {
    id: 'raw-socket',
    what: 'opening a raw or packet socket',
    capability: 'NET_RAW',
    syscall: 'socket(AF_INET/AF_INET6, SOCK_RAW), socket(AF_PACKET)',
    kernel: 'torvalds/linux@v6.6:net/ipv4/af_inet.c inet_create; net/packet/af_packet.c packet_create',
    keywords: [
      'raw device',
      'raw socket',
      'ip4:icmp',
      'ip6:ipv6-icmp',
      'to capture on that device',
      'SOCK_RAW',
      'AF_PACKET',
    ],
    patterns: [
      /Unable to open raw (?:device|socket):? \[?Operation not permitted/i,
      /raw socket.*(?:Operation not permitted|EPERM)/i,
      /listen ip[46]:(?:icmp|ipv6-icmp) \S+: socket: operation not permitted/i,
      /You don't have permission to (?:perform this )?capture on that device/,
      /socket\((?:AF_INET6?|PF_INET6?|AF_PACKET|PF_PACKET),[^)]*\).*(?:Operation not permitted|EPERM)/,
    ],
    examples: [
      '[ERROR] Unable to open raw device: [Operation not permitted]',
      'listen ip4:icmp 0.0.0.0: socket: operation not permitted',
      "tcpdump: eth0: You don't have permission to capture on that device",
    ],
  },
  {
    id: 'rtnetlink-change',
    what: 'changing interfaces, addresses or routes over rtnetlink',
    capability: 'NET_ADMIN',
    syscall: 'sendmsg(NETLINK_ROUTE) with RTM_NEW*/RTM_DEL*/RTM_SET*',
    kernel: 'torvalds/linux@v6.6:net/core/rtnetlink.c rtnetlink_rcv_msg (netlink_net_capable CAP_NET_ADMIN)',
    keywords: ['Netlink', 'netlink'],
    patterns: [
      /[Nn]etlink(?: error)?:? (?:error: )?Operation not permitted(?:\(1\))?,? type=(?:RTM_(?:NEW|DEL|SET)\w*)?\(?\d*\)?/,
      /netlink: (?:RTM_(?:NEW|DEL|SET)\w*|sendmsg)[^:]*: (?:operation not permitted|EPERM)/i,
    ],
    examples: [
      'Netlink: error: Operation not permitted(1), type=RTM_NEWADDR(20), seq=1563327313, pid=0',
      'Netlink: error: Operation not permitted, type=(20), seq=1474249733, pid=0',
    ],
  },
  {
    id: 'socket-mark',
    what: 'setting a firewall mark on a socket (SO_MARK)',
    capability: 'NET_ADMIN',
    syscall: 'setsockopt(SOL_SOCKET, SO_MARK)',
    kernel: 'torvalds/linux@v6.6:net/core/sock.c sk_setsockopt SO_MARK (CAP_NET_ADMIN, or CAP_NET_RAW since 5.17)',
    keywords: ['SO_MARK', 'fwmark'],
    patterns: [
      /(?:set|setting) SO_MARK.*operation not permitted/i,
      /SO_MARK.*EPERM/,
      /fwmark.*Operation not permitted/i,
    ],
    examples: ['v2ray.com/core/transport/internet: failed to set SO_MARK > operation not permitted'],
  },
  {
    id: 'bind-low-port',
    what: 'binding a port below 1024',
    capability: 'NET_BIND_SERVICE',
    syscall: 'bind() to a port below net.ipv4.ip_unprivileged_port_start',
    kernel: 'torvalds/linux@v6.6:net/ipv4/af_inet.c __inet_bind (inet_port_requires_bind_service)',
    keywords: ['listening socket for port', 'bind'],
    patterns: [
      /failed to create listening socket for port (?<port>\d{1,4}): Permission denied/,
      /\bbind(?:\(\))?(?: to)? [^:]*:(?<port>\d{1,4})[^0-9].*(?:Permission denied|EACCES)/,
    ],
    examples: ['dnsmasq: failed to create listening socket for port 53: Permission denied'],
  },
  {
    id: 'sethostname',
    what: 'changing the host name',
    capability: 'SYS_ADMIN',
    syscall: 'sethostname(2), setdomainname(2)',
    kernel: 'torvalds/linux@v6.6:kernel/sys.c sethostname (ns_capable CAP_SYS_ADMIN)',
    keywords: ['host name', 'sethostname'],
    patterns: [/you must be root to change the host name/, /sethostname.*(?:Operation not permitted|EPERM)/],
    examples: ['hostname: you must be root to change the host name'],
  },
  {
    id: 'syslog-read',
    what: 'reading the kernel log',
    capability: 'SYSLOG',
    also: ['SYS_ADMIN'],
    syscall: 'syslog(2) / klogctl (dmesg), with kernel.dmesg_restrict or the runtime’s seccomp profile',
    kernel: 'torvalds/linux@v6.6:kernel/printk/printk.c check_syslog_permissions',
    keywords: ['kernel buffer', 'klogctl'],
    patterns: [/read kernel buffer failed: Operation not permitted/, /klogctl.*Operation not permitted/],
    examples: ['dmesg: read kernel buffer failed: Operation not permitted'],
  },
  {
    id: 'mknod',
    what: 'creating a device node',
    capability: 'MKNOD',
    syscall: 'mknod(2) of a character or block device',
    kernel: 'torvalds/linux@v6.6:fs/namei.c vfs_mknod',
    keywords: ['mknod'],
    patterns: [/mknod(?: -m \d+)?:? \S+: Operation not permitted/, /mknod\([^)]*\).*(?:Operation not permitted|EPERM)/],
    examples: ['mknod: /dev/net/tun: Operation not permitted'],
    uncertain:
      'The device cgroup also answers EPERM for a device the container may not create; MKNOD alone may not be enough.',
  },
  {
    id: 'setuid-setgid',
    what: 'changing the user or group ids',
    capability: 'SETUID',
    also: ['SETGID'],
    syscall: 'setuid/setresuid/setgid/setgroups(2)',
    kernel:
      'torvalds/linux@v6.6:kernel/sys.c __sys_setresuid (ns_capable_setid CAP_SETUID); kernel/groups.c may_setgroups',
    keywords: ['setgroups', 'setuid', 'setresuid', 'setgid', 'setresgid', 'set groups'],
    patterns: [
      /\bset(?:res)?uid(?:\([^)]*\))?: Operation not permitted/,
      /\bset(?:res)?gid(?:\([^)]*\))?: Operation not permitted/,
      /\bsetgroups(?:\([^)]*\))?: Operation not permitted/,
      /cannot set groups: Operation not permitted/,
    ],
    examples: ['su: cannot set groups: Operation not permitted', 'setgroups: Operation not permitted'],
  },
  {
    id: 'kill-other-user',
    what: 'signalling a process of another user',
    capability: 'KILL',
    syscall: 'kill(2)',
    kernel: 'torvalds/linux@v6.6:kernel/signal.c kill_ok_by_cred',
    keywords: ['kill'],
    patterns: [/\bkill: (?:\(\d+\) - |\d+: )Operation not permitted/],
    examples: ['kill: (1234) - Operation not permitted'],
  },
  {
    id: 'setns',
    what: 'entering another namespace',
    capability: 'SYS_ADMIN',
    syscall: 'setns(2), unshare(2)',
    kernel: 'torvalds/linux@v6.6:kernel/nsproxy.c validate_nsset / the namespace install functions',
    keywords: ['reassociate to namespace', 'unshare', 'setns'],
    patterns: [
      /reassociate to namespaces? failed: Operation not permitted/,
      /\bunshare(?: failed)?: Operation not permitted/,
      /\bsetns(?:\([^)]*\))?(?: failed)?: Operation not permitted/,
    ],
    examples: [
      'nsenter: reassociate to namespaces failed: Operation not permitted',
      'unshare failed: Operation not permitted',
    ],
    uncertain: 'unshare of a user namespace needs no capability; seccomp profiles also block unshare and setns.',
  },
  {
    id: 'mount',
    what: 'mounting a file system',
    capability: 'SYS_ADMIN',
    syscall: 'mount(2), umount(2), pivot_root(2)',
    kernel: 'torvalds/linux@v6.6:fs/namespace.c may_mount (ns_capable CAP_SYS_ADMIN)',
    keywords: ['mount'],
    patterns: [
      /\b(?:u?mount|pivot_root)\((?:[^)]*)\)(?: failed)?:? .*(?:Operation not permitted|EPERM)/,
      /\bmount (?:\S+ )?(?:on|to) \S+: operation not permitted/i,
    ],
    examples: [
      'mount("proc", "/proc", "proc", 0, NULL) failed: Operation not permitted',
      'mount proc to /proc: operation not permitted',
    ],
    uncertain: 'AppArmor and seccomp profiles deny mount even with the capability; a denial in the input says which.',
  },
  {
    id: 'set-clock',
    what: 'setting or adjusting the system clock',
    capability: 'SYS_TIME',
    syscall: 'settimeofday(2), clock_settime(2), adjtimex(2)',
    kernel: 'torvalds/linux@v6.6:kernel/time/time.c do_sys_settimeofday64 (security_settime64 → cap_settime)',
    keywords: ['settimeofday', 'clock_settime', 'adjtimex', 'clock_adjtime'],
    patterns: [/\b(?:settimeofday|clock_settime|clock_adjtime|adjtimex)\b.*(?:operation not permitted|EPERM)/i],
    examples: ['clock_adjtime(CLOCK_REALTIME): EPERM'],
  },
  {
    id: 'raise-rlimit',
    what: 'raising a hard resource limit',
    capability: 'SYS_RESOURCE',
    rule: 'ulimit-needs-sys-resource',
    syscall: 'setrlimit(2), prlimit(2)',
    kernel: 'torvalds/linux@v6.6:kernel/sys.c do_prlimit (capable CAP_SYS_RESOURCE)',
    keywords: ['rlimit', 'prlimit'],
    patterns: [/\b(?:set|p)rlimit(?:64)?\b.*(?:operation not permitted|EPERM)/i],
    examples: ['prlimit64(0, RLIMIT_NOFILE, {rlim_cur=1048576, rlim_max=1048576}, NULL) = -1 EPERM'],
  },
  {
    id: 'ptrace',
    what: 'tracing another process',
    capability: 'SYS_PTRACE',
    syscall: 'ptrace(2), process_vm_readv(2)',
    kernel: 'torvalds/linux@v6.6:kernel/ptrace.c __ptrace_may_access',
    keywords: ['ptrace', 'process_vm_readv'],
    patterns: [/\b(?:ptrace|process_vm_readv)\b.*(?:operation not permitted|EPERM)/i],
    examples: ['process_vm_readv: operation not permitted'],
  },
  {
    id: 'chown',
    what: 'changing the owner of a file',
    capability: 'CHOWN',
    syscall: 'chown(2), fchown(2), lchown(2)',
    kernel: 'torvalds/linux@v6.6:fs/attr.c chown_ok (capable_wrt_inode_uidgid CAP_CHOWN)',
    keywords: ['chown'],
    patterns: [
      /\b[lf]?chown(?:at)? \S+: operation not permitted/i,
      /\b[lf]?chown(?:at)?\([^)]*\).*(?:Operation not permitted|EPERM)/,
    ],
    examples: ['lchown /var/lib/data: operation not permitted'],
  },
  {
    id: 'chroot',
    what: 'changing the root directory',
    capability: 'SYS_CHROOT',
    syscall: 'chroot(2)',
    kernel: 'torvalds/linux@v6.6:fs/open.c ksys_chroot / chroot (ns_capable CAP_SYS_CHROOT)',
    keywords: ['chroot'],
    patterns: [/\bchroot(?:\([^)]*\))? \S*:? ?operation not permitted/i],
    examples: ['chroot /var/empty: operation not permitted'],
  },
  {
    id: 'file-capability-exec',
    what: 'starting a program whose file capabilities the container may not have',
    capability: '',
    syscall: 'execve(2) of a file with the effective bit set in its file capabilities',
    kernel: 'torvalds/linux@v6.6:security/commoncap.c cap_bprm_creds_from_file ("capability-dumb" binaries)',
    keywords: ['exec user process', 'exec container process', 'Operation not permitted'],
    patterns: [
      /exec user process caused:? "?operation not permitted/i,
      /exec container process `?[^`:]*`?: Operation not permitted/,
      /^(?:-?(?:ba|z|da)?sh): (?:line \d+: )?(?:\.{0,2}\/\S+|[\w.-]+): Operation not permitted$/,
    ],
    examples: [
      'standard_init_linux.go:190: exec user process caused "operation not permitted"',
      'bash: ./elf_test: Operation not permitted',
    ],
    uncertain:
      'Which capability is read from the program’s setcap or getcap line in the input, or from a run that added one; without either the capability stays unknown.',
  },
];

export const OPERATION_BY_ID: ReadonlyMap<string, Operation> = new Map(OPERATIONS.map((o) => [o.id, o]));

/** The signature id that stands for an operation. */
export const operationSignatureId = (operation: Operation): string => `operation-${operation.id}`;

/**
 * One signature per operation: a cause `missing`, medium confidence (the capability comes from the
 * model, not from the text), and a priority below every program's own signature, which knows more.
 */
export const OPERATION_SIGNATURES: readonly Signature[] = OPERATIONS.map((operation) => {
  const signature: Signature = {
    id: operationSignatureId(operation),
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: `${operation.what} was refused`,
    component: `the kernel (${operation.syscall})`,
    versions: 'any',
    keywords: operation.keywords,
    patterns: operation.patterns,
    rule: operation.rule ?? 'cap-missing',
    confidence: 'medium',
    priority: operation.id === 'file-capability-exec' ? 42 : 40,
    summary:
      operation.capability === ''
        ? `The program could not start: its file capabilities ask for {capability}, which the container may not have.`
        : `${capitalise(operation.what)} was refused: the kernel asks for {capability} for that, and the process does not have it.`,
    need: `${operation.what} needs it`,
    meaning:
      operation.capability === ''
        ? 'A program with file capabilities and the effective bit set (setcap …+ep) must get every capability in its file set at exec; when the container’s bounding set lacks one, or no_new_privs (allowPrivilegeEscalation: false) blocks them, exec fails with EPERM before the program runs.'
        : `${capitalise(operation.what)} needs CAP_${operation.capability} (capabilities(7)); the kernel answers EPERM without it. ` +
          'Read from the operation the line shows, not from a message of this program, so the capability is a reasoned guess.',
    fix:
      operation.capability === ''
        ? 'Add the capability of the program’s setcap to the container, or remove the file capabilities from the image (setcap -r) and grant what the process needs at run time.'
        : `Add ${operation.capability} to the container’s capabilities (for a root process), or avoid the operation.`,
    citations: [CAPABILITIES_7, operation.kernel],
    examples: operation.examples,
  };
  if (operation.capability !== '') signature.capability = operation.capability;
  if (operation.also) signature.also = operation.also;
  if (operation.uncertain) signature.uncertain = operation.uncertain;
  return signature;
});

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
