import { Command } from 'commander';
import { isOrchestratorError } from '../core/errors.js';
import type { Intent } from '../intent/all-intents.js';
import { EXIT_OK, toErrorExitCode } from './exit-codes.js';

/** The `parse` command (the grammar loads when it runs). */
export function createParseCommand(): Command {
  return new Command('parse')
    .argument('<command>', 'e.g. "rename getUser to fetchUser"')
    .option('--json', 'print {"intent": …} (or {"error": …}) on stdout')
    .description('print the intent a command means; needs no workspace')
    .action(async (command: string, flags: { json?: boolean }) => {
      process.exitCode = await runParse(command, flags);
    });
}

/**
 * `parse "<command>"`: the intent only, no workspace. Prints it (`--json`: `{"intent": …}`) and
 * returns 0; a refused command returns 2 with the reason on stderr (`--json`: `{"error": …}`
 * on stdout too).
 */
export async function runParse(command: string, flags: { json?: boolean }): Promise<number> {
  const [{ parseIntent }, { renderIntent }] = await Promise.all([
    import('../intent/parse-intent.js'),
    import('./render-intent.js'),
  ]);
  let intent: Intent;
  try {
    intent = parseIntent(command);
  } catch (error) {
    if (!isOrchestratorError(error)) throw error;
    if (flags.json) {
      const reply = { error: { code: error.code, message: error.message } };
      process.stdout.write(`${JSON.stringify(reply, null, 2)}\n`);
    }
    process.stderr.write(`error [${error.code}]: ${error.message}\n`);
    return toErrorExitCode(error);
  }
  process.stdout.write(
    flags.json ? `${JSON.stringify({ intent }, null, 2)}\n` : renderIntent(intent),
  );
  return EXIT_OK;
}
