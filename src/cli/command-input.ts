import type { Command } from 'commander';

/** How a command reached the CLI: the argument, `--command <text>`, or `--intent <json>`. */
export interface CommandFlags {
  command?: string;
  intent?: string;
}

/** Adds the ways of giving the command: the argument, its alias `--command`, or `--intent`. */
export function addCommandFlags(command: Command): Command {
  return command
    .argument('[command]', 'e.g. "rename getUser to fetchUser"')
    .option('--command <text>', 'the command (instead of the argument)')
    .option(
      '--intent <json>',
      'the intent as JSON instead of a command, e.g. \'{"kind":"rename","from":"a","to":"b"}\'',
    );
}
