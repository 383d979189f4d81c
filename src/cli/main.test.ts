// A run that names its command registers only that command (buildProgram(name)): what it parses and
// prints must be what the whole program would.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './main.js';

function find(program: Command, name: string): Command {
  const command = program.commands.find((c) => c.name() === name);
  if (command === undefined) throw new Error(`no command ${name}`);
  return command;
}

/** What help shows for a command and its subcommands, and the options they take. */
function shape(command: Command): unknown {
  return {
    help: command.helpInformation(),
    options: command.options.map((o) => [o.flags, o.defaultValue, o.argChoices]),
    subcommands: command.commands.map(shape),
  };
}

describe('buildProgram', () => {
  const whole = buildProgram();
  const names = whole.commands.map((c) => c.name());

  it('registers every command by default', () => {
    expect(names).toEqual(['lint', 'fix', 'diagnose', 'scan', 'explain', 'webhook', 'targets', 'rules']);
  });

  it.each(names)('registers %s alone, as the whole program has it', (name) => {
    const alone = buildProgram(name);
    expect(alone.commands.map((c) => c.name())).toEqual([name]);
    expect(shape(find(alone, name))).toEqual(shape(find(whole, name)));
    expect(alone.options.map((o) => o.flags)).toEqual(whole.options.map((o) => o.flags));
  });
});
