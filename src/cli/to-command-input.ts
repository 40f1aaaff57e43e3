import { OrchestratorError } from '../core/errors.js';
import type { CommandInput } from '../intent/resolve-command-input.js';
import type { CommandFlags } from './command-input.js';

/**
 * The one command of a `run`, `plan` or `explain`: the argument or `--command` (its alias), or
 * `--intent` (parsed here as JSON; its fields are checked with the command). Two of them, or
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
    return { intent: parseIntentJson(flags.intent) };
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
