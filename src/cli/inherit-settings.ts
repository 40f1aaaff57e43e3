import type { Command } from 'commander';

/**
 * Gives every subcommand, however deep and however made, the settings of `program`: commands
 * made with `new Command` and added with `addCommand` (parse, explain, runs, …) do not inherit
 * them, so without this a bad option there exits 1 with no help instead of 2 like the rest.
 * Call it once every command is added.
 */
export function inheritSettings(program: Command): void {
  for (const command of program.commands) {
    command.copyInheritedSettings(program);
    inheritSettings(command);
  }
}
