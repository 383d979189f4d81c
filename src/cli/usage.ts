// Commands other than lint are files of their own in the bundle (see scripts/build.mjs), each with its
// own copy of this class: `instanceof` recognises a usage error by a mark that all copies share.
const USAGE = Symbol.for('capdoctor.usage-error');

/** A mistake in how capdoctor was called: reported on stderr with exit code 2. */
export class UsageError extends Error {
  get [USAGE](): true {
    return true;
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && USAGE in value;
  }
}
