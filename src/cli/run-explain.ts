import path from 'node:path';
import { Command } from 'commander';
import type { CommandInput, ExplainOptions } from '../orchestrator.js';
import { checkChangeFlags } from './check-change-flags.js';
import { addCommandFlags, type CommandFlags } from './command-input.js';
import { toExitCode } from './exit-codes.js';
import { createProgress, resolveProgressMode } from './progress-reporter.js';
import { readWithGrammar } from './read-command.js';
import { readJsonFile } from './read-json-file.js';
import { reportError } from './report-error.js';
import { toCommandInput } from './to-command-input.js';
import { withInterruptSignal } from './with-interrupt-signal.js';

/** The flags of `explain`. */
export interface ExplainFlags extends CommandFlags {
  workspace?: string;
  json?: boolean;
  phases?: string;
  allowDirty?: boolean;
  allowUnresolved?: boolean;
  debug?: boolean;
  progress?: boolean;
  quiet?: boolean;
}

/** The `explain` command. */
export function createExplainCommand(): Command {
  return addCommandFlags(new Command('explain'))
    .option('-w, --workspace <dir>', 'folder inside the git repository', process.cwd())
    .option(
      '--json',
      'print only the result JSON on stdout (progress stays on stderr; --quiet silences it)',
    )
    .option('--phases <file>', 'JSON list of phase settings (map, logic, monte_carlo)')
    .option('--allow-dirty', 'explain although the checkout has uncommitted changes')
    .option(
      '--allow-unresolved',
      'keep occurrences the analysis cannot resolve instead of refusing',
    )
    .option('--no-progress', 'plain timestamped progress lines, even on a terminal')
    .option('-q, --quiet', 'no progress on stderr (warnings and errors still)')
    .option('--debug', 'print stack traces')
    .description(
      'say what a command would change (symbols, files, edits, what stays, risk); plans and changes nothing',
    )
    .action(async (command: string | undefined, flags: ExplainFlags) => {
      try {
        checkChangeFlags('run', flags);
        // Read (and refused) before the orchestrator loads, unless a model planner is to read it.
        const input = toCommandInput(command, flags);
        const resolved = await readWithGrammar(input, flags.planner ?? 'auto');
        process.exitCode = await withInterruptSignal((signal) =>
          runExplain(
            resolved === undefined ? input : { intent: resolved.intent, command: resolved.command },
            flags,
            signal,
          ),
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
  const progress = await createProgress(resolveProgressMode(flags), process.stderr);
  progress.note('loading the orchestrator');
  const options: ExplainOptions = {
    ...(flags.workspace ? { workspace: flags.workspace } : {}),
    ...(flags.phases ? { phaseSettings: await readJsonFile(flags.phases, '--phases') } : {}),
    ...(flags.allowDirty ? { allowDirty: true } : {}),
    ...(flags.allowUnresolved ? { allowUnresolved: true } : {}),
    ...(flags.planner ? { plannerMode: flags.planner } : {}),
    signal,
    onEvent: (event) => progress.onEvent(event),
  };
  const [{ MCPOrchestrator }, { renderExplanation }] = await Promise.all([
    import('../orchestrator.js'),
    import('./render-explanation.js'),
  ]);
  const result = await new MCPOrchestrator()
    .explain(input, options)
    .finally(() => progress.close());
  process.stdout.write(
    flags.json ? `${JSON.stringify(result, null, 2)}\n` : renderExplanation(result),
  );
  if (result.error?.code === 'SYMBOL_AMBIGUOUS') {
    const { renderCandidateCommands } = await import('./render-candidate-commands.js');
    process.stderr.write(
      await renderCandidateCommands(result, result.intent, {
        subcommand: 'explain',
        workspace: path.resolve(flags.workspace ?? process.cwd()),
      }),
    );
  }
  return toExitCode(result);
}
