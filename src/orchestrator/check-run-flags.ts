import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError } from '../core/errors.js';
import type { RunCommandOptions } from './run-types.js';

/**
 * Refuses contradictory or empty run flags (`--test-command ""`, `--compile-command` with
 * `--no-compile`, a bad `--test-timeout`, an unwritable `--output` folder) with `BAD_INPUT`
 * naming the flag: the first thing a run checks, and what the CLI checks before it loads.
 */
export async function checkRunFlags(options: RunCommandOptions): Promise<void> {
  const timeout = options.testTimeoutMs;
  if (options.testCommand !== undefined && options.testCommand.trim() === '') {
    throw new OrchestratorError(
      'BAD_INPUT',
      '--test-command is empty. Give the command that runs the tests, e.g. --test-command "npm test".',
    );
  }
  if (options.compileCommand !== undefined && options.compileCommand.trim() === '') {
    throw new OrchestratorError(
      'BAD_INPUT',
      '--compile-command is empty. Give the command that compiles the project, e.g. --compile-command "npx tsc --noEmit".',
    );
  }
  if (options.compileCommand !== undefined && options.noCompile) {
    throw new OrchestratorError(
      'BAD_INPUT',
      '--compile-command and --no-compile contradict each other; pass one of them.',
    );
  }
  if (timeout !== undefined && !(Number.isSafeInteger(timeout) && timeout > 0)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `--test-timeout: ${timeout} ms is not a positive whole number of milliseconds. Give the seconds the tests may take, e.g. --test-timeout 300.`,
      { data: { flag: '--test-timeout', value: timeout } },
    );
  }
  if (options.outputPath !== undefined) await checkWritableFolder(options.outputPath, '--output');
}

/** Throws `BAD_INPUT` naming `flag` when the folder that would hold `file` is not writable. */
export async function checkWritableFolder(file: string, flag: string): Promise<void> {
  const folder = path.dirname(path.resolve(file));
  try {
    await access(folder, constants.W_OK);
  } catch {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${flag} ${file}: the folder ${folder} does not exist or is not writable.`,
      {
        data: { flag, file },
      },
    );
  }
}
