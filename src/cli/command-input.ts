import { type Command, Option } from 'commander';
import {
  type CommandInput,
  OrchestratorError,
  PLANNER_MODES,
  type PlannerMode,
  validateIntent,
} from '../orchestrator.js';

/** How a command reached the CLI: the argument, `--command <text>`, or `--intent <json>`. */
export interface CommandFlags {
  command?: string;
  intent?: string;
  planner?: PlannerMode;
}

/**
 * Adds the ways of giving the command: the argument, its alias `--command`, or `--intent`; and
 * `--planner`, who reads it.
 */
export function addCommandFlags(command: Command): Command {
  return addPlannerFlag(
    command
      .argument('[command]', 'e.g. "rename getUser to fetchUser"')
      .option('--command <text>', 'the command (instead of the argument)')
      .option(
        '--intent <json>',
        'the intent as JSON instead of a command, e.g. \'{"kind":"rename","from":"a","to":"b"}\'',
      ),
  );
}

/** `--planner auto|grammar|model`: who reads a command in words (see the README, "Model planners"). */
export function addPlannerFlag(command: Command): Command {
  return command.addOption(
    new Option(
      '--planner <mode>',
      'who reads the command: auto (the grammar, then the model ORCHESTRATOR_PLANNER configures if the grammar cannot place it), grammar (never a model), model (always the model)',
    )
      .choices(PLANNER_MODES)
      .default('auto'),
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
