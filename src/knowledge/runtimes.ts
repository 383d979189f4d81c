// How each container engine and OCI runtime treats the capability names a pod spec carries.
// Facts only; the reasoning that combines them lives in predict.ts. Every entry names its sources
// (repo@tag:path, commit or issue); `uncertain` says what has not been verified.
import type { Releases } from './versions.js';

export type { Releases };

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
  /** `message`: the line the engine logs instead, if any (`{input}` is the name as written). */
  | { action: 'ignore'; note: string; message?: string }
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
  /**
   * Releases of the range that treat an added name they do not know, or the node's kernel lacks,
   * otherwise than `unknownAdd` and `unavailable.add` say (CRI-O 1.11.0 and 1.11.1 skip it).
   */
  unknownAddIn?: { releases: Releases; handling: UnknownHandling; detail: string; citations: readonly string[] };
  /** Highest capability number the engine itself knows (names past it are unknown), when it checks names. */
  knownMax?: number;
  /** What happens when a known capability is missing from the node's kernel, if it differs from an unknown name. */
  unavailable?: { add: UnknownHandling; drop: UnknownHandling };
  /**
   * `drop: [ALL]` leaves the default capabilities in place: in every release of the range (`true`)
   * or in the listed ones (CRI-O 1.11 up to its fix in 1.19.5, 1.21.1 and 1.22).
   */
  dropAllKeepsDefaults?: boolean | Releases;
  dropAllFix?: { detail: string; citations: readonly string[] };
  /** What a process that is not uid 0 starts with, where it differs from "nothing but the bounding set". */
  nonRoot?: NonRootFacts;
  /** Capabilities a container gets when the manifest adds and drops nothing. */
  defaults: readonly string[];
  conflict: ConflictFacts;
  /** Whether add and drop lists still apply to a privileged container. */
  privileged: {
    listsIgnored: boolean | 'unknown';
    detail: string;
    citations: readonly string[];
    /** The names are still validated (an unknown one refused) although the lists are not applied. */
    namesChecked?: boolean;
    namesCheckedCitations?: readonly string[];
  };
  citations: readonly string[];
  notes?: readonly string[];
  uncertain?: readonly string[];
}

/**
 * How the runtime fills the sets other than the bounding set, which decides what a process that is
 * not uid 0 holds. Each list names the releases of the range it is true for.
 */
