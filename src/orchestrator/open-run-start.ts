import { rm } from 'node:fs/promises';
import { isOrchestratorError, toErrorMessage } from '../core/errors.js';
import { ATTR } from '../core/span-attributes.js';
import { createRunTracer, type RunTracer } from '../telemetry/create-tracer.js';
import { type PreparedRun, prepareRun } from './prepare-run.js';
import { createRunFolder, type RunFolder } from './run-folder.js';
import type { RunCommandOptions } from './run-types.js';

/** What a run has before its first phase: its checked input, its folder and its open trace. */
export interface OpenedRun {
  readonly prepared: PreparedRun;
  readonly folder: RunFolder;
  /** The run's tracer: its root span `run` started when the run was opened. */
  readonly tracer: RunTracer;
}

/**
 * A run's start, opened once and on demand: before a model planner's first call (so its calls
 * are spans of the run's trace) or, when no model is asked, just before the phases.
 */
export interface RunStart {
  /**
   * Checks the flags and the repository (`prepareRun`), makes the run folder and opens the trace
   * (root span attributes: run id, `command`). Later calls return the same run.
   */
  open(command: string): Promise<OpenedRun>;
  /**
   * The run was refused before its phases: records `error` on the root span, ends the trace (an
   * OTLP collector gets it) and removes the run folder, so a refused run leaves no files.
   * Nothing happens when the run was never opened. Never throws.
   */
  abandon(error: unknown): Promise<void>;
}

/** Options for {@link createRunStart}. */
export interface RunStartOptions {
  /** The base commit of a saved plan being applied (HEAD otherwise). */
  readonly planBase?: string;
  /** The saved plan's path (it may sit untracked in the checkout). */
  readonly planFile?: string;
  /** Told about trace settings that cannot be used. */
  readonly warn: (message: string) => void;
}

/** A run start for `options` (nothing is checked or written until `open`). */
export function createRunStart(options: RunCommandOptions, start: RunStartOptions): RunStart {
  let opening: Promise<OpenedRun> | undefined;
  return {
    open(command) {
      opening ??= (async () => {
        const prepared = await prepareRun(options, start.planBase, start.planFile);
        await prepared.git.ensureExcluded();
        const folder = await createRunFolder(prepared.git.root);
        const tracer = createRunTracer(folder.runDir, {
          env: options.env ?? process.env,
          warn: start.warn,
          input: command,
          attributes: { [ATTR.runId]: folder.runId, [ATTR.command]: command },
        });
        return { prepared, folder, tracer };
      })();
      return opening;
    },
    async abandon(error) {
      const opened = await opening?.catch(() => undefined);
      if (opened === undefined) return;
      opened.tracer.recordRunOutcome({
        success: false,
        error: {
          code: isOrchestratorError(error) ? error.code : 'INTERNAL',
          message: toErrorMessage(error),
        },
      });
      await opened.tracer.shutdown().catch(() => {});
      await rm(opened.folder.runDir, { recursive: true, force: true }).catch(() => {});
    },
  };
}
