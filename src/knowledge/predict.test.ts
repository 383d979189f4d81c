import { describe, expect, it } from 'vitest';
import { SIGNATURES } from '../diagnose/signatures.js';
import { CAPABILITY_BY_NAME } from './capabilities.js';
import type { Direction, Outcome, Prediction } from './predict.js';
import { defaultCapabilities, predict, runtimeName } from './predict.js';
import type { EngineRange, OciRange } from './runtimes.js';
import { ENGINE_NAMES, ENGINE_RANGES, OCI_RANGES } from './runtimes.js';
import { resolveTarget, resolveTargets } from './targets.js';
import { compareVersions, must } from './versions.js';

function p(target: string, direction: Direction, input: string): Prediction {
  return predict(resolveTarget(target), direction, input);
}

function engine(id: string): EngineRange {
  const range = ENGINE_RANGES.find((r) => r.id === id);
  if (!range) throw new Error(`test setup: no engine range ${id}`);
  return range;
}

interface Row {
  target: string;
  dir: Direction;
  input: string;
  outcome: Outcome;
  status?: 'CreateContainerError' | 'RunContainerError';
  /** The exact message. */
  message?: string;
  /** Text the message must contain. */
  contains?: string;
}

// Each row restates a cited fact of the runtime research (its §1 matrix and §2 pod experience); the
// section is named in the comment above each group, and the citations are in runtimes.ts.
const ROWS: Row[] = [
  // §1a Docker 1.2–1.10: compares against names without a prefix, echoes the input.
  {
    target: 'docker@1.10',
    dir: 'add',
    input: 'CAP_SYS_RESOURCE',
    outcome: 'rejected',
    status: 'RunContainerError',
    message: 'Unknown capability to add: "CAP_SYS_RESOURCE"',
  },
  {
    target: 'docker@1.10',
    dir: 'drop',
    input: 'CAP_SYS_RESOURCE',
    outcome: 'rejected',
    status: 'RunContainerError',
    message: 'Unknown capability drop: "CAP_SYS_RESOURCE"',
  },
  { target: 'docker@1.10', dir: 'add', input: 'SYS_RESOURCE', outcome: 'applied' },
  { target: 'docker@1.10', dir: 'add', input: 'sys_resource', outcome: 'applied' },
  { target: 'docker@1.2', dir: 'drop', input: 'net_raw', outcome: 'applied' },
  { target: 'docker@1.10', dir: 'add', input: 'all', outcome: 'applied' },

  // §1a and §2 Docker 1.11–18.09: always prepends CAP_, fails at start.
  {
    target: 'docker@18.06',
    dir: 'add',
    input: 'CAP_SYS_RESOURCE',
    outcome: 'rejected',
    status: 'RunContainerError',
    message: 'linux spec capabilities: Unknown capability to add: "CAP_CAP_SYS_RESOURCE"',
  },
  {
    target: 'docker@18.06',
    dir: 'drop',
    input: 'CAP_NET_RAW',
    outcome: 'rejected',
    status: 'RunContainerError',
    message: 'linux spec capabilities: Unknown capability drop: "CAP_NET_RAW"',
  },
  {
    target: 'docker@18.06',
    dir: 'add',
    input: 'cap_sys_resource',
    outcome: 'rejected',
    status: 'RunContainerError',
    // Docker quotes CAP_ + the name as written; it matches case-insensitively but does not upper-case.
    message: 'linux spec capabilities: Unknown capability to add: "CAP_cap_sys_resource"',
  },
  { target: 'docker@18.06', dir: 'add', input: 'SYS_RESOURCE', outcome: 'applied' },
  { target: 'docker@18.06', dir: 'add', input: 'sys_resource', outcome: 'applied' },
  { target: 'docker@18.06', dir: 'drop', input: 'NET_RAW', outcome: 'applied' },
  { target: 'docker@18.06', dir: 'add', input: 'ALL', outcome: 'applied' },
  { target: 'docker@18.06', dir: 'add', input: 'all', outcome: 'applied' },
  { target: 'docker@18.06', dir: 'drop', input: 'ALL', outcome: 'applied' },
  {
    target: 'docker@18.06',
    dir: 'add',
    input: 'CAP_ALL',
    outcome: 'rejected',
    status: 'RunContainerError',
    message: 'linux spec capabilities: Unknown capability to add: "CAP_CAP_ALL"',
  },
  {
    target: 'docker@18.09',
    dir: 'add',
    input: 'CAP_SYS_RESOURCE',
    outcome: 'rejected',
    status: 'RunContainerError',
    contains: '"CAP_CAP_SYS_RESOURCE"',
  },
  // §1b: dockershim and cri-dockerd pass names through, so Docker's behaviour applies unchanged.
  {
    target: 'cri-dockerd@0.3+docker@18.09',
    dir: 'add',
    input: 'CAP_NET_ADMIN',
    outcome: 'rejected',
    status: 'RunContainerError',
    message: 'linux spec capabilities: Unknown capability to add: "CAP_CAP_NET_ADMIN"',
  },
  // §4 rule 6 and runtime-matrix.json: PERFMON/BPF/CHECKPOINT_RESTORE are unknown to Docker ≤20.10.
  {
    target: 'docker@18.06',
    dir: 'add',
    input: 'PERFMON',
    outcome: 'rejected',
    status: 'RunContainerError',
    contains: '"CAP_PERFMON"',
  },
  // knowledge-notes.md §1: a capability newer than the kernel is "unknown" (AUDIT_READ on CentOS 7's 3.10).
  {
    target: 'k8s@1.13.2,docker@18.06,kernel@3.10',
    dir: 'add',
    input: 'AUDIT_READ',
    outcome: 'rejected',
    status: 'RunContainerError',
    message: 'linux spec capabilities: Unknown capability to add: "CAP_AUDIT_READ"',
  },
  { target: 'k8s@1.13.2,docker@18.06,kernel@3.10', dir: 'add', input: 'SYS_RESOURCE', outcome: 'applied' },

  // §1a Docker 19.03–20.10: normalises (upper-case, CAP_ only if missing), checks at create.
  { target: 'docker@19.03', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'applied' },
  { target: 'docker@20.10', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'applied' },
  { target: 'docker@20.10', dir: 'add', input: 'cap_sys_resource', outcome: 'applied' },
  { target: 'docker@20.10', dir: 'add', input: 'Sys_Resource', outcome: 'applied' },
  { target: 'docker@20.10', dir: 'drop', input: 'CAP_NET_RAW', outcome: 'applied' },
  { target: 'docker@20.10', dir: 'add', input: 'AUDIT_READ', outcome: 'applied' },
  {
    target: 'docker@20.10',
    dir: 'add',
    input: 'CAP_CAP_SYS_RESOURCE',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'invalid CapAdd: unknown capability: "CAP_CAP_SYS_RESOURCE"',
  },
  {
    target: 'docker@20.10',
    dir: 'add',
    input: 'SYS_RESOURCES',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'invalid CapAdd: unknown capability: "CAP_SYS_RESOURCES"',
  },
  {
    target: 'docker@20.10',
    dir: 'drop',
    input: 'CAP_CAP_KILL',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'invalid CapDrop: unknown capability: "CAP_CAP_KILL"',
  },
  // 20.10 caps its list at AUDIT_READ (moby PR #41563).
  {
    target: 'docker@20.10',
    dir: 'add',
    input: 'PERFMON',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'invalid CapAdd: unknown capability: "CAP_PERFMON"',
  },
  {
    target: 'docker@20.10',
    dir: 'add',
    input: 'CHECKPOINT_RESTORE',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'invalid CapAdd: unknown capability: "CAP_CHECKPOINT_RESTORE"',
  },
  {
    target: 'docker@20.10',
    dir: 'add',
    input: 'CAP_ALL',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'invalid CapAdd: unknown capability: "CAP_ALL"',
  },
  { target: 'docker@20.10', dir: 'add', input: 'ALL', outcome: 'applied' },
  { target: 'docker@20.10', dir: 'add', input: 'all', outcome: 'applied' },
  // No runtime trims white space (names.ts); Docker upper-cases and prefixes " NET_ADMIN" as is.
  {
    target: 'docker@20.10',
    dir: 'add',
    input: ' NET_ADMIN',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'invalid CapAdd: unknown capability: "CAP_ NET_ADMIN"',
  },

  // §1a Docker 23+: knows PERFMON/BPF/CHECKPOINT_RESTORE; a known name the kernel lacks gets its own message.
  { target: 'docker@24', dir: 'add', input: 'PERFMON', outcome: 'applied' },
  { target: 'docker@24', dir: 'add', input: 'BPF', outcome: 'applied' },
  { target: 'docker@29', dir: 'add', input: 'CHECKPOINT_RESTORE', outcome: 'applied' },
  { target: 'docker@29', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'applied' },
  {
    target: 'docker@24',
    dir: 'add',
    input: 'CAP_FOO',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'invalid CapAdd: unknown capability: "CAP_FOO"',
  },
  {
    target: 'docker@24',
    dir: 'drop',
    input: 'CAP_FOO',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'invalid CapDrop: unknown capability: "CAP_FOO"',
  },
  {
    target: 'docker@24,kernel@5.4',
    dir: 'add',
    input: 'BPF',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message:
      'invalid CapAdd: capability not supported by your kernel or not available in the current environment: "CAP_BPF"',
  },
  { target: 'docker@24,kernel@5.8', dir: 'add', input: 'BPF', outcome: 'applied' },
  {
    target: 'docker@24,kernel@5.8',
    dir: 'add',
    input: 'CHECKPOINT_RESTORE',
    outcome: 'rejected',
    status: 'CreateContainerError',
    contains: 'not supported by your kernel',
  },
  { target: 'docker@24,kernel@5.9', dir: 'add', input: 'CHECKPOINT_RESTORE', outcome: 'applied' },

  // §1c and §2 containerd 1.1–1.2: "CAP_"+ToUpper, validated by runtime-tools at create; drops unchecked.
  {
    target: 'containerd@1.2',
    dir: 'add',
    input: 'CAP_SYS_RESOURCE',
    outcome: 'rejected',
    status: 'CreateContainerError',
    contains: 'invalid capability: CAP_CAP_SYS_RESOURCE',
  },
  {
    target: 'containerd@1.2',
    dir: 'add',
    input: 'CAP_FOO',
    outcome: 'rejected',
    status: 'CreateContainerError',
    contains: 'invalid capability: CAP_CAP_FOO',
  },
  // runtime-tools checks a dropped name after removing it, and the CRI plugin returns the error.
  {
    target: 'containerd@1.2',
    dir: 'drop',
    input: 'CAP_NET_RAW',
    outcome: 'rejected',
    status: 'CreateContainerError',
    contains: 'invalid capability: CAP_CAP_NET_RAW',
  },
  {
    target: 'containerd@1.1.0',
    dir: 'drop',
    input: 'CAP_KILL',
    outcome: 'rejected',
    status: 'CreateContainerError',
    contains: 'failed to set capabilities &Capability{...}: invalid capability: CAP_CAP_KILL',
  },
  { target: 'containerd@1.2', dir: 'drop', input: 'NET_RAW', outcome: 'applied' },
  { target: 'containerd@1.2', dir: 'add', input: 'SYS_RESOURCE', outcome: 'applied' },
  { target: 'containerd@1.2', dir: 'add', input: 'sys_resource', outcome: 'applied' },
  { target: 'containerd@1.2', dir: 'add', input: 'all', outcome: 'applied' },
  { target: 'containerd@1.1', dir: 'drop', input: 'NET_RAW', outcome: 'applied' },

  // §1c/§1e/§2 containerd ≥1.3: the OCI runtime decides about the unknown CAP_CAP_… name.
  // Stock bundles with runc ≤1.0.0-rc93: containerd 1.3.x, 1.4.0, 1.5.0–1.5.1 → RunContainerError.
  {
    target: 'containerd@1.3',
    dir: 'add',
    input: 'CAP_SYS_RESOURCE',
    outcome: 'rejected',
    status: 'RunContainerError',
    contains: 'unknown capability "CAP_CAP_SYS_RESOURCE"',
  },
  {
    target: 'containerd@1.5.0',
    dir: 'add',
    input: 'CAP_SYS_RESOURCE',
    outcome: 'rejected',
    status: 'RunContainerError',
    contains: 'unknown capability "CAP_CAP_SYS_RESOURCE"',
  },
  {
    target: 'containerd@1.5+runc@1.0.0-rc93',
    dir: 'add',
    input: 'CAP_SYS_RESOURCE',
    outcome: 'rejected',
    status: 'RunContainerError',
    contains: 'unknown capability "CAP_CAP_SYS_RESOURCE"',
  },
  { target: 'containerd@1.5+runc@1.0.0-rc93', dir: 'add', input: 'SYS_RESOURCE', outcome: 'applied' },
  // Bundles with runc ≥1.0.0-rc94 (1.4.13, 1.5.2+, 1.6, 1.7, 2.x) → silent no-op.
  { target: 'containerd@1.4.13', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'ignored' },
  { target: 'containerd@1.5.2', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'ignored' },
  { target: 'containerd@1.6', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'ignored' },
  { target: 'containerd@1.7', dir: 'add', input: 'CAP_NET_ADMIN', outcome: 'ignored' },
  { target: 'containerd@2.0', dir: 'add', input: 'CAP_SYS_ADMIN', outcome: 'ignored' },
  { target: 'containerd@1.6', dir: 'add', input: 'sys_resource', outcome: 'applied' },
  { target: 'containerd@1.6', dir: 'add', input: 'SYS_RESOURCE', outcome: 'applied' },
  { target: 'containerd@1.6', dir: 'add', input: 'all', outcome: 'applied' },
  { target: 'containerd@1.6', dir: 'add', input: 'ALL', outcome: 'applied' },
  { target: 'containerd@1.6', dir: 'add', input: 'CAP_ALL', outcome: 'ignored' },
  // §2: containerd never drops a prefixed name, with any runc or crun.
  { target: 'containerd@1.6', dir: 'drop', input: 'CAP_KILL', outcome: 'ignored' },
  { target: 'containerd@1.6', dir: 'drop', input: 'CAP_ALL', outcome: 'ignored' },
  { target: 'containerd@1.5+runc@1.0.0-rc93', dir: 'drop', input: 'CAP_NET_RAW', outcome: 'ignored' },
  { target: 'containerd@2.0+crun@1.29', dir: 'drop', input: 'CAP_NET_RAW', outcome: 'ignored' },
  { target: 'containerd@1.6', dir: 'drop', input: 'KILL', outcome: 'applied' },
  { target: 'containerd@1.6', dir: 'drop', input: 'ALL', outcome: 'applied' },
  // No runc pinned for containerd 1.5 as a whole: the outcome is open.
  { target: 'containerd@1.5', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'unknown' },
  { target: 'containerd@1.4', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'unknown' },
  // §1e crun: ≤0.18 and ≥1.29 fail, 0.19–1.28 ignore.
  { target: 'containerd@2.0+crun@1.20', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'ignored' },
  { target: 'containerd@1.7+crun@1.8.1', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'ignored' },
  {
    target: 'containerd@2.0+crun@1.29',
    dir: 'add',
    input: 'CAP_SYS_RESOURCE',
    outcome: 'rejected',
    status: 'RunContainerError',
    message: 'unknown capability `CAP_CAP_SYS_RESOURCE`',
  },
  {
    target: 'containerd@2.0+crun@0.18',
    dir: 'add',
    input: 'CAP_SYS_RESOURCE',
    outcome: 'rejected',
    status: 'RunContainerError',
    message: 'unknown cap: `CAP_CAP_SYS_RESOURCE`',
  },
  { target: 'containerd@2.0+crun@1.29', dir: 'add', input: 'SYS_RESOURCE', outcome: 'applied' },
  // runc learned PERFMON/BPF/CHECKPOINT_RESTORE in rc93 (commit 6dfbe9b807); rc92 refuses them.
  {
    target: 'containerd@1.7+runc@1.0.0-rc92',
    dir: 'add',
    input: 'PERFMON',
    outcome: 'rejected',
    status: 'RunContainerError',
    contains: 'unknown capability "CAP_PERFMON"',
  },
  { target: 'containerd@1.7+runc@1.0.0-rc93', dir: 'add', input: 'PERFMON', outcome: 'applied' },
  {
    target: 'containerd@1.7+runc@1.0.0-rc93',
    dir: 'add',
    input: 'CAP_PERFMON',
    outcome: 'rejected',
    status: 'RunContainerError',
    contains: 'unknown capability "CAP_CAP_PERFMON"',
  },
  { target: 'containerd@1.7+runc@1.0.0-rc94', dir: 'add', input: 'PERFMON', outcome: 'applied' },
  { target: 'containerd@1.7', dir: 'add', input: 'PERFMON', outcome: 'applied' },
  { target: 'containerd@1.7,kernel@5.8', dir: 'add', input: 'BPF', outcome: 'applied' },
  // runc ≥rc94 warns about "unknown or unavailable" capabilities and goes on.
  { target: 'containerd@1.7,kernel@5.4', dir: 'add', input: 'BPF', outcome: 'ignored' },

  // §1d CRI-O: normalises (CAP_ only if missing) from 1.0 on; unknown adds fail at create, unknown drops pass.
  { target: 'crio@1.25', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'applied' },
  { target: 'crio@1.25', dir: 'add', input: 'cap_sys_resource', outcome: 'applied' },
  { target: 'crio@1.25', dir: 'add', input: 'SYS_RESOURCE', outcome: 'applied' },
  { target: 'crio@1.25', dir: 'drop', input: 'CAP_NET_RAW', outcome: 'applied' },
  { target: 'crio@1.25', dir: 'add', input: 'all', outcome: 'applied' },
  {
    target: 'crio@1.25',
    dir: 'add',
    input: 'CAP_FOO',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'unknown capability "CAP_FOO" to add',
  },
  {
    target: 'crio@1.25',
    dir: 'add',
    input: 'CAP_ALL',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'unknown capability "CAP_ALL" to add',
  },
  // Every CRI-O from 1.0.0-rc1 on refuses a drop runtime-tools does not know.
  {
    target: 'crio@1.25',
    dir: 'drop',
    input: 'CAP_FOO',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'failed to drop cap CAP_FOO invalid capability: CAP_FOO',
  },
  {
    target: 'crio@1.25',
    dir: 'drop',
    input: 'MCK',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'failed to drop cap CAP_MCK invalid capability: CAP_MCK',
  },
  // A known name the kernel lacks: runtime-tools checks drops against its own list only.
  { target: 'crio@1.25,kernel@5.4', dir: 'drop', input: 'BPF', outcome: 'applied' },
  // Up to 1.20 CRI-O's gocapability ends at AUDIT_READ.
  {
    target: 'crio@1.20',
    dir: 'add',
    input: 'BPF',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'unknown capability "CAP_BPF" to add',
  },
  {
    target: 'crio@1.20',
    dir: 'drop',
    input: 'PERFMON',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'failed to drop cap CAP_PERFMON invalid capability: CAP_PERFMON',
  },
  { target: 'crio@1.21', dir: 'add', input: 'BPF', outcome: 'applied' },
  { target: 'crio@1.25', dir: 'add', input: 'PERFMON', outcome: 'applied' },
  // §1d: the known list is cut at the host's last capability, so BPF on an old kernel is "unknown".
  {
    target: 'crio@1.25,kernel@5.4',
    dir: 'add',
    input: 'BPF',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'unknown capability "CAP_BPF" to add',
  },
  {
    target: 'crio@1.17',
    dir: 'add',
    input: 'CAP_FOO',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'unknown capability "CAP_FOO" to add',
  },
  // CRI-O 1.11.0 and 1.11.1 skip an unknown added name with a warning; 1.11.2 refuses it (cri-o/cri-o#1708).
  {
    target: 'crio@1.11.0',
    dir: 'add',
    input: 'CAP_FOO',
    outcome: 'ignored',
    message: 'invalid capability "CAP_FOO", skipping...',
  },
  {
    target: 'crio@1.11.1',
    dir: 'add',
    input: 'foo',
    outcome: 'ignored',
    message: 'invalid capability "foo", skipping...',
  },
  {
    target: 'crio@1.11.2',
    dir: 'add',
    input: 'CAP_FOO',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'unknown capability "CAP_FOO" to add',
  },
  {
    target: 'crio@1.11.14',
    dir: 'add',
    input: 'FOO',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'unknown capability "CAP_FOO" to add',
  },
  { target: 'crio@1.11', dir: 'add', input: 'CAP_FOO', outcome: 'unknown' },
  // The check is CRI-O's own, against a list cut at the node kernel's last capability.
  { target: 'crio@1.11.0,kernel@3.10', dir: 'add', input: 'AUDIT_READ', outcome: 'ignored' },
  {
    target: 'crio@1.11.2,kernel@3.10',
    dir: 'add',
    input: 'AUDIT_READ',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'unknown capability "CAP_AUDIT_READ" to add',
  },
  { target: 'crio@1.11.0', dir: 'add', input: 'BPF', outcome: 'ignored' },
  {
    target: 'crio@1.11.0',
    dir: 'drop',
    input: 'CAP_FOO',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'failed to drop cap CAP_FOO invalid capability: CAP_FOO',
  },
  {
    target: 'crio@1.10.6',
    dir: 'add',
    input: 'CAP_FOO',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'invalid capability: CAP_FOO',
  },
  { target: 'crio@1.11', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'applied' },
  {
    target: 'crio@1.0',
    dir: 'drop',
    input: 'CAP_FOO',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'failed to drop cap CAP_FOO invalid capability: CAP_FOO',
  },
  { target: 'crio@1.9', dir: 'drop', input: 'ALL', outcome: 'applied' },
  {
    target: 'crio@1.9,kernel@3.10',
    dir: 'drop',
    input: 'AUDIT_READ',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'failed to drop cap CAP_AUDIT_READ CAP_AUDIT_READ is not supported on the current host',
  },
  { target: 'crio@1.10,kernel@3.10', dir: 'drop', input: 'AUDIT_READ', outcome: 'applied' },
  // CRI-O before 1.0 required the prefix.
  {
    target: 'crio@0.3',
    dir: 'add',
    input: 'SYS_RESOURCE',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'capability SYS_RESOURCE must start with CAP_',
  },
  { target: 'crio@0.3', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'applied' },
  {
    target: 'crio@0.3',
    dir: 'add',
    input: 'CAP_FOO',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: 'Invalid capability: CAP_FOO',
  },

  // §1g Podman (containers/common): normalises like Docker 19.03+, rejects unknown names in both lists.
  { target: 'podman@4.3', dir: 'add', input: 'CAP_SYS_RESOURCE', outcome: 'applied' },
  { target: 'podman@4.3', dir: 'add', input: 'sys_resource', outcome: 'applied' },
  {
    target: 'podman@4.3',
    dir: 'add',
    input: 'CAP_CAP_SYS_RESOURCE',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: '"CAP_CAP_SYS_RESOURCE": unknown capability',
  },
  {
    target: 'podman@4.3',
    dir: 'drop',
    input: 'CAP_CAP_KILL',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: '"CAP_CAP_KILL": unknown capability',
  },
  {
    target: 'podman@4.3',
    dir: 'add',
    input: 'CAP_ALL',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: '"CAP_ALL": unknown capability',
  },
  { target: 'podman@5.6', dir: 'add', input: 'PERFMON', outcome: 'applied' },
  {
    target: 'podman@5.6,kernel@5.4',
    dir: 'add',
    input: 'BPF',
    outcome: 'rejected',
    status: 'CreateContainerError',
    message: '"CAP_BPF": unknown capability',
  },

  // §1f rkt: the names had to carry the prefix; how ALL was handled is not known.
  {
    target: 'rkt@1.30',
    dir: 'add',
    input: 'NET_ADMIN',
    outcome: 'rejected',
    status: 'RunContainerError',
    message: 'Failed to parse capability NET_ADMIN.',
  },
  { target: 'rkt@1.30', dir: 'add', input: 'CAP_NET_ADMIN', outcome: 'applied' },
  { target: 'rkt@1.30', dir: 'drop', input: 'CAP_NET_RAW', outcome: 'applied' },
  { target: 'rkt@1.30', dir: 'add', input: 'ALL', outcome: 'unknown' },
  { target: 'rkt@1.30', dir: 'drop', input: 'ALL', outcome: 'unknown' },
  {
    target: 'rkt@1.30',
    dir: 'add',
    input: 'CAP_FOO',
    outcome: 'rejected',
    status: 'RunContainerError',
    message: 'Failed to parse capability CAP_FOO.',
  },
];

