// How each container engine and OCI runtime treats the capability names a pod spec carries.
// Facts only; the reasoning that combines them lives in predict.ts. Every entry names its sources
// (repo@tag:path, commit or issue); `uncertain` says what has not been verified.

export type EngineName = 'docker' | 'containerd' | 'crio' | 'podman' | 'rkt';
export type OciRuntimeName = 'runc' | 'crun';

/**
 * How an engine turns the manifest's string into the kernel name it looks up:
 * - `bare`: compares the string, case-insensitively, with names that have no `CAP_` prefix;
 * - `prefix-always`: writes `CAP_` + the string (upper-cased), whatever it already starts with;
 * - `normalize`: upper-cases and adds `CAP_` only when it is missing;
 * - `prefix-required`: uses the string as the kernel name, so it must already carry `CAP_`.
 */
export type Naming = 'bare' | 'prefix-always' | 'normalize' | 'prefix-required';

/** What an engine does with a name it does not know. */
export type UnknownHandling =
  | { action: 'reject'; status: 'CreateContainerError' | 'RunContainerError'; phase: string; message: string }
  | { action: 'ignore'; note: string }
  /** Written into the OCI config unchecked; the OCI runtime decides. */
  | { action: 'oci' };

/** What happens when the same capability is both added and dropped. */
export interface ConflictFacts {
  result: 'add-wins' | 'drop-wins' | 'rejected' | 'unknown';
  detail: string;
  citations: readonly string[];
  /** The order was read in a later release and is assumed for this one. */
  uncertain?: boolean;
}

export interface EngineRange {
  engine: EngineName;
  id: string;
  label: string;
  since?: string;
  until?: string;
  naming: Naming;
  /** Message when `prefix-required` meets a name without `CAP_`. */
  prefixRequiredMessage?: string;
  /** How the engine matches `ALL`. */
  all: 'any-case' | 'unknown';
  unknownAdd: UnknownHandling;
  unknownDrop: UnknownHandling;
  /** Highest capability number the engine itself knows (names past it are unknown), when it checks names. */
  knownMax?: number;
  /** What happens when a known capability is missing from the node's kernel, if it differs from an unknown name. */
  unavailable?: { add: UnknownHandling; drop: UnknownHandling };
  /** `drop: [ALL]` leaves the default capabilities in place (CRI-O before 1.22). */
  dropAllKeepsDefaults?: boolean;
  /** Capabilities a container gets when the manifest adds and drops nothing. */
  defaults: readonly string[];
  conflict: ConflictFacts;
  /** Whether add and drop lists still apply to a privileged container. */
  privileged: { listsIgnored: boolean | 'unknown'; detail: string; citations: readonly string[] };
  citations: readonly string[];
  notes?: readonly string[];
  uncertain?: readonly string[];
}

export interface OciRange {
  runtime: OciRuntimeName;
  id: string;
  label: string;
  since?: string;
  until?: string;
  unknown: UnknownHandling;
  /** Highest capability number it knows. */
  knownMax: number;
  /** Whether it matches names case-insensitively. */
  caseInsensitive: boolean;
  citations: readonly string[];
  uncertain?: readonly string[];
}

const DOCKER_DEFAULTS = [
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'MKNOD',
  'NET_RAW',
  'SETGID',
  'SETUID',
  'SETFCAP',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'SYS_CHROOT',
  'KILL',
  'AUDIT_WRITE',
] as const;

const CRIO_1_11_DEFAULTS = [
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'NET_RAW',
  'SETGID',
  'SETUID',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'SYS_CHROOT',
  'KILL',
] as const;

const CRIO_1_18_DEFAULTS = [
  'CHOWN',
  'DAC_OVERRIDE',
  'FSETID',
  'FOWNER',
  'SETGID',
  'SETUID',
  'SETPCAP',
  'NET_BIND_SERVICE',
  'KILL',
] as const;

const PODMAN_MINIMAL_DEFAULTS = [
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
] as const;

const AUDIT_READ = 37;
const CHECKPOINT_RESTORE = 40;

const DOCKER_DEFAULT_SOURCES = [
  'moby/moby@v18.06.1-ce:oci/defaults.go',
  'moby/moby@v20.10.0:oci/caps/defaults.go',
  'moby/moby@docker-v29.0.0:daemon/pkg/oci/caps/defaults.go',
];

