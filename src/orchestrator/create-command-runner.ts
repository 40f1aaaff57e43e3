// TEMPORARY: replaced by src/process/'s createCommandRunner when it lands.
import type { CommandRunner } from '../core/services.js';
import { runCommand } from '../phases/shared/run-command.js';

export function createCommandRunner(): CommandRunner {
  return {
    run: (argv, options) =>
      runCommand(argv, {
        cwd: options.cwd,
        timeoutMs: options.timeoutMs,
        signal: options.signal,
        env: { ...process.env, ...options.env } as NodeJS.ProcessEnv,
        ...(options.tailBytes === undefined ? {} : { tailBytes: options.tailBytes }),
      }),
  };
}
