import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/fixture-repo.js';

/** The subcommands `--help` lists (without `help` itself), and `runs show`. */
async function listSubcommands(): Promise<string[][]> {
  const help = await runCli(['--help']);
  const section = help.stdout.slice(help.stdout.indexOf('\nCommands:\n'));
  const names = [...section.matchAll(/^ {2}([a-z][\w-]*) /gm)]
    .map((match) => match[1] as string)
    .filter((name) => name !== 'help');
  return [...names.map((name) => [name]), ['runs', 'show']];
}

describe('bad options', () => {
  it('exit 2 with the unknown option named, on every subcommand (those made with new Command too)', async () => {
    const commands = await listSubcommands();
    expect(commands.length).toBeGreaterThan(10);
    for (const expected of ['parse', 'explain', 'runs', 'history', 'report', 'run', 'apply'])
      expect(commands).toContainEqual([expected]);
    const results = await Promise.all(
      commands.map(async (words) => ({
        command: words.join(' '),
        ...(await runCli([...words, '--no-such-option'])),
      })),
    );
    const outcomes = results.map((r) => ({
      command: r.command,
      code: r.code,
      named: r.stderr.includes("error: unknown option '--no-such-option'"),
    }));
    expect(outcomes).toEqual(commands.map((w) => ({ command: w.join(' '), code: 2, named: true })));
    expect(results.every((r) => r.stdout === '')).toBe(true);
  }, 30_000);
});
