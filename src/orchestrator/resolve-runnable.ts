import type { CommandInput } from '../intent/resolve-command-input.js';
import type { UnderstoodCommand } from '../intent/understand-command.js';
import { transformFor } from '../transforms/registry.js';
import { createRunStart, type RunStart } from './open-run-start.js';
import { resolveRunIntent } from './resolve-run-intent.js';
import type { RunCommandOptions } from './run-types.js';

/** A run's start with the warnings given on the way (the planner's, the trace settings'). */
export type WarnedRunStart = RunStart & { readonly warnings: string[] };

/**
 * The command and its intent (the grammar's, or a model planner's: see `resolveRunIntent`);
 * `TRANSFORM_UNAVAILABLE` before anything starts for a kind not landed. Warnings given on the
 * way (a trimmed prompt) are kept for the result.
 */
export async function resolveRunnable(
  input: CommandInput,
  options: RunCommandOptions,
  start: WarnedRunStart,
): Promise<UnderstoodCommand & { warnings: string[] }> {
  const { warnings } = start;
  try {
    const resolved = await resolveRunIntent(input, {
      ...(options.plannerMode ? { plannerMode: options.plannerMode } : {}),
      ...(options.planner ? { planner: options.planner } : {}),
      ...(options.env ? { env: options.env } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      progress: (message) => options.onEvent?.({ type: 'progress', phase: 'intent', message }),
      warn: (message) => {
        warnings.push(message);
        options.onEvent?.({ type: 'warning', message });
      },
      // The run opens before the model's first call: its calls are spans of the run's trace.
      openTrace: async () => (await start.open(typeof input === 'string' ? input : '')).tracer,
    });
    transformFor(resolved.intent.kind);
    return { ...resolved, warnings };
  } catch (error) {
    await start.abandon(error);
    throw error;
  }
}

/** A run start whose warnings (unusable trace settings) are kept for the result. */
export function createStart(
  options: RunCommandOptions,
  saved: { planBase?: string; planFile?: string } = {},
): WarnedRunStart {
  const warnings: string[] = [];
  const start = createRunStart(options, {
    ...saved,
    warn: (message) => {
      warnings.push(message);
      options.onEvent?.({ type: 'warning', message });
    },
  });
  return { ...start, warnings };
}
