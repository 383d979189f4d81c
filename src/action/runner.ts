// What a JavaScript action reads from and writes to the GitHub Actions runner: inputs from INPUT_*
// variables, outputs to the $GITHUB_OUTPUT file, the job summary to the $GITHUB_STEP_SUMMARY file.
// The conventions are those of GitHub's "Metadata syntax" and "Workflow commands" documentation.
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

export type Env = Readonly<Record<string, string | undefined>>;

/** An input as the runner passes it: `INPUT_` and the name in upper case, spaces as underscores. */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A list input: items separated by new lines or commas, blanks dropped. */
export function getListInput(env: Env, name: string): string[] {
  return getInput(env, name)
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** A `name=value` line, or the delimiter form for a value with line breaks. */
export function outputEntry(name: string, value: string): string {
  if (!/[\r\n]/.test(value)) return `${name}=${value}\n`;
  const delimiter = `ghadelimiter_${randomUUID()}`;
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

export class Runner {
  constructor(
    private readonly env: Env,
    private readonly stdout: (text: string) => void,
  ) {}

  input(name: string): string {
    return getInput(this.env, name);
  }

  listInput(name: string): string[] {
    return getListInput(this.env, name);
  }

  /** Sets a step output; without $GITHUB_OUTPUT (an old runner, a local run) it is only logged. */
  setOutput(name: string, value: string): void {
    const file = this.env.GITHUB_OUTPUT;
    if (file) appendFileSync(file, outputEntry(name, value));
    else this.stdout(`capdoctor: output ${name}=${value}\n`);
  }

  /** Appends Markdown to the job summary, when the runner gives a file for it. */
  summary(markdown: string): void {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (file) appendFileSync(file, markdown);
  }

  log(text: string): void {
    this.stdout(text);
  }
}
