import { Command } from 'commander';
import type { PlannerMode } from '../orchestrator.js';
import {
  type Intent,
  isKindAvailable,
  isOrchestratorError,
  type PlannedIntent,
  resolveRunIntent,
  toCommandText,
} from '../orchestrator.js';
import { addPlannerFlag } from './command-input.js';
import { EXIT_OK, toErrorExitCode } from './exit-codes.js';
import { withInterruptSignal } from './with-interrupt-signal.js';

/** The flags of `parse`. */
export interface ParseFlags {
  json?: boolean;
  planner?: PlannerMode;
}

/** The `parse` command. */
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
    ({ intent, planned } = await resolveRunIntent(command, {
      ...(flags.planner ? { plannerMode: flags.planner } : {}),
      ...(signal ? { signal } : {}),
      warn: (message) => process.stderr.write(`⚠ ${message}\n`),
    }));
  } catch (error) {
    if (!isOrchestratorError(error)) throw error;
    if (flags.json) {
      const reply = { error: { code: error.code, message: error.message } };
      process.stdout.write(`${JSON.stringify(reply, null, 2)}\n`);
    }
    process.stderr.write(`error [${error.code}]: ${error.message}\n`);
    return toErrorExitCode(error);
  }
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

/** The intent as a small table, what it reads as, who read it, and whether it can run yet. */
export function renderIntent(intent: Intent, planned?: PlannedIntent): string {
  const fields = Object.entries(intent);
  const width = Math.max('available'.length, ...fields.map(([name]) => name.length));
  const lines = fields.map(([name, value]) => `${name.padEnd(width)}  ${String(value)}`);
  lines.push(`${'reads as'.padEnd(width)}  ${toCommandText(intent)}`);
  if (planned) {
    const { usage } = planned;
    lines.push(
      `${'read by'.padEnd(width)}  the ${planned.planner} model ${planned.model} (${usage.calls} call${usage.calls === 1 ? '' : 's'}, ${usage.inputTokens} input and ${usage.outputTokens} output tokens${usage.usageFrom === 'api' ? '' : ', counted'})`,
    );
  }
  if (!isKindAvailable(intent.kind)) {
    lines.push(
      `${'available'.padEnd(width)}  not yet: "${intent.kind}" can be parsed but not run (run refuses it, exit 2)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
