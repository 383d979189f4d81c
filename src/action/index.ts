// Entry of the GitHub Action (action.yml at the repository root runs the bundle of this file).
import { escapeData } from '../cli/output/github.js';
import { UsageError } from '../cli/usage.js';
import { InputError, runAction } from './action.js';
import { Runner } from './runner.js';

const runner = new Runner(process.env, (text) => process.stdout.write(text));
try {
  process.exitCode = runAction(runner);
} catch (error) {
  const known = error instanceof InputError || error instanceof UsageError;
  const message = known ? (error as Error).message : ((error as Error).stack ?? String(error));
  process.stdout.write(`::error title=capdoctor::${escapeData(`${known ? '' : 'internal error: '}${message}`)}\n`);
  process.exitCode = 1;
}
