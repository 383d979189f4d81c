import { describe, expect, it } from 'vitest';
import {
  CriClient,
  decodeContainerStatus,
  encodeContainerConfig,
  encodePodSandboxConfig,
  NamespaceMode,
  type UnaryCaller,
} from './cri.js';
import { ProtoMessage, ProtoWriter } from './protobuf.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('the protobuf wire format', () => {
  it('writes strings, varints and nested messages as protoc does', () => {
    expect(hex(new ProtoWriter().string(1, 'v1').finish())).toBe('0a027631');
    expect(hex(new ProtoWriter().uint(2, 300).finish())).toBe('10ac02');
    expect(hex(new ProtoWriter().message(3, new ProtoWriter().uint(1, 2)).finish())).toBe('1a020802');
    // proto3 leaves defaults out, but an empty nested message stays
    expect(hex(new ProtoWriter().string(1, '').uint(2, 0).bool(3, false).finish())).toBe('');
    expect(hex(new ProtoWriter().message(4, new ProtoWriter()).finish())).toBe('2200');
  });

  it('writes negative numbers as 64-bit two’s complement and reads them back', () => {
    const bytes = new ProtoWriter().uint(7, -1).finish();
    expect(hex(bytes)).toBe('38ffffffffffffffffff01');
    expect(ProtoMessage.decode(bytes).int(7)).toBe(-1);
  });

  it('reads repeated fields, maps and skips fixed-width fields', () => {
    const bytes = new ProtoWriter().strings(1, ['a', 'b']).map(2, { info: '{"x":1}' }).finish();
    const withFixed = Uint8Array.from([...bytes, 0x1d, 1, 2, 3, 4, 0x21, 1, 2, 3, 4, 5, 6, 7, 8]);
    const m = ProtoMessage.decode(withFixed);
    expect(m.strings(1)).toEqual(['a', 'b']);
    expect(m.map(2)).toEqual({ info: '{"x":1}' });
    expect(m.string(9)).toBe('');
  });

  it('refuses truncated input', () => {
    expect(() => ProtoMessage.decode(Uint8Array.from([0x0a, 0x05, 0x61]))).toThrow('truncated');
  });
});

describe('the CRI messages', () => {
  const namespaces = { network: NamespaceMode.NODE, pid: NamespaceMode.CONTAINER, ipc: NamespaceMode.POD };

  it('puts the capabilities where the kubelet puts them', () => {
    const config = ProtoMessage.decode(
      encodeContainerConfig({
        name: 'c',
        image: 'docker.io/x:1',
        command: ['sh', '-c', 'true'],
        logPath: 'c.log',
        addCapabilities: ['CAP_SYS_RESOURCE'],
        dropCapabilities: ['KILL'],
        namespaces,
      }).finish(),
    );
    const capabilities = config.message(15).message(2).message(1);
    expect(capabilities.strings(1)).toEqual(['CAP_SYS_RESOURCE']);
    expect(capabilities.strings(2)).toEqual(['KILL']);
    expect(config.message(1).string(1)).toBe('c');
    expect(config.message(2).string(1)).toBe('docker.io/x:1');
    expect(config.strings(3)).toEqual(['sh', '-c', 'true']);
    expect(config.string(11)).toBe('c.log');
    const options = config.message(15).message(2).message(3);
    expect([options.int(1), options.int(2), options.int(3)]).toEqual([2, 1, 0]);
  });

  it('writes the sandbox metadata, log folder and cgroup parent', () => {
    const pod = ProtoMessage.decode(
      encodePodSandboxConfig({
        name: 'p',
        uid: 'u',
        namespace: 'default',
        logDirectory: '/logs',
        cgroupParent: '/parent',
        namespaces,
      }).finish(),
    );
    expect([pod.message(1).string(1), pod.message(1).string(2), pod.message(1).string(3)]).toEqual([
      'p',
      'u',
      'default',
    ]);
    expect(pod.string(3)).toBe('/logs');
    expect(pod.message(8).string(1)).toBe('/parent');
    expect(pod.message(8).message(2).message(1).int(1)).toBe(2);
  });

  it('reads a container status with its verbose info', () => {
    const status = new ProtoWriter()
      .string(1, 'id1')
      .uint(3, 2)
      .uint(7, 128)
      .string(10, 'StartError')
      .string(11, 'failed');
    const bytes = new ProtoWriter().message(1, status).map(2, { info: '{}' }).finish();
    expect(decodeContainerStatus(bytes)).toEqual({
      id: 'id1',
      state: 2,
      exitCode: 128,
      reason: 'StartError',
      message: 'failed',
      info: { info: '{}' },
    });
  });

  it('calls the runtime service methods by their gRPC paths', async () => {
    const calls: string[] = [];
    const caller: UnaryCaller = {
      call: async (path, request) => {
        calls.push(`${path} ${hex(request)}`);
        if (path.endsWith('/Version')) {
          return new ProtoWriter()
            .string(1, '0.1.0')
            .string(2, 'containerd')
            .string(3, '1.6.20')
            .string(4, 'v1')
            .finish();
        }
        return new ProtoWriter().string(1, 'abc').finish();
      },
    };
    const cri = new CriClient(caller);
    expect(await cri.version()).toEqual({
      version: '0.1.0',
      runtimeName: 'containerd',
      runtimeVersion: '1.6.20',
      runtimeApiVersion: 'v1',
    });
    await cri.startContainer('abc');
    expect(calls).toEqual([
      '/runtime.v1.RuntimeService/Version 0a027631',
      '/runtime.v1.RuntimeService/StartContainer 0a03616263',
    ]);
  });
});
