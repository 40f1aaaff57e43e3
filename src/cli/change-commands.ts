import { type Command, Option } from 'commander';
import { addCommandFlags } from './command-input.js';
import type { ChangeFlags } from './run-change.js';

/**
 * The options `run`, `plan` and `apply` share. Only commander is loaded here: the orchestrator,
 * its servers and language engines load when an action runs (see `run-change.ts`).
 */
function addChangeFlags(command: Command, kind: 'run' | 'plan' | 'apply'): Command {
  const github = (option: Option): Option => (kind === 'plan' ? option.hideHelp() : option);
  command
    .option('-w, --workspace <dir>', 'folder inside the git repository to change', process.cwd())
    .option(
      '--json',
      'print only the result JSON on stdout (progress stays on stderr; --quiet silences it)',
    )
    .addOption(github(new Option('--output <file>', 'also write pr.json here')))
    .option('--test-command <cmd>', 'command that runs the tests (default: detected)')
    .option(
      '--compile-command <cmd>',
      'command that compiles the changed tree (default: the type checkers of the language servers)',
    )
    .option('--no-compile', 'skip the compile check')
    .option(
      '--allow-unresolved',
      'keep occurrences the analysis cannot resolve instead of refusing (named in the PR)',
    )
    .option(
      '--test-timeout <seconds>',
      'how long the tests may run (default: 10 minutes, or 5× the median of earlier runs, at least 2 minutes)',
    )
    .option('--allow-dirty', 'run although the checkout has uncommitted changes')
    .option('--no-progress', 'plain timestamped progress lines, even on a terminal')
    .option('-q, --quiet', 'no progress on stderr (warnings and errors still)')
    .option('--debug', 'print stack traces')
    .addOption(
      github(
        new Option(
          '--github',
          'push the branch and open a GitHub pull request (needs GITHUB_TOKEN)',
        ),
      ),
    )
    .addOption(github(new Option('--remote <name>', 'remote to push to with --github')))
    .addOption(
      github(
        new Option(
          '--github-repo <owner/name>',
          'repository for the pull request (default: from the remote URL)',
        ),
      ),
    );
  if (kind !== 'plan') {
    command
      .option('--no-diff', 'do not print the committed diff')
      .option(
        '--keep-failed',
        'when tests or checks fail, keep the branch (renamed …-failed) with the change committed',
      )
      .option(
        '--baseline-tests',
        'run the tests at the base commit first, so a failure says whether it was failing before',
      );
  }
  return command;
}

const PHASES_HELP =
  'JSON list of phase settings, e.g. [{"phase":"monte_carlo","duration_limit_ms":5000}]';

/** Adds `run`, `plan` and `apply` to `program`. */
export function addChangeCommands(program: Command): void {
  const act =
    (kind: 'run' | 'plan' | 'apply') =>
    async (argument: string | undefined, flags: ChangeFlags): Promise<void> => {
      const { runChange } = await import('./run-change.js');
      await runChange(kind, argument, flags);
    };
  addChangeFlags(addCommandFlags(program.command('run')), 'run')
    .option('--dry-run', 'stop after PLAN and print the diff it would make; write nothing else')
    .option('--phases <file>', PHASES_HELP)
    .description('plan and carry out a change: a branch with a test-green commit')
    .action(act('run'));
  addChangeFlags(addCommandFlags(program.command('plan')), 'plan')
    .option('--phases <file>', PHASES_HELP)
    .addOption(new Option('--out <file>', 'where to write the plan').default('plan.json'))
    .description('write the ExecutionPlan for a command and print the diff it would make')
    .action(act('plan'));
  addChangeFlags(
    program.command('apply').argument('<plan>', 'a plan.json made by "plan" (may be hand-edited)'),
    'apply',
  )
    .option(
      '--trust-plan-commands',
      "run the plan's test and compile commands as written, even when this machine would choose others (they are printed first)",
    )
    .description('carry out a saved plan')
    .action((plan: string, flags: ChangeFlags) => act('apply')(plan, flags));
}