export interface NonRootFacts {
  /**
   * The runtime also puts the added capabilities (with `defaults`, the default ones too) in the
   * ambient set, so a non-root process holds them in its effective and permitted sets.
   */
  ambient?: { releases: Releases; defaults: boolean; detail: string; citations: readonly string[] };
  /**
   * The runtime writes only the bounding set for a non-root user (effective and permitted empty), so
   * with no_new_privs no file capability can work either.
   */
  boundingOnly?: { releases: Releases; detail: string; citations: readonly string[] };
  /** The runtime fills the inheritable set, so a file capability `+ei` works too (without no_new_privs). */
  inheritable?: { releases: Releases; detail: string; citations: readonly string[] };
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

const DOCKER_BOUNDING_ONLY = {
  detail:
    'for a user that is not uid 0 Docker writes only the bounding set: the effective and permitted sets stay empty (18.04–23.0.6 and 24.0.0–24.0.5)',
  citations: [
    'moby/moby commit 15ff09395c (PR #36587), first in v18.04.0-ce',
    'moby/moby@v18.04.0-ce:daemon/oci_linux.go L252-273 setCapabilities',
    'moby/moby@v20.10.14:oci/oci.go SetCapabilities',
    'moby/moby@v24.0.5:oci/oci.go SetCapabilities',
    'moby/moby commit 3aef732e61 (PR #45511, first in v25.0.0; backports PR #46222 in v23.0.7 and PR #46221 in v24.0.6)',
    'moby/moby@v23.0.7:oci/oci.go SetCapabilities',
    'moby/moby@v24.0.6:oci/oci.go SetCapabilities',
  ],
} as const;

const DOCKER_INHERITABLE = {
  detail:
    'Docker up to 20.10.13 also fills the inheritable set, so a file capability `+ei` works for a non-root program there; from 20.10.14 (CVE-2022-24769) only `+ep` does',
  citations: [
    'moby/moby@v18.06.1-ce:daemon/oci_linux.go setCapabilities',
    'moby/moby@v20.10.13:oci/oci.go SetCapabilities',
    'moby/moby@v20.10.14:oci/oci.go SetCapabilities',
  ],
} as const;

const DOCKER_PRIVILEGED = {
  listsIgnored: true,
  detail: 'Docker gives a privileged container every capability and does not apply add or drop',
  citations: [
    'moby/moby@4460acf0876fa7d3b7cd200bbc4287292dc4f10e:daemon/oci_linux.go setCapabilities',
    'moby/moby@941846a3390a57a4ec46437b6c5bb1edb95181d3:oci/caps/utils.go TweakCapabilities',
  ],
} as const;

// From 19.03 on, the daemon validates CapAdd and CapDrop when the container is created, before it
// looks at Privileged (setCapabilities/TweakCapabilities then skip the lists).
const DOCKER_PRIVILEGED_NAMES_CHECKED = {
  ...DOCKER_PRIVILEGED,
  namesChecked: true,
  namesCheckedCitations: [
    'moby/moby@v19.03.0:daemon/container.go L308-320 validateCapabilities',
    'moby/moby@v20.10.0:daemon/container.go L307-316 validateCapabilities',
    'moby/moby@docker-v29.0.0:daemon/container.go L331-340 validateCapabilities',
    'moby/moby@v18.09.0:daemon/oci.go L18-28 setCapabilities (before 19.03: privileged skips the lists, names unchecked)',
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

// CRI-O from 1.0 on: names are upper-cased and prefixed when needed.
const CRIO_NAMES = {
  naming: 'normalize',
  all: 'any-case',
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

// Every CRI-O from 1.0.0-rc1 on returns runtime-tools' refusal of a drop it does not know.
const CRIO_FAILED_TO_DROP: UnknownHandling = {
  action: 'reject',
  status: 'CreateContainerError',
  phase: 'create',
  message: 'failed to drop cap {name} invalid capability: {name}',
};

// runtime-tools from 1.10 on checks a drop against its own list only, not the node's kernel.
const CRIO_UNAVAILABLE_DROP: UnknownHandling = {
  action: 'ignore',
  note: 'the kernel never grants it, so there is nothing to drop',
};

const CRIO_DROP_SOURCES = [
  'cri-o/cri-o commit af0a494251 (first in v1.0.0-rc1): a failed drop is returned, no longer only logged',
  'cri-o/cri-o@v1.0.0:server/container_create.go L729-736',
  'cri-o/cri-o@v1.21.0:server/container_create.go L365-380',
  'cri-o/cri-o@v1.36.0:internal/factory/container/container.go SpecSetupCapabilities',
  'cri-o/cri-o@v1.36.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapabilityBounding',
  'field report on OpenShift: Error: failed to drop cap CAP_MCK invalid capability: CAP_MCK',
];

// Up to 1.20 CRI-O pins a 2018 gocapability whose list ends at AUDIT_READ; 1.21.0 moves on.
const CRIO_OLD_GOCAPABILITY = [
  'cri-o/cri-o@v1.11.0:vendor.conf (syndtr/gocapability e7cb7fa)',
  'cri-o/cri-o@v1.20.9:go.mod (replace syndtr/gocapability => d98352740cb2, "pinning … until" runc commit 6dfbe9b807)',
  'cri-o/cri-o@v1.20.9:vendor/github.com/syndtr/gocapability/capability/enum.go (ends at CAP_AUDIT_READ)',
];
const CRIO_NEW_GOCAPABILITY = [
  'cri-o/cri-o@v1.21.0:go.mod (syndtr/gocapability 42c35b437635)',
  'cri-o/cri-o@v1.21.0:vendor/github.com/syndtr/gocapability/capability/enum.go (PERFMON, BPF, CHECKPOINT_RESTORE)',
];

const CRIO_DROP_ALL_FIX = {
  detail:
    'fixed in CRI-O 1.19.5, 1.21.1 and 1.22 (commit c52b85d6c6; backports 1e72afd358 and 2f4af82569); 1.20 never got it',
  citations: [
    'cri-o/cri-o commit c52b85d6c6 (first in v1.22.0)',
    'cri-o/cri-o commit 2f4af82569 (first in v1.21.1)',
    'cri-o/cri-o commit 1e72afd358 (first in v1.19.5)',
    'cri-o/cri-o@v1.21.0:server/container_create_linux.go L363 (defaults appended to the add list)',
    'cri-o/cri-o@v1.21.1:server/container_create.go setupCapabilities (addAll, dropAll)',
  ],
} as const;

// runtime-tools' generator (New) puts its 14 defaults in the ambient set too, and AddProcessCapability
// (1.0–1.9) or the explicit AddProcessCapabilityAmbient (1.10.0) adds every added name to it.
const CRIO_AMBIENT = {
  defaults: true,
  detail:
    'CRI-O 1.0–1.9.11 and 1.10.0 also fill the ambient set (runtime-tools’ defaults and every added name); commit 18b8d90299 (1.11.0, backported to 1.10.1 and 1.9.12) empties it',
  citations: [
    'cri-o/cri-o@v1.0.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go New (Ambient), AddProcessCapability',
    'cri-o/cri-o@v1.10.0:server/container_create.go L549-570 (AddProcessCapabilityAmbient)',
    'cri-o/cri-o commit 18b8d90299 (first in v1.11.0); backports e0d3814d97 (v1.10.1) and 336ec9833e (v1.9.12)',
    'cri-o/cri-o@v1.9.12:server/container_create.go L887-890',
  ],
} as const;

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
      // `CAP_` + the name as written: matching is case-insensitive, the quoted name is not upper-cased.
      message: 'linux spec capabilities: Unknown capability to add: "CAP_{input}"',
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
    nonRoot: {
      boundingOnly: { releases: [{ since: '18.04' }], ...DOCKER_BOUNDING_ONLY },
      inheritable: { releases: [{}], ...DOCKER_INHERITABLE },
    },
    uncertain: [
      'the highest capability these releases knew depends on the vendored capability list and the kernel',
      'before 17.12 Docker wrote a single capability list (OCI spec before 1.0) that runc applied to every set: the inheritable set being filled there is inferred, not read',
    ],
    notes: [
      'the container is created, then fails at start, so the kubelet reports RunContainerError',
      'up to 18.03 Docker put the set in the effective and permitted sets for every user; from 18.04 only in the bounding set for a non-root user',
      'behind Kubernetes this is dockershim (Kubernetes ≤1.23) or cri-dockerd, which pass names through unchanged',
    ],
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
    privileged: DOCKER_PRIVILEGED_NAMES_CHECKED,
    citations: [
      'moby/moby commit 80d7bfd54d (PR #38380), first released in v19.03.0',
      'moby/moby@v19.03.0:oci/caps/utils.go L86-113',
      'moby/moby@v19.03.0:daemon/container.go L309-320',
      'moby/moby@v20.10.0:oci/caps/utils.go L13-30 (commit a38b96b8cd, PR #41563)',
      ...DOCKER_DEFAULT_SOURCES,
    ],
    nonRoot: {
      boundingOnly: { releases: [{}], ...DOCKER_BOUNDING_ONLY },
      inheritable: { releases: [{ until: '20.10.14' }], ...DOCKER_INHERITABLE },
    },
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
    privileged: DOCKER_PRIVILEGED_NAMES_CHECKED,
    citations: [
      'moby/moby commit 485cf38d48 (PR #42933)',
      'moby/moby@v23.0.0:oci/caps/utils.go L56-78',
      'moby/moby@docker-v29.0.0:daemon/pkg/oci/caps/utils.go',
      ...DOCKER_DEFAULT_SOURCES,
    ],
    nonRoot: {
      boundingOnly: {
        releases: [
          { since: '22', until: '23.0.7' },
          { since: '24.0.0', until: '24.0.6' },
        ],
        ...DOCKER_BOUNDING_ONLY,
      },
    },
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
    // runtime-tools checks the name after removing it (DropProcessCapability in v1.1,
    // DropProcessCapabilityBounding in v1.2) and the CRI plugin returns that error.
    unknownDrop: {
      action: 'reject',
      status: 'CreateContainerError',
      phase: 'create',
      message:
        'failed to generate container "<id>" spec: failed to set capabilities &Capability{...}: invalid capability: {name}',
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    nonRoot: {
      ambient: {
        releases: [{ since: '1.1.0', until: '1.1.1' }],
        defaults: false,
        detail:
          'containerd 1.1.0 (cri v1.0.0) adds each capability with runtime-tools’ AddProcessCapability, which also puts it in the ambient set; cri commit 73d3ea18 (containerd 1.1.1) empties the ambient set again',
        citations: [
          'containerd/containerd@v1.1.0:vendor.conf (containerd/cri v1.0.0)',
          'containerd/containerd@v1.1.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go AddProcessCapability',
          'containerd/cri commit 73d3ea18 (first in v1.0.3, vendored by containerd v1.1.1)',
          'containerd/containerd@v1.1.1:vendor/github.com/containerd/cri/pkg/server/container_create.go L375-379',
        ],
      },
      inheritable: {
        releases: [{}],
        detail: 'containerd before 1.5.11 and 1.6.2 also fills the inheritable set',
        citations: [
          'containerd/containerd@v1.2.0:vendor/github.com/containerd/cri/pkg/server/container_create.go addProcessRootCapability',
        ],
      },
    },
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
      'containerd/containerd@v1.1.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapability (CapValid after the removal)',
      'containerd/containerd@v1.2.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go DropProcessCapabilityBounding (CapValid after the removal)',
      'containerd/containerd@v1.2.0:vendor/github.com/containerd/cri/pkg/server/container_create.go L398-401, L790-850',
    ],
    notes: [
      'drop: [CAP_KILL] becomes CAP_CAP_KILL, which runtime-tools refuses: the container is not created',
      'the names come from the vendored gocapability (db04d3cc), which ends at AUDIT_READ',
    ],
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
      'containerd/containerd@v1.6.0:oci/spec_opts.go WithDroppedCapabilities, removeCap (a dropped name is not checked)',
    ],
    nonRoot: {
      inheritable: {
        releases: [{ until: '1.5.11' }, { since: '1.6', until: '1.6.2' }],
        detail: 'containerd before 1.5.11 and 1.6.2 also fills the inheritable set (CVE-2022-24769)',
        citations: [
          'containerd/containerd@v1.5.10:oci/spec.go populateDefaultUnixSpec',
          'containerd/containerd@v1.5.11:oci/spec.go populateDefaultUnixSpec',
          'containerd/containerd@v1.6.2:oci/spec.go populateDefaultUnixSpec',
        ],
      },
    },
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
    until: '1.0.0-alpha.0',
    naming: 'prefix-required',
    // runtime-tools upper-cases the name before it checks the prefix.
    prefixRequiredMessage: 'capability {name} must start with CAP_',
    all: 'any-case',
    unknownAdd: {
      action: 'reject',
      status: 'CreateContainerError',
      phase: 'create',
      message: 'Invalid capability: {name}',
    },
    unknownDrop: {
      action: 'reject',
      status: 'CreateContainerError',
      phase: 'create',
      message: 'Invalid capability: {name}',
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: { result: 'unknown', detail: 'not researched for CRI-O before 1.0', citations: [] },
    privileged: { listsIgnored: 'unknown', detail: 'not researched', citations: [] },
    citations: [
      'cri-o/cri-o@v0.3:server/container_create.go L402-420',
      'cri-o/cri-o@v0.3:vendor/github.com/opencontainers/runtime-tools/generate/generate.go AddProcessCapability, DropProcessCapability',
      'cri-o/cri-o@v0.3:vendor/github.com/opencontainers/runtime-tools/validate/validate.go L620-640 CapValid',
    ],
    notes: ['both lists go to runtime-tools unchanged, which checks every name, in add and in drop'],
  },
  {
    engine: 'crio',
    id: 'crio-1.0',
    label: 'CRI-O 1.0–1.9',
    since: '1.0.0-alpha.0',
    until: '1.10',
    ...CRIO_NAMES,
    unknownAdd: CRIO_INVALID_CAPABILITY,
    unknownDrop: CRIO_FAILED_TO_DROP,
    // HostSpecific generator: runtime-tools also checks add and drop against the kernel's last capability.
    unavailable: {
      add: { ...CRIO_INVALID_CAPABILITY, message: '{name} is not supported on the current host' },
      drop: {
        ...CRIO_FAILED_TO_DROP,
        message: 'failed to drop cap {name} {name} is not supported on the current host',
      },
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: 'drop-wins',
      detail: 'CRI-O applies the drop list after the add list',
      citations: ['cri-o/cri-o@v1.0.0:server/container_create.go L719-737'],
    },
    privileged: {
      listsIgnored: true,
      detail: 'CRI-O sets a privileged container up with every capability and skips add and drop',
      citations: ['cri-o/cri-o@v1.0.0:server/container_create.go L687-691 (SetupPrivileged)'],
    },
    nonRoot: { ambient: { releases: [{ since: '1.0.0-alpha.0', until: '1.9.12' }], ...CRIO_AMBIENT } },
    citations: [
      'cri-o/cri-o commit 139b16bac2 (first in v1.0.0-alpha.0)',
      'cri-o/cri-o@v1.0.0:server/container_create.go L692-737',
      'cri-o/cri-o@v1.0.0:server/container_create.go L538-539 (generate.New, HostSpecific)',
      'cri-o/cri-o@v1.0.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go New (the 14 defaults)',
      'cri-o/cri-o@v1.0.0:vendor/github.com/opencontainers/runtime-tools/validate/validate.go CapValid',
      ...CRIO_DROP_SOURCES,
      ...CRIO_OLD_GOCAPABILITY,
    ],
    notes: [
      'the defaults are runtime-tools’ generator set (the same 14 as Docker); drop: [ALL] removes them',
      'the 1.0.0 alpha and beta pre-releases only logged a failed drop (at debug level); it fails the container from 1.0.0-rc1 on',
    ],
  },
  {
    engine: 'crio',
    id: 'crio-1.10',
    label: 'CRI-O 1.10',
    since: '1.10',
    until: '1.11',
    ...CRIO_NAMES,
    unknownAdd: CRIO_INVALID_CAPABILITY,
    unknownDrop: CRIO_FAILED_TO_DROP,
    unavailable: {
      add: { ...CRIO_INVALID_CAPABILITY, message: '{name} is not supported on the current host' },
      drop: CRIO_UNAVAILABLE_DROP,
    },
    knownMax: AUDIT_READ,
    defaults: DOCKER_DEFAULTS,
    conflict: {
      result: 'drop-wins',
      detail: 'CRI-O applies the drop list after the add list',
      citations: ['cri-o/cri-o@v1.10.0:server/container_create.go L549-590 setupCapabilities'],
    },
    privileged: {
      listsIgnored: true,
      detail: 'CRI-O sets a privileged container up with every capability and skips add and drop',
      citations: ['cri-o/cri-o@v1.10.0:server/container_create.go L946-948 (SetupPrivileged)'],
    },
    nonRoot: { ambient: { releases: [{ since: '1.10.0', until: '1.10.1' }], ...CRIO_AMBIENT } },
    citations: [
      'cri-o/cri-o@v1.10.0:server/container_create.go L494-590 setupCapabilities',
      'cri-o/cri-o@v1.10.0:vendor/github.com/opencontainers/runtime-tools/generate/generate.go (fdbc3d6: drops checked with CapValid(cp, false))',
      ...CRIO_DROP_SOURCES,
      ...CRIO_OLD_GOCAPABILITY,
    ],
    notes: ['the defaults are runtime-tools’ generator set (the same 14 as Docker); drop: [ALL] removes them'],
  },
  {
    engine: 'crio',
    id: 'crio-1.11',
    label: 'CRI-O 1.11',
    since: '1.11',
    until: '1.12',
    ...CRIO_NAMES,
    // CRI-O checks an added name against its own list, cut at the node kernel's last capability,
    // before runtime-tools sees it: 1.11.0 and 1.11.1 skip a miss, 1.11.2 refuses it (PR #1708).
    unknownAdd: CRIO_UNKNOWN_TO_ADD,
    unknownAddIn: {
      releases: [{ since: '1.11', until: '1.11.2' }],
      handling: {
        action: 'ignore',
        note: 'CRI-O 1.11.0 and 1.11.1 log a warning and create the container without it',
        message: 'invalid capability "{input}", skipping...',
      },
      detail:
        'CRI-O 1.11.0 and 1.11.1 skip an added name they do not know with a warning; 1.11.2 and later refuse it (cri-o/cri-o#1708)',
      citations: [
        'cri-o/cri-o@v1.11.0:server/container_create.go L562-572',
        'cri-o/cri-o@v1.11.1:server/container_create.go L562-572',
        'cri-o/cri-o@v1.11.0:server/utils.go L180-189 getOCICapabilitiesList (cut at the kernel’s last capability)',
      ],
    },
    unknownDrop: CRIO_FAILED_TO_DROP,
    unavailable: { add: CRIO_UNKNOWN_TO_ADD, drop: CRIO_UNAVAILABLE_DROP },
    knownMax: AUDIT_READ,
    defaults: CRIO_1_11_DEFAULTS,
    dropAllKeepsDefaults: true,
    dropAllFix: CRIO_DROP_ALL_FIX,
    conflict: {
      result: 'drop-wins',
      detail: 'CRI-O applies the drop list after the add list',
      citations: ['cri-o/cri-o@v1.11.0:server/container_create.go L507-605 setupCapabilities'],
    },
    privileged: {
      listsIgnored: true,
      detail: 'CRI-O sets a privileged container up with every capability and skips add and drop',
      citations: ['cri-o/cri-o@v1.11.0:server/container_create.go L1015-1017 (SetupPrivileged)'],
    },
    citations: [
      'cri-o/cri-o PR #1708, commit 38de9320b7 (first in v1.11.2): an unknown added name is refused',
      'cri-o/cri-o@v1.11.2:server/container_create.go L567-575',
      'cri-o/cri-o@v1.11.0:lib/config.go L61-73 (commit bb6678777c, PR #1546)',
      'cri-o/cri-o@v1.11.0:server/container_create.go L1025-1033 (defaults appended to the add list)',
      ...CRIO_DROP_SOURCES,
      ...CRIO_OLD_GOCAPABILITY,
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
    unknownDrop: CRIO_FAILED_TO_DROP,
    unavailable: { add: CRIO_UNKNOWN_TO_ADD, drop: CRIO_UNAVAILABLE_DROP },
    knownMax: AUDIT_READ,
    defaults: CRIO_1_11_DEFAULTS,
    dropAllKeepsDefaults: true,
    dropAllFix: CRIO_DROP_ALL_FIX,
    conflict: {
      result: 'drop-wins',
      detail: 'CRI-O applies the drop list after the add list',
      citations: ['cri-o/cri-o@v1.13.0:server/container_create.go L334-400 setupCapabilities'],
    },
    privileged: CRIO_PRIVILEGED,
    citations: [
      'cri-o/cri-o commit d2bcd76b42 (first in v1.12.0)',
      'cri-o/cri-o@v1.13.0:server/container_create.go L334-400',
      'cri-o/cri-o@v1.11.0:lib/config.go L61-73 (commit bb6678777c, PR #1546)',
      'cri-o/cri-o@v1.17.0:pkg/config/config.go L103-115',
      ...CRIO_DROP_SOURCES,
      ...CRIO_OLD_GOCAPABILITY,
    ],
    notes: ['the known list is cut at the node kernel’s last capability'],
  },
  {
    engine: 'crio',
    id: 'crio-1.18',
    label: 'CRI-O 1.18–1.20',
    since: '1.18',
    until: '1.21',
    ...CRIO_NAMES,
    unknownAdd: CRIO_UNKNOWN_TO_ADD,
    unknownDrop: CRIO_FAILED_TO_DROP,
    unavailable: { add: CRIO_UNKNOWN_TO_ADD, drop: CRIO_UNAVAILABLE_DROP },
    knownMax: AUDIT_READ,
    defaults: CRIO_1_18_DEFAULTS,
    dropAllKeepsDefaults: [
      { since: '1.18', until: '1.19.5' },
      { since: '1.20', until: '1.21' },
    ],
    dropAllFix: CRIO_DROP_ALL_FIX,
    conflict: CRIO_CONFLICT,
    privileged: CRIO_PRIVILEGED,
    citations: [
      'cri-o/cri-o commit 63b9f4ec98 (PR #3119)',
      'cri-o/cri-o@v1.18.0:internal/config/capabilities/capabilities.go L15-27',
      'cri-o/cri-o@v1.18.0:server/container_create.go L380-475 setupCapabilities',
      ...CRIO_DROP_SOURCES,
      ...CRIO_OLD_GOCAPABILITY,
    ],
    notes: ['the known list is cut at the node kernel’s last capability'],
  },
  {
    engine: 'crio',
    id: 'crio-1.21',
    label: 'CRI-O 1.21',
    since: '1.21',
    until: '1.22',
    ...CRIO_NAMES,
    unknownAdd: CRIO_UNKNOWN_TO_ADD,
    unknownDrop: CRIO_FAILED_TO_DROP,
    unavailable: { add: CRIO_UNKNOWN_TO_ADD, drop: CRIO_UNAVAILABLE_DROP },
    knownMax: CHECKPOINT_RESTORE,
    defaults: CRIO_1_18_DEFAULTS,
    dropAllKeepsDefaults: [{ since: '1.21', until: '1.21.1' }],
    dropAllFix: CRIO_DROP_ALL_FIX,
    conflict: CRIO_CONFLICT,
    privileged: CRIO_PRIVILEGED,
    citations: [
      'cri-o/cri-o commit 63b9f4ec98 (PR #3119)',
      'cri-o/cri-o@v1.21.0:server/container_create.go L286-380 setupCapabilities',
      ...CRIO_DROP_SOURCES,
      ...CRIO_NEW_GOCAPABILITY,
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
    unknownDrop: CRIO_FAILED_TO_DROP,
    unavailable: { add: CRIO_UNKNOWN_TO_ADD, drop: CRIO_UNAVAILABLE_DROP },
    knownMax: CHECKPOINT_RESTORE,
    defaults: CRIO_1_18_DEFAULTS,
    conflict: CRIO_CONFLICT,
    privileged: CRIO_PRIVILEGED,
    citations: [
      'cri-o/cri-o commit 63b9f4ec98 (PR #3119)',
      'cri-o/cri-o commit c52b85d6c6 (first in v1.22.0)',
      'cri-o/cri-o@v1.18.0:internal/config/capabilities/capabilities.go L15-27',
      'cri-o/cri-o@v1.36.0:internal/factory/container/container.go L640-790',
      ...CRIO_DROP_SOURCES,
      ...CRIO_NEW_GOCAPABILITY,
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
      'containers/podman@v4.3.1:go.mod (containers/common v0.50.1: the 14 defaults)',
    ],
    notes: [
      'measured with Podman 4.3.1: CAP_CAP_SYS_RESOURCE was refused with `"CAP_CAP_SYS_RESOURCE": unknown capability`',
    ],
  },
  {
    engine: 'podman',
    id: 'podman-4.4.0',
    label: 'Podman 4.4.0–4.4.2',
    since: '4.4',
    until: '4.4.3',
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
    // containers/common v0.51.0 also left SYS_CHROOT out; v0.51.1 (Podman 4.4.3) put it back.
    defaults: PODMAN_MINIMAL_DEFAULTS.filter((c) => c !== 'SYS_CHROOT'),
    conflict: {
      result: 'rejected',
      detail: 'Podman refuses the container: capability "{name}" cannot be dropped and added',
      citations: ['containers/common@HEAD:pkg/capabilities/capabilities.go MergeCapabilities'],
    },
    privileged: { listsIgnored: 'unknown', detail: 'not verified', citations: [] },
    citations: [
      'containers/common commit a3328f26 (first in v0.51.0)',
      'containers/podman@v4.4.0:go.mod (containers/common v0.51.0)',
      'containers/podman@v4.4.0:vendor/github.com/containers/common/pkg/config/default.go DefaultCapabilities (10, no SYS_CHROOT)',
      'containers/common@HEAD:pkg/capabilities/capabilities.go',
    ],
  },
  {
    engine: 'podman',
    id: 'podman-4.4',
    label: 'Podman 4.4.3+',
    since: '4.4.3',
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
      'containers/podman@v4.4.3:go.mod (containers/common v0.51.1)',
      'containers/podman@v4.4.3:vendor/github.com/containers/common/pkg/config/default.go DefaultCapabilities (11)',
      'containers/podman@v5.6.0:vendor/github.com/containers/common/pkg/config/default.go DefaultCapabilities (11)',
      'containers/common@v0.60.0:pkg/config/default.go',
      'containers/common@HEAD:pkg/capabilities/capabilities.go',
    ],
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
    label: 'runc ≤1.0.0-rc92',
    until: '1.0.0-rc93',
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
      'opencontainers/runc@v1.0.0-rc92:vendor/github.com/syndtr/gocapability/capability/enum.go (ends at CAP_AUDIT_READ)',
      'utkuozdemir/pv-migrate#165',
    ],
  },
  {
    runtime: 'runc',
    id: 'runc-rc93',
    label: 'runc 1.0.0-rc93',
    since: '1.0.0-rc93',
    until: '1.0.0-rc94',
    unknown: {
      action: 'reject',
      status: 'RunContainerError',
      phase: 'start',
      message: 'OCI runtime create failed: … unknown capability "{name}": unknown',
    },
    // Its list is cut at the kernel's last capability (gocapability's CAP_LAST_CAP is read at start).
    knownMax: CHECKPOINT_RESTORE,
    caseInsensitive: false,
    citations: [
      'opencontainers/runc@v1.0.0-rc93:libcontainer/capabilities/capabilities.go L17-25, L58-63',
      'opencontainers/runc commit 6dfbe9b807 (PERFMON, BPF, CHECKPOINT_RESTORE; first in v1.0.0-rc93)',
      'opencontainers/runc@v1.0.0-rc93:vendor/github.com/syndtr/gocapability/capability/enum.go',
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
    unknown: {
      action: 'ignore',
      note: 'crun skips unknown names with the warning "unknown cap: `{name}`", printed only with --debug (from 1.17 also with --log-level=warning), which the kubelet never shows',
    },
    knownMax: CHECKPOINT_RESTORE,
    caseInsensitive: true,
    citations: [
      'containers/crun commit 78aeac9f (first in 0.19)',
      'containers/crun@1.28:src/libcrun/linux.c L3489-3492 (libcrun_warning)',
      'containers/crun@0.19:src/crun.c L310-311 (--debug raises the verbosity to warnings)',
      'containers/crun commit 19b98930 (--log-level, first in 1.17)',
      'containers/crun@1.28:src/crun.c L228-233, L335-345',
    ],
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

/**
 * The runc that each containerd release pins for its release builds: vendor.conf up to 1.4.4 (read by
 * script/setup/install-runc), script/setup/runc-version from 1.4.5 and 1.5.0 on. Distributions often
 * ship another runc. The last entry is open-ended: every later release pins runc 1.1.0 or newer.
 */
export const CONTAINERD_BUNDLED_RUNC: readonly { since: string; until?: string; runc: string; source: string }[] = [
  {
    since: '1.3.0',
    until: '1.3.1',
    runc: '1.0.0-rc8',
    source: 'containerd/containerd@v1.3.0:vendor.conf (rc8+, 3e425f80)',
  },
  { since: '1.3.1', until: '1.3.3', runc: '1.0.0-rc9', source: 'containerd/containerd@v1.3.1:vendor.conf' },
  { since: '1.3.3', until: '1.4.0', runc: '1.0.0-rc10', source: 'containerd/containerd@v1.3.3:vendor.conf' },
  { since: '1.4.0', until: '1.4.5', runc: '1.0.0-rc92', source: 'containerd/containerd@v1.4.0:vendor.conf' },
  {
    since: '1.4.5',
    until: '1.4.6',
    runc: '1.0.0-rc94',
    source: 'containerd/containerd@v1.4.5:script/setup/runc-version',
  },
  {
    since: '1.4.6',
    until: '1.4.7',
    runc: '1.0.0-rc95',
    source: 'containerd/containerd@v1.4.6:script/setup/runc-version',
  },
  { since: '1.4.7', until: '1.4.9', runc: '1.0.0', source: 'containerd/containerd@v1.4.7:script/setup/runc-version' },
  { since: '1.4.9', until: '1.4.10', runc: '1.0.1', source: 'containerd/containerd@v1.4.9:script/setup/runc-version' },
  {
    since: '1.4.10',
    until: '1.4.13',
    runc: '1.0.2',
    source: 'containerd/containerd@v1.4.10:script/setup/runc-version',
  },
  { since: '1.4.13', until: '1.5.0', runc: '1.0.3', source: 'containerd/containerd@v1.4.13:script/setup/runc-version' },
  {
    since: '1.5.0',
    until: '1.5.1',
    runc: '1.0.0-rc93',
    source: 'containerd/containerd@v1.5.0:script/setup/runc-version',
  },
  {
    since: '1.5.1',
    until: '1.5.2',
    runc: '1.0.0-rc94',
    source: 'containerd/containerd@v1.5.1:script/setup/runc-version',
  },
  {
    since: '1.5.2',
    until: '1.5.3',
    runc: '1.0.0-rc95',
    source: 'containerd/containerd@v1.5.2:script/setup/runc-version',
  },
  { since: '1.5.3', until: '1.5.5', runc: '1.0.0', source: 'containerd/containerd@v1.5.3:script/setup/runc-version' },
  { since: '1.5.5', until: '1.5.6', runc: '1.0.1', source: 'containerd/containerd@v1.5.5:script/setup/runc-version' },
  { since: '1.5.6', until: '1.5.9', runc: '1.0.2', source: 'containerd/containerd@v1.5.6:script/setup/runc-version' },
  { since: '1.5.9', until: '1.5.12', runc: '1.0.3', source: 'containerd/containerd@v1.5.9:script/setup/runc-version' },
  {
    since: '1.5.12',
    until: '1.5.14',
    runc: '1.1.2',
    source: 'containerd/containerd@v1.5.12:script/setup/runc-version',
  },
  { since: '1.5.14', until: '1.6.0', runc: '1.1.4', source: 'containerd/containerd@v1.5.14:script/setup/runc-version' },
  { since: '1.6.0', runc: '1.1.0', source: 'containerd/containerd@v1.6.0:script/setup/runc-version' },
];

export const ENGINE_NAMES: readonly EngineName[] = ['docker', 'containerd', 'crio', 'podman', 'rkt'];