describe('predict: outcome by target, direction and spelling', () => {
  it.each(ROWS)('$target $dir $input → $outcome', (row) => {
    const prediction = p(row.target, row.dir, row.input);
    expect(prediction.outcome).toBe(row.outcome);
    if (row.outcome === 'rejected') {
      expect(row.status, 'test row needs a status').toBeDefined();
      expect(prediction.status).toBe(row.status);
      expect(prediction.message).toBeTruthy();
      expect(prediction.detail).toContain(prediction.message as string);
    } else {
      expect(prediction.status).toBeUndefined();
    }
    if (row.message !== undefined) expect(prediction.message).toBe(row.message);
    if (row.contains !== undefined) expect(prediction.message).toContain(row.contains);
    expect(prediction.detail).not.toBe('');
    expect(prediction.citations.length).toBeGreaterThan(0);
  });

  it('names the capability an applied entry grants or drops', () => {
    expect(p('docker@20.10', 'add', 'cap_sys_resource')).toMatchObject({
      outcome: 'applied',
      capability: 'SYS_RESOURCE',
      runtimeName: 'CAP_SYS_RESOURCE',
    });
    expect(p('docker@18.06', 'drop', 'net_raw')).toMatchObject({
      outcome: 'applied',
      capability: 'NET_RAW',
      runtimeName: 'CAP_NET_RAW',
    });
    expect(p('containerd@1.6', 'add', 'SYS_RESOURCE')).toMatchObject({
      outcome: 'applied',
      capability: 'SYS_RESOURCE',
      runtimeName: 'CAP_SYS_RESOURCE',
    });
    expect(p('docker@1.10', 'add', 'sys_resource')).toMatchObject({ outcome: 'applied', capability: 'SYS_RESOURCE' });
  });

  it('says which name the runtime actually looks up', () => {
    expect(p('docker@18.06', 'add', 'CAP_SYS_RESOURCE').runtimeName).toBe('CAP_CAP_SYS_RESOURCE');
    expect(p('docker@18.06', 'drop', 'CAP_NET_RAW').runtimeName).toBe('CAP_CAP_NET_RAW');
    expect(p('containerd@1.6', 'add', 'cap_sys_resource').runtimeName).toBe('CAP_CAP_SYS_RESOURCE');
    expect(p('containerd@1.6', 'add', 'CAP_CAP_SYS_RESOURCE').runtimeName).toBe('CAP_CAP_CAP_SYS_RESOURCE');
    expect(p('docker@20.10', 'add', 'CAP_CAP_SYS_RESOURCE').runtimeName).toBe('CAP_CAP_SYS_RESOURCE');
    expect(p('docker@1.10', 'add', 'CAP_SYS_RESOURCE').runtimeName).toBe('CAP_SYS_RESOURCE');
  });

  it('does not name a capability for an entry that is not applied', () => {
    for (const [target, dir, input] of [
      ['containerd@1.6', 'add', 'CAP_SYS_RESOURCE'],
      ['docker@18.06', 'add', 'CAP_SYS_RESOURCE'],
      ['containerd@1.6', 'drop', 'CAP_KILL'],
    ] as const) {
      expect(p(target, dir, input).capability, `${target} ${dir} ${input}`).toBeUndefined();
    }
  });
});

