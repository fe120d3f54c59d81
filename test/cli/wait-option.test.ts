// Every command that opens the database takes --wait, from the one shared option: a command with
// --db and without --wait would fail at once while a load holds the file.
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

function allCommands(command: Command, prefix = ''): Array<{ name: string; command: Command }> {
  return command.commands.flatMap((c) => [{ name: `${prefix}${c.name()}`, command: c }, ...allCommands(c, `${prefix}${c.name()} `)]);
}

describe('--wait', () => {
  it('is an option of every command that takes --db, with the same help text', () => {
    const withDb = allCommands(buildProgram()).filter(({ command }) => command.options.some((o) => o.long === '--db'));
    // Each analysis is a subcommand of analyze: one entry here for all of them.
    expect([...new Set(withDb.map((c) => c.name.replace(/^analyze .*/, 'analyze *')))].sort()).toEqual([
      'analyze *',
      'batch',
      'bulletin',
      'info',
      'load',
      'reference import',
      'rejects',
      'repair',
      'report annual',
      'share',
      'sources set',
      'sql',
      'watch add',
      'watch hits',
      'watch list',
      'watch remove',
    ]);
    for (const { name, command } of withDb) {
      const wait = command.options.find((o) => o.long === '--wait');
      expect(wait?.description, name).toBe(
        'wait this long for another wen process to release the database (default: 10 to read, 0 to write)',
      );
    }
  });
});
