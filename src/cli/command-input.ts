import { type Command, Option } from 'commander';
import { PLANNER_MODES, type PlannerMode } from '../intent/planner-mode.js';

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
