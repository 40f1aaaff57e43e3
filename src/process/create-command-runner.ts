import type { CommandResult, CommandRunner, CommandRunOptions } from '../core/services.js';
import { runProcess } from './run-process.js';

/**
 * The {@link CommandRunner} the phases use for tests and compile checks: {@link runProcess}
 * with every leftover of the command's tree stopped when it ends. A command that cannot start
 * is an `exitCode: null` result whose `outputTail` ends with the reason.
 */
export function createCommandRunner(): CommandRunner {
  return {
    async run(argv: readonly string[], options: CommandRunOptions): Promise<CommandResult> {
      const result = await runProcess(argv, {
        cwd: options.cwd,
        timeoutMs: options.timeoutMs,
        signal: options.signal,
        leftovers: 'stop',
        ...(options.env === undefined ? {} : { env: options.env }),
        ...(options.tailBytes === undefined ? {} : { tailBytes: options.tailBytes }),
      });
      const { exit } = result;
      return {
        exitCode: result.exitCode,
        durationMs: result.durationMs,
        timedOut: result.timedOut,
        cancelled: result.cancelled,
        outputTail:
          exit.kind === 'spawn-failed'
            ? `${result.outputTail}\n${exit.message}`
            : result.outputTail,
      };
    },
  };
}
