// The signature knowledge base: log lines that tell why a capability-related failure happened,
// who writes them, what they mean and what to change. Facts only, each with its sources; the
// classifier (classify.ts) and the correlation (correlate.ts) use them.
//
// Patterns run on the line after escaped quotes (`\"`) and typographic quotes are made plain.
// Named groups: `name` / `names` (capability names as printed), `setting` (an rlimit, a sysctl
// key), `container`, `dir` (Add or Drop), `port`, `detail` (a part that holds several names).

import { OPERATION_SIGNATURES } from './operations.js';
import type { Interface, Signature } from './types.js';

/** Kubernetes names of the start-failure reasons, per runtime path. */
const START_FAILURE_CITATIONS = [
  'kubernetes/kubernetes#33104',
  'containerd/cri#517',
  'kubernetes/kubernetes#81280',
  'kubernetes/kubernetes@v1.13.2:pkg/kubelet/kuberuntime/kuberuntime_manager.go',
];

export const SIGNATURES: readonly Signature[] = [
  // ---- The runtime refused or ignored a capability name ---------------------------------------
  {
    id: 'docker-legacy-unknown-cap-add',
    kind: 'cause',
    cause: 'name',
    phase: 'start',
    title: 'Docker refused an added capability name at container start',
    component: 'Docker Engine (daemon/caps TweakCapabilities), also behind dockershim and cri-dockerd',
    versions: 'Docker 1.11–18.09; from 19.03 the prefix is accepted and the message changed',
    runtime: 'Docker 1.11–18.09',
    keywords: ['Unknown capability to add'],
    patterns: [/Unknown capability to add: "(?<name>[^"\s]*)"/],
    reading: 'prefixed-by-engine',
    direction: 'add',
    confidence: 'high',
    priority: 92,
    meaning:
      'Docker up to 18.09 writes "CAP_" in front of every name in the add list, whatever the name already starts ' +
      'with, and refuses to start the container when the result is not a capability it knows. A manifest entry ' +
      'spelled CAP_X becomes CAP_CAP_X; a valid name can also be unknown when the node’s kernel predates it.',
    fix: 'Write the capability without the CAP_ prefix (SYS_RESOURCE, NET_ADMIN, …), as Kubernetes expects.',
    citations: [
      'moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136',
      'moby/moby@v18.06.1-ce:daemon/start.go L154',
      'kubernetes/kubernetes#33104',
      'Jamesits/docker-ripe-atlas#5',
      'Checkmk/checkmk_kube_agent#7',
    ],
    examples: [
      'docker: Error response from daemon: linux spec capabilities: Unknown capability to add: "CAP_CAP_NET_RAW".',
      'Sep 15 19:37:07 host dockerd: time="2021-09-15T19:37:07.025393994+08:00" level=error msg="Handler for POST /v1.38/containers/21c865364925ff782dc85ab8773d12c65fcf93e7dde31f3160bad26aee3cfa21/start returned error: linux spec capabilities: Unknown capability to add: \\"CAP_CAP_SYS_RESOURCE\\""',
    ],
  },
  {
    id: 'docker-legacy-unknown-cap-drop',
    kind: 'cause',
    cause: 'name',
    phase: 'start',
    title: 'Docker refused a dropped capability name at container start',
    component: 'Docker Engine (daemon/caps TweakCapabilities)',
    versions: 'Docker 1.11–18.09',
    runtime: 'Docker 1.11–18.09',
    keywords: ['Unknown capability drop'],
    patterns: [/Unknown capability drop: "(?<name>[^"\s]*)"/],
    reading: 'as-written',
    direction: 'drop',
    confidence: 'high',
    priority: 92,
    meaning:
      'Docker up to 18.09 checks each dropped name as "CAP_" + name and refuses to start the container when that ' +
      'is not a capability. Unlike the add message, this one quotes the name as the manifest wrote it.',
    fix: 'Write the capability without the CAP_ prefix and check its spelling; ALL (any case) is accepted.',
    uncertain: 'The message text comes from the source; no public paste of it was found.',
    citations: ['moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136'],
    examples: ['linux spec capabilities: Unknown capability drop: "CAP_NET_RAW"'],
  },
  {
    id: 'docker-modern-invalid-capadd',
    kind: 'cause',
    cause: 'name',
    phase: 'create',
    title: 'Docker refused a capability name when creating the container',
    component: 'Docker Engine (daemon/container.go validateHostConfig, oci/caps NormalizeLegacyCapabilities)',
    versions: 'Docker 19.03 and later',
    runtime: 'Docker 19.03 or later',
    keywords: ['invalid Cap'],
    patterns: [/invalid Cap(?<dir>Add|Drop): unknown capability: "(?<name>[^"\s]*)"/],
    reading: 'normalized',
    confidence: 'high',
    priority: 92,
    meaning:
      'Docker 19.03 and later upper-case each name and add "CAP_" only when it is missing, so CAP_X, x and X all ' +
      'work; this error means the name is not in Docker’s list: a typo, a capability newer than the node’s kernel, ' +
      'or one that Docker 20.10 left out on purpose (PERFMON, BPF, CHECKPOINT_RESTORE).',
    fix: 'Correct the name. For a capability newer than the kernel, upgrade the kernel or drop the entry; for PERFMON, BPF and CHECKPOINT_RESTORE use Docker 23 or later.',
    citations: [
      'moby/moby@v19.03.0:oci/caps/utils.go L86-101',
      'moby/moby@v19.03.0:daemon/container.go L309-320',
      'moby/moby#41563',
      'moby/moby#42011',
      'moby/moby#42601',
      'k8snetworkplumbingwg/multi-networkpolicy-iptables#24',
      'riferrei/from-zero-to-hero-with-observability#3',
    ],
    examples: [
      'Error: Error response from daemon: invalid CapAdd: unknown capability: "CAP_SYS_NET_ADMIN"',
      'ERROR: for backend-golang  Cannot create container for service backend-golang: invalid CapAdd: unknown capability: "CAP_AUDIT_READ"',
      'docker: Error response from daemon: invalid CapDrop: unknown capability: "CAP_CAP_KILL".',
    ],
  },
  {
    id: 'runc-legacy-unknown-capability',
    kind: 'cause',
    cause: 'name',
    phase: 'start',
    title: 'runc refused a capability name in the OCI config',
    component: 'runc (libcontainer/capabilities), under containerd, Docker or CRI-O',
    versions: 'runc up to 1.0.0-rc93; from rc94 unknown names are only logged',
    runtime: 'runc ≤1.0.0-rc93',
    keywords: ['unknown capability'],
    patterns: [/unknown capability "(?<name>[^"\s]*)"(?! to add)/],
    prefixedBy: 'containerd',
    reading: 'prefixed-by-engine',
    direction: 'add',
    confidence: 'high',
    priority: 91,
    meaning:
      'runc up to 1.0.0-rc93 refused to start a container whose OCI config names a capability it does not know. ' +
      'Two common ways to get there: containerd writes "CAP_" + the manifest’s name, so CAP_X becomes CAP_CAP_X; ' +
      'or a newer engine asks for PERFMON, BPF or CHECKPOINT_RESTORE, which runc learned only in rc93.',
    fix: 'Write the capability without the CAP_ prefix; for PERFMON, BPF or CHECKPOINT_RESTORE upgrade runc (1.0.0-rc93 or later).',
    citations: [
      'opencontainers/runc@v1.0.0-rc92:libcontainer/capabilities_linux.go L33-70',
      'opencontainers/runc commit 5fb831a0f (PR #2854)',
      'utkuozdemir/pv-migrate#165',
      'moby/moby#41562',
    ],
    examples: [
      'Error: failed to create containerd task: OCI runtime create failed: container_linux.go:367: starting container process caused: unknown capability "CAP_CAP_SYS_CHROOT": unknown',
      'docker: Error response from daemon: OCI runtime create failed: container_linux.go:370: starting container process caused: unknown capability "CAP_PERFMON": unknown.',
    ],
  },
  {
    id: 'runc-modern-ignored-capabilities-warning',
    kind: 'cause',
    cause: 'name',
    phase: 'run',
    title: 'runc left out capabilities it does not know',
    component: 'runc (libcontainer/capabilities); the warning goes to runc’s log, not to kubectl',
    versions: 'runc 1.0.0-rc94 and later',
    runtime: 'runc ≥1.0.0-rc94',
    keywords: ['ignoring unknown or unavailable capabilities'],
    patterns: [/ignoring unknown or unavailable capabilities: \[(?<names>[^\]]*)\]/],
    prefixedBy: 'containerd',
    reading: 'prefixed-by-engine',
    direction: 'add',
    confidence: 'high',
    priority: 93,
    meaning:
      'Since 1.0.0-rc94 runc skips a capability it does not know, or that the kernel lacks, with this warning ' +
      'and starts the container anyway. containerd writes "CAP_" + the manifest’s name, so an entry spelled ' +
      'CAP_X arrives as CAP_CAP_X: the container runs without the capability and fails later with EPERM.',
    fix: 'Write the capability without the CAP_ prefix; then check the container’s effective set (grep Cap /proc/1/status).',
    citations: [
      'opencontainers/runc@v1.0.0:libcontainer/capabilities/capabilities.go L37-61',
      'opencontainers/runc commit 5fb831a0f (PR #2854)',
      'opencontainers/runtime-spec commit 8c363e8 (PR #1094)',
      'containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235',
    ],
    examples: [
      'time="2026-11-26T14:35:14Z" level=warning msg="ignoring unknown or unavailable capabilities: [CAP_CAP_SYS_RESOURCE]"',
      '{"level":"warning","msg":"ignoring unknown or unavailable capabilities: [CAP_CAP_SYS_RESOURCE CAP_FOO]","time":"2026-11-26T14:35:30Z"}',
    ],
  },
  {
    id: 'crun-unknown-capability',
    kind: 'cause',
    cause: 'name',
    phase: 'start',
    title: 'crun reported a capability name it does not know',
    component: 'crun (src/libcrun/linux.c), under CRI-O, Podman or containerd',
    versions: 'crun ≤0.18 and ≥1.29 fail; 0.19–1.28 only warn (visible with --debug) and leave the capability out',
    runtime: 'crun',
    keywords: ['unknown cap'],
    patterns: [
      /unknown cap: `(?<name>[^`]*)`/,
      /unknown capability `(?<name>[^`]*)`/,
      /unknown capability: `?(?<name>CAP_[A-Za-z0-9_]+)`?/,
    ],
    outcome: 'refuses the container (crun ≤0.18 and ≥1.29) or starts it without the capability (0.19–1.28)',
    prefixedBy: 'the engine in front of it',
    reading: 'prefixed-by-engine',
    direction: 'add',
    confidence: 'high',
    priority: 90,
    meaning:
      'crun looks each OCI name up with libcap. Old releases (≤0.18) and new ones (≥1.29) refuse the container; ' +
      'the releases in between print the same text as a warning and start it without the capability. An old crun ' +
      '(0.14) did not know PERFMON, which newer CRI-O asks for in privileged containers.',
    fix: 'Correct the name (no CAP_ prefix in the manifest); for a name crun is too old for, upgrade crun.',
    citations: [
      'containers/crun@0.17:src/libcrun/linux.c L2435-2436',
      'containers/crun commit 78aeac9f',
      'containers/crun commit 2e822523',
      'cri-o/cri-o#4478',
    ],
    uncertain: 'crun 1.29 failing again comes from the repository history and has not been checked on a release.',
    examples: [
      'Privileged container doesn’t start: `unknown capability: CAP_PERFMON`',
      'stderr: unknown cap: `CAP_FOO`',
    ],
  },
  {
    id: 'crio-unknown-capability-to-add',
    kind: 'cause',
    cause: 'name',
    phase: 'create',
    title: 'CRI-O refused an added capability name',
    component: 'CRI-O (internal/factory/container SpecSetupCapabilities)',
    versions: 'CRI-O 1.11.2 and later (1.11.0–1.11.1 skip the name with a warning)',
    runtime: 'CRI-O 1.11.2 or later',
    keywords: ['unknown capability'],
    patterns: [/unknown capability "(?<name>[^"\s]*)" to add/],
    reading: 'normalized',
    direction: 'add',
    confidence: 'high',
    priority: 92,
    meaning:
      'CRI-O adds "CAP_" only when the name lacks it (in any case), so CAP_X and X both work; this error means the ' +
      'name is not a capability the node’s kernel knows.',
    fix: 'Correct the capability name, or drop a capability the node’s kernel is too old for.',
    uncertain: 'The message text comes from the source; no public paste of it was found.',
    citations: [
      'cri-o/cri-o#1707',
      'cri-o/cri-o#1708 (the same change on release-1.11, first in v1.11.2)',
      'cri-o/cri-o commit d2bcd76b42',
      'cri-o/cri-o@v1.11.2:server/container_create.go L574',
      'cri-o/cri-o@v1.13.0:server/container_create.go',
    ],
    examples: ['Error: unknown capability "CAP_SYS_NET_ADMIN" to add'],
  },
  {
    id: 'crio-invalid-capability-skipped',
    kind: 'cause',
    cause: 'name',
    phase: 'run',
    title: 'CRI-O skipped an added capability name it does not know',
    component: 'CRI-O (server/container_create.go setupCapabilities); the warning goes to CRI-O’s log, not to kubectl',
    versions: 'CRI-O 1.11.0–1.11.1; 1.11.2 and later refuse the name instead',
    runtime: 'CRI-O 1.11.0–1.11.1',
    keywords: ['invalid capability "'],
    patterns: [/invalid capability "(?<name>[^"\s]+)", skipping/],
    // The warning quotes the manifest's own name; CRI-O adds "CAP_" only when it is missing.
    reading: 'normalized',
    direction: 'add',
    confidence: 'high',
    priority: 93,
    meaning:
      'CRI-O 1.11.0 and 1.11.1 check each added name against their capability list and, when it is not there, ' +
      'log this warning and go on: the container is created without the capability and fails later with EPERM. ' +
      'The name is printed as the manifest wrote it.',
    fix: 'Correct the capability name in the add list; CRI-O 1.11.2 and later refuse it outright.',
    citations: [
      'cri-o/cri-o@v1.11.0:server/container_create.go L562-572',
      'cri-o/cri-o@v1.11.1:server/container_create.go L569-570',
      'cri-o/cri-o#1707',
      'cri-o/cri-o#1708',
    ],
    uncertain: 'The message text comes from the source; no public paste of it was found.',
    examples: [
      'time="2018-07-20 10:11:12.000000000Z" level=warning msg="invalid capability \\"NET_ADMINN\\", skipping..."',
    ],
  },
  {
    id: 'crio-failed-to-drop-cap',
    kind: 'cause',
    cause: 'name',
    phase: 'create',
    title: 'CRI-O refused a dropped capability name',
    component:
      'CRI-O (setupCapabilities, today internal/factory/container SpecSetupCapabilities), through runtime-tools',
    versions: 'CRI-O 1.0.0-rc1 and later (the alpha and beta pre-releases of 1.0 only logged it)',
    runtime: 'CRI-O',
    keywords: ['failed to drop cap'],
    patterns: [
      /failed to drop cap (?<name>[A-Za-z0-9_]+):? invalid capability: CAP_[A-Za-z0-9_]+/,
      {
        // 1.0 to 1.9 build the spec with runtime-tools' host-specific generator, which also checks the kernel.
        re: /failed to drop cap (?<name>[A-Za-z0-9_]+):? CAP_[A-Za-z0-9_]+ is not supported on the current host/,
        runtime: 'CRI-O 1.0–1.9',
      },
    ],
    reading: 'normalized',
    direction: 'drop',
    confidence: 'high',
    priority: 93,
    meaning:
      'CRI-O upper-cases each dropped name, adds "CAP_" only when it is missing, and asks runtime-tools to remove ' +
      'it; runtime-tools refuses a name that is not in its capability list, and CRI-O fails the container ' +
      '(CreateContainerError). The cause is an entry of the drop list: a typo, a CAP_ prefix written twice, or a ' +
      'name CRI-O’s capability library does not know (up to 1.20 that list ends at AUDIT_READ). A drop list can ' +
      'also come from the platform: an OpenShift SecurityContextConstraints’ or PodSecurityPolicy’s ' +
      'requiredDropCapabilities is added to every container it admits.',
    fix: 'Correct or remove the entry in the drop list (the container’s securityContext.capabilities.drop, or the requiredDropCapabilities of the SCC or PodSecurityPolicy that admitted the pod).',
    citations: [
      'cri-o/cri-o@v1.0.0:server/container_create.go L729-736',
      'cri-o/cri-o@v1.11.0:server/container_create.go L586-604',
      'cri-o/cri-o@v1.36.0:internal/factory/container/container.go SpecSetupCapabilities',
      'cri-o/cri-o@v1.36.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapabilityBounding',
      'cri-o/cri-o@v1.36.0:vendor/github.com/opencontainers/runtime-tools/validate/capabilities/validate.go CapValid',
      'cri-o/cri-o commit af0a494251 (first in v1.0.0-rc1)',
      'opencontainers/runtime-tools#466 (a CRI-O drop of CAP_CAP_AUDIT_READ refused by CapValid; checks after the removal)',
      'field report on OpenShift 4 (an SCC with requiredDropCapabilities: [MCK]): Error: failed to drop cap CAP_MCK invalid capability: CAP_MCK',
    ],
    examples: [
      'Error: failed to drop cap CAP_MCK invalid capability: CAP_MCK',
      'Warning  Failed     3s (x2 over 4s)  kubelet  Error: failed to drop cap CAP_CAP_KILL invalid capability: CAP_CAP_KILL',
      'Failed to create container with error: rpc error: code = 2 desc = failed to drop cap CAP_AUDIT_READ CAP_AUDIT_READ is not supported on the current host',
    ],
  },
  {
    id: 'crio-legacy-must-start-with-cap',
    kind: 'cause',
    cause: 'name',
    phase: 'create',
    title: 'CRI-O before 1.0 wanted the CAP_ prefix',
    component: 'CRI-O (ocid) before 1.0, through runtime-tools',
    versions: 'CRI-O up to v0.3 (2017)',
    runtime: 'CRI-O before 1.0',
    keywords: ['must start with CAP_'],
    patterns: [/capability (?<name>[A-Za-z0-9_]+) must start with CAP_/],
    reading: 'as-written',
    direction: 'add',
    confidence: 'high',
    priority: 88,
    meaning:
      'Early CRI-O handed Kubernetes names to runtime-tools without adding "CAP_", and runtime-tools insisted on ' +
      'it: a correct manifest failed. This was a CRI-O bug, fixed before 1.0.',
    fix: 'Upgrade CRI-O; keep the manifest’s names without the prefix.',
    citations: ['cri-o/cri-o#491', 'cri-o/cri-o@v0.3:server/container_create.go L407'],
    examples: [
      'Failed to create container with error: rpc error: code = 2 desc = capability KILL must start with CAP_',
    ],
  },
  {
    id: 'rkt-failed-to-parse-capability',
    kind: 'cause',
    cause: 'name',
    phase: 'start',
    title: 'rkt could not parse a capability name',
    component: 'rkt stage1 (systemd-nspawn), the in-tree kubelet rkt runtime',
    versions: 'rkt 1.x with Kubernetes 1.3–1.10',
    runtime: 'rkt (rktnetes)',
    keywords: ['Failed to parse capability'],
    patterns: [/Failed to parse capability (?<name>[A-Za-z0-9_]+)/],
    reading: 'as-written',
    direction: 'add',
    confidence: 'high',
    priority: 80,
    meaning:
      'rkt passed the manifest’s names to systemd-nspawn unchanged, and nspawn needs the CAP_ prefix: the ' +
      'Kubernetes spelling failed there, the opposite of every other runtime.',
    fix: 'rkt is obsolete: move the node to a supported runtime and keep names without the CAP_ prefix.',
    citations: ['kubernetes/kubernetes#33104', 'rkt/rkt@v1.30.0:stage1/init/common/pod.go L537'],
    examples: ['rkt container startup fails with `Failed to parse capability NET_ADMIN.`'],
  },
  {
    id: 'ctr-cap-prefix-required',
    kind: 'cause',
    cause: 'name',
    phase: 'create',
    title: 'ctr wanted the CAP_ prefix',
    component: 'containerd’s ctr command (cmd/ctr/commands/run)',
    versions: 'containerd 1.x and 2.x',
    runtime: 'containerd (ctr)',
    keywords: ["must be specified with 'CAP_'"],
    patterns: [/capabilities must be specified with 'CAP_' prefix/],
    confidence: 'high',
    priority: 85,
    summary: 'ctr needs capability names with the CAP_ prefix, unlike Kubernetes, Docker and Podman.',
    meaning:
      'ctr run --cap-add and --cap-drop take kernel names (CAP_SYS_RESOURCE) and pass them to runc as written, ' +
      'unlike Kubernetes, Docker and Podman. This is ctr’s own check; the kubelet never goes through ctr.',
    fix: 'With ctr, write CAP_SYS_RESOURCE; in Kubernetes manifests keep SYS_RESOURCE.',
    citations: ['containerd/containerd@v1.6.0:cmd/ctr/commands/run/run_unix.go L219'],
    examples: ["ctr: capabilities must be specified with 'CAP_' prefix"],
  },
  {
    id: 'podman-unknown-capability',
    kind: 'cause',
    cause: 'name',
    phase: 'create',
    title: 'Podman refused a capability name',
    component: 'Podman (containers/common capabilities)',
    versions: 'Podman 4.x (containers/common 0.50)',
    runtime: 'Podman',
    keywords: [': unknown capability'],
    patterns: [/Error: "(?<name>[^"\s]+)": unknown capability/],
    reading: 'normalized',
    confidence: 'high',
    priority: 92,
    meaning:
      'Podman upper-cases each name and adds "CAP_" only when missing, so CAP_X and x work; it refuses a name ' +
      'that is still not a capability, such as a doubled prefix or a typo.',
    fix: 'Correct the capability name.',
    citations: ['containers/common@v0.50.1:pkg/capabilities/capabilities.go'],
    uncertain: 'Seen with Podman 4.3.1; other releases were not run.',
    examples: ['Error: "CAP_CAP_SYS_RESOURCE": unknown capability', 'Error: "CAP_SYS_RESOURCES": unknown capability'],
  },
  {
    id: 'containerd-cri-invalid-capability',
    kind: 'cause',
    cause: 'name',
    phase: 'create',
    title: 'containerd’s CRI plugin refused a capability name',
    component: 'containerd CRI plugin 1.1–1.2 (runtime-tools validation); CRI-O 1.0–1.10 for an added name',
    versions: 'containerd 1.1–1.2, added and dropped names; CRI-O 1.0–1.10, added names',
    runtime: 'containerd 1.1–1.2 (or CRI-O 1.0–1.10)',
    keywords: ['invalid capability'],
    patterns: [
      {
        // The CRI plugin prints the request's capability lists, which tell whether the name was added or dropped.
        re: /failed to set capabilities &Capability\{(?<detail>[^}]*)\}: invalid capability: (?<name>CAP_[A-Za-z0-9_]+)/,
        runtime: 'containerd 1.1–1.2',
      },
      // CRI-O's own drop message says "failed to drop cap" (crio-failed-to-drop-cap).
      /(?<!failed to drop cap [A-Za-z0-9_]+:? )invalid capability: (?<name>CAP_[A-Za-z0-9_]+)/,
    ],
    reading: 'prefixed-by-engine',
    direction: 'add',
    confidence: 'high',
    priority: 90,
    meaning:
      'containerd 1.1–1.2 wrote "CAP_" + each name of the add and the drop list and let runtime-tools check it ' +
      'when building the spec, so CAP_X became CAP_CAP_X and the container was refused (CreateContainerError); ' +
      'a misspelled name fails the same way. A drop is checked too, after the removal, so drop: [CAP_KILL] fails ' +
      'as surely as add: [CAP_KILL].',
    fix: 'Write the capability without the CAP_ prefix, in add and in drop.',
    citations: [
      'containerd/cri@v1.0.0:pkg/server/container_create.go L370-373, L703-745',
      'containerd/containerd@v1.2.0:vendor/github.com/containerd/cri/pkg/server/container_create.go L398-401, L790-850',
      'containerd/containerd@v1.1.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapability (CapValid after the removal)',
      'containerd/containerd@v1.2.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapabilityBounding (CapValid after the removal)',
      'containerd/cri@v1.0.0:vendor/github.com/opencontainers/runtime-tools/validate/validate.go CapValid',
      'opencontainers/runtime-tools#466 (the check after the removal)',
    ],
    uncertain:
      'The message is reconstructed from the source (the capability lists are the CRI request printed with %+v); no public paste was found.',
    examples: [
      'failed to generate container "abc" spec: failed to set capabilities &Capability{}: invalid capability: CAP_CAP_SYS_RESOURCE',
      'Error: failed to generate container "4f2a9c" spec: failed to set capabilities &Capability{AddCapabilities:[],DropCapabilities:[CAP_KILL],}: invalid capability: CAP_CAP_KILL',
    ],
  },

  // ---- An operation was refused for want of a capability --------------------------------------
  {
    id: 'capability-named-missing',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'a program said which capability it lacks',
    component: 'programs that check their own capabilities (dnsmasq, gluetun, VPN and network agents)',
    versions: 'any',
    keywords: ['apabilit'],
    patterns: [
      /\bmissing (?:the )?(?:required )?capabilit(?:y|ies):? (?<named>(?:CAP_)?[A-Z][A-Z_]+[A-Z])\b/i,
      /\b(?<named>(?:CAP_)?[A-Z][A-Z_]+[A-Z]) capability (?:is )?(?:missing|required|needed|not (?:granted|available|present))\b/,
      /\b(?:requires?|needs?) (?:the )?(?<named>CAP_[A-Z][A-Z_]+[A-Z])(?: capability)?\b/,
      /\b(?:lacks?|without) (?:the )?(?<named>CAP_[A-Z][A-Z_]+[A-Z]) capability\b/,
    ],
    rule: 'cap-missing',
    confidence: 'high',
    priority: 70,
    summary: 'The program says it lacks {capability}, and stopped without it.',
    need: 'the program checks for it',
    meaning:
      'The program checked its own capabilities and named the one it lacks. Which one is therefore not a guess; ' +
      'whether adding it is enough depends on the user the process runs as (an added capability is effective for ' +
      'root only, as Kubernetes and Docker set no ambient capabilities).',
    fix: 'Add the named capability to the container’s securityContext.capabilities.add (it takes effect for a root process).',
    citations: [
      'dockur/windows#1648',
      'angelnu/helm-charts#55',
      'ferrarimarco/docker-pxe#107',
      'passteque/gluetun#734',
    ],
    examples: [
      'dnsmasq: process is missing required capability NET_RAW',
      'ERROR for iptables: NET_ADMIN capability is missing: iptables v1.8.7 (legacy)',
    ],
  },
  {
    id: 'pam-limits-cannot-open-session',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'su/runuser could not open a PAM session',
    component: 'PAM pam_limits inside the image, run by su, runuser, sudo or login',
    versions: 'upstream Linux-PAM; Debian and Ubuntu patch pam_limits to go on instead',
    keywords: ['open session', 'open_session', 'session initialization'],
    patterns: [
      /cannot open session: Permission denied/,
      /pam_open_session: Permission denied/,
      /policy plugin failed session initialization/,
      /could not open session/,
    ],
    capability: 'SYS_RESOURCE',
    also: ['SYS_NICE'],
    rule: 'pam-limits-needs-sys-resource',
    confidence: 'medium',
    priority: 66,
    summary:
      'su/runuser could not open a session: pam_limits needs {capability} to raise the hard limits in limits.conf, and the container does not have it.',
    need: 'pam_limits needs it to raise the limits in limits.conf when su or runuser opens a session',
    meaning:
      'When su or runuser opens a session, pam_limits applies /etc/security/limits.conf. Raising a hard limit ' +
      '(memlock unlimited for Elasticsearch, a high nofile or nproc) needs CAP_SYS_RESOURCE, and a negative ' +
      'nice or priority needs CAP_SYS_NICE; containers have neither by default, so the session is refused.',
    fix:
      'Add SYS_RESOURCE (and SYS_NICE if limits.conf sets nice or priority) to the container’s ' +
      'securityContext.capabilities.add, without the CAP_ prefix. Alternatives: drop the limits.conf lines, raise ' +
      'the limit at the runtime so it is already high, or switch users without PAM (setpriv, gosu, runAsUser).',
    citations: [
      'HastD/run0edit#107',
      'HastD/run0edit#108',
      'Dani3lSun/docker-db-apex-dev#4',
      'linux-pam/linux-pam@v1.5.2:modules/pam_limits/pam_limits.c',
    ],
    uncertain:
      'Debian-based images patch pam_limits to skip a limit it cannot set, so they do not fail here (the limit is just not applied).',
    examples: [
      'runuser: cannot open session: Permission denied',
      'su: cannot open session: Permission denied',
      'sudo: pam_open_session: Permission denied',
    ],
  },
  {
    id: 'pam-limits-could-not-set-limit',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'pam_limits could not set a limit',
    component: 'PAM pam_limits (syslog)',
    versions: 'Linux-PAM; Debian logs it at debug level and goes on',
    keywords: ['Could not set limit'],
    patterns: [/Could not set limit for '(?<setting>\w+)'(?: to soft=-?\d+, hard=-?\d+)?: Operation not permitted/],
    capability: 'SYS_RESOURCE',
    setting: { kind: 'rlimit' },
    rule: 'pam-limits-needs-sys-resource',
    confidence: 'medium',
    priority: 67,
    summary: 'pam_limits could not raise {setting}: that needs {capability}, which the container does not have.',
    need: 'pam_limits needs it to raise a limit from limits.conf',
    meaning:
      'pam_limits tried to raise a limit from limits.conf above the current hard limit, which needs ' +
      'CAP_SYS_RESOURCE. Upstream PAM then refuses the session; Debian’s PAM goes on with the old limit.',
    fix: 'Add SYS_RESOURCE to the container’s capabilities, or remove the limits.conf line that raises the limit.',
    citations: [
      'linux-pam/linux-pam@v1.5.2:modules/pam_limits/pam_limits.c',
      'Debian pam 1.5.2-6 032_pam_limits_EPERM_NOT_FATAL',
    ],
    examples: [
      "runuser: pam_limits(runuser:session): Could not set limit for 'memlock' to soft=-1, hard=-1: Operation not permitted; uid=0,euid=0",
    ],
  },
  {
    id: 'setrlimit-eperm',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'raising a resource limit was refused',
    component: 'kernel setrlimit(2): an entrypoint’s ulimit, or the OCI runtime applying process.rlimits',
    versions: 'any',
    keywords: ['rlimit', 'RLIMIT', 'RLIM_', 'ulimit', 'setting limit', 'resource.error', 'resource limit'],
    patterns: [
      {
        re: /error setting rlimits? (?:for ready process: error setting rlimit )?type (?<setting>\d+): operation not permitted/i,
        cause: 'engine',
        phase: 'start',
        rule: null,
        summary: 'The OCI runtime could not set {setting} for the container: the engine may not raise that limit.',
      },
      {
        re: /crun: setrlimit\s*[`(]?\s*(?<setting>(?:RLIMIT|RLIM)_[A-Z]+)\s*[`)]?:? Operation not permitted/i,
        cause: 'engine',
        phase: 'start',
        rule: null,
        summary: 'The OCI runtime could not set {setting} for the container: the engine may not raise that limit.',
      },
      /setrlimit\s*[`(]?\s*(?<setting>(?:RLIMIT|RLIM)_[A-Z]+)(?:,[^)`]*)?\s*[`)]?:? Operation not permitted/i,
      /ulimit: (?<setting>[a-z][a-z ]*[a-z]): cannot modify limit: Operation not permitted/,
      /ulimit: error setting limit \(Operation not permitted\)/,
      /error setting limit:? \(?Operation not permitted/,
      /resource\.error: \(1, .Operation not permitted.\)/,
      /failed to set the (?<setting>[A-Z]+) resource limit: Operation not permitted/,
    ],
    capability: 'SYS_RESOURCE',
    setting: { kind: 'rlimit' },
    rule: 'ulimit-needs-sys-resource',
    confidence: 'medium',
    priority: 60,
    summary: 'Raising {setting} was refused: that needs {capability}, which the process does not have.',
    need: 'raising a hard resource limit needs it',
    meaning:
      'Raising a hard resource limit above its current value needs CAP_SYS_RESOURCE in the initial user ' +
      'namespace. Inside a container that is an entrypoint’s `ulimit -l unlimited`; from the OCI runtime it means ' +
      'the engine asked for a limit above what it may set itself (a rootless, nested or LXC engine).',
    fix:
      'For an entrypoint: add SYS_RESOURCE to the container (root process), or set the limit at the runtime or node ' +
      'instead. For an OCI runtime error: lower the requested limit, or raise the hard limit of the engine (the host ' +
      'user’s limits for rootless engines); capabilities inside a user namespace do not help.',
    citations: [
      'containers/crun#1388',
      'containers/podman#7510',
      'patschi/parsedmarc-dockerized#47',
      'zalando/spilo#881',
      'opencontainers/runc@v1.1.5:libcontainer/init_linux.go setupRlimits',
    ],
    examples: [
      'Error: crun: setrlimit (RLIM_MEMLOCK): Operation not permitted: OCI permission denied',
      'error setting rlimits for ready process: error setting rlimit type 8: operation not permitted: unknown',
      'bin/custom-entrypoint: line 13: ulimit: max locked memory: cannot modify limit: Operation not permitted',
      './run: 21: ulimit: error setting limit (Operation not permitted)',
      'Error: crun: setrlimit `RLIMIT_MEMLOCK`: Operation not permitted: OCI permission denied',
      'prlimit: failed to set the MEMLOCK resource limit: Operation not permitted',
    ],
  },
  {
    id: 'elasticsearch-memory-lock',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'Elasticsearch could not lock its memory',
    component: 'Elasticsearch bootstrap (bootstrap.memory_lock, formerly bootstrap.mlockall)',
    versions: 'Elasticsearch 2.x–8.x',
    keywords: ['lock JVM Memory', 'RLIMIT_MEMLOCK', 'memory is not locked'],
    patterns: [
      /Unable to lock JVM Memory: error=12, ?reason=(?:Cannot allocate memory|Out of memory)/,
      /Increase RLIMIT_MEMLOCK, soft limit: (?<soft>\d+), hard limit: (?<hard>\d+)/,
      /memory locking requested for elasticsearch process but memory is not locked/,
    ],
    capability: 'IPC_LOCK',
    also: ['SYS_RESOURCE'],
    setting: { kind: 'rlimit', name: 'RLIMIT_MEMLOCK' },
    rule: 'mlock-needs-memlock',
    confidence: 'medium',
    priority: 63,
    summary:
      'Elasticsearch could not lock its memory: the memlock limit is too low, and an added {capability} is not effective for its non-root user.',
    need: 'Elasticsearch locks its memory',
    meaning:
      'mlockall failed because RLIMIT_MEMLOCK in the container is small (often 64 KiB). Elasticsearch runs as a ' +
      'non-root user, for whom an added IPC_LOCK is not effective (Kubernetes sets no ambient capabilities), and ' +
      'privileged mode does not raise the limit either; with bootstrap checks enforced it exits.',
    fix:
      'Raise the memlock limit the container starts with: docker --ulimit memlock=-1:-1 (plus IPC_LOCK), or in ' +
      'Kubernetes the runtime’s default (LimitMEMLOCK=infinity for containerd, default_ulimits for CRI-O), or a ' +
      'root entrypoint with SYS_RESOURCE that raises it before dropping to the elasticsearch user; or set ' +
      'bootstrap.memory_lock: false when swap is off on the nodes.',
    citations: [
      'docker-library/elasticsearch#70',
      'elastic/elasticsearch-docker#40',
      'https://www.elastic.co/guide/en/elasticsearch/reference/6.1/_memory_lock_check.html',
    ],
    examples: [
      '[2015-11-20 09:06:08,908][WARN ][bootstrap                ] Unable to lock JVM Memory: error=12,reason=Cannot allocate memory',
      '[1]: memory locking requested for elasticsearch process but memory is not locked',
    ],
  },
  {
    id: 'vault-mlock',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'Vault could not lock its memory',
    component: 'HashiCorp Vault (core initialisation)',
    versions: 'Vault, all releases with mlock enabled',
    keywords: ['to lock memory', 'mlock syscall'],
    patterns: [/[Ff]ailed to lock memory: cannot allocate memory/, /the mlock syscall is not available/],
    capability: 'IPC_LOCK',
    setting: { kind: 'rlimit', name: 'RLIMIT_MEMLOCK' },
    rule: 'mlock-needs-memlock',
    confidence: 'medium',
    priority: 63,
    summary: 'Vault could not lock its memory: the container lacks {capability}.',
    need: 'Vault locks its memory with it',
    meaning:
      'Vault locks its memory so that secrets are never swapped out; mlock beyond the small default memlock limit ' +
      'needs CAP_IPC_LOCK, which containers do not have by default.',
    fix: 'Add IPC_LOCK to the Vault container’s capabilities (run it as a user for whom it is effective), or set disable_mlock = true when swap is off.',
    citations: ['hashicorp/vault#121', 'cgswong/docker-vault#4', 'hashicorp/docker-vault#53'],
    examples: ['Error initializing core: Failed to lock memory: cannot allocate memory'],
  },
  {
    id: 'net-raw-ping',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'ping could not open a raw socket',
    component: 'kernel raw sockets (ping, fping)',
    versions: 'any',
    keywords: ['ping', 'create socket', 'CAP_NET_RAW'],
    patterns: [
      /ping: socket: Operation not permitted/,
      /ping: permission denied \(are you root\?\)/,
      /ping: icmp open socket: Operation not permitted/,
      /can't create socket \(must run as root\?\)/,
      /ping: socket: permission denied/i,
      { re: /must have CAP_NET_RAW capability/, confidence: 'high' },
    ],
    capability: 'NET_RAW',
    rule: 'cap-missing',
    confidence: 'medium',
    priority: 60,
    summary: 'ping could not open a raw socket: the container lacks {capability}.',
    need: 'ping opens a raw socket with it',
    meaning:
      'Raw ICMP sockets need CAP_NET_RAW. CRI-O 1.18+ and Podman 4.4+ no longer grant it by default, drop: [ALL] ' +
      'removes it, and a non-root process gets it only from a ping binary with file capabilities (which ' +
      'allowPrivilegeEscalation: false blocks).',
    fix: 'Add NET_RAW to the container’s capabilities for a root process; for non-root use a ping with cap_net_raw file capabilities, or allow unprivileged ICMP with the net.ipv4.ping_group_range sysctl.',
    citations: [
      'justmeandopensource/kubernetes#67',
      'book-of-kubernetes/examples#42',
      'openshift/origin#3326',
      'jarischaefer/docker-librenms#90',
      'cri-o/cri-o commit 63b9f4ec98',
    ],
    examples: ['ping: permission denied (are you root?)', 'ping: icmp open socket: Operation not permitted'],
  },
  {
    id: 'net-bind-service-privileged-port',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'binding a port below 1024 was refused',
    component: 'kernel (ports below net.ipv4.ip_unprivileged_port_start, 1024 by default)',
    versions: 'any',
    keywords: ['bind', 'EACCES'],
    patterns: [
      /bind\(\) to \S+:(?<port>\d{1,4}) failed \(13: Permission denied\)/,
      /listen tcp \S*:(?<port>\d{1,4}): bind: permission denied/,
      /\(13\)Permission denied: AH00072: make_sock: could not bind to address \S+:(?<port>\d{1,4})/,
      /EACCES: permission denied,? ?\S* ?(?:0\.0\.0\.0|::):(?<port>\d{1,4})/,
    ],
    capability: 'NET_BIND_SERVICE',
    rule: 'cap-missing',
    confidence: 'medium',
    priority: 60,
    summary:
      'Binding port {port} was refused: ports below 1024 need {capability}, which a non-root process does not have.',
    need: 'binding a port below 1024 needs it',
    meaning:
      'Ports below 1024 need CAP_NET_BIND_SERVICE. Most often the process runs as non-root: capabilities added in ' +
      'the pod reach only root, because Kubernetes sets no ambient capabilities. Or drop: [ALL] removed it.',
    fix: 'Listen on a port of 1024 or more and map it with the Service; or set the net.ipv4.ip_unprivileged_port_start sysctl to 0; or run as root with add: [NET_BIND_SERVICE].',
    citations: ['hjacobs/kube-resource-report#146', 'kubernetes/kubernetes#56374', 'moby/moby#8460'],
    examples: ['nginx: [emerg] bind() to 0.0.0.0:80 failed (13: Permission denied)'],
  },
  {
    id: 'net-admin-iptables',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'iptables could not open a table',
    component: 'netfilter through iptables (init containers of meshes and CNIs, VPN sidecars)',
    versions: 'any',
    keywords: ['you must be root', 'IPTCError'],
    patterns: [
      /iptables( v[\d.]+)?( \((?:legacy|nf_tables)\))?: can't initialize iptables table `?\w+'?: Permission denied \(you must be root\)/,
      /ip6?tables(?:-(?:save|restore|legacy|nft))?( v[\d.]+)?( \((?:legacy|nf_tables)\))?: .*Permission denied \(you must be root\)/,
      /Could not fetch rule set generation id: Permission denied \(you must be root\)/,
      /IPTCError: can't initialize/,
    ],
    capability: 'NET_ADMIN',
    also: ['NET_RAW'],
    rule: 'cap-missing',
    confidence: 'medium',
    priority: 60,
    summary:
      'iptables could not open a netfilter table: the container lacks {capability} (iptables needs NET_ADMIN, and legacy iptables NET_RAW as well).',
    need: 'iptables needs it to read and change netfilter tables',
    meaning:
      'Reading or changing netfilter tables needs CAP_NET_ADMIN; legacy iptables also opens a raw socket and needs ' +
      'CAP_NET_RAW, which CRI-O 1.18+, Podman 4.4+ and drop: [ALL] take away.',
    fix: 'Add NET_ADMIN (and NET_RAW for legacy iptables) to the container that runs iptables, rather than making it privileged.',
    citations: [
      'canonical/microk8s#216',
      'MicrosoftDocs/azure-docs#81144',
      'Praqma/Network-MultiTool#13',
      'helm/charts#14950',
      'linkerd/linkerd2#2959',
    ],
    examples: [
      "iptables v1.6.1: can't initialize iptables table `filter': Permission denied (you must be root)",
      'iptables-save v1.8.4 (legacy): Cannot initialize: Permission denied (you must be root)',
    ],
  },
  {
    id: 'net-admin-netlink-tun',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'network configuration was refused',
    component: 'rtnetlink and the tun driver (ip, tc, openvpn, wireguard, tailscale)',
    versions: 'any',
    keywords: ['RTNETLINK', 'TUNSETIFF', 'SIOCSIF', 'Operation not permitted'],
    patterns: [
      /RTNETLINK answers: Operation not permitted/,
      /TUNSETIFF.*Operation not permitted/,
      /SIOCSIF\w+: Operation not permitted/,
      /\b(?:add|set) (?:link|route|addr)\b.*Operation not permitted/,
    ],
    capability: 'NET_ADMIN',
    rule: 'cap-missing',
    confidence: 'medium',
    priority: 60,
    summary: 'Network configuration was refused: the container lacks {capability}.',
    need: 'configuring interfaces, routes and TUN devices needs it',
    meaning:
      'Creating interfaces, addresses, routes, queueing disciplines or TUN/TAP devices needs CAP_NET_ADMIN (TUN ' +
      'also needs the /dev/net/tun device).',
    fix: 'Add NET_ADMIN to the container’s capabilities (and provide /dev/net/tun for VPNs).',
    citations: ['shekhargulati/rx-docker-client#68', 'moby/moby#17532'],
    examples: ['RTNETLINK answers: Operation not permitted', 'ioctl(TUNSETIFF): Operation not permitted'],
  },
  {
    id: 'sys-admin-mount',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'mount was refused',
    component: 'kernel mount(2) with the runtime’s AppArmor and seccomp profiles',
    versions: 'any',
    keywords: ['mount'],
    patterns: [
      /\bmount: (?:.*: )?permission denied/i,
      /mount\(2\): Operation not permitted/,
      /mount: mounting .* failed: Permission denied/,
      /fuse: mount failed: Permission denied/,
      /fusermount3?: mount failed: Operation not permitted/,
      /must be superuser to use mount/,
    ],
    capability: 'SYS_ADMIN',
    rule: 'cap-missing',
    confidence: 'medium',
    priority: 58,
    summary:
      'mount was refused: it needs {capability}, and the runtime’s AppArmor and seccomp profiles can block it even then.',
    need: 'mount needs it',
    meaning:
      'mount needs CAP_SYS_ADMIN, and even with it the runtime’s default AppArmor and seccomp profiles can still ' +
      'deny mount; /proc/sys is read-only in containers in any case.',
    fix: 'Prefer a Kubernetes volume, CSI driver or device plugin. If the container must mount, add SYS_ADMIN and relax AppArmor and seccomp for it; never to change sysctls.',
    citations: ['kubernetes/kubernetes#7890', 'squat/generic-device-plugin#47', 'kubernetes/kubernetes#108247'],
    examples: [
      'fuse: mount failed: Permission denied',
      '"fusermount3: mount failed: Operation not permitted" in unprivileged pod',
    ],
  },
  {
    id: 'chown-eperm',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'chown was refused',
    component: 'kernel chown(2) (init containers that fix volume ownership)',
    versions: 'any',
    keywords: ['chown', 'chmod'],
    patterns: [
      /chown: (?:changing ownership of )?['"]?[^:'"]+['"]?: Operation not permitted/,
      { re: /chmod: changing permissions of .*: Operation not permitted/, confidence: 'medium' },
    ],
    capability: 'CHOWN',
    also: ['FOWNER', 'DAC_OVERRIDE'],
    rule: 'cap-missing',
    confidence: 'medium',
    priority: 58,
    summary: 'Changing file ownership was refused: the process lacks {capability}.',
    need: 'changing file ownership needs it',
    meaning:
      'Changing a file’s owner needs CAP_CHOWN (chmod of another user’s file needs CAP_FOWNER): drop: [ALL] takes ' +
      'it away even from UID 0, and a non-root process never has it. The storage can refuse as well (NFS root_squash).',
    fix: 'For a root init container add CHOWN (and FOWNER, DAC_OVERRIDE) next to drop: [ALL]; or let fsGroup set the volume’s group instead of chown.',
    citations: ['helm/charts#10453', 'helm/charts#10519', 'defilantech/LLMKube#887'],
    examples: ['chown: /var/lib/grafana: Operation not permitted', 'chown: /models: Operation not permitted'],
  },
  {
    id: 'sys-chroot-elasticsearch-crio',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'chroot was refused',
    component: 'chroot(2) in an image entrypoint (Elasticsearch 6.x/7.x uses chroot --userspec to drop to uid 1000)',
    versions: 'CRI-O 1.18+ and OpenShift 4.6+ no longer grant SYS_CHROOT by default',
    keywords: ['chroot'],
    patterns: [
      /chroot: cannot change root directory to '?\/'?: Operation not permitted/,
      { re: /chroot: failed to run command .*: Permission denied/, confidence: 'medium' },
    ],
    capability: 'SYS_CHROOT',
    rule: 'cap-missing',
    confidence: 'medium',
    priority: 60,
    summary:
      'chroot was refused: the container lacks {capability}, which CRI-O 1.18+ and OpenShift 4.6+ no longer grant by default.',
    need: 'chroot needs it',
    meaning:
      'chroot needs CAP_SYS_CHROOT. Docker and containerd grant it by default, CRI-O 1.18 and later do not, so ' +
      'the same image fails when it moves to CRI-O or OpenShift.',
    fix: 'Add SYS_CHROOT to the container’s capabilities, or run the container as the target user (runAsUser: 1000) so the entrypoint skips chroot.',
    citations: [
      'elastic/cloud-on-k8s#5212',
      'elastic/cloud-on-k8s#4334',
      'elastic/helm-charts#838',
      'wazuh/wazuh-kubernetes#112',
      'cri-o/cri-o commit 63b9f4ec98',
    ],
    examples: ["chroot: cannot change root directory to '/': Operation not permitted"],
  },
  {
    id: 'sys-ptrace',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'ptrace was refused',
    component: 'ptrace(2) with YAMA, seccomp and AppArmor (strace, gdb, profilers)',
    versions: 'any',
    keywords: ['ptrace', 'PTRACE', 'inferior process', 'attach to process'],
    patterns: [
      /ptrace: Operation not permitted/,
      /ptrace\(PTRACE_(?:ATTACH|SEIZE|TRACEME)[^)]*\): Operation not permitted/,
      /PTRACE_TRACEME: Operation not permitted/,
      /Could not trace the inferior process/,
      /Could not attach to process/,
    ],
    capability: 'SYS_PTRACE',
    rule: 'cap-missing',
    confidence: 'medium',
    priority: 58,
    summary: 'Tracing a process was refused: the container lacks {capability}.',
    need: 'tracing another process needs it',
    meaning:
      'Tracing another process needs CAP_SYS_PTRACE unless it is a descendant with the same user; on kernels before ' +
      '4.8 Docker’s seccomp profile also blocked ptrace without it.',
    fix: 'Add SYS_PTRACE to the debugging container (Pod Security baseline forbids it: use kubectl debug --profile=general in a namespace that allows it), or share the process namespace with a debug sidecar.',
    citations: ['moby/moby#21051', 'containerd/nerdctl#976', 'kubernetes/kubernetes#97103'],
    examples: [
      'strace: attach: ptrace(PTRACE_ATTACH, 6): Operation not permitted',
      'warning: ptrace: Operation not permitted',
    ],
  },
  {
    id: 'sys-nice',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'raising a priority was refused',
    component: 'kernel scheduler (nice, chrt, setpriority)',
    versions: 'any',
    keywords: ['nice', 'setpriority', 'chrt', 'sched_setscheduler'],
    patterns: [
      /nice: cannot set niceness: Permission denied/,
      /setpriority.*(?:Permission denied|Operation not permitted)/,
      /chrt: failed to set pid \d+'s policy: Operation not permitted/,
      /sched_setscheduler.*Operation not permitted/,
    ],
    capability: 'SYS_NICE',
    rule: 'cap-missing',
    confidence: 'medium',
    priority: 58,
    summary: 'Raising a process priority was refused: the container lacks {capability}.',
    need: 'raising a priority needs it',
    meaning:
      'A negative nice value, a real-time policy or changing another process’s priority needs CAP_SYS_NICE, which ' +
      'no runtime grants by default; for a non-root process an added capability is not effective.',
    fix: 'Add SYS_NICE for a root process (or give the binary the file capability), or do without the higher priority.',
    citations: ['git-developer/marvyn#11', 'moby/moby#50083'],
    examples: ['nice: cannot set niceness: Permission denied'],
  },
  {
    id: 'sys-time',
    kind: 'cause',
    cause: 'missing',
    phase: 'run',
    title: 'setting the clock was refused',
    component: 'kernel clock (ntpd, chronyd, date, hwclock)',
    versions: 'any',
    keywords: ['settimeofday', 'clock_settime', 'adjtime', 'adj_systime', 'cannot set date'],
    patterns: [
      /settimeofday(?:\(\))?(?: failed)?: Operation not permitted/,
      /clock_settime.*Operation not permitted/,
      /(?:ntp_)?adjtime(?:x)?(?:\(\w*\))?(?: failed)?\s*:?\s*Operation not permitted/,
      /adj_systime: Operation not permitted/,
      /date: cannot set date: Operation not permitted/,
    ],
    capability: 'SYS_TIME',
    rule: 'cap-missing',
    confidence: 'medium',
    priority: 58,
    summary: 'Setting the clock was refused: that needs {capability}, and it would change the node’s clock.',
    need: 'setting the clock needs it',
    meaning:
      'Setting the clock needs CAP_SYS_TIME and changes the node’s clock (there is no per-container wall clock); ' +
      'an unprivileged, user-namespaced container (LXC, rootless) can never do it.',
    fix: 'Keep time in sync on the node rather than in the container (chronyd -x does not touch the clock); add SYS_TIME only for an NTP server that must set the node’s clock.',
    citations: ['canonical/lxd#4249', 'cturra/docker-ntp#28', 'moby/moby#16905'],
    examples: [
      'ntpd: ntp_adjtime() failed: Operation not permitted',
      'Fatal error : adjtimex(0x8001) failed : Operation not permitted',
    ],
  },

  // ---- The engine itself lacks a privilege ----------------------------------------------------
  {
    id: 'runc-apply-caps-eperm',
    kind: 'cause',
    cause: 'engine',
    phase: 'start',
    title: 'the OCI runtime could not grant the capabilities it was asked for',
    component: 'runc (unable to apply caps) or crun (capset), under Docker, containerd or Podman',
    versions: 'any',
    keywords: ['apply caps', 'capset'],
    patterns: [/unable to apply caps: operation not permitted/i, /capset: Operation not permitted/],
    confidence: 'high',
    priority: 72,
    summary: 'The OCI runtime could not grant the capabilities it was asked for: the engine itself does not hold them.',
    meaning:
      'The name was accepted, but the runtime cannot give the container a capability that the runtime itself ' +
      'does not hold: the engine runs inside a container or on a host whose bounding set lacks it. Docker ' +
      '--privileged and --cap-add ALL fail the same way there.',
    fix: 'Give the engine the capability (run the outer container with it), or stop asking for it; containerd and Podman limit privileged containers to what they hold, Docker does not.',
    citations: ['opencontainers/runc@v1.1.5:libcontainer/capabilities/capabilities.go'],
    examples: [
      'docker: Error response from daemon: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: unable to apply caps: operation not permitted: unknown.',
    ],
  },
  {
    id: 'oom-score-adj-eperm',
    kind: 'cause',
    cause: 'engine',
    phase: 'start',
    title: 'the OCI runtime could not lower oom_score_adj',
    component: 'runc (nsexec) or crun, for a pod sandbox or a container with a negative oomScoreAdj',
    versions: 'any',
    keywords: ['oom_score_adj'],
    patterns: [
      /failed to update \/proc\/self\/oom_score_adj: Permission denied/,
      /write to \/proc\/self\/oom_score_adj: Permission denied/,
    ],
    capability: 'SYS_RESOURCE',
    setting: { kind: 'oom-score-adj' },
    confidence: 'high',
    priority: 72,
    summary: 'The OCI runtime could not lower oom_score_adj: the engine lacks {capability}.',
    meaning:
      'Setting oom_score_adj below the caller’s own value needs CAP_SYS_RESOURCE; the pause container asks for ' +
      '-998, so an engine without it (nested in a container, or a host that removed it) cannot start pods at all.',
    fix: 'Give the engine SYS_RESOURCE, or set restrict_oom_score_adj = true in containerd’s CRI configuration so it never asks for less than its own value.',
    citations: ['containerd/containerd@v1.6.20:pkg/cri/server/helpers_linux.go restrictOOMScoreAdj'],
    examples: [
      'time="2026-11-26T14:35:20Z" level=fatal msg="nsexec[31667]: failed to update /proc/self/oom_score_adj: Permission denied"',
      'write to /proc/self/oom_score_adj: Permission denied',
    ],
  },

  // ---- Admission and the API refused the manifest ---------------------------------------------
  {
    id: 'psa-baseline-non-default-capabilities',
    kind: 'cause',
    cause: 'admission',
    phase: 'admission',
    title: 'Pod Security baseline refused an added capability',
    component: 'Pod Security admission',
    versions: 'Kubernetes 1.23+ (beta), 1.25+ (GA)',
    keywords: ['PodSecurity'],
    patterns: [/violates? PodSecurity "baseline:[^"]+": .*non-default capabilities \((?<detail>[^)]*)\)/],
    rule: 'pss-baseline',
    confidence: 'high',
    priority: 86,
    summary: 'Pod Security baseline refused the pod: a container adds {written}.',
    meaning:
      'Under the baseline level a container may add only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, ' +
      'MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT, compared exactly: CAP_CHOWN or ' +
      'chown is refused although CHOWN is allowed.',
    fix: 'Remove the capability, or spell an allowed one exactly (upper case, no CAP_ prefix), or run the workload in a namespace whose level allows it.',
    citations: [
      'kubernetes/pod-security-admission@8f84a87c7f617f64a4ddc1aea24aeeb7a2e07cb8:policy/check_capabilities_baseline.go',
      'gardener/etcd-druid#759',
    ],
    examples: [
      'pods "etcd-test-0" is forbidden: violates PodSecurity "baseline:latest": non-default capabilities (container "backup-restore" must not include "SYS_PTRACE" in securityContext.capabilities.add)',
    ],
  },
  {
    id: 'psa-restricted-unrestricted-capabilities',
    kind: 'cause',
    cause: 'admission',
    phase: 'admission',
    title: 'Pod Security restricted refused a container’s capabilities',
    component: 'Pod Security admission',
    versions: 'Kubernetes 1.22+ (policy version 1.22 and later)',
    keywords: ['PodSecurity', 'capabilities.drop'],
    patterns: [
      /violates? PodSecurity "restricted:[^"]+": .*unrestricted capabilities \((?<detail>[^)]*)\)/,
      /must set securityContext\.capabilities\.drop=\[.ALL.\]/,
    ],
    setting: { kind: 'drop-all' },
    rule: 'pss-restricted',
    confidence: 'high',
    priority: 85,
    summary: 'Pod Security restricted refused the pod: a container does not drop ALL.',
    meaning:
      'Under the restricted level every container, init container and ephemeral container must drop exactly "ALL" ' +
      '(all in lower case fails) and may add only NET_BIND_SERVICE; capabilities exist only in the container ' +
      'securityContext, so setting them at pod level does not count.',
    fix: 'Give every container securityContext.capabilities.drop: ["ALL"], adding back only NET_BIND_SERVICE where a low port is needed.',
    citations: [
      'kubernetes/pod-security-admission@8f84a87c7f617f64a4ddc1aea24aeeb7a2e07cb8:policy/check_capabilities_restricted.go',
      'OpenUnison/helm-charts#126',
      'foundation-model-stack/multi-nic-cni#110',
    ],
    examples: [
      'W1218 09:23:43.371852   15128 warnings.go:70] would violate PodSecurity "restricted:latest": unrestricted capabilities (container "test-values" must set securityContext.capabilities.drop=["ALL"])',
    ],
  },
  {
    id: 'psp-capability-may-not-be-added',
    kind: 'cause',
    cause: 'admission',
    phase: 'admission',
    title: 'a PodSecurityPolicy refused an added capability',
    component: 'PodSecurityPolicy admission',
    versions: 'Kubernetes up to 1.24 (removed in 1.25)',
    keywords: ['PodSecurityPolicy', 'pod security policy'],
    patterns: [
      /PodSecurityPolicy: unable to admit pod: \[.*capabilities\.add: Invalid value: "(?<name>[^"]+)": capability may not be added/,
      { re: /unable to validate against any pod security policy/, confidence: 'medium' },
    ],
    confidence: 'high',
    priority: 84,
    summary: 'A PodSecurityPolicy refused the pod: no policy it may use allows adding {written}.',
    meaning:
      'No PodSecurityPolicy usable by the pod’s service account lists the capability in allowedCapabilities (or one ' +
      'lists it in requiredDropCapabilities). Names are compared exactly.',
    fix: 'Allow the capability in a policy bound to the service account, or stop adding it; PodSecurityPolicy is gone from Kubernetes 1.25, so plan the move to Pod Security admission.',
    citations: ['OpenUnison/helm-charts#129', 'elastic/helm-charts#689'],
    examples: [
      'Error creating: pods "x-" is forbidden: PodSecurityPolicy: unable to admit pod: [spec.containers[0].securityContext.capabilities.add: Invalid value: "NET_BIND_SERVICE": capability may not be added]',
    ],
  },
  {
    id: 'openshift-scc-capability-may-not-be-added',
    kind: 'cause',
    cause: 'admission',
    phase: 'admission',
    title: 'OpenShift security context constraints refused an added capability',
    component: 'OpenShift SecurityContextConstraints admission',
    versions: 'OpenShift 3.x and 4.x',
    keywords: ['security context constraint'],
    patterns: [
      /unable to validate against any security context constraint: \[.*capabilities\.add: Invalid value: "(?<name>[^"]+)": capability may not be added/,
    ],
    confidence: 'high',
    priority: 84,
    summary:
      'OpenShift refused the pod: no security context constraint its service account may use allows adding {written}.',
    meaning:
      'No SCC usable by the pod’s service account allows the capability; restricted-v2, the default, allows only ' +
      'NET_BIND_SERVICE.',
    fix: 'Bind the service account to an SCC whose allowedCapabilities includes it, or stop adding it.',
    citations: ['WASdev/websphere-liberty-operator#692', 'istio/istio#4500'],
    examples: [
      'pods "dt10mq-7d57cf64-" is forbidden: unable to validate against any security context constraint: [provider restricted-v2: .containers[0].capabilities.add: Invalid value: "CHECKPOINT_RESTORE": capability may not be added',
    ],
  },
  {
    id: 'capabilities-at-pod-level',
    kind: 'cause',
    cause: 'schema',
    phase: 'admission',
    title: 'capabilities set in the pod-level securityContext',
    component: 'Kubernetes API schema (kubectl validation, server-side field validation)',
    versions: 'all',
    keywords: ['PodSecurityContext', 'securityContext.capabilities'],
    patterns: [
      /unknown field "capabilities" in io\.k8s\.api\.core\.v1\.PodSecurityContext/,
      /\.spec\.(?:template\.spec\.)?securityContext\.capabilities: field not declared in schema/,
      /unknown field "spec\.(?:template\.spec\.)?securityContext\.capabilities"/,
    ],
    setting: { kind: 'placement' },
    rule: 'cap-pod-level',
    confidence: 'high',
    priority: 86,
    summary: 'Capabilities are set in the pod-level securityContext, which has no such field.',
    meaning:
      'The pod-level securityContext (PodSecurityContext) has no capabilities field; capabilities are set per ' +
      'container. Without validation the field is dropped silently.',
    fix: 'Move capabilities to each container’s securityContext (containers and initContainers).',
    citations: ['codecentric/helm-charts#738', 'kubernetes/website#19384'],
    examples: [
      'ValidationError(StatefulSet.spec.template.spec.securityContext): unknown field "capabilities" in io.k8s.api.core.v1.PodSecurityContext',
    ],
  },
  {
    id: 'api-allowprivilegeescalation-cap-sys-admin',
    kind: 'cause',
    cause: 'schema',
    phase: 'admission',
    title: 'the API refused allowPrivilegeEscalation: false with SYS_ADMIN or privileged',
    component: 'kube-apiserver ValidateSecurityContext',
    versions: 'all Kubernetes versions',
    keywords: ['allowPrivilegeEscalation'],
    patterns: [
      /cannot set `allowPrivilegeEscalation` to false and `capabilities\.Add` CAP_SYS_ADMIN/,
      /cannot set `allowPrivilegeEscalation` to false and `privileged` to true/,
    ],
    capability: 'SYS_ADMIN',
    rule: 'cap-escalation-conflict',
    confidence: 'high',
    priority: 86,
    summary: 'The API refused the container: allowPrivilegeEscalation: false next to SYS_ADMIN or privileged: true.',
    meaning:
      'allowPrivilegeEscalation: false contradicts SYS_ADMIN and privileged. The API compares the literal ' +
      '"CAP_SYS_ADMIN", so the correct spelling SYS_ADMIN passes and is granted.',
    fix: 'Decide which one the container needs: remove SYS_ADMIN (or privileged), or remove allowPrivilegeEscalation: false.',
    citations: [
      'kubernetes/kubernetes@v1.30.0:pkg/apis/core/validation/validation.go ValidateSecurityContext',
      'kubernetes/kubernetes#131336',
    ],
    examples: [
      'spec.containers[0].securityContext: Invalid value: core.SecurityContext{}: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
    ],
  },
  {
    id: 'windows-pod-capabilities-forbidden',
    kind: 'cause',
    cause: 'schema',
    phase: 'admission',
    title: 'capabilities set on a Windows pod',
    component: 'kube-apiserver pod validation (spec.os.name: windows)',
    versions: 'Kubernetes 1.25+',
    keywords: ['windows pod'],
    patterns: [/securityContext\.capabilities: Forbidden: cannot be set for a windows pod/],
    rule: 'cap-windows',
    confidence: 'medium',
    priority: 86,
    summary: 'The API refused the pod: capabilities cannot be set for a Windows pod.',
    meaning: 'Windows has no POSIX capabilities; a pod with spec.os.name: windows may not set them.',
    fix: 'Remove securityContext.capabilities from the Windows pod’s containers.',
    uncertain: 'The exact wording is from the validation code; no public paste was found.',
    citations: ['kubernetes/website#30436', 'https://kubernetes.io/docs/concepts/windows/intro/'],
    examples: ['spec.containers[0].securityContext.capabilities: Forbidden: cannot be set for a windows pod'],
  },

  // ---- Looks like a capability problem, is not -------------------------------------------------
  {
    id: 'red-herring-seccomp-time64',
    kind: 'cause',
    cause: 'not-capability',
    phase: 'run',
    title: 'reading the clock was refused by seccomp (not a capability)',
    component: 'seccomp: libseccomp before 2.4.2 and Docker before 19.03.9 on 32-bit ARM hosts',
    versions: '32-bit ARM hosts with images built on musl 1.2 / glibc 2.31 or later',
    keywords: ['clock_gettime', 'initialize time', 'realtime clock'],
    patterns: [
      /clock_gettime(?:64)?\([^)]*\) failed\s*:?\s*Operation not permitted/,
      /can't initialize time/,
      /cannot read realtime clock: Operation not permitted/,
    ],
    setting: { kind: 'seccomp' },
    confidence: 'high',
    priority: 76,
    summary:
      'Reading the clock was refused by seccomp, not for want of a capability: the host’s libseccomp or Docker is too old for the image’s time64 system calls.',
    meaning:
      'Reading the clock needs no capability. Newer images use the time64 system calls, which an old libseccomp does ' +
      'not know, so the default seccomp profile answers EPERM. Adding SYS_TIME changes nothing.',
    fix: 'Upgrade libseccomp2 (2.4.2 or later) and Docker (19.03.9 or later) on the host, or use a 64-bit OS or an older base image; do not add capabilities.',
    citations: [
      'cturra/docker-ntp#35',
      'geerlingguy/internet-pi#11',
      'alpinelinux/docker-alpine#135',
      'debuerreotype/docker-debian-artifacts#150',
    ],
    examples: [
      'Fatal error : clock_gettime() failed : Operation not permitted',
      "Fatal Python error: init_interp_main: can't initialize time",
    ],
  },
  {
    id: 'sysctl-readonly-or-forbidden',
    kind: 'cause',
    cause: 'not-capability',
    phase: 'run',
    title: 'setting a sysctl was refused (not a capability)',
    component: 'procfs /proc/sys (read-only in containers) and the kubelet’s sysctl allow-list',
    versions: 'any',
    keywords: ['sysctl', 'Sysctl', 'setting key', 'on key', '/proc/sys/'],
    patterns: [
      /error: "?Read-only file system"? setting key "?(?<setting>[\w./-]+)"?/,
      /sysctl: (?:error )?setting key ["']?(?<setting>[\w./-]+)["']?(?:, ignoring)?: Read-only file system/,
      /can't create \/proc\/sys\/(?<setting>[\w/.-]+): Read-only file system/,
      /(?:^|\s|: )\/proc\/sys\/(?<setting>[\w/.-]+): Read-only file system/,
      /sysctl: permission denied on key "?(?<setting>[\w./-]+)"?/,
      /error: permission denied on key '(?<setting>[\w./-]+)'/,
      /write sysctl key (?<setting>[\w./-]+): open \/proc\/sys\/\S+: (?:permission denied|read-only file system)/,
      /can't set sysctl (?<setting>[\w/]+): open \/proc\/sys\/\S+: read-only file system/,
      { re: /forbidden sysctl: "?(?<setting>[\w./-]+)"? not (?:allowlisted|whitelisted)/, phase: 'admission' },
      { re: /\bSysctlForbidden\b/, phase: 'admission' },
      { re: /forbidden sysctls \(/, phase: 'admission' },
    ],
    setting: { kind: 'sysctl' },
    rule: 'sysctl-needs-privilege',
    confidence: 'high',
    priority: 76,
    summary:
      'Setting the sysctl {setting} was refused, and no capability would change that: set it in the pod’s securityContext.sysctls or on the node.',
    message:
      'Setting sysctl {setting} was refused — no capability changes that; set it in securityContext.sysctls or on the node.',
    meaning:
      '/proc/sys is read-only in unprivileged containers, node-wide sysctls (vm.*, most kernel.*) cannot be set per ' +
      'pod at all, and unsafe namespaced ones need the kubelet’s allow-list. No capability changes that.',
    fix: 'Set namespaced sysctls in the pod’s securityContext.sysctls (allow-listing unsafe ones on the kubelet); set node-wide ones on the node (a DaemonSet or node tuning), not from the application container.',
    citations: [
      'moby/moby#10039',
      'docker/docs#9631',
      'k3s-io/k3s#89',
      'kubernetes/kubernetes@v1.30.0:pkg/kubelet/sysctl/allowlist.go',
    ],
    examples: [
      'error: "Read-only file system" setting key "net.ipv4.ip_local_reserved_ports"',
      "sysctl: error setting key 'net.ipv4.ip_forward': Read-only file system",
      "can't create /proc/sys/net/ipv4/ip_forward: Read-only file system",
      'bash: /proc/sys/net/ipv4/ip_default_ttl: Read-only file system',
    ],
  },
  {
    id: 'lsm-denial',
    kind: 'cause',
    cause: 'not-capability',
    phase: 'run',
    title: 'a security module refused the operation (not a capability)',
    component: 'the kernel’s AppArmor, SELinux or seccomp, with the runtime’s profile for the container',
    versions: 'any',
    keywords: ['apparmor="DENIED"', 'avc:', 'SELinux is preventing', 'type=1326', 'type=SECCOMP'],
    patterns: [
      {
        re: /apparmor="DENIED" operation="(?<op>[^"]+)"(?:.*?profile="(?<profile>[^"]+)")?/,
        summary: 'AppArmor refused {op} ({profile}): the profile, not a missing capability, stopped it.',
      },
      {
        re: /avc:\s+denied\s+\{ (?<op>[^}]+?) \}/,
        summary: 'SELinux refused {op}: the container’s label, not a missing capability, stopped it.',
      },
      {
        re: /SELinux is preventing (?<comm>\S+) from (?<op>\S+) access/,
        summary: 'SELinux refused {op} to {comm}: the container’s label, not a missing capability, stopped it.',
      },
      {
        re: /type=(?:1326|SECCOMP)\b.*?\bsyscall=(?<op>\d+)/,
        summary: 'seccomp refused system call {op}: the runtime’s profile, not a missing capability, stopped it.',
      },
    ],
    confidence: 'high',
    priority: 80,
    meaning:
      'A Linux security module answered EPERM or EACCES for the container. Runtimes confine containers with an ' +
      'AppArmor profile (docker-default, cri-containerd.apparmor.d) that denies mount among others, an SELinux ' +
      'type (container_t), and a seccomp filter; each refuses operations that the container’s capabilities would ' +
      'allow. Adding capabilities does not change that.',
    fix:
      'Change the profile for this container, not its capabilities: a custom AppArmor profile that allows the ' +
      'operation (or unconfined for it, knowingly), the SELinux label or boolean the operation needs, or a seccomp ' +
      'profile that allows the system call. Kubernetes sets these in securityContext.appArmorProfile, ' +
      'seLinuxOptions and seccompProfile; Docker with --security-opt.',
    citations: [
      'moby/moby#16233',
      'moby/moby#40421',
      'sosreport/sos#410',
      'moby/moby@v20.10.0:profiles/apparmor/template.go',
    ],
    examples: [
      '[86690.569280] type=1400 audit(1441943381.165:51): apparmor="DENIED" operation="mount" info="failed flags match" error=-13 profile="docker-default" name="/mnt/" pid=26423 comm="sshfs"',
      'type=AVC msg=audit(1600000000.123:45): avc:  denied  { syslog_read } for  pid=1234 comm="dmesg" scontext=system_u:system_r:container_t:s0',
      'SELinux is preventing dmesg from syslog_read access on the system Unknown.',
    ],
  },
  {
    id: 'device-not-allowed',
    kind: 'cause',
    cause: 'not-capability',
    phase: 'run',
    title: 'opening a device was refused (not a capability)',
    component: 'the device cgroup of the container (runc, crun), which lists the devices it may open',
    versions: 'any; containerd 1.7.24 and runc 1.2 stopped allowing /dev/net/tun by default',
    keywords: ['TUN/TAP dev', 'open /dev/'],
    patterns: [
      /Cannot open TUN\/TAP dev (?<device>\S+): Operation not permitted/,
      /\bopen (?<device>\/dev\/[\w/.-]+): operation not permitted/i,
    ],
    confidence: 'medium',
    priority: 72,
    summary:
      'Opening {device} was refused by the device cgroup: the device is not allowed in the container, which no capability changes.',
    meaning:
      'Opening a device node needs no capability; the container’s device cgroup decides which devices it may ' +
      'open and answers EPERM for the rest. A device must be passed to the container (and, for /dev/net/tun, ' +
      'recent containerd and runc no longer allow it by default).',
    fix: 'Pass the device in: docker run --device /dev/net/tun, compose devices: [/dev/net/tun], or in Kubernetes a device plugin or a hostPath with the device allowed; then add NET_ADMIN if the program also configures the interface.',
    citations: [
      'kylemanna/docker-openvpn#777',
      'haugene/docker-transmission-openvpn#2900',
      'torvalds/linux@v6.6:security/device_cgroup.c devcgroup_check_permission',
    ],
    examples: [
      'Tue Dec 10 02:57:00 2024 ERROR: Cannot open TUN/TAP dev /dev/net/tun: Operation not permitted (errno=1)',
    ],
  },
  {
    id: 'elasticsearch-max-map-count',
    kind: 'cause',
    cause: 'not-capability',
    phase: 'run',
    title: 'Elasticsearch found vm.max_map_count too low (not a capability)',
    component: 'Elasticsearch bootstrap checks',
    versions: 'Elasticsearch 5.x and later',
    keywords: ['vm.max_map_count'],
    patterns: [/max virtual memory areas vm\.max_map_count \[(?<current>\d+)\] is too low/],
    setting: { kind: 'sysctl', name: 'vm.max_map_count' },
    confidence: 'high',
    priority: 76,
    summary: 'vm.max_map_count is too low for Elasticsearch: a node setting, which no capability changes.',
    meaning:
      'vm.max_map_count is a node-wide sysctl that no container may change; Elasticsearch refuses to start in ' +
      'production mode when it is below 262144. Capabilities do not help.',
    fix: 'Raise vm.max_map_count on the nodes (a privileged init container or DaemonSet, or node tuning), or set node.store.allow_mmap: false.',
    citations: ['https://www.elastic.co/guide/en/elasticsearch/reference/current/vm-max-map-count.html'],
    examples: ['[1]: max virtual memory areas vm.max_map_count [65530] is too low, increase to at least [262144]'],
  },

  // ---- Names in a manifest, a docker run line or a compose file that were pasted in ----------
  {
    id: 'manifest-capability-name',
    kind: 'cause',
    cause: 'name',
    phase: 'start',
    title: 'a capability name written with the CAP_ prefix',
    component: 'a manifest, compose file or docker command in the input',
    versions: 'fails on Docker 1.11–18.09 and containerd; works on Docker 19.03+, CRI-O and Podman',
    keywords: ['CAP_', 'cap_', 'Cap_', 'cap-add', 'cap-drop'],
    patterns: [
      /^\s*-\s+["']?(?<name>[Cc][Aa][Pp]_[A-Za-z0-9_]+)["']?\s*(?:#.*)?$/,
      /^\s*"(?<name>[Cc][Aa][Pp]_[A-Za-z0-9_]+)",?\s*$/,
      /\b["']?(?<dir>add|drop|cap_add|cap_drop)["']?\s*:\s*\[(?<names>[^\]]*)\]/,
      /--cap-(?<dir>add|drop)[= ](?<name>[A-Za-z0-9_]+)/,
    ],
    reading: 'as-written',
    confidence: 'medium',
    priority: 50,
    meaning:
      'Kubernetes passes capability names to the runtime unchanged. Docker up to 18.09 and containerd (every ' +
      'version) put "CAP_" in front again: Docker 18.09 and containerd with an old runc refuse the container, ' +
      'containerd with runc 1.0.0-rc94 or later silently leaves the capability out, and a dropped name drops nothing.',
    fix: 'Write the capability without the CAP_ prefix.',
    citations: [
      'moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136',
      'containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235',
      'kubernetes/kubernetes#33104',
    ],
    examples: ['              - CAP_SYS_RESOURCE', '  add: ["CAP_NET_ADMIN", "NET_RAW"]', '--cap-add=CAP_NET_RAW'],
  },
  {
    id: 'capabilities-granted',
    kind: 'context',
    title: 'capabilities the container has or was given',
    component: 'capsh --print, /proc/<pid>/status, docker or podman run flags, compose and pod specs, docker inspect',
    versions: 'any',
    keywords: ['cap_', 'CapEff', '--cap-add', 'CapAdd', 'add:', 'privileged'],
    patterns: [
      { re: /^\s*Current:\s*(?<detail>.*\bcap_\w+.*)$/ },
      { re: /^\s*CapEff:\s*(?<hex>[0-9a-fA-F]{8,16})\s*$/ },
      { re: /--cap-add[= ](?<list>[A-Za-z0-9_,]+)/ },
      { re: /\b["']?(?:cap_add|CapAdd)["']?\s*[:=]\s*\[(?<list>[^\]]*)\]/ },
      { re: /^\s*["']?add["']?\s*:\s*\[(?<list>[^\]]*)\]/ },
      { re: /(?:--privileged(?:=true)?\b|^\s*privileged:\s*true\b)/ },
    ],
    confidence: 'medium',
    priority: 5,
    meaning:
      'the input shows these capabilities in the container, or asked for, so a failure is not explained by their absence',
    fix: 'Look for what else refused the operation: an AppArmor, SELinux or seccomp profile, the user the process runs as, or a device or sysctl.',
    citations: [
      'https://man7.org/linux/man-pages/man5/proc_pid_status.5.html',
      'https://man7.org/linux/man-pages/man1/capsh.1.html',
    ],
    examples: [
      'Current: = cap_chown,cap_dac_override,cap_net_bind_service,cap_net_raw+eip',
      'CapEff:\t00000000a80425fb',
      'docker run --cap-add=NET_ADMIN --cap-add NET_RAW alpine',
      'cap_add: [NET_ADMIN, SYS_MODULE]',
    ],
  },
  {
    id: 'process-user',
    kind: 'context',
    title: 'the user the process runs as',
    component: 'id output, docker run --user, runAsUser in a pod spec',
    versions: 'any',
    keywords: [') gid=', 'ker run', 'man run', 'runAsUser', 'user:'],
    patterns: [
      /^\s*uid=(?<uid>\d+)\((?<user>[^)]*)\) gid=/,
      /--user[= ](?<uid>\d+)(?::\d+)?\b/,
      /\brunAsUser:\s*(?<uid>\d+)\b/,
      /^\s*user:\s*["']?(?<uid>\d+)(?::\d+)?["']?\s*$/,
    ],
    confidence: 'medium',
    priority: 5,
    meaning: 'the process runs as this user id; for any uid but 0 added capabilities are not effective',
    fix: 'Run as the owner of the files the process changes, or as root with the capability.',
    citations: ['https://man7.org/linux/man-pages/man7/capabilities.7.html', 'kubernetes/kubernetes#56374'],
    examples: ['uid=1000(postgres) gid=1000(postgres) groups=1000(postgres)', 'docker run --user 10000:10000 postgres'],
  },
  {
    id: 'file-capabilities',
    kind: 'context',
    title: 'file capabilities set on a program',
    component: 'setcap in a Dockerfile or package script, getcap output',
    versions: 'any',
    keywords: ['cap_', 'CAP_'],
    patterns: [
      /\bsetcap\s+['"]?(?<detail>(?:cap_|CAP_)[A-Za-z_,]+(?:[+=]+[a-z]+)+)/,
      /^\s*\S+ = (?<detail>cap_[a-z_,]+[+=][a-z]+)\s*$/,
      /^\s*\S+ (?<detail>cap_[a-z_,]+=[a-z]+)\s*$/,
    ],
    confidence: 'medium',
    priority: 5,
    meaning: 'the program carries file capabilities; exec fails with EPERM when the container cannot grant all of them',
    fix: 'Grant the file capabilities to the container, or remove them from the image.',
    citations: [
      'https://man7.org/linux/man-pages/man7/capabilities.7.html',
      'actiontech/dtle#454',
      'scionproto/docker-caps#5',
    ],
    examples: [
      'setcap CAP_DAC_OVERRIDE,CAP_SETUID,CAP_SYS_RESOURCE,CAP_SETGID=+eip /usr/bin/dtle',
      'elf_test = cap_sys_admin+ep',
    ],
  },
  {
    id: 'interface-seen',
    kind: 'context',
    title: 'how the container was started',
    component: 'a docker run, podman run or compose command or message in the input',
    versions: 'any',
    keywords: ['docker run', 'podman run', 'compose', 'apabilit'],
    patterns: [
      {
        re: /\b(?:docker-compose|docker compose|podman-compose)\b|Cannot create container for service|ERROR: for \S+\s/,
        via: 'compose',
      },
      { re: /\bpodman (?:container )?run\b/, via: 'podman' },
      { re: /\b(?:docker|nerdctl) (?:container )?run\b/, via: 'docker-run' },
    ],
    confidence: 'medium',
    priority: 1,
    meaning: 'the container was started this way, so the fix is written for it',
    fix: 'Write the fix for the interface the container is started with.',
    citations: [
      'https://docs.docker.com/reference/cli/docker/container/run/',
      'https://docs.docker.com/reference/compose-file/services/#cap_add',
    ],
    examples: [
      'docker run -ti --cap-add=NET_ADMIN --name vpn alpine',
      'docker-compose up -d',
      'sudo podman run -it alpine',
    ],
  },
  {
    id: 'limits-conf-raises-hard-limit',
    kind: 'context',
    title: 'a limits.conf line that raises a hard limit',
    component: 'PAM limits.conf in the image',
    versions: 'any',
    keywords: ['memlock', 'nofile', 'nproc', 'rtprio', 'priority', 'nice'],
    patterns: [
      /^\s*(?<domain>[*@%\w][\w.@%*-]*)\s+(?:hard|-)\s+(?<setting>memlock|nofile|nproc|stack|core|rtprio|nice|priority|as|data|fsize|locks|sigpending|msgqueue)\s+(?:unlimited|infinity|-?\d+)\s*$/,
    ],
    capability: 'SYS_RESOURCE',
    setting: { kind: 'rlimit' },
    confidence: 'medium',
    priority: 10,
    meaning:
      'limits.conf raises a hard limit here, which pam_limits applies when su or runuser opens a session; raising a hard limit needs SYS_RESOURCE',
    fix: 'Keep the line only if the container has SYS_RESOURCE, or raise the limit at the runtime instead.',
    citations: ['linux-pam/linux-pam@v1.5.2:modules/pam_limits/pam_limits.c'],
    examples: ['* hard memlock unlimited', 'elasticsearch - memlock unlimited'],
  },

  ...OPERATION_SIGNATURES,

  // ---- Symptoms --------------------------------------------------------------------------------
  {
    id: 'kubectl-describe-runcontainererror',
    kind: 'symptom',
    symptom: 'start-failure',
    title: 'the container never started',
    component: 'kubelet (pod status and events)',
    versions:
      'all; dockershim reports RunContainerError and ContainerCannotRun, containerd StartError, CRI-O and Docker 19.03+ CreateContainerError',
    keywords: [
      'RunContainerError',
      'ContainerCannotRun',
      'StartError',
      'CreateContainerError',
      'failed to start container',
      'failed to create container',
      'failed to create containerd task',
      'OCI runtime create failed',
      'StartContainer',
    ],
    patterns: [
      /\bRunContainerError\b/,
      /\bContainerCannotRun\b/,
      /\bStartError\b/,
      /\bCreateContainerError\b/,
      /Error: failed to (?:start|create) container/,
      /failed to create containerd task/,
      /OCI runtime create failed/,
      /failed to "StartContainer" for/,
      /StartContainer "[0-9a-f]+" from runtime service failed/,
    ],
    confidence: 'high',
    priority: 20,
    meaning:
      'The runtime refused to create or start the container; the application never ran, so this is not a crash. ' +
      'The reason is in the event’s message, the last state’s message or the node’s journal.',
    fix: 'Read the runtime’s message: kubectl describe pod (Events, Last State), or the kubelet and runtime journal on the node.',
    citations: START_FAILURE_CITATIONS,
    examples: [
      'esc-210915-143151-data-0       1/2     RunContainerError   15         57m     192.168.31.244   ly-xjf-r021110-gyt   <none>           <none>',
      '      Reason:       ContainerCannotRun',
    ],
  },
  {
    id: 'kubectl-describe-crashloopbackoff',
    kind: 'symptom',
    symptom: 'crash-loop',
    title: 'the kubelet keeps restarting it',
    component: 'kubelet',
    versions: 'all; recent kubelets name the container and pod in the event',
    keywords: ['ack-off', 'ackOff'],
    patterns: [
      /Back-off restarting failed container/i,
      /\bCrashLoopBackOff\b/,
      /back-off \S+ restarting failed container/i,
    ],
    confidence: 'high',
    priority: 15,
    meaning:
      'The container exits (or fails to start) again and again and the kubelet waits longer between attempts. ' +
      'It says nothing about why.',
    fix: 'Read kubectl logs --previous and the last state; if there is no log, the container never started.',
    citations: ['kubernetes/kubernetes@v1.30.0:pkg/kubelet/kuberuntime/kuberuntime_manager.go'],
    examples: [
      'Warning  BackOff  kubelet  Back-off restarting failed container es-cluster in pod esc-0_ns(uid)',
      'esc-210915-143151-master-0     1/2     CrashLoopBackOff    40         3h2m    192.168.31.25    ly-xjf-r021110-gyt   <none>           <none>',
    ],
  },
  {
    id: 'kubectl-logs-failed-to-open-log-file',
    kind: 'symptom',
    symptom: 'start-failure',
    title: 'kubectl logs found no log file',
    component: 'kubelet log retrieval (kubectl logs)',
    versions: 'all',
    keywords: ['failed to open log file', 'resolving symlinks'],
    patterns: [
      /failed to open log file "(?<path>[^"]+)"/,
      /failed to try resolving symlinks in path "\/var\/log\/pods\//,
    ],
    confidence: 'high',
    priority: 18,
    meaning:
      'The container attempt never started, so it never wrote a log; the error that stopped it is not in the ' +
      'container’s log but in the pod’s events and the node’s journal.',
    fix: 'Run kubectl describe pod, and read the kubelet and runtime journal on the node.',
    follows: 'an attempt that never started writes no log',
    citations: ['kubernetes/kubernetes#54474', 'kubernetes/kubernetes#50499', 'kubernetes/kubernetes#81280'],
    examples: [
      'failed to open log file "/var/log/pods/b8012435-15fb-11ec-b6be-000af79b1e70/es-cluster/9.log": open /var/log/pods/b8012435-15fb-11ec-b6be-000af79b1e70/es-cluster/9.log: no such file or directory',
    ],
  },
  {
    id: 'generic-eperm',
    kind: 'symptom',
    symptom: 'eperm',
    title: 'an operation was refused with EPERM',
    component: 'any program in the container',
    versions: 'any',
    keywords: ['not permitted', 'EPERM', 'Errno 1]'],
    patterns: [/operation not permitted/i, /\bEPERM\b/, /\[Errno 1\]/],
    confidence: 'low',
    priority: 5,
    meaning:
      'Something was refused, but the message does not say which system call: a missing capability, a seccomp or ' +
      'AppArmor rule, a read-only file system or a user namespace can all answer EPERM.',
    fix: 'Find the call that failed (the lines before this one, or strace -f), then compare with the container’s effective capabilities.',
    follows: 'the call needed the capability',
    citations: ['https://man7.org/linux/man-pages/man7/capabilities.7.html'],
    examples: ['PermissionError: [Errno 1] Operation not permitted'],
  },
];

/**
 * Causes that correlation derives from others (they match no line by themselves): a chown or chmod
 * refused to a non-root process is a matter of ownership, not of a capability.
 */
export const DERIVED_SIGNATURES: readonly Signature[] = [
  {
    id: 'ownership-wrong-uid',
    kind: 'cause',
    cause: 'not-capability',
    phase: 'run',
    title: 'a non-root process changed a file it does not own (not a capability)',
    component: 'the kernel’s ownership checks, for a process that is not uid 0',
    versions: 'any',
    keywords: ['Operation not permitted'],
    patterns: [/(?!)/],
    confidence: 'medium',
    priority: 74,
    summary:
      'The process runs as uid {uid} and may change only files it owns: the volume’s owner is the problem, and capabilities added to the container are not effective for that user.',
    meaning:
      'chown and chmod of a file someone else owns need CHOWN or FOWNER, which a non-root process never has in ' +
      'effect (Kubernetes and Docker set no ambient capabilities). The input shows the process runs as a non-root ' +
      'user, so the fix is the ownership of the files, not a capability.',
    fix: 'Make the files owned by that user: fsGroup (and fsGroupChangePolicy) in the pod, an init container running as root that chowns the volume, or docker run --user matching the owner; or run as the owner.',
    citations: [
      'docker-library/postgres#780',
      'idaholab/Malcolm-Helm#16',
      'https://man7.org/linux/man-pages/man2/chown.2.html',
    ],
    examples: [],
  },
];

export const SIGNATURE_BY_ID: ReadonlyMap<string, Signature> = new Map(
  [...SIGNATURES, ...DERIVED_SIGNATURES].map((s) => [s.id, s]),
);

/**
 * How to grant a capability, for each way of starting a container the input can show. `{capability}`
 * is filled in; Kubernetes (and an input that does not say) keeps the signature's own fix.
 */
export const GRANT_ADVICE: Readonly<Record<Exclude<Interface, 'kubernetes'>, string>> = {
  'docker-run': 'Run the container with --cap-add={capability} (one name per --cap-add, without the CAP_ prefix).',
  compose: 'Add {capability} under cap_add: of the service in the compose file (one name per list item).',
  podman: 'Run the container with --cap-add={capability}.',
};

/** Where a capability name is written, for each interface (for name problems). */
export const NAME_PLACE: Readonly<Record<Interface, string>> = {
  'docker-run': 'the --cap-add flag',
  compose: 'cap_add: of the service',
  podman: 'the --cap-add flag',
  kubernetes: 'securityContext.capabilities.{direction}',
};

/** What to do with a capability that the node's kernel or the runtime does not know. */
export const NOT_KNOWN_FIX =
  'Remove {capability} from the list, or run on a node whose kernel ({kernel} or later) and runtime know it; the name itself is right, so rewriting it does not help.';
