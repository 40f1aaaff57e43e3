import path from 'node:path';
import type { IntentBase } from '../core/intent.js';
import type { Intent } from '../intent/all-intents.js';
import type { PlannerMode } from '../intent/planner-mode.js';
import type { CommandInput, RunCommandOptions, RunResult } from '../orchestrator.js';
import { checkChangeFlags } from './check-change-flags.js';
import type { CommandFlags } from './command-input.js';
import { toExitCode } from './exit-codes.js';
import { createProgress, type ProgressReporter, resolveProgressMode } from './progress-reporter.js';
import { readWithGrammar } from './read-command.js';
import { readJsonFile } from './read-json-file.js';
import { reportError } from './report-error.js';
import { toCommandInput } from './to-command-input.js';
import { withInterruptSignal } from './with-interrupt-signal.js';

/** The flags of `run`, `plan` and `apply`, as commander hands them over. */
export interface ChangeFlags extends CommandFlags {
  workspace?: string;
  json?: boolean;
  output?: string;
  out?: string;
  dryRun?: boolean;
  testCommand?: string;
  compileCommand?: string;
  compile?: boolean;
  testTimeout?: string;
  trustPlanCommands?: boolean;
  allowDirty?: boolean;
  allowUnresolved?: boolean;
  debug?: boolean;
  github?: boolean;
  remote?: string;
  githubRepo?: string;
  phases?: string;
  /** `--no-diff` makes this false. */
  diff?: boolean;
  keepFailed?: boolean;
  baselineTests?: boolean;
  /** `--no-progress` makes this false. */
  progress?: boolean;
  quiet?: boolean;
}

/**
 * `run`, `plan` or `apply`: refuses what it can before anything heavy loads (flags, the
 * workspace, the command's words), then loads the orchestrator, runs with progress on stderr,
 * and prints the summary, the diff and the next steps on stdout (`--json`: the result alone).
 */
export async function runChange(
  kind: 'run' | 'plan' | 'apply',
  argument: string | undefined,
  flags: ChangeFlags,
): Promise<void> {
  let progress: ProgressReporter | undefined;
  let prestarted: typeof import('../orchestrator/prestart-analysis-servers.js') | undefined;
  try {
    checkChangeFlags(kind, flags);
    progress = await createProgress(resolveProgressMode(flags), process.stderr);
    const reporter = progress;
    const { input, result } = await withInterruptSignal(async (signal) => {
      const options = await toOptions(flags, signal, reporter);
      // The command is read (and refused) before the orchestrator loads; a name no tracked file
      // mentions, a path it names that does not exist, a bad flag are refused before zod does.
      const planOut = kind === 'plan' ? { planOut: flags.out ?? 'plan.json' } : {};
      const refuseEarly = async (intent: IntentBase) => {
        const { refuseBeforeServers } = await import('../orchestrator/early-refusals.js');
        const checked = await refuseBeforeServers(intent, { ...options, ...planOut });
        if (checked === undefined) return;
        // The servers MAP needs start while the orchestrator loads; the run takes them over.
        prestarted = await import('../orchestrator/prestart-analysis-servers.js');
        await prestarted.prestartAnalysisServers(checked.root);
      };
      const input: CommandInput | undefined =
        kind === 'apply'
          ? undefined
          : await toResolvedInput(toCommandInput(argument, flags), flags.planner ?? 'auto', {
              refuseEarly,
            });
      reporter.note('loading the orchestrator');
      const { MCPOrchestrator } = await import('../orchestrator.js');
      reporter.note('checking the repository and starting the servers');
      const orchestrator = new MCPOrchestrator();
      if (kind === 'apply')
        return { input, result: await orchestrator.apply(argument ?? '', options) };
      if (kind === 'plan')
        return {
          input,
          result: await orchestrator.plan(input ?? '', flags.out ?? 'plan.json', options),
        };
      return { input, result: await orchestrator.run(input ?? '', options) };
    });
    progress.close();
    if (flags.json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      // Errors go to stderr with --json too.
      if (result.error)
        process.stderr.write(`error [${result.error.code}]: ${result.error.message}\n`);
    } else await printResult(kind, result, flags);
    if (kind !== 'apply' && typeof input === 'object') {
      await printCandidateCommands(result, input.intent as Intent, kind, flags);
    }
    process.exitCode = toExitCode(result);
  } catch (error) {
    progress?.close();
    reportError(error, flags.debug ?? false, flags.json ?? false);
  } finally {
    await prestarted?.stopUnusedServers();
  }
}