describe('predict: what the silent containerd outcomes say', () => {
  it('explains that a prefixed add is silently not granted and quotes the runc warning', () => {
    const prediction = p('containerd@1.6', 'add', 'CAP_SYS_RESOURCE');
    expect(prediction.outcome).toBe('ignored');
    expect(prediction.detail).toContain('SYS_RESOURCE is silently not granted');
    expect(prediction.detail).toContain('ignoring unknown or unavailable capabilities: [CAP_CAP_SYS_RESOURCE]');
    expect(prediction.message).toContain('ignoring unknown or unavailable capabilities: [CAP_CAP_SYS_RESOURCE]');
    expect(prediction.detail).toContain('CAP_CAP_SYS_RESOURCE');
  });

  it('explains that a prefixed drop leaves the capability in place', () => {
    const prediction = p('containerd@1.6', 'drop', 'CAP_KILL');
    expect(prediction.outcome).toBe('ignored');
    expect(prediction.detail).toContain('KILL is not dropped');
    expect(prediction.detail).toContain('stays in the container');
  });

  it('does not invent a capability name for an unknown drop', () => {
    const prediction = p('containerd@1.6', 'drop', 'CAP_ALL');
    expect(prediction.outcome).toBe('ignored');
    expect(prediction.detail).toContain('the capability is not dropped');
  });

  it('names the capability meant by a double prefix', () => {
    expect(p('containerd@1.6', 'add', 'CAP_CAP_SYS_RESOURCE').detail).toContain('SYS_RESOURCE is silently not granted');
  });

  it('explains that crun 0.19–1.28 ignores unknown names quietly', () => {
    const prediction = p('containerd@2.0+crun@1.20', 'add', 'CAP_SYS_RESOURCE');
    expect(prediction.outcome).toBe('ignored');
    expect(prediction.detail).toContain('crun 0.19–1.28');
    expect(prediction.detail).toContain('--debug');
  });

  it('explains, when the OCI runtime is not known, both possible outcomes and how to pin it', () => {
    const prediction = p('containerd@1.5', 'add', 'CAP_SYS_RESOURCE');
    expect(prediction.outcome).toBe('unknown');
    expect(prediction.runtimeName).toBe('CAP_CAP_SYS_RESOURCE');
    expect(prediction.detail).toContain('RunContainerError');
    expect(prediction.detail).toContain('silently skip');
    expect(prediction.detail).toContain('not pinned');
  });

  it('cites both containerd and the OCI runtime', () => {
    const prediction = p('containerd@1.5+runc@1.0.0-rc93', 'add', 'CAP_SYS_RESOURCE');
    const runcOld = OCI_RANGES.find((r) => r.id === 'runc-rc93') as OciRange;
    expect(prediction.citations).toEqual(expect.arrayContaining([...engine('containerd-1.3').citations]));
    expect(prediction.citations).toEqual(expect.arrayContaining([...runcOld.citations]));
  });
});

