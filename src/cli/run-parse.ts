import { Command } from 'commander';
import { isOrchestratorError } from '../core/errors.js';
import type { Intent } from '../intent/all-intents.js';
import type { PlannerMode } from '../intent/planner-mode.js';
import type { PlannedIntent } from '../intent/planners/plan-intent.js';
import { addPlannerFlag } from './command-input.js';
import { EXIT_OK, toErrorExitCode } from './exit-codes.js';
import { readWithGrammar } from './read-command.js';
import { withInterruptSignal } from './with-interrupt-signal.js';

/** The flags of `parse`. */
export interface ParseFlags {
  json?: boolean;
  planner?: PlannerMode;
}

/** The `parse` command (the grammar loads when it runs; the orchestrator only for a model). */
export function createParseCommand(): Command {
  return addPlannerFlag(
    new Command('parse')
      .argument('<command>', 'e.g. "rename getUser to fetchUser"')
      .option('--json', 'print {"intent": …} (or {"error": …}) on stdout'),
  )
    .description('print the intent a command means; needs no workspace')
    .action(async (command: string, flags: ParseFlags) => {
      process.exitCode = await withInterruptSignal((signal) => runParse(command, flags, signal));
    });
}

/**
 * `parse "<command>"`: the intent only, no workspace. Prints it (`--json`: `{"intent": …}`, with
 * `"model"` when a model planner chose it) and returns 0; a refused command returns 2 with the
 * reason on stderr (`--json`: `{"error": …}` on stdout too).
 */
export async function runParse(
  command: string,
  flags: ParseFlags,
  signal?: AbortSignal,
): Promise<number> {
  let intent: Intent;
  let planned: PlannedIntent | undefined;
  try {
    ({ intent, planned } = await readIntent(command, flags, signal));
  } catch (error) {
    if (!isOrchestratorError(error)) throw error;
    if (flags.json) {
      const reply = { error: { code: error.code, message: error.message } };
      process.stdout.write(`${JSON.stringify(reply, null, 2)}\n`);
    }
    process.stderr.write(`error [${error.code}]: ${error.message}\n`);
    return toErrorExitCode(error);
  }
  const { renderIntent } = await import('./render-intent.js');
  const model = planned
    ? { planner: planned.planner, model: planned.model, usage: planned.usage }
    : undefined;
  process.stdout.write(
    flags.json
      ? `${JSON.stringify({ intent, ...(model ? { model } : {}) }, null, 2)}\n`
      : renderIntent(intent, planned),
  );
  return EXIT_OK;
}

/** The grammar's intent; a model planner's (the orchestrator loads for it) when one is to read it. */
async function readIntent(
  command: string,
  flags: ParseFlags,
  signal: AbortSignal | undefined,
): Promise<{ intent: Intent; planned?: PlannedIntent }> {
  const mode = flags.planner ?? 'auto';
  const read = await readWithGrammar(command, mode);
  if (read !== undefined) return read;
  const { resolveRunIntent } = await import('../orchestrator.js');
  return resolveRunIntent(command, {
    plannerMode: mode,
    ...(signal ? { signal } : {}),
    warn: (message) => process.stderr.write(`⚠ ${message}\n`),
  });
}