/**
 * A command in words is parsed here, so a refused one never loads the orchestrator; one a model
 * planner is to read goes on as it is (see `readWithGrammar`).
 */
async function toResolvedInput(
  input: CommandInput,
  mode: PlannerMode,
  options: { refuseEarly: (intent: IntentBase) => Promise<void> },
): Promise<CommandInput> {
  const resolved = await readWithGrammar(input, mode, options);
  return resolved === undefined ? input : { intent: resolved.intent, command: resolved.command };
}

/** A refused ambiguous symbol: a ready command per candidate, on stderr. */
async function printCandidateCommands(
  result: RunResult,
  intent: Intent,
  kind: 'run' | 'plan',
  flags: ChangeFlags,
): Promise<void> {
  if (result.error?.code !== 'SYMBOL_AMBIGUOUS') return;
  const { renderCandidateCommands } = await import('./render-candidate-commands.js');
  process.stderr.write(
    await renderCandidateCommands(result, intent, {
      subcommand: kind,
      workspace: path.resolve(flags.workspace ?? process.cwd()),
      flags: flags.dryRun ? ['--dry-run'] : [],
    }),
  );
}

async function printResult(
  kind: 'run' | 'plan' | 'apply',
  result: RunResult,
  flags: ChangeFlags,
): Promise<void> {
  const { renderRunOutput } = await import('./render-run-output.js');
  const output = await renderRunOutput(result, {
    showDiff: flags.diff !== false,
    color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
    ...(kind === 'plan' && flags.out !== undefined ? { planOut: flags.out } : {}),
  });
  process.stdout.write(output.stdout);
  if (output.stderr !== '') process.stderr.write(output.stderr);
}

async function toOptions(
  flags: ChangeFlags,
  signal: AbortSignal,
  progress: ProgressReporter,
): Promise<RunCommandOptions> {
  const { parseTestTimeout } = await import('./parse-test-timeout.js');
  return {
    ...(flags.phases ? { phaseSettings: await readJsonFile(flags.phases, '--phases') } : {}),
    ...(flags.workspace ? { workspace: flags.workspace } : {}),
    ...(flags.dryRun ? { dryRun: true } : {}),
    ...(flags.testCommand !== undefined ? { testCommand: flags.testCommand } : {}),
    ...(flags.testTimeout !== undefined
      ? { testTimeoutMs: parseTestTimeout(flags.testTimeout) }
      : {}),
    ...(flags.trustPlanCommands ? { trustPlanCommands: true } : {}),
    ...(flags.allowDirty ? { allowDirty: true } : {}),
    ...(flags.allowUnresolved ? { allowUnresolved: true } : {}),
    ...(flags.planner ? { plannerMode: flags.planner } : {}),
    ...(flags.compileCommand !== undefined ? { compileCommand: flags.compileCommand } : {}),
    ...(flags.compile === false ? { noCompile: true } : {}),
    ...(flags.output ? { outputPath: flags.output } : {}),
    ...(flags.keepFailed ? { keepFailed: true } : {}),
    ...(flags.baselineTests ? { baselineTests: true } : {}),
    ...(flags.github
      ? {
          github: {
            ...(flags.remote ? { remote: flags.remote } : {}),
            ...(flags.githubRepo ? { repo: flags.githubRepo } : {}),
          },
        }
      : {}),
    signal,
    onEvent: (event) => progress.onEvent(event),
  };
}
