import type { CommandResult } from '../../core/services.js';
import { createCommandRunner } from '../../process/index.js';

export type { CommandResult } from '../../core/services.js';

const runner = createCommandRunner();

/**
 * Runs argv in `cwd` (no shell) in its own process group, keeping the tail of its output.
 * On timeout or abort the whole process tree (new sessions included) stops in steps: SIGTERM,
 * grace period, SIGKILL; the call returns once the command exited, whatever holds its pipes.
 */
export function runCommand(
  argv: readonly string[],
  options: {
    cwd: string;
    timeoutMs: number;
    signal: AbortSignal;
    env?: NodeJS.ProcessEnv;
    tailBytes?: number;
  },
): Promise<CommandResult> {
  return runner.run(argv, options);
}

/** The last `count` lines of `text`, without trailing blank lines. */
export function toLastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