const DOCKER_PRIVILEGED = {
  listsIgnored: true,
  detail: 'Docker gives a privileged container every capability and does not apply add or drop',
  citations: [
    'moby/moby@4460acf0876fa7d3b7cd200bbc4287292dc4f10e:daemon/oci_linux.go setCapabilities',
    'moby/moby@941846a3390a57a4ec46437b6c5bb1edb95181d3:oci/caps/utils.go TweakCapabilities',
  ],
} as const;

const CONTAINERD_PRIVILEGED = {
  listsIgnored: true,
  // Newer releases apply the lists and then WithPrivileged, which grants everything again.
  detail: 'containerd gives a privileged container every capability, whatever add or drop say',
  citations: [
    'containerd/containerd@aa6418fadd19617eb5aa1182021bef65de022084:pkg/cri/server/container_create_linux.go',
    'containerd/containerd@01dc4ae36b7f03daaa7c07c27d3514eccfa0b839:internal/cri/server/container_create.go buildLinuxSpec',
  ],
} as const;

const CRIO_PRIVILEGED = {
  listsIgnored: true,
  detail: 'CRI-O sets a privileged container up with every capability and skips add and drop',
  citations: [
    'cri-o/cri-o@03c46e4007abf87ed803d88e803dd4f4bf3454cc:internal/factory/container/container.go SpecSetPrivileges',
  ],
} as const;

const CRIO_CONFLICT = {
  result: 'drop-wins',
  detail: 'CRI-O applies the drop list after the add list',
  citations: [
    'cri-o/cri-o@03c46e4007abf87ed803d88e803dd4f4bf3454cc:internal/factory/container/container.go SpecSetupCapabilities',
  ],
} as const;

// CRI-O from 1.0 on: names are upper-cased and prefixed when needed; unknown drops are not checked.
const CRIO_NAMES = {
  naming: 'normalize',
  all: 'any-case',
  unknownDrop: { action: 'ignore', note: 'unknown drops are not checked' },
} as const;

const CRIO_INVALID_CAPABILITY: UnknownHandling = {
  action: 'reject',
  status: 'CreateContainerError',
  phase: 'create',
  message: 'invalid capability: {name}',
};

const CRIO_UNKNOWN_TO_ADD: UnknownHandling = {
  action: 'reject',
  status: 'CreateContainerError',
  phase: 'create',
  message: 'unknown capability "{name}" to add',
};

