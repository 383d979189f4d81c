// The few CRI `runtime.v1` messages the suite sends and reads, declared by hand. The field
// numbers are the public wire format of k8s.io/cri-api `pkg/apis/runtime/v1/api.proto`; only the
// fields the suite uses are written, every other field keeps its proto3 default.
import { ProtoMessage, ProtoWriter } from './protobuf.js';

/** Sends one request message and resolves with the answer's bytes, or rejects with the gRPC error. */
export interface UnaryCaller {
  call(path: string, request: Uint8Array, timeoutMs: number): Promise<Uint8Array>;
}

/** `NamespaceMode` */
export const NamespaceMode = { POD: 0, CONTAINER: 1, NODE: 2, TARGET: 3 } as const;
export type NamespaceModeValue = (typeof NamespaceMode)[keyof typeof NamespaceMode];

/** `ContainerState` */
export const ContainerState = { CREATED: 0, RUNNING: 1, EXITED: 2, UNKNOWN: 3 } as const;

export interface Namespaces {
  network: NamespaceModeValue;
  pid: NamespaceModeValue;
  ipc: NamespaceModeValue;
}

export interface PodSandboxConfig {
  name: string;
  uid: string;
  namespace: string;
  logDirectory: string;
  cgroupParent?: string;
  namespaces: Namespaces;
}

export interface ContainerConfig {
  name: string;
  image: string;
  command: readonly string[];
  /** Relative to the sandbox's log directory. */
  logPath: string;
  addCapabilities: readonly string[];
  dropCapabilities: readonly string[];
  namespaces: Namespaces;
}

export interface VersionInfo {
  version: string;
  runtimeName: string;
  runtimeVersion: string;
  runtimeApiVersion: string;
}

export interface ContainerStatusInfo {
  id: string;
  state: number;
  exitCode: number;
  reason: string;
  message: string;
  /** Verbose extras; containerd puts the generated OCI spec under `info` (JSON). */
  info: Record<string, string>;
}

const SERVICE = '/runtime.v1.RuntimeService';

function namespaceOption(ns: Namespaces): ProtoWriter {
  // NamespaceOption: network = 1, pid = 2, ipc = 3
  return new ProtoWriter().uint(1, ns.network).uint(2, ns.pid).uint(3, ns.ipc);
}

export function encodePodSandboxConfig(config: PodSandboxConfig): ProtoWriter {
  // PodSandboxMetadata: name = 1, uid = 2, namespace = 3, attempt = 4
  const metadata = new ProtoWriter().string(1, config.name).string(2, config.uid).string(3, config.namespace);
  // LinuxSandboxSecurityContext: namespace_options = 1
  const securityContext = new ProtoWriter().message(1, namespaceOption(config.namespaces));
  // LinuxPodSandboxConfig: cgroup_parent = 1, security_context = 2
  const linux = new ProtoWriter().string(1, config.cgroupParent).message(2, securityContext);
  // PodSandboxConfig: metadata = 1, hostname = 2, log_directory = 3, linux = 8
  return new ProtoWriter().message(1, metadata).string(3, config.logDirectory).message(8, linux);
}

export function encodeContainerConfig(config: ContainerConfig): ProtoWriter {
  // ContainerMetadata: name = 1, attempt = 2
  const metadata = new ProtoWriter().string(1, config.name);
  // ImageSpec: image = 1
  const image = new ProtoWriter().string(1, config.image);
  // Capability: add_capabilities = 1, drop_capabilities = 2
  const capabilities = new ProtoWriter().strings(1, config.addCapabilities).strings(2, config.dropCapabilities);
  // LinuxContainerSecurityContext: capabilities = 1, namespace_options = 3
  const securityContext = new ProtoWriter().message(1, capabilities).message(3, namespaceOption(config.namespaces));
  // LinuxContainerConfig: security_context = 2
  const linux = new ProtoWriter().message(2, securityContext);
  // ContainerConfig: metadata = 1, image = 2, command = 3, log_path = 11, linux = 15
  return new ProtoWriter()
    .message(1, metadata)
    .message(2, image)
    .strings(3, config.command)
    .string(11, config.logPath)
    .message(15, linux);
}

export function decodeVersion(bytes: Uint8Array): VersionInfo {
  const m = ProtoMessage.decode(bytes);
  return {
    version: m.string(1),
    runtimeName: m.string(2),
    runtimeVersion: m.string(3),
    runtimeApiVersion: m.string(4),
  };
}

export function decodeContainerStatus(bytes: Uint8Array): ContainerStatusInfo {
  // ContainerStatusResponse: status = 1, info = 2 (map)
  const response = ProtoMessage.decode(bytes);
  // ContainerStatus: id = 1, state = 3, exit_code = 7, reason = 10, message = 11
  const status = response.message(1);
  return {
    id: status.string(1),
    state: status.int(3),
    exitCode: status.int(7),
    reason: status.string(10),
    message: status.string(11),
    info: response.map(2),
  };
}

export class CriClient {
  constructor(
    private readonly caller: UnaryCaller,
    private readonly timeoutMs = 30_000,
  ) {}

  private call(method: string, request: ProtoWriter): Promise<Uint8Array> {
    return this.caller.call(`${SERVICE}/${method}`, request.finish(), this.timeoutMs);
  }

  async version(): Promise<VersionInfo> {
    // VersionRequest: version = 1
    return decodeVersion(await this.call('Version', new ProtoWriter().string(1, 'v1')));
  }

  async runPodSandbox(config: PodSandboxConfig): Promise<string> {
    // RunPodSandboxRequest: config = 1 → RunPodSandboxResponse: pod_sandbox_id = 1
    const answer = await this.call('RunPodSandbox', new ProtoWriter().message(1, encodePodSandboxConfig(config)));
    return ProtoMessage.decode(answer).string(1);
  }

  async stopPodSandbox(id: string): Promise<void> {
    await this.call('StopPodSandbox', new ProtoWriter().string(1, id));
  }

  async removePodSandbox(id: string): Promise<void> {
    await this.call('RemovePodSandbox', new ProtoWriter().string(1, id));
  }

  async createContainer(podId: string, config: ContainerConfig, podConfig: PodSandboxConfig): Promise<string> {
    // CreateContainerRequest: pod_sandbox_id = 1, config = 2, sandbox_config = 3 → container_id = 1
    const request = new ProtoWriter()
      .string(1, podId)
      .message(2, encodeContainerConfig(config))
      .message(3, encodePodSandboxConfig(podConfig));
    return ProtoMessage.decode(await this.call('CreateContainer', request)).string(1);
  }

  async startContainer(id: string): Promise<void> {
    await this.call('StartContainer', new ProtoWriter().string(1, id));
  }

  async containerStatus(id: string, verbose: boolean): Promise<ContainerStatusInfo> {
    // ContainerStatusRequest: container_id = 1, verbose = 2
    return decodeContainerStatus(await this.call('ContainerStatus', new ProtoWriter().string(1, id).bool(2, verbose)));
  }

  async removeContainer(id: string): Promise<void> {
    await this.call('RemoveContainer', new ProtoWriter().string(1, id));
  }
}