describe('predict: ALL', () => {
  it.each(['ALL', 'all', 'All'])('applies %s on every engine that matches ALL in any case', (input) => {
    for (const target of resolveTargets([])) {
      for (const dir of ['add', 'drop'] as const) {
        // CRI-O before 1.22 adds its defaults back after drop ALL (tested below).
        if (dir === 'drop' && target.engine?.dropAllKeepsDefaults) continue;
        const prediction = predict(target, dir, input);
        expect(prediction.outcome, `${target.id} ${dir}`).toBe('applied');
        expect(prediction.detail).toBe(dir === 'add' ? 'ALL grants every capability' : 'ALL drops every capability');
      }
    }
  });

  it.each(['crio@1.17', 'crio@1.21.0', 'crio@1.11', 'crio@1.19.4', 'crio@1.20'])(
    'says drop ALL keeps the defaults on %s',
    (spec) => {
      const prediction = predict(resolveTarget(spec), 'drop', 'ALL');
      expect(prediction.outcome).toBe('ignored');
      expect(prediction.detail).toContain('adds the default capabilities back after drop ALL');
      expect(prediction.detail).toContain('fixed in CRI-O 1.19.5, 1.21.1 and 1.22');
      expect(prediction.citations).toContain('cri-o/cri-o commit c52b85d6c6 (first in v1.22.0)');
    },
  );

  it.each(['crio@1.19.5', 'crio@1.21.1', 'crio@1.22', 'crio@1.0', 'crio@1.10'])(
    'says drop ALL removes the defaults on %s',
    (spec) => {
      expect(predict(resolveTarget(spec), 'drop', 'ALL').outcome).toBe('applied');
    },
  );

  it.each(['crio@1.19', 'crio@1.21'])('asks for the patch release on %s, fixed in one of its patches', (spec) => {
    const prediction = predict(resolveTarget(spec), 'drop', 'ALL');
    expect(prediction.outcome).toBe('unknown');
    expect(prediction.detail).toContain(`some ${spec} patch releases add the default capabilities back`);
    expect(prediction.detail).toContain('name the patch release');
  });

  it('does not treat CAP_ALL as ALL anywhere in the matrix', () => {
    for (const target of resolveTargets([])) {
      for (const dir of ['add', 'drop'] as const) {
        expect(predict(target, dir, 'CAP_ALL').outcome, `${target.id} ${dir}`).not.toBe('applied');
      }
    }
  });

  it('does not treat a padded " ALL" as ALL', () => {
    expect(p('docker@20.10', 'add', ' ALL').outcome).toBe('rejected');
    expect(p('containerd@1.6', 'drop', 'ALL ').outcome).toBe('ignored');
  });
});

