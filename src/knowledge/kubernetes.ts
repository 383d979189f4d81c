// What Kubernetes itself checks about capabilities. It never normalises names: the API server
// stores any string and the kubelet passes it through, so every check below compares exact text.

/** Pod Security Standards, baseline: the only names `add` may contain (exact, case-sensitive). */
export const PSS_BASELINE_ALLOWED_ADD: ReadonlySet<string> = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** Pod Security Standards, restricted: `drop` must contain exactly `ALL`; `add` may hold only these. */
export const PSS_RESTRICTED_ALLOWED_ADD: ReadonlySet<string> = new Set(['NET_BIND_SERVICE']);

/**
 * Kinds whose pod template Pod Security admission evaluates. Enforcement refuses Pods only; for
 * the other kinds admission warns and audits (admission.go defaultPodSpecResources, ValidatePodController).
 */
export const PSA_POD_SPEC_KINDS: ReadonlySet<string> = new Set([
  'Pod',
  'ReplicationController',
  'PodTemplate',
  'ReplicaSet',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
]);

export const PSS_FACTS = {
  baseline: {
    since: '1.22',
    citations: [
      'kubernetes/pod-security-admission@8f84a87c7f617f64a4ddc1aea24aeeb7a2e07cb8:policy/check_capabilities_baseline.go',
      'kubernetes/pod-security-admission:test/testdata/baseline/v1.0/fail/capabilities_baseline2.yaml (lower-case chown fails)',
      'kubernetes/pod-security-admission:test/testdata/baseline/v1.0/fail/capabilities_baseline3.yaml (CAP_CHOWN fails)',
    ],
  },
  restricted: {
    since: '1.22',
    /** Policy version from which pods with spec.os.name=windows are exempt. */
    windowsExemptSince: '1.25',
    citations: [
      'kubernetes/pod-security-admission@8f84a87c7f617f64a4ddc1aea24aeeb7a2e07cb8:policy/check_capabilities_restricted.go',
      'kubernetes/pod-security-admission@v0.25.0:policy/check_capabilities_restricted.go (capabilitiesRestricted_1_25)',
    ],
  },
  docs: 'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
  scopeCitation: 'kubernetes/pod-security-admission@8f84a87c7f617f64a4ddc1aea24aeeb7a2e07cb8:admission/admission.go',
} as const;

/**
 * API validation rejects `allowPrivilegeEscalation: false` together with the literal string
 * "CAP_SYS_ADMIN" in `add` (the prefixed spelling only; SYS_ADMIN passes).
 */
export const API_SYS_ADMIN_CHECK = {
  since: '1.8',
  message: 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN',
  privilegedMessage: 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
  /**
   * PR #138834 relaxes the check in two steps (its description and release note): updates of existing pods
   * first, new pods in a later release. What the release records show:
   * - 1.36.0 cannot have it: k8s.io/api tagged v0.37.0-alpha.0 on master on 2026-04-09 and v0.36.0 on
   *   2026-04-22, both before the PR was opened (2026-05-06). 1.36 patch releases were not checked.
   * - Its release note is in neither the v1.37.0-alpha.1 notes (changes since v1.36.0) nor the v1.38.0-alpha.1
   *   notes (changes since v1.37.0, so everything merged after 1.37 branched). It therefore merged between
   *   1.37.0-alpha.1 and the 1.37 branch, and 1.37 is the first release with the update-only step. The 1.37
   *   validation code itself, and whether a feature gate guards it, were not read.
   * - The v1.38.0-alpha.1 notes have no change that accepts new pods either: the second step had not landed by
   *   then, and its release is not known.
   */
  relaxation:
    'kubernetes/kubernetes PR #138834 relaxes this check in two steps: its first release (1.37; the 1.37 code is not verified) accepts the combination only on updates of existing pods and still rejects new ones; accepting new pods is left to a later release, which had not happened by 1.38.0-alpha.1',
  relaxationCitations: [
    'kubernetes/kubernetes PR #138834 (description and release note: updates first, pod creation in a later release)',
    'kubernetes/api@v0.37.0-alpha.0 (2026-04-09) and kubernetes/api@v0.36.0 (2026-04-22): 1.36 was cut before the PR was opened',
    'kubernetes/kubernetes@df0a31e010eab41eb769fbd6ecb09391707bd2eb:CHANGELOG/CHANGELOG-1.37.md (v1.37.0-alpha.1 notes: #138834 not listed)',
    'kubernetes/kubernetes@5e9fea7dbb7dca5d45773b5899b62f299bc914bb:CHANGELOG/CHANGELOG-1.38.md (v1.38.0-alpha.1 notes since v1.37.0: neither #138834 nor a relaxation for new pods)',
  ],
  citations: [
    'kubernetes/kubernetes@000f26050b9be6fb3d79fae95e06b47fc96128cd:pkg/apis/core/validation/validation.go ValidateSecurityContext',
    'kubernetes/kubernetes PR #52803 (added in 1.8)',
    'kubernetes/kubernetes#119568',
    'kubernetes/kubernetes#131336',
  ],
} as const;

/** `capabilities` is forbidden on pods with spec.os.name=windows. */
export const WINDOWS_FACTS = {
  message: 'Forbidden: cannot be set for a windows pod',
  /** KEP-2802 IdentifyPodOS: alpha 1.23 (off), beta 1.24 (on), GA 1.25. */
  enforcedSince: '1.24',
  introduced: '1.23',
  citations: [
    'kubernetes/kubernetes@000f26050b9be6fb3d79fae95e06b47fc96128cd:pkg/apis/core/validation/validation.go validateWindows',
    'kubernetes/enhancements:keps/sig-windows/2802-identify-windows-pods-apiserver-admission/kep.yaml',
  ],
} as const;

/** The pod-level securityContext has no `capabilities` field. */
export const POD_LEVEL_FACTS = {
  strictSince: '1.25',
  kubectlStrictSince: '1.24',
  strictMessage: 'strict decoding error: unknown field "spec.securityContext.capabilities"',
  citations: [
    'kubernetes/api@10b39a39bcee995dfe7cd5e8e7b922be5e46f1e2:core/v1/types.go PodSecurityContext',
    'kubernetes/enhancements:keps/sig-api-machinery/2885-server-side-unknown-field-validation/kep.yaml',
    'kubernetes/kubectl@dee3483a3d6a64c07fdf746caf80af446dee99ac:pkg/cmd/util/helpers.go --validate',
  ],
} as const;

/** Names are free strings: no validation or normalisation in the API server or kubelet. */
export const NAME_HANDLING_CITATIONS = [
  'kubernetes/api@10b39a39bcee995dfe7cd5e8e7b922be5e46f1e2:core/v1/types.go type Capability',
  'kubernetes/kubernetes:pkg/kubelet/kuberuntime/security_context.go convertToRuntimeCapabilities',
  'kubernetes/kubernetes#119569',
] as const;

/** PodSecurityPolicy compared capability names exactly; `*` allowed every capability. Removed in 1.25. */
export const PSP_FACTS = {
  wildcard: '*',
  removedIn: '1.25',
  citations: [
    'kubernetes/kubernetes:pkg/security/podsecuritypolicy/capabilities/capabilities.go (makeCapSet, Validate)',
    'kubernetes/api@v0.24.0:policy/v1beta1/types.go',
  ],
} as const;
