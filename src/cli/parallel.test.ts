import { availableParallelism } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { threadCount } from './parallel.js';

const MiB = 1024 * 1024;

describe('threadCount', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.CAPDOCTOR_THREADS;
    delete process.env.CAPDOCTOR_THREADS;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.CAPDOCTOR_THREADS;
    else process.env.CAPDOCTOR_THREADS = saved;
  });

  it('adds a thread for every 32 MiB of input, at most one per core', () => {
    const cores = availableParallelism();
    expect(threadCount(0)).toBe(1);
    expect(threadCount(31 * MiB)).toBe(1);
    expect(threadCount(32 * MiB)).toBe(Math.min(cores, 2));
    expect(threadCount(100 * MiB)).toBe(Math.min(cores, 4));
    expect(threadCount(10_000 * MiB)).toBe(Math.min(cores, 8));
  });

  it('takes CAPDOCTOR_THREADS as given (1 or nonsense: no worker)', () => {
    process.env.CAPDOCTOR_THREADS = '3';
    expect(threadCount(0)).toBe(3);
    process.env.CAPDOCTOR_THREADS = '1';
    expect(threadCount(500 * MiB)).toBe(1);
    process.env.CAPDOCTOR_THREADS = 'many';
    expect(threadCount(500 * MiB)).toBe(1);
  });
});