describe('predict: a target without an engine', () => {
  it('answers unknown, and has nothing to cite', () => {
    const prediction = p('kernel@5.4', 'add', 'SYS_RESOURCE');
    expect(prediction).toEqual({ outcome: 'unknown', detail: 'no container runtime in this target', citations: [] });
    expect(p('k8s@1.20', 'drop', 'ALL').outcome).toBe('unknown');
  });
});

describe('predict: every answer is cited', () => {
  const targets = [
    ...resolveTargets([]),
    ...resolveTargets(['kernel@3.10']),
    ...[
      'docker@18.06,kernel@5.4',
      'docker@24,kernel@5.4',
      'containerd@1.5',
      'containerd@1.3',
      'containerd@1.7+runc@1.0.0-rc93',
      'containerd@2.0+crun@0.18',
      'containerd@2.0+crun@1.20',
      'containerd@2.0+crun@1.29',
      'containerd@1.7,kernel@5.4',
      'crio@0.3',
      'crio@1.11',
      'crio@1.11.0',
      'crio@1.11.2',
      'crio@1.11.0,kernel@3.10',
      'crio@1.25,kernel@5.4',
      'rkt@1.30',
      'cri-dockerd@0.3+docker@24',
    ].map(resolveTarget),
  ];
  const inputs = [
    'SYS_RESOURCE',
    'CAP_SYS_RESOURCE',
    'sys_resource',
    'cap_sys_resource',
    'CAP_CAP_SYS_RESOURCE',
    'SYS_RESOURCES',
    'CAP_FOO',
    'ALL',
    'all',
    'CAP_ALL',
    'PERFMON',
    'BPF',
    'CHECKPOINT_RESTORE',
    'AUDIT_READ',
    ' NET_ADMIN',
    '',
  ];

  it('gives at least one citation, a detail, and a valid outcome for every input', () => {
    let count = 0;
    for (const target of targets) {
      for (const dir of ['add', 'drop'] as const) {
        for (const input of inputs) {
          const prediction = predict(target, dir, input);
          const where = `${target.id} ${dir} ${JSON.stringify(input)}`;
          expect(prediction.citations.length, where).toBeGreaterThan(0);
          expect(prediction.detail, where).not.toBe('');
          expect(['applied', 'rejected', 'ignored', 'unknown'], where).toContain(prediction.outcome);
          if (prediction.outcome === 'rejected') {
            expect(prediction.status, where).toMatch(/^(CreateContainerError|RunContainerError)$/);
            expect(prediction.message, where).toBeTruthy();
          }
          if (prediction.outcome === 'applied' && prediction.capability !== undefined) {
            expect(CAPABILITY_BY_NAME.has(prediction.capability), where).toBe(true);
          }
          count++;
        }
      }
    }
    expect(count).toBe(targets.length * 2 * inputs.length);
  });

  it('leaves no template placeholder in a message or detail', () => {
    for (const target of targets) {
      for (const dir of ['add', 'drop'] as const) {
        for (const input of inputs) {
          const prediction = predict(target, dir, input);
          expect(prediction.detail).not.toMatch(/\{(input|name)\}/);
          expect(prediction.message ?? '').not.toMatch(/\{(input|name)\}/);
        }
      }
    }
  });

  it('applies every correctly written known capability on a current runtime', () => {
    for (const spec of ['docker@29', 'containerd@2.2', 'crio@1.36', 'podman@5.6']) {
      const target = resolveTarget(spec);
      for (const name of CAPABILITY_BY_NAME.keys()) {
        for (const dir of ['add', 'drop'] as const) {
          const prediction = predict(target, dir, name);
          expect(prediction.outcome, `${spec} ${dir} ${name}`).toBe('applied');
          expect(prediction.capability).toBe(name);
        }
      }
    }
  });
});

describe('runtimeName', () => {
  it.each([
    ['docker-1.2', 'sys_resource', 'sys_resource'],
    ['docker-1.2', 'CAP_SYS_RESOURCE', 'CAP_SYS_RESOURCE'],
    ['docker-1.11', 'sys_resource', 'CAP_SYS_RESOURCE'],
    ['docker-1.11', 'CAP_SYS_RESOURCE', 'CAP_CAP_SYS_RESOURCE'],
    ['containerd-1.3', 'cap_sys_resource', 'CAP_CAP_SYS_RESOURCE'],
    ['docker-19.03', 'cap_sys_resource', 'CAP_SYS_RESOURCE'],
    ['docker-19.03', 'SYS_RESOURCE', 'CAP_SYS_RESOURCE'],
    ['docker-19.03', 'CAP_CAP_SYS_RESOURCE', 'CAP_CAP_SYS_RESOURCE'],
    ['podman-1', 'Cap_Ipc_Lock', 'CAP_IPC_LOCK'],
    ['crio-0', 'cap_sys_resource', 'CAP_SYS_RESOURCE'],
    ['rkt-1', 'CAP_NET_ADMIN', 'CAP_NET_ADMIN'],
  ])('%s turns %s into %s', (id, input, expected) => {
    expect(runtimeName(engine(id), input)).toBe(expected);
  });
});

