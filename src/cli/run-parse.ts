import { Command } from 'commander';
import {
  type Intent,
  isKindAvailable,
  isOrchestratorError,
  parseIntent,
  toCommandText,
} from '../orchestrator.js';
import { EXIT_OK, toErrorExitCode } from './exit-codes.js';

/** The `parse` command. */
export function createParseCommand(): Command {
  return new Command('parse')
    .argument('<command>', 'e.g. "rename getUser to fetchUser"')
    .option('--json', 'print {"intent": …} (or {"error": …}) on stdout')
    .description('print the intent a command means; needs no workspace')
    .action((command: string, flags: { json?: boolean }) => {
      process.exitCode = runParse(command, flags);
    });
}

/**
 * `parse "<command>"`: the intent only, no workspace. Prints it (`--json`: `{"intent": …}`) and
 * returns 0; a refused command returns 2 with the reason on stderr (`--json`: `{"error": …}`
 * on stdout too).
 */
export function runParse(command: string, flags: { json?: boolean }): number {
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

/** The intent as a small table, what it reads as, and whether it can run yet. */
export function renderIntent(intent: Intent): string {
  const fields = Object.entries(intent);
  const width = Math.max('available'.length, ...fields.map(([name]) => name.length));
  const lines = fields.map(([name, value]) => `${name.padEnd(width)}  ${String(value)}`);
  lines.push(`${'reads as'.padEnd(width)}  ${toCommandText(intent)}`);
  if (!isKindAvailable(intent.kind)) {
    lines.push(
      `${'available'.padEnd(width)}  not yet: "${intent.kind}" can be parsed but not run (run refuses it, exit 2)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
