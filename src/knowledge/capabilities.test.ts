import { describe, expect, it } from 'vitest';
import {
  CAPABILITIES,
  CAPABILITY_BY_NAME,
  type CapabilityInfo,
  kernelHasCapability,
  LAST_CAPABILITY,
  parseKernelVersion,
} from './capabilities.js';

function cap(name: string): CapabilityInfo {
  const info = CAPABILITY_BY_NAME.get(name);
  if (!info) throw new Error(`missing capability ${name}`);
  return info;
}

describe('CAPABILITIES', () => {
  it('has 41 entries numbered 0..40 in order with unique names', () => {
    expect(CAPABILITIES).toHaveLength(41);
    CAPABILITIES.forEach((info, index) => {
      expect(info.number).toBe(index);
    });
    expect(new Set(CAPABILITIES.map((info) => info.name)).size).toBe(41);
    expect(CAPABILITY_BY_NAME.size).toBe(41);
    expect(LAST_CAPABILITY).toBe(40);
    expect(Math.max(...CAPABILITIES.map((info) => info.number))).toBe(LAST_CAPABILITY);
  });

  it('uses Kubernetes names without the CAP_ prefix', () => {
    for (const info of CAPABILITIES) {
      expect(info.name.startsWith('CAP_')).toBe(false);
      expect(info.name).toMatch(/^[A-Z_]+$/);
    }
  });

  it('does not list the proposed CAP_SYS_CONTROL', () => {
    expect(CAPABILITY_BY_NAME.has('SYS_CONTROL')).toBe(false);
  });

  it.each([
    ['SYS_RESOURCE', 24, '2.2'],
    ['SETFCAP', 31, '2.6.24'],
    ['AUDIT_READ', 37, '3.16'],
    ['PERFMON', 38, '5.8'],
    ['BPF', 39, '5.8'],
    ['CHECKPOINT_RESTORE', 40, '5.9'],
  ])('%s is number %i since kernel %s', (name, number, kernel) => {
    const info = cap(name);
    expect(info.number).toBe(number);
    expect(info.kernel).toBe(kernel);
  });

  it('classifies the well-known dangerous capabilities as near-root', () => {
    const nearRoot = CAPABILITIES.filter((info) => info.risk === 'near-root').map((info) => info.name);
    expect(nearRoot).toEqual(
      expect.arrayContaining(['SYS_ADMIN', 'NET_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'DAC_READ_SEARCH']),
    );
  });

  it('explains why every near-root and high capability is dangerous, and only those', () => {
    for (const info of CAPABILITIES) {
      if (info.risk === 'near-root' || info.risk === 'high') {
        expect(info.why, info.name).toBeTruthy();
      } else {
        expect(info.why, info.name).toBeUndefined();
      }
    }
  });

  it('keeps prose to one short line', () => {
    for (const info of CAPABILITIES) {
      for (const text of [info.summary, info.why ?? '']) {
        expect(text, info.name).not.toContain('\n');
        expect(text.length, info.name).toBeLessThanOrEqual(110);
      }
    }
  });
});

describe('parseKernelVersion', () => {
  it.each([
    ['5.15.0-1051-azure', [5, 15, 0]],
    ['3.10.0-1160.el7.x86_64', [3, 10, 0]],
    ['6.1', [6, 1, 0]],
    ['5.8', [5, 8, 0]],
    ['2.6.24', [2, 6, 24]],
  ])('parses %s', (text, expected) => {
    expect(parseKernelVersion(text)).toEqual(expected);
  });

  it('returns undefined when the text does not start with digits', () => {
    expect(parseKernelVersion('abc')).toBeUndefined();
    expect(parseKernelVersion('')).toBeUndefined();
  });
});

describe('kernelHasCapability', () => {
  it('gates PERFMON on 5.8', () => {
    expect(kernelHasCapability(cap('PERFMON'), [5, 4, 0])).toBe(false);
    expect(kernelHasCapability(cap('PERFMON'), [5, 8, 0])).toBe(true);
    expect(kernelHasCapability(cap('PERFMON'), [6, 1, 0])).toBe(true);
  });

  it('compares patch levels and old kernels correctly', () => {
    expect(kernelHasCapability(cap('AUDIT_READ'), [3, 10, 0])).toBe(false);
    expect(kernelHasCapability(cap('AUDIT_READ'), [3, 16, 0])).toBe(true);
    expect(kernelHasCapability(cap('SETFCAP'), [2, 6, 23])).toBe(false);
    expect(kernelHasCapability(cap('SETFCAP'), [2, 6, 24])).toBe(true);
    expect(kernelHasCapability(cap('CHOWN'), [2, 2, 0])).toBe(true);
  });
});
