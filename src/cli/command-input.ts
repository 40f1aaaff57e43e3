import type { Command } from 'commander';
import { type CommandInput, OrchestratorError, validateIntent } from '../orchestrator.js';

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

/**
 * The one command of a `run`, `plan` or `explain`: the argument or `--command` (its alias), or
 * `--intent` (validated here, so its errors name `--intent` and the field). Two of them, or
 * none, is `BAD_INPUT`.
 */
export function toCommandInput(argument: string | undefined, flags: CommandFlags): CommandInput {
  if (argument !== undefined && flags.command !== undefined && argument !== flags.command) {
    throw new OrchestratorError(
      'BAD_INPUT',
      'The command is given twice (as an argument and with --command); give it once.',
    );
  }
  const text = argument ?? flags.command;
  if (flags.intent !== undefined) {
    if (text !== undefined) {
      throw new OrchestratorError(
        'BAD_INPUT',
        '--intent replaces the command: give a command or --intent, not both.',
      );
    }
    return { intent: validateIntent(parseIntentJson(flags.intent), '--intent') };
  }
  if (text === undefined) {
    throw new OrchestratorError(
      'BAD_INPUT',
      'No command. Give it as an argument, e.g. "rename getUser to fetchUser", or with --command "<text>" or --intent \'<json>\'.',
    );
  }
  return text;
}

function parseIntentJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `--intent is not valid JSON (${(error as Error).message}). Give the intent as JSON, e.g. --intent '{"kind":"rename","from":"getUser","to":"fetchUser"}'.`,
      { data: { flag: '--intent' } },
    );
  }
}
