import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { UsageError } from './usage.js';

describe('UsageError', () => {
  it('is recognised across copies of the class, as each bundle file of the CLI has its own', () => {
    // A second copy of the class, as another bundle file would define it.
    const source = `${UsageError.toString()}`;
    expect(source).toContain('class UsageError');
    const copy = runInNewContext(`const USAGE = Symbol.for('capdoctor.usage-error'); (${source})`) as new (
      message: string,
    ) => Error;
    expect(copy).not.toBe(UsageError);
    expect(new copy('bad flag')).toBeInstanceOf(UsageError);
    expect(new UsageError('bad flag')).toBeInstanceOf(UsageError);
    expect(new UsageError('bad flag')).toBeInstanceOf(Error);
    expect(new Error('other')).not.toBeInstanceOf(UsageError);
    expect(null).not.toBeInstanceOf(UsageError);
  });
});
