import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/types.js';
import { findingLocation, MAX_WARNINGS, shortWarning, shortWarnings } from './warnings.js';

function finding(message: string, extra: Partial<Finding> = {}): Finding {
  return {
    rule: 'cap-prefix',
    severity: 'error',
    message,
    file: 'Deployment.json',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    path: 'spec.template.spec.containers[0].securityContext.capabilities.add[0]',
    container: 'es',
    ...extra,
  };
}

describe('shortWarning', () => {
  it('is location and message when that is short', () => {
    const text = '"CAP_SYS_RESOURCE" is not granted on containerd — write SYS_RESOURCE';
    expect(shortWarning(finding(text))).toBe(`containers[0] (es): ${text}`);
  });

  it('names init and ephemeral containers, and the object when no container is involved', () => {
    expect(findingLocation(finding('x', { path: 'spec.initContainers[2].securityContext', container: 'init' }))).toBe(
      'initContainers[2] (init)',
    );
    expect(findingLocation(finding('x', { path: 'spec.securityContext', object: { kind: 'Pod' } }))).toBe('Pod');
  });

  it('keeps the first sentence and the fix of a long message', () => {
    const long = `"CAP_SYS_RESOURCE" carries the CAP_ prefix. ${'The container fails on many runtimes. '.repeat(20)}`;
    const fix = { description: 'replace "CAP_SYS_RESOURCE" with SYS_RESOURCE', edits: [] };
    expect(shortWarning(finding(long, { fix }))).toBe(
      'containers[0] (es): "CAP_SYS_RESOURCE" carries the CAP_ prefix — replace "CAP_SYS_RESOURCE" with SYS_RESOURCE',
    );
  });

  it('is one line, never over 256 characters, cut at a word', () => {
    const messages = [
      'a'.repeat(1000),
      `first line\nsecond line\r\n\tand\u0007 a bell ${'word '.repeat(100)}`,
      `${'very long first sentence without an end '.repeat(10)}. Then more.`,
      '🙂'.repeat(300),
    ];
    for (const message of messages) {
      const line = shortWarning(finding(message));
      expect(line).not.toMatch(/\p{Cc}/u);
      expect(line.length).toBeLessThanOrEqual(256);
      expect(line.startsWith('containers[0] (es): ')).toBe(true);
    }
    expect(shortWarning(finding(`${'word '.repeat(100)}`))).toMatch(/word…$/);
  });

  it('sums up long lists in a last line', () => {
    const many = Array.from({ length: 30 }, (_, i) => finding(`problem ${i}`));
    const lines = shortWarnings(many);
    expect(lines).toHaveLength(MAX_WARNINGS);
    expect(lines.at(-1)).toBe(`and ${30 - MAX_WARNINGS + 1} more findings: run capdoctor lint on this object`);
  });
});