export const ENGINE_RANGES: readonly EngineRange[] = [
  {
    engine: 'docker',
    id: 'docker-1.2',
    label: 'Docker 1.2–1.10',
    since: '1.2',
    until: '1.11',
    naming: 'bare',
    all: 'any-case',
    unknownAdd: {
      action: 'reject',
      status: 'RunContainerError',
      phase: 'start',
      message: 'Unknown capability to add: "{input}"',
    },
    unknownDrop: {
      action: 'reject',
      status: 'RunContainerError',
      phase: 'start',
      message: 'Unknown capability drop: "{input}"',
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: 'unknown',
      detail: 'not researched for Docker before 1.11',
      citations: [],
    },
    privileged: DOCKER_PRIVILEGED,
    citations: [
      'moby/moby@v1.2.0:daemon/execdriver/utils.go',
      'moby/moby@v1.10.0:daemon/execdriver/utils_unix.go',
      'moby/moby@v1.2.0:daemon/execdriver/native/template/default_template.go',
    ],
    uncertain: ['the highest capability these releases knew depends on the vendored capability list and the kernel'],
  },
  {
    engine: 'docker',
    id: 'docker-1.11',
    label: 'Docker 1.11–18.09',
    since: '1.11',
    until: '19.03.0-beta1',
    naming: 'prefix-always',
    all: 'any-case',
    unknownAdd: {
      action: 'reject',
      status: 'RunContainerError',
      phase: 'start',
      message: 'linux spec capabilities: Unknown capability to add: "{name}"',
    },
    unknownDrop: {
      action: 'reject',
      status: 'RunContainerError',
      phase: 'start',
      message: 'linux spec capabilities: Unknown capability drop: "{input}"',
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: 'add-wins',
      detail: 'Docker keeps the defaults that are not dropped and then appends the added names',
      citations: ['moby/moby@e2593239d949eee454935daea7a5fe025477322f:daemon/caps/utils.go TweakCapabilities'],
    },
    privileged: DOCKER_PRIVILEGED,
    citations: [
      'moby/moby@v1.11.0:daemon/caps/utils_unix.go (commit 9c4570a958, PR #20662)',
      'moby/moby@v18.06.1-ce:daemon/caps/utils.go L82-136',
      'moby/moby@v18.06.1-ce:daemon/oci_linux.go L755',
      'moby/moby@v18.06.1-ce:daemon/start.go L154',
      'kubernetes/kubernetes#33104',
      ...DOCKER_DEFAULT_SOURCES,
    ],
    notes: [
      'the container is created, then fails at start, so the kubelet reports RunContainerError',
      'behind Kubernetes this is dockershim (Kubernetes ≤1.23) or cri-dockerd, which pass names through unchanged',
    ],
    uncertain: ['the highest capability these releases knew depends on the vendored capability list and the kernel'],
  },
  {
    engine: 'docker',
    id: 'docker-19.03',
    label: 'Docker 19.03–20.10',
    since: '19.03.0-beta1',
    until: '22',
    naming: 'normalize',
    all: 'any-case',
    unknownAdd: {
      action: 'reject',
      status: 'CreateContainerError',
      phase: 'create',
      message: 'invalid CapAdd: unknown capability: "{name}"',
    },
    unknownDrop: {
      action: 'reject',
      status: 'CreateContainerError',
      phase: 'create',
      message: 'invalid CapDrop: unknown capability: "{name}"',
    },
    // 20.10 deliberately stops at AUDIT_READ; 19.03's vendored list predates PERFMON/BPF/CHECKPOINT_RESTORE.
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: 'add-wins',
      detail: 'Docker removes the dropped names from its defaults first and then appends the added ones',
      citations: ['moby/moby@v20.10.0:oci/caps/utils.go TweakCapabilities'],
    },
    privileged: DOCKER_PRIVILEGED,
    citations: [
      'moby/moby commit 80d7bfd54d (PR #38380), first released in v19.03.0',
      'moby/moby@v19.03.0:oci/caps/utils.go L86-113',
      'moby/moby@v19.03.0:daemon/container.go L309-320',
      'moby/moby@v20.10.0:oci/caps/utils.go L13-30 (commit a38b96b8cd, PR #41563)',
      ...DOCKER_DEFAULT_SOURCES,
    ],
    notes: ['names are checked when the container is created, so the kubelet reports CreateContainerError'],
  },
  {
    engine: 'docker',
    id: 'docker-23',
    label: 'Docker 23+',
    since: '22',
    naming: 'normalize',
    all: 'any-case',
    unknownAdd: {
      action: 'reject',
      status: 'CreateContainerError',
      phase: 'create',
      message: 'invalid CapAdd: unknown capability: "{name}"',
    },
    unknownDrop: {
      action: 'reject',
      status: 'CreateContainerError',
      phase: 'create',
      message: 'invalid CapDrop: unknown capability: "{name}"',
    },
    knownMax: CHECKPOINT_RESTORE,
    unavailable: {
      add: {
        action: 'reject',
        status: 'CreateContainerError',
        phase: 'create',
        message:
          'invalid CapAdd: capability not supported by your kernel or not available in the current environment: "{name}"',
      },
      drop: {
        action: 'reject',
        status: 'CreateContainerError',
        phase: 'create',
        message:
          'invalid CapDrop: capability not supported by your kernel or not available in the current environment: "{name}"',
      },
    },
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: 'add-wins',
      detail: 'Docker removes the dropped names from its defaults first and then appends the added ones',
      citations: ['moby/moby@v23.0.0:oci/caps/utils.go TweakCapabilities'],
    },
    privileged: DOCKER_PRIVILEGED,
    citations: [
      'moby/moby commit 485cf38d48 (PR #42933)',
      'moby/moby@v23.0.0:oci/caps/utils.go L56-78',
      'moby/moby@docker-v29.0.0:daemon/pkg/oci/caps/utils.go',
      ...DOCKER_DEFAULT_SOURCES,
    ],
  },
  {
    engine: 'containerd',
    id: 'containerd-1.1',
    label: 'containerd 1.1–1.2',
    since: '1.1',
    until: '1.3',
    naming: 'prefix-always',
    all: 'any-case',
    unknownAdd: {
      action: 'reject',
      status: 'CreateContainerError',
      phase: 'create',
      message:
        'failed to generate container "<id>" spec: failed to set capabilities &Capability{...}: invalid capability: {name}',
    },
    unknownDrop: { action: 'ignore', note: 'removing a name that is not in the list changes nothing' },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: 'drop-wins',
      detail: 'containerd applies the drop list after the add list',
      citations: [
        'containerd/cri@9a674d16e4c52007b3ee11feea62cb4937dbd54c:pkg/server/container_create.go setOCICapabilities',
      ],
    },
    privileged: CONTAINERD_PRIVILEGED,
    citations: [
      'containerd/cri commit f247a081 (PR #71)',
      'containerd/cri@v1.0.0:pkg/server/container_create.go L370-373, L703-745',
      'containerd/cri@release/1.2:pkg/server/container_create.go L401-404, L826-866',
      'containerd/cri@v1.0.0:vendor/github.com/opencontainers/runtime-tools/validate/validate.go CapValid',
    ],
    uncertain: ['the highest capability runtime-tools knew in these releases was not checked'],
  },
  {
    engine: 'containerd',
    id: 'containerd-1.3',
    label: 'containerd 1.3+',
    since: '1.3',
    naming: 'prefix-always',
    all: 'any-case',
    unknownAdd: { action: 'oci' },
    unknownDrop: { action: 'ignore', note: 'removing a name that is not in the list changes nothing' },
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: 'drop-wins',
      detail: 'containerd applies the drop list after the add list',
      citations: [
        'containerd/containerd@030e9a19c859838539a4f7699bbb3f10be3d92f4:internal/cri/opts/spec_opts.go WithCapabilities',
      ],
    },
    privileged: CONTAINERD_PRIVILEGED,
    citations: [
      'containerd/cri@release/1.3:pkg/containerd/opts/spec.go L448-475',
      'containerd/containerd@v1.6.0:pkg/cri/opts/spec_linux.go L350-366',
      'containerd/containerd@v1.7.0:pkg/cri/opts/spec_opts.go L190-205',
      'containerd/containerd@v2.0.0:internal/cri/opts/spec_opts.go L198-235',
      'containerd/containerd@v2.0.0:pkg/oci/spec.go defaultUnixCaps',
    ],
    notes: [
      'a start failure shows as RunContainerError while waiting, with StartError as the last termination reason',
      'measured with containerd 1.6.20 over CRI: CAP_SYS_RESOURCE became CAP_CAP_SYS_RESOURCE and the container started without it; drop CAP_KILL left KILL in place',
    ],
  },
  {
    engine: 'crio',
    id: 'crio-0',
    label: 'CRI-O before 1.0',
    since: '0',
    until: '1.0',
    naming: 'prefix-required',
    prefixRequiredMessage: 'capability {input} must start with CAP_',
    all: 'any-case',
    unknownAdd: {
      action: 'reject',
      status: 'CreateContainerError',
      phase: 'create',
      message: 'invalid capability: {name}',
    },
    unknownDrop: { action: 'ignore', note: 'unknown drops were not checked' },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: { result: 'unknown', detail: 'not researched for CRI-O before 1.0', citations: [] },
    privileged: { listsIgnored: 'unknown', detail: 'not researched', citations: [] },
    citations: ['cri-o/cri-o@v0.3:server/container_create.go L407'],
  },
  {
    engine: 'crio',
    id: 'crio-1.0',
    label: 'CRI-O 1.0–1.10',
    since: '1.0',
    until: '1.11',
    ...CRIO_NAMES,
    unknownAdd: CRIO_INVALID_CAPABILITY,
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: { result: 'unknown', detail: 'not verified for CRI-O 1.0–1.11', citations: [] },
    privileged: { listsIgnored: 'unknown', detail: 'not verified', citations: [] },
    citations: [
      'cri-o/cri-o commit 139b16bac2 (first in v1.0.0-alpha.0)',
      'cri-o/cri-o@v1.0.0:server/container_create.go L692-735',
      'cri-o/cri-o@v1.10.0:server/container_create.go L494-505',
    ],
    dropAllKeepsDefaults: true,
    uncertain: [
      'the defaults are runtime-tools’ generator set (the same 14 as Docker); later crio.conf defaults never held MKNOD, AUDIT_WRITE or SETFCAP',
    ],
  },
  {
    engine: 'crio',
    id: 'crio-1.11',
    label: 'CRI-O 1.11',
    since: '1.11',
    until: '1.12',
    ...CRIO_NAMES,
    unknownAdd: CRIO_INVALID_CAPABILITY,
    knownMax: AUDIT_READ,
    defaults: CRIO_1_11_DEFAULTS,
    dropAllKeepsDefaults: true,
    conflict: { result: 'unknown', detail: 'not verified for CRI-O 1.11', citations: [] },
    privileged: { listsIgnored: 'unknown', detail: 'not verified', citations: [] },
    citations: [
      'cri-o/cri-o@v1.11.0:lib/config.go L61-73 (commit bb6678777c, PR #1546)',
      'cri-o/cri-o@v1.10.0:server/container_create.go L494-505',
    ],
  },
  {
    engine: 'crio',
    id: 'crio-1.12',
    label: 'CRI-O 1.12–1.17',
    since: '1.12',
    until: '1.18',
    ...CRIO_NAMES,
    unknownAdd: CRIO_UNKNOWN_TO_ADD,
    knownMax: CHECKPOINT_RESTORE,
    defaults: CRIO_1_11_DEFAULTS,
    dropAllKeepsDefaults: true,
    conflict: { ...CRIO_CONFLICT, citations: [...CRIO_CONFLICT.citations], uncertain: true },
    privileged: CRIO_PRIVILEGED,
    citations: [
      'cri-o/cri-o commit d2bcd76b42',
      'cri-o/cri-o@v1.13.0:server/container_create.go L334-400',
      'cri-o/cri-o@v1.11.0:lib/config.go L61-73 (commit bb6678777c, PR #1546)',
      'cri-o/cri-o@v1.17.0:pkg/config/config.go L103-115',
    ],
    notes: ['the known list is cut at the node kernel’s last capability'],
  },
  {
    engine: 'crio',
    id: 'crio-1.18',
    label: 'CRI-O 1.18–1.21',
    since: '1.18',
    until: '1.22',
    ...CRIO_NAMES,
    unknownAdd: CRIO_UNKNOWN_TO_ADD,
    knownMax: CHECKPOINT_RESTORE,
    defaults: CRIO_1_18_DEFAULTS,
    dropAllKeepsDefaults: true,
    conflict: CRIO_CONFLICT,
    privileged: CRIO_PRIVILEGED,
    citations: [
      'cri-o/cri-o commit 63b9f4ec98 (PR #3119)',
      'cri-o/cri-o@v1.18.0:internal/config/capabilities/capabilities.go L15-27',
      'cri-o/cri-o@HEAD:internal/factory/container/container.go L640-800',
    ],
    notes: ['the known list is cut at the node kernel’s last capability'],
  },
  {
    engine: 'crio',
    id: 'crio-1.22',
    label: 'CRI-O 1.22+',
    since: '1.22',
    ...CRIO_NAMES,
    unknownAdd: CRIO_UNKNOWN_TO_ADD,
    knownMax: CHECKPOINT_RESTORE,
    defaults: CRIO_1_18_DEFAULTS,
    conflict: CRIO_CONFLICT,
    privileged: CRIO_PRIVILEGED,
    citations: [
      'cri-o/cri-o commit 63b9f4ec98 (PR #3119)',
      'cri-o/cri-o commit c52b85d6c6 (first in v1.22.0)',
      'cri-o/cri-o@v1.18.0:internal/config/capabilities/capabilities.go L15-27',
      'cri-o/cri-o@HEAD:internal/factory/container/container.go L640-800',
    ],
    notes: [
      'drop: [ALL] removes the defaults from 1.22 on (commit c52b85d6c6)',
      'the known list is cut at the node kernel’s last capability',
    ],
  },
  {
    engine: 'podman',
    id: 'podman-1',
    label: 'Podman before 4.4',
    since: '1.0',
    until: '4.4',
    naming: 'normalize',
    all: 'any-case',
    unknownAdd: {
      action: 'reject',
      status: 'CreateContainerError',
      phase: 'create',
      message: '"{name}": unknown capability',
    },
    unknownDrop: {
      action: 'reject',
      status: 'CreateContainerError',
      phase: 'create',
      message: '"{name}": unknown capability',
    },
    knownMax: CHECKPOINT_RESTORE,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: 'rejected',
      detail: 'Podman refuses the container: capability "{name}" cannot be dropped and added',
      citations: ['containers/common@HEAD:pkg/capabilities/capabilities.go MergeCapabilities'],
    },
    privileged: { listsIgnored: 'unknown', detail: 'not verified', citations: [] },
    citations: [
      'containers/common commit ca9bcc05',
      'containers/common@HEAD:pkg/capabilities/capabilities.go',
      'containers/common@v0.50.0:pkg/config/default.go',
    ],
    notes: [
      'measured with Podman 4.3.1: CAP_CAP_SYS_RESOURCE was refused with `"CAP_CAP_SYS_RESOURCE": unknown capability`',
    ],
  },
  {
    engine: 'podman',
    id: 'podman-4.4',
    label: 'Podman 4.4+',
    since: '4.4',
    naming: 'normalize',
    all: 'any-case',
    unknownAdd: {
      action: 'reject',
      status: 'CreateContainerError',
      phase: 'create',
      message: '"{name}": unknown capability',
    },
    unknownDrop: {
      action: 'reject',
      status: 'CreateContainerError',
      phase: 'create',
      message: '"{name}": unknown capability',
    },
    knownMax: CHECKPOINT_RESTORE,
    defaults: PODMAN_MINIMAL_DEFAULTS,
    conflict: {
      result: 'rejected',
      detail: 'Podman refuses the container: capability "{name}" cannot be dropped and added',
      citations: ['containers/common@HEAD:pkg/capabilities/capabilities.go MergeCapabilities'],
    },
    privileged: { listsIgnored: 'unknown', detail: 'not verified', citations: [] },
    citations: [
      'containers/common commit a3328f26 (first in v0.51.0)',
      'containers/common@v0.60.0:pkg/config/default.go',
      'containers/common@HEAD:pkg/capabilities/capabilities.go',
    ],
    uncertain: ['that Podman 4.4 is the first release with containers/common v0.51 is from memory, not verified'],
  },
  {
    engine: 'rkt',
    id: 'rkt-1',
    label: 'rkt (rktnetes)',
    since: '1.0',
    naming: 'prefix-required',
    prefixRequiredMessage: 'Failed to parse capability {input}.',
    all: 'unknown',
    unknownAdd: {
      action: 'reject',
      status: 'RunContainerError',
      phase: 'start',
      message: 'Failed to parse capability {input}.',
    },
    unknownDrop: {
      action: 'reject',
      status: 'RunContainerError',
      phase: 'start',
      message: 'Failed to parse capability {input}.',
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: 'rejected',
      detail:
        'rkt refuses any pod with both lists: cannot have both os/linux/capabilities-retain-set and os/linux/capabilities-remove-set',
      citations: ['rkt/rkt@v1.30.0:stage1/init/common/pod.go getAppCapabilities'],
    },
    privileged: { listsIgnored: 'unknown', detail: 'not researched', citations: [] },
    citations: [
      'kubernetes/kubernetes#33104',
      'rkt/rkt@v1.30.0:stage1/init/common/pod.go L537, L636-713',
      'rkt/rkt@v1.9.1:stage1/init/common/pod.go L970-1040',
    ],
    notes: [
      'add becomes a retain set that replaces the defaults: the container keeps only the listed capabilities',
      'rktnetes was removed from Kubernetes around 1.10/1.11',
    ],
    uncertain: ['case handling is inferred from systemd’s case-insensitive name table'],
  },
];

