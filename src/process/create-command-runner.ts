import type { CommandResult, CommandRunner, CommandRunOptions } from '../core/services.js';
import { runProcess } from './run-process.js';

/**
 * The {@link CommandRunner} the phases use for tests and compile checks: {@link runProcess}
 * with every leftover of the command's tree stopped when it ends. A command that cannot start
 * is an `exitCode: null` result whose `outputTail` ends with the reason.
 */
export function createCommandRunner(
  /** The environment every command starts from; `options.env` is set over it. @default process.env */
  baseEnv: Readonly<Record<string, string | undefined>> = process.env,
): CommandRunner {
  return {
    async run(argv: readonly string[], options: CommandRunOptions): Promise<CommandResult> {
      const env: Record<string, string> = {};
      for (const [name, value] of Object.entries({ ...baseEnv, ...options.env })) {
        if (value !== undefined) env[name] = value;
      }
      const result = await runProcess(argv, {
        cwd: options.cwd,
        timeoutMs: options.timeoutMs,
        signal: options.signal,
        leftovers: 'stop',
        env,
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
