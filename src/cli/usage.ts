/** A mistake in how capdoctor was called: reported on stderr with exit code 2. */
export class UsageError extends Error {}