export const OCI_RANGES: readonly OciRange[] = [
  {
    runtime: 'runc',
    id: 'runc-old',
    label: 'runc ≤1.0.0-rc93',
    until: '1.0.0-rc94',
    unknown: {
      action: 'reject',
      status: 'RunContainerError',
      phase: 'start',
      message: 'OCI runtime create failed: … unknown capability "{name}": unknown',
    },
    knownMax: AUDIT_READ,
    caseInsensitive: false,
    citations: [
      'opencontainers/runc@v1.0.0-rc92:libcontainer/capabilities_linux.go L33-70',
      'opencontainers/runc@v1.0.0-rc93:libcontainer/capabilities/capabilities.go L58-63',
      'utkuozdemir/pv-migrate#165',
    ],
    uncertain: [
      'PERFMON, BPF and CHECKPOINT_RESTORE became known in rc93 (commit 6dfbe9b807); rc93 is counted as not knowing them here',
    ],
  },
  {
    runtime: 'runc',
    id: 'runc-new',
    label: 'runc ≥1.0.0-rc94',
    since: '1.0.0-rc94',
    unknown: {
      action: 'ignore',
      note: 'runc only logs `ignoring unknown or unavailable capabilities: [{name}]`, which the kubelet never shows',
    },
    knownMax: CHECKPOINT_RESTORE,
    caseInsensitive: false,
    citations: [
      'opencontainers/runc commit 5fb831a0f (PR #2854), first in v1.0.0-rc94',
      'opencontainers/runc@v1.0.0:libcontainer/capabilities/capabilities.go L37-61',
    ],
  },
  {
    runtime: 'crun',
    id: 'crun-old',
    label: 'crun ≤0.18',
    until: '0.19',
    unknown: {
      action: 'reject',
      status: 'RunContainerError',
      phase: 'start',
      message: 'unknown cap: `{name}`',
    },
    knownMax: CHECKPOINT_RESTORE,
    caseInsensitive: true,
    citations: ['containers/crun@0.17:src/libcrun/linux.c L2435-2436'],
    uncertain: ['crun resolves names with libcap; which names it knows depends on the libcap it was built with'],
  },
  {
    runtime: 'crun',
    id: 'crun-mid',
    label: 'crun 0.19–1.28',
    since: '0.19',
    until: '1.29',
    unknown: { action: 'ignore', note: 'crun ignores unknown names and reports them only with --debug' },
    knownMax: CHECKPOINT_RESTORE,
    caseInsensitive: true,
    citations: ['containers/crun commit 78aeac9f', 'containers/crun@1.28:src/libcrun/linux.c L3489-3492'],
  },
  {
    runtime: 'crun',
    id: 'crun-new',
    label: 'crun ≥1.29',
    since: '1.29',
    unknown: {
      action: 'reject',
      status: 'RunContainerError',
      phase: 'start',
      message: 'unknown capability `{name}`',
    },
    knownMax: CHECKPOINT_RESTORE,
    caseInsensitive: true,
    citations: [
      'containers/crun commit 2e822523',
      'containers/crun@1.29:NEWS',
      'containers/crun@1.29:src/libcrun/linux.c L4309-4310',
    ],
    uncertain: [
      'crun 1.29 is recent (tagged 2026-08-07); the return to a hard error has not been checked against a released build',
    ],
  },
];