describe('runtime facts', () => {
  const ociNames = ['runc', 'crun'] as const;

  it('cites every engine and OCI range', () => {
    for (const range of [...ENGINE_RANGES, ...OCI_RANGES]) {
      expect(range.citations.length, range.id).toBeGreaterThan(0);
      for (const citation of range.citations) expect(citation.trim(), range.id).not.toBe('');
    }
  });

  it('has unique range ids and valid version bounds', () => {
    const ids = [...ENGINE_RANGES, ...OCI_RANGES].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const range of [...ENGINE_RANGES, ...OCI_RANGES]) {
      if (range.since !== undefined) must(range.since);
      if (range.until !== undefined) must(range.until);
      if (range.since !== undefined && range.until !== undefined) {
        expect(compareVersions(must(range.since), must(range.until)), range.id).toBeLessThan(0);
      }
    }
  });

  function checkContiguous(ranges: readonly { id: string; since?: string; until?: string }[], owner: string): void {
    expect(ranges.length, owner).toBeGreaterThan(0);
    const sorted = [...ranges].sort((a, b) =>
      a.since === undefined ? -1 : b.since === undefined ? 1 : compareVersions(must(a.since), must(b.since)),
    );
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1] as (typeof sorted)[number];
      const current = sorted[i] as (typeof sorted)[number];
      // No overlap and no gap: each range ends exactly where the next begins.
      expect(previous.until, `${previous.id} must end`).toBeDefined();
      expect(current.since, `${current.id} must start`).toBeDefined();
      expect(
        compareVersions(must(previous.until as string), must(current.since as string)),
        `${previous.id} → ${current.id}`,
      ).toBe(0);
    }
    // Only the newest range is open-ended.
    expect(sorted.at(-1)?.until, `${owner} newest range`).toBeUndefined();
    expect(sorted.filter((r) => r.until === undefined)).toHaveLength(1);
  }

  it.each([...ENGINE_NAMES])('%s ranges are contiguous and do not overlap', (name) => {
    checkContiguous(
      ENGINE_RANGES.filter((r) => r.engine === name),
      name,
    );
  });

  it.each([...ociNames])('%s ranges are contiguous and do not overlap', (name) => {
    const ranges = OCI_RANGES.filter((r) => r.runtime === name);
    checkContiguous(ranges, name);
    // OCI ranges reach back to the first release.
    expect(ranges.filter((r) => r.since === undefined)).toHaveLength(1);
  });

  it('places runc’s boundary at rc94 and crun’s at 0.19 and 1.29 (runtimes.md §1e)', () => {
    expect(OCI_RANGES.find((r) => r.id === 'runc-new')?.since).toBe('1.0.0-rc94');
    expect(OCI_RANGES.find((r) => r.id === 'crun-mid')).toMatchObject({ since: '0.19', until: '1.29' });
  });

  it('lists defaults as known capability names without CAP_', () => {
    for (const range of ENGINE_RANGES) {
      expect(range.defaults.length, range.id).toBeGreaterThan(0);
      expect(new Set(range.defaults).size, range.id).toBe(range.defaults.length);
      for (const name of range.defaults) {
        expect(name.startsWith('CAP_'), `${range.id} ${name}`).toBe(false);
        expect(CAPABILITY_BY_NAME.has(name), `${range.id} ${name}`).toBe(true);
      }
    }
  });

  it('keeps knownMax within the kernel’s capabilities', () => {
    for (const range of ENGINE_RANGES) {
      if (range.knownMax !== undefined) expect(range.knownMax, range.id).toBeLessThanOrEqual(40);
    }
    for (const range of OCI_RANGES) expect([37, 40], range.id).toContain(range.knownMax);
  });

  it('gives a status, a phase and a message for every rejection', () => {
    for (const range of ENGINE_RANGES) {
      for (const handling of [range.unknownAdd, range.unknownDrop, range.unavailable?.add, range.unavailable?.drop]) {
        if (handling?.action !== 'reject') continue;
        expect(['CreateContainerError', 'RunContainerError'], range.id).toContain(handling.status);
        expect(['create', 'start'], range.id).toContain(handling.phase);
        expect(handling.message, range.id).not.toBe('');
      }
    }
  });

  it('leaves only engines ≥ containerd 1.3 to the OCI runtime', () => {
    const viaOci = ENGINE_RANGES.filter((r) => r.unknownAdd.action === 'oci' || r.unknownDrop.action === 'oci');
    expect(viaOci.map((r) => r.id)).toEqual(['containerd-1.3']);
  });
});

