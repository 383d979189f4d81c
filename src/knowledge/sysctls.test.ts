import { describe, expect, it } from 'vitest';
import { isSafeOn, normalizeSysctl, SAFE_SYSCTLS, safeSysctl, sysctlNamespace } from './sysctls.js';
import { must } from './versions.js';

describe('sysctl facts', () => {
  it('classifies namespaces as the kubelet does', () => {
    expect(sysctlNamespace('kernel.sem')).toBe('ipc');
    expect(sysctlNamespace('kernel.shmmax')).toBe('ipc');
    expect(sysctlNamespace('fs.mqueue.msg_max')).toBe('ipc');
    expect(sysctlNamespace('net/ipv4/ip_forward')).toBe('net');
    expect(sysctlNamespace('vm.max_map_count')).toBeUndefined();
    expect(sysctlNamespace('kernel.pid_max')).toBeUndefined();
    expect(sysctlNamespace('fs.file-max')).toBeUndefined();
  });

  it('knows when each key joined the safe set', () => {
    expect(normalizeSysctl('net/ipv4/tcp_rmem')).toBe('net.ipv4.tcp_rmem');
    const ports = safeSysctl('net.ipv4.ip_unprivileged_port_start');
    expect(ports?.since).toBe('1.22');
    expect(ports && isSafeOn(ports, must('1.21'))).toBe(false);
    expect(ports && isSafeOn(ports, must('1.22'))).toBe(true);
    expect(ports && isSafeOn(ports, undefined)).toBe(true);
    expect(SAFE_SYSCTLS.filter((s) => s.since === '1.29').map((s) => s.name)).toEqual([
      'net.ipv4.tcp_keepalive_time',
      'net.ipv4.tcp_fin_timeout',
      'net.ipv4.tcp_keepalive_intvl',
      'net.ipv4.tcp_keepalive_probes',
    ]);
    expect(safeSysctl('net.core.somaxconn')).toBeUndefined();
  });

  it('every safe key is namespaced and cites its sources', () => {
    for (const safe of SAFE_SYSCTLS) {
      expect(sysctlNamespace(safe.name)).toBeDefined();
      expect(safe.citations.length).toBeGreaterThan(0);
    }
  });
});
