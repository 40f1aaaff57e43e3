import { Command } from 'commander';
import { type CommandInput, type ExplainOptions, MCPOrchestrator } from '../orchestrator.js';
import { addCommandFlags, type CommandFlags, toCommandInput } from './command-input.js';
import { toExitCode } from './exit-codes.js';
import { createProgressReporter, createWarningReporter } from './progress-reporter.js';
import { readJsonFile } from './read-json-file.js';
import { renderExplanation } from './render-explanation.js';
import { reportError } from './report-error.js';
import { withInterruptSignal } from './with-interrupt-signal.js';

/** The flags of `explain`. */
export interface ExplainFlags extends CommandFlags {
  workspace?: string;
  json?: boolean;
  phases?: string;
  allowDirty?: boolean;
  allowUnresolved?: boolean;
  debug?: boolean;
}

/** The `explain` command. */
export function createExplainCommand(): Command {
  return addCommandFlags(new Command('explain'))
    .option('-w, --workspace <dir>', 'folder inside the git repository', process.cwd())
    .option('--json', 'print only the result JSON on stdout')
    .option('--phases <file>', 'JSON list of phase settings (map, logic, monte_carlo)')
    .option('--allow-dirty', 'explain although the checkout has uncommitted changes')
    .option(
      '--allow-unresolved',
      'keep occurrences the analysis cannot resolve instead of refusing',
    )
    .option('--debug', 'print stack traces')
    .description(
      'say what a command would change (symbols, files, edits, what stays, risk); plans and changes nothing',
    )
    .action(async (command: string | undefined, flags: ExplainFlags) => {
      try {
        process.exitCode = await withInterruptSignal((signal) =>
          runExplain(toCommandInput(command, flags), flags, signal),
        );
      } catch (error) {
        reportError(error, flags.debug ?? false, flags.json ?? false);
      }
    });
}

/**
 * `explain "<command>"`: MAP, LOGIC and MONTE CARLO, then what the change would be, on stdout
 * (`--json`: the whole result). Progress and warnings go to stderr. Returns the exit code.
 */
export async function runExplain(
  input: CommandInput,
  flags: ExplainFlags,
  signal: AbortSignal,
): Promise<number> {
  const options: ExplainOptions = {
    ...(flags.workspace ? { workspace: flags.workspace } : {}),
    ...(flags.phases ? { phaseSettings: await readJsonFile(flags.phases, '--phases') } : {}),
    ...(flags.allowDirty ? { allowDirty: true } : {}),
    ...(flags.allowUnresolved ? { allowUnresolved: true } : {}),
    ...(flags.planner ? { plannerMode: flags.planner } : {}),
    signal,
    onEvent: flags.json ? createWarningReporter() : createProgressReporter(),
  };
  const result = await new MCPOrchestrator().explain(input, options);
  process.stdout.write(
    flags.json ? `${JSON.stringify(result, null, 2)}\n` : renderExplanation(result),
  );
  return toExitCode(result);
}