describe('defaultCapabilities', () => {
  const DOCKER_14 = [
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
  ];

  it.each([
    'docker@1.10',
    'docker@18.06',
    'docker@20.10',
    'docker@29',
    'containerd@1.2',
    'containerd@2.2',
    'podman@4.3',
  ])('%s gives Docker’s 14 (runtimes.md §1a, §1c, §1g)', (spec) => {
    const defaults = defaultCapabilities(resolveTarget(spec));
    expect(defaults).toHaveLength(14);
    expect([...(defaults ?? [])].sort()).toEqual([...DOCKER_14].sort());
  });

  it.each(['crio@1.12', 'crio@1.17'])('%s gives 11, without MKNOD, SETFCAP or AUDIT_WRITE (§1d)', (spec) => {
    const defaults = defaultCapabilities(resolveTarget(spec)) ?? [];
    expect(defaults).toHaveLength(11);
    expect(defaults).toContain('NET_RAW');
    expect(defaults).toContain('SYS_CHROOT');
    for (const name of ['MKNOD', 'SETFCAP', 'AUDIT_WRITE']) expect(defaults).not.toContain(name);
  });

  it.each(['crio@1.18', 'crio@1.25', 'crio@1.36'])('%s gives 9, without NET_RAW and SYS_CHROOT (§1d)', (spec) => {
    const defaults = defaultCapabilities(resolveTarget(spec)) ?? [];
    expect(defaults).toHaveLength(9);
    expect([...defaults].sort()).toEqual(
      ['CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'SETGID', 'SETUID', 'SETPCAP', 'NET_BIND_SERVICE', 'KILL'].sort(),
    );
  });

  it('podman@4.4.0 to 4.4.2 give 10: containers/common v0.51.0 also left SYS_CHROOT out', () => {
    for (const spec of ['podman@4.4', 'podman@4.4.2']) {
      const defaults = defaultCapabilities(resolveTarget(spec)) ?? [];
      expect(defaults, spec).toHaveLength(10);
      expect(defaults, spec).not.toContain('SYS_CHROOT');
    }
  });

  it.each(['podman@4.4.3', 'podman@5.6'])('%s gives 11, without NET_RAW, MKNOD and AUDIT_WRITE (§1g)', (spec) => {
    const defaults = defaultCapabilities(resolveTarget(spec)) ?? [];
    expect(defaults).toHaveLength(11);
    for (const name of ['NET_RAW', 'MKNOD', 'AUDIT_WRITE']) expect(defaults).not.toContain(name);
    expect(defaults).toContain('SETFCAP');
    expect(defaults).toContain('SYS_CHROOT');
  });

  it('has no defaults for a target without an engine', () => {
    expect(defaultCapabilities(resolveTarget('kernel@5.4'))).toBeUndefined();
  });
});

// Measured on Debian bookworm, experiments 2–4 of the runtime lab (docker.io 20.10.24, containerd 1.6.20 CRI with runc 1.1.5, podman 4.3.1 with containers/common
// 0.50). The lab host lacks CAP_SYS_RESOURCE in its bounding set, so a correctly spelled SYS_RESOURCE failed there with
// EPERM ("unable to apply caps: operation not permitted") or, on podman, was dropped silently. That means the runtime
// accepted the name and tried to grant it: it counts as 'applied' here. Docker's ALL/all failed the same way.
describe('measured in the lab', () => {
  type Observation = [direction: Direction, input: string, outcome: Outcome, lab: string];

  // §3b and the conclusions of experiment 3: CRI always writes "CAP_" + ToUpper(name).
  const CONTAINERD: Observation[] = [
    ['add', 'SYS_RESOURCE', 'applied', 'spec has CAP_SYS_RESOURCE; start fails with host EPERM'],
    ['add', 'sys_resource', 'applied', 'spec has CAP_SYS_RESOURCE; start fails with host EPERM'],
    ['add', 'CAP_SYS_RESOURCE', 'ignored', 'CAP_CAP_SYS_RESOURCE, starts, CapEff a80425fb'],
    ['add', 'cap_sys_resource', 'ignored', 'CAP_CAP_SYS_RESOURCE, starts, CapEff a80425fb'],
    ['add', 'CAP_CAP_SYS_RESOURCE', 'ignored', 'CAP_CAP_CAP_SYS_RESOURCE, starts without it'],
    ['add', 'SYS_RESOURCES', 'ignored', 'CAP_SYS_RESOURCES, starts without it'],
    ['add', 'CAP_FOO', 'ignored', 'CAP_CAP_FOO, starts'],
    ['add', 'IPC_LOCK', 'applied', 'CapEff a80465fb'],
    ['add', 'ipc_lock', 'applied', 'CapEff a80465fb'],
    ['add', 'CAP_IPC_LOCK', 'ignored', 'CAP_CAP_IPC_LOCK, CapEff a80425fb'],
    ['add', 'CAP_CAP_IPC_LOCK', 'ignored', 'CapEff a80425fb'],
    ['add', 'ALL', 'applied', 'CapEff 1fffeffffff'],
    ['add', 'all', 'applied', 'CapEff 1fffeffffff'],
    ['add', 'CAP_ALL', 'ignored', 'CAP_CAP_ALL, CapEff a80425fb'],
    ['drop', 'KILL', 'applied', 'CAP_KILL present=false'],
    ['drop', 'kill', 'applied', 'CAP_KILL present=false'],
    ['drop', 'CAP_KILL', 'ignored', 'CAP_KILL present=true'],
    ['drop', 'CAP_CAP_KILL', 'ignored', 'CAP_KILL present=true'],
    ['drop', 'ALL', 'applied', 'CapEff 0'],
    ['drop', 'CAP_ALL', 'ignored', 'CAP_KILL present=true'],
  ];

  // Experiment 2 raw log and conclusions: the daemon normalises, then rejects unknown names at create.
  const DOCKER: Observation[] = [
    ['add', 'SYS_RESOURCE', 'applied', 'spec has CAP_SYS_RESOURCE; host EPERM'],
    ['add', 'CAP_SYS_RESOURCE', 'applied', 'spec has CAP_SYS_RESOURCE; host EPERM'],
    ['add', 'sys_resource', 'applied', 'spec has CAP_SYS_RESOURCE; host EPERM'],
    ['add', 'cap_sys_resource', 'applied', 'spec has CAP_SYS_RESOURCE; host EPERM'],
    ['add', 'CAP_CAP_SYS_RESOURCE', 'rejected', 'invalid CapAdd: unknown capability: "CAP_CAP_SYS_RESOURCE"'],
    ['add', 'SYS_RESOURCES', 'rejected', 'invalid CapAdd: unknown capability: "CAP_SYS_RESOURCES"'],
    ['add', 'CAP_IPC_LOCK', 'applied', 'CapEff a80465fb'],
    ['add', 'IPC_LOCK', 'applied', 'CapEff a80465fb'],
    ['add', 'ipc_lock', 'applied', 'CapEff a80465fb'],
    ['add', 'Ipc_Lock', 'applied', 'CapEff a80465fb'],
    ['add', 'CAP_CAP_IPC_LOCK', 'rejected', 'invalid CapAdd: unknown capability: "CAP_CAP_IPC_LOCK"'],
    ['add', 'ALL', 'applied', 'accepted; host EPERM'],
    ['add', 'all', 'applied', 'accepted; host EPERM'],
    ['add', 'CAP_ALL', 'rejected', 'invalid CapAdd: unknown capability: "CAP_ALL"'],
    ['drop', 'CAP_KILL', 'applied', 'CapEff a80425db'],
    ['drop', 'KILL', 'applied', 'CapEff a80425db'],
    ['drop', 'kill', 'applied', 'CapEff a80425db'],
    ['drop', 'CAP_CAP_KILL', 'rejected', 'invalid CapDrop: unknown capability: "CAP_CAP_KILL"'],
    ['drop', 'KILLS', 'rejected', 'invalid CapDrop: unknown capability: "CAP_KILLS"'],
    ['drop', 'CAP_SYS_RESOURCE', 'applied', 'exit 0'],
    ['drop', 'SYS_RESOURCE', 'applied', 'exit 0'],
    ['drop', 'CAP_CAP_SYS_RESOURCE', 'rejected', 'invalid CapDrop: unknown capability: "CAP_CAP_SYS_RESOURCE"'],
    ['drop', 'ALL', 'applied', 'CapEff 0'],
  ];

  // Experiment 4: identical with runc and crun.
  const PODMAN: Observation[] = [
    ['add', 'CAP_SYS_RESOURCE', 'applied', 'accepted; unavailable on the host, dropped silently'],
    ['add', 'SYS_RESOURCE', 'applied', 'accepted; unavailable on the host, dropped silently'],
    ['add', 'sys_resource', 'applied', 'accepted; unavailable on the host, dropped silently'],
    ['add', 'cap_sys_resource', 'applied', 'accepted; unavailable on the host, dropped silently'],
    ['add', 'CAP_CAP_SYS_RESOURCE', 'rejected', 'Error: "CAP_CAP_SYS_RESOURCE": unknown capability'],
    ['add', 'SYS_RESOURCES', 'rejected', 'Error: "CAP_SYS_RESOURCES": unknown capability'],
    ['add', 'CAP_IPC_LOCK', 'applied', 'CapEff a80465fb'],
    ['add', 'IPC_LOCK', 'applied', 'CapEff a80465fb'],
    ['add', 'ipc_lock', 'applied', 'CapEff a80465fb'],
    ['add', 'Ipc_Lock', 'applied', 'CapEff a80465fb'],
    ['add', 'CAP_CAP_IPC_LOCK', 'rejected', 'Error: "CAP_CAP_IPC_LOCK": unknown capability'],
    ['add', 'ALL', 'applied', 'CapEff 1fffeffffff'],
    ['add', 'all', 'applied', 'CapEff 1fffeffffff'],
    ['add', 'CAP_ALL', 'rejected', 'Error: "CAP_ALL": unknown capability'],
    ['drop', 'CAP_KILL', 'applied', 'CapEff a80425db'],
    ['drop', 'KILL', 'applied', 'CapEff a80425db'],
    ['drop', 'kill', 'applied', 'CapEff a80425db'],
    ['drop', 'CAP_CAP_KILL', 'rejected', 'Error: "CAP_CAP_KILL": unknown capability'],
    ['drop', 'KILLS', 'rejected', 'Error: "CAP_KILLS": unknown capability'],
    ['drop', 'ALL', 'applied', 'CapEff 0'],
  ];

  describe.each([
    ['containerd@1.6.20+runc@1.1.5', CONTAINERD],
    ['docker@20.10.24', DOCKER],
    ['podman@4.3.1', PODMAN],
  ] as const)('%s', (spec, observations) => {
    const target = resolveTarget(spec);

    it.each(observations)('%s %s → %s (lab: %s)', (direction, input, outcome, lab) => {
      const prediction = predict(target, direction, input);
      expect(prediction.outcome).toBe(outcome);
      if (outcome === 'rejected') {
        // The lab saw the runtime's own words; the prediction quotes them.
        expect(lab).toContain(prediction.message as string);
      }
    });
  });

  it('matches the runc warning format seen in containerd’s bundle log (§3a)', () => {
    const prediction = p('containerd@1.6.20+runc@1.1.5', 'add', 'CAP_SYS_RESOURCE');
    const lab =
      '{"level":"warning","msg":"ignoring unknown or unavailable capabilities: [CAP_CAP_SYS_RESOURCE CAP_FOO]"}';
    expect(lab).toContain('ignoring unknown or unavailable capabilities: [CAP_CAP_SYS_RESOURCE');
    expect(prediction.message).toContain('ignoring unknown or unavailable capabilities: [CAP_CAP_SYS_RESOURCE]');
  });

  it('reports docker 20.10 rejections at create, as the lab saw (exit 125 before any runtime ran)', () => {
    expect(p('docker@20.10.24', 'add', 'CAP_CAP_SYS_RESOURCE').status).toBe('CreateContainerError');
    expect(p('docker@20.10.24', 'drop', 'CAP_CAP_KILL').status).toBe('CreateContainerError');
  });
});

describe('predict: corner cases', () => {
  it('words a kernel-missing drop on Docker 23+ as CapDrop', () => {
    const prediction = predict(resolveTarget('docker@24,kernel@5.4'), 'drop', 'BPF');
    expect(prediction).toMatchObject({ outcome: 'rejected', status: 'CreateContainerError' });
    expect(prediction.message).toMatch(/^invalid CapDrop: capability not supported by your kernel/);
  });

  it('grants a known name on containerd when the runc version is not pinned down', () => {
    for (const spec of ['containerd@1.5', 'containerd@1.4']) {
      expect(predict(resolveTarget(spec), 'add', 'SYS_RESOURCE').outcome, spec).toBe('applied');
      expect(predict(resolveTarget(spec), 'add', 'CAP_SYS_RESOURCE').outcome, spec).toBe('unknown');
      expect(predict(resolveTarget(spec), 'add', 'PERFMON').outcome, spec).toBe('unknown');
    }
  });

  it('uses rkt’s own failure for a missing prefix, at start', () => {
    const add = predict(resolveTarget('rkt@1.30'), 'add', 'NET_ADMIN');
    expect(add).toMatchObject({
      outcome: 'rejected',
      status: 'RunContainerError',
      message: 'Failed to parse capability NET_ADMIN.',
    });
    expect(add.detail).toContain('fails at start');
    expect(predict(resolveTarget('rkt@1.30'), 'drop', 'NET_ADMIN')).toMatchObject({ status: 'RunContainerError' });
  });

  it('refuses an unprefixed drop on CRI-O before 1.0: runtime-tools checks dropped names too', () => {
    const prediction = predict(resolveTarget('crio@0.3'), 'drop', 'sys_resource');
    expect(prediction).toMatchObject({
      outcome: 'rejected',
      status: 'CreateContainerError',
      message: 'capability SYS_RESOURCE must start with CAP_',
    });
    expect(predict(resolveTarget('crio@0.3'), 'drop', 'CAP_FOO').message).toBe('Invalid capability: CAP_FOO');
  });

  it('asks for the patch release of CRI-O 1.11 for an unknown added name: skipped until 1.11.2, refused after', () => {
    for (const input of ['CAP_FOO', 'BPF']) {
      const prediction = predict(resolveTarget('crio@1.11'), 'add', input);
      expect(prediction).toMatchObject({ outcome: 'unknown', neverApplied: true });
      expect(prediction.detail).toContain('1.11.0 and 1.11.1 skip an added name they do not know with a warning');
      expect(prediction.detail).toContain('1.11.2 and later refuse it');
      expect(prediction.detail).toContain('name the patch release (e.g. crio@1.11.0)');
      expect(prediction.citations).toContain('cri-o/cri-o@v1.11.0:server/container_create.go L562-572');
    }
    expect(predict(resolveTarget('crio@1.11'), 'add', 'CAP_SYS_RESOURCE').outcome).toBe('applied');
    expect(predict(resolveTarget('crio@1.11'), 'drop', 'CAP_FOO').outcome).toBe('rejected');
  });

  it('says a skipped name on CRI-O 1.11.0 is not granted, and cites the release that skips it', () => {
    const prediction = predict(resolveTarget('crio@1.11.0'), 'add', 'NET_ADMINN');
    expect(prediction.detail).toContain('the capability is silently not granted');
    expect(prediction.detail).toContain('log a warning and create the container without it');
    expect(prediction.citations).toContain('cri-o/cri-o@v1.11.1:server/container_create.go L562-572');
    const refused = predict(resolveTarget('crio@1.11.2'), 'add', 'NET_ADMINN');
    expect(refused.citations).toContain('cri-o/cri-o@v1.11.2:server/container_create.go L567-575');
    expect(refused.citations).not.toContain('cri-o/cri-o@v1.11.0:server/container_create.go L562-572');
  });

  it('words CRI-O 1.11’s skip and refusal as the diagnose signatures for those releases read them', () => {
    const signature = (id: string) => SIGNATURES.find((s) => s.id === id);
    const names = (id: string, line: string) =>
      (signature(id)?.patterns ?? []).map((p) => (p instanceof RegExp ? p : p.re).exec(line)?.groups?.name);
    const skipped = signature('crio-invalid-capability-skipped');
    const refused = signature('crio-unknown-capability-to-add');
    expect(skipped?.versions).toMatch(/^CRI-O 1\.11\.0–1\.11\.1/);
    expect(refused?.versions).toMatch(/^CRI-O 1\.11\.2 and later/);
    const warning = predict(resolveTarget('crio@1.11.1'), 'add', 'NET_ADMINN').message ?? '';
    expect(names('crio-invalid-capability-skipped', warning)).toContain('NET_ADMINN');
    const error = predict(resolveTarget('crio@1.11.2'), 'add', 'NET_ADMINN').message ?? '';
    expect(names('crio-unknown-capability-to-add', error)).toContain('CAP_NET_ADMINN');
  });

  it('gives CRI-O 1.11 its 11 defaults', () => {
    expect(defaultCapabilities(resolveTarget('crio@1.11'))).toHaveLength(11);
    expect(defaultCapabilities(resolveTarget('crio@1.10'))).toHaveLength(14);
  });

  it('counts Docker 19.03 pre-releases as 19.03 (the prefix handling shipped in beta1)', () => {
    expect(resolveTarget('docker@19.03.0-rc1').engine?.id).toBe('docker-19.03');
    expect(resolveTarget('docker@19.03.0-beta1').engine?.id).toBe('docker-19.03');
    expect(resolveTarget('docker@18.09.9').engine?.id).toBe('docker-1.11');
  });

  it('blames the kernel, not runc, for a capability the kernel lacks behind containerd', () => {
    const prediction = predict(resolveTarget('containerd@1.7,kernel@5.4'), 'add', 'BPF');
    expect(prediction.outcome).toBe('ignored');
    expect(prediction.detail).toContain('BPF needs Linux 5.8; the target kernel is 5.4.0');
  });

  it('finds nothing to drop when the kernel lacks the capability (containerd)', () => {
    const prediction = predict(resolveTarget('containerd@1.7,kernel@5.4'), 'drop', 'BPF');
    expect(prediction.outcome).toBe('applied');
    expect(prediction.detail).toContain('nothing to drop');
  });
});
