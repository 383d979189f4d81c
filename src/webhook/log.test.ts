import { describe, expect, it } from 'vitest';
import { lineWriter } from './log.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('lineWriter', () => {
  it('writes the lines of one turn together, in order, each with its newline', async () => {
    const writes: string[] = [];
    const log = lineWriter((text) => writes.push(text));
    log('{"a":1}');
    log('{"b":2}');
    expect(writes).toEqual([]);
    await turn();
    expect(writes).toEqual(['{"a":1}\n{"b":2}\n']);
    log('{"c":3}');
    await turn();
    expect(writes).toEqual(['{"a":1}\n{"b":2}\n', '{"c":3}\n']);
    await turn();
    expect(writes).toHaveLength(2);
  });

  it('does not hold more than maxChars: a long burst is written as it grows', async () => {
    const writes: string[] = [];
    const log = lineWriter((text) => writes.push(text), 20);
    for (let i = 0; i < 10; i++) log(`line ${i}`);
    expect(writes.length).toBeGreaterThan(0);
    await turn();
    expect(writes.join('')).toBe(Array.from({ length: 10 }, (_, i) => `line ${i}\n`).join(''));
    expect(writes.every((w) => w.length <= 20 + 'line 9\n'.length)).toBe(true);
  });
});
