import path from 'node:path';
import type { CommandResult, CommandRunner, CommandRunOptions } from '../core/services.js';
import { ATTR } from '../core/span-attributes.js';
import { NO_SPANS, type SpanRunner } from '../core/spans.js';
import { runProcess } from './run-process.js';

/**
 * The {@link CommandRunner} the phases use for tests and compile checks: {@link runProcess}
 * with every leftover of the command's tree stopped when it ends. A command that cannot start
 * is an `exitCode: null` result whose `outputTail` ends with the reason. Each command runs in a
 * span `process <label>` (`TOOL` kind, the OpenTelemetry process attributes), failed when the
 * command exits non-zero, times out or cannot start.
 */
export function createCommandRunner(
  /** The environment every command starts from; `options.env` is set over it. @default process.env */
  baseEnv: Readonly<Record<string, string | undefined>> = process.env,
  /** Where each command opens its span. @default no spans */
  spans: SpanRunner = NO_SPANS,
): CommandRunner {
  return {
    async run(argv: readonly string[], options: CommandRunOptions): Promise<CommandResult> {
      const env: Record<string, string> = {};
      for (const [name, value] of Object.entries({ ...baseEnv, ...options.env })) {
        if (value !== undefined) env[name] = value;
      }
      const label = options.label ?? 'command';
      const attributes = {
        [ATTR.spanKind]: 'TOOL',
        [ATTR.toolName]: label,
        [ATTR.processLabel]: label,
        [ATTR.processArgs]: [...argv],
        [ATTR.processExecutable]: path.basename(argv[0] ?? ''),
        [ATTR.processCwd]: options.cwd,
      };
      return spans.withSpan(`process ${label}`, attributes, async (span) => {
        const result = await runProcess(argv, {
          cwd: options.cwd,
          timeoutMs: options.timeoutMs,
          signal: options.signal,
          leftovers: 'stop',
          env,
          ...(options.tailBytes === undefined ? {} : { tailBytes: options.tailBytes }),
        });
        const { exit } = result;
        span.setAttributes({
          [ATTR.processExitCode]: result.exitCode ?? undefined,
          [ATTR.processTimedOut]: result.timedOut,
          [ATTR.processCancelled]: result.cancelled,
          [ATTR.processDurationMs]: result.durationMs,
        });
        if (exit.kind === 'spawn-failed') span.setError('spawn_failed', exit.message);
        else if (result.timedOut) span.setError('timeout', `${label} timed out`);
        else if (result.cancelled) span.setError('cancelled', `${label} was cancelled`);
        else if (result.exitCode !== 0)
          span.setError('exit_code', `${label} exited with ${result.exitCode ?? 'a signal'}`);
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
      });
    },
  };
}