/** The runc that each containerd release pins (distributions often ship another). */
export const CONTAINERD_BUNDLED_RUNC: readonly { since: string; until?: string; runc: string; source: string }[] = [
  // Open-ended: later releases pin newer runc (all ≥1.0.0-rc94), which is all the predictions need.
  { since: '1.3.0', until: '1.4.0', runc: '1.0.0-rc10', source: 'containerd/containerd@v1.3.10:vendor.conf' },
  {
    since: '1.4.0',
    until: '1.4.1',
    runc: '1.0.0-rc92',
    source: 'containerd/containerd@v1.4.0:script/setup/runc-version',
  },
  { since: '1.4.13', until: '1.5.0', runc: '1.0.3', source: 'containerd/containerd@v1.4.13:script/setup/runc-version' },
  {
    since: '1.5.0',
    until: '1.5.2',
    runc: '1.0.0-rc93',
    source: 'containerd/containerd@v1.5.0:script/setup/runc-version',
  },
  {
    since: '1.5.2',
    until: '1.6.0',
    runc: '1.0.0-rc95',
    source: 'containerd/containerd@v1.5.2:script/setup/runc-version',
  },
  { since: '1.6.0', runc: '1.1.0', source: 'containerd/containerd@v1.6.0:script/setup/runc-version' },
];

export const ENGINE_NAMES: readonly EngineName[] = ['docker', 'containerd', 'crio', 'podman', 'rkt'];
