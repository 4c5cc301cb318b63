import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { repoRoot } from './support/run-cli.js';

/** Every command and subcommand, as `analyze`, `evtx dump`, … */
function allCommands(command: Command, prefix = ''): { name: string; command: Command }[] {
  return command.commands.flatMap((sub) => {
    const name = `${prefix}${sub.name()}`;
    return sub.commands.length > 0 ? allCommands(sub, `${name} `) : [{ name, command: sub }];
  });
}

const program = await buildProgram();
const helpProgram = await buildProgram();

describe('command documentation', () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const commands = allCommands(program);

  it('finds the commands', () => {
    expect(commands.map((c) => c.name)).toEqual(
      expect.arrayContaining(['analyze', 'ingest', 'query']),
    );
  });

  for (const { name, command } of allCommands(helpProgram)) {
    it(`${name}: has a description and an example in its help and in README.md`, () => {
      expect(command.description()).not.toBe('');
      let help = '';
      command.configureOutput({ writeOut: (text) => (help += text) });
      command.outputHelp();
      expect(help).toMatch(new RegExp(`Examples?:[\\s\\S]*lmdoctor ${name}`));
      expect(readme).toContain(`lmdoctor ${name}`);
    });
  }
});
