#!/usr/bin/env node
import { Command, Option } from 'commander';
import {
  DEFAULT_EXAMPLE,
  EXAMPLES,
  MCPOrchestrator,
  type RunCommandOptions,
  type RunResult,
} from '../orchestrator.js';
import { toErrorExitCode, toExitCode } from './exit-codes.js';
import { parseTestTimeout } from './parse-test-timeout.js';
import { createProgressReporter, createWarningReporter } from './progress-reporter.js';
import { readJsonFile } from './read-json-file.js';
import { renderServers } from './render-servers.js';
import { renderSummary } from './render-summary.js';
import { runBundledServer } from './run-bundled-server.js';
import { type CleanFlags, runClean } from './run-clean.js';
import { runDemo } from './run-demo.js';
import { runStats, type StatsFlags } from './run-stats.js';
import { withInterruptSignal } from './with-interrupt-signal.js';

interface RunFlags {
  workspace?: string;
  json?: boolean;
  output?: string;
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
}

const program = new Command()
  .name('mcp-orchestrator')
  .description(
    'Deterministic, validated code changes on git repositories, carried out through MCP servers.',
  )
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : 2);
  });

const runFlags = (command: Command): Command =>
  command
    .option('-w, --workspace <dir>', 'folder inside the git repository to change', process.cwd())
    .option('--json', 'print only the result JSON on stdout')
    .option('--output <file>', 'also write pr.json here')
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
    .option('--debug', 'print stack traces')
    .option('--github', 'push the branch and open a GitHub pull request (needs GITHUB_TOKEN)')
    .option('--remote <name>', 'remote to push to with --github', 'origin')
    .option(
      '--github-repo <owner/name>',
      'repository for the pull request (default: from the remote URL)',
    );

runFlags(program.command('run').argument('<command>', 'e.g. "rename getUser to fetchUser"'))
  .option('--dry-run', 'stop after PLAN; write nothing but the run folder')
  .option(
    '--phases <file>',
    'JSON list of phase settings, e.g. [{"phase":"monte_carlo","duration_limit_ms":5000}]',
  )
  .description('plan and carry out a change: a branch with a test-green commit')
  .action((command: string, flags: RunFlags) =>
    finish(flags, async (signal) =>
      new MCPOrchestrator().run(command, await toOptions(flags, signal)),
    ),
  );

runFlags(program.command('plan').argument('<command>', 'e.g. "rename getUser to fetchUser"'))
  .option(
    '--phases <file>',
    'JSON list of phase settings, e.g. [{"phase":"map","targets":["ripgrep"]}]',
  )
  .addOption(new Option('--out <file>', 'where to write the plan').default('plan.json'))
  .description('write the ExecutionPlan for a command without changing anything')
  .action((command: string, flags: RunFlags & { out: string }) =>
    finish(flags, async (signal) =>
      new MCPOrchestrator().plan(command, flags.out, await toOptions(flags, signal)),
    ),
  );

runFlags(
  program.command('apply').argument('<plan>', 'a plan.json made by "plan" (may be hand-edited)'),
)
  .option(
    '--trust-plan-commands',
    "run the plan's test and compile commands as written, even when this machine would choose others (they are printed first)",
  )
  .description('carry out a saved plan')
  .action((planFile: string, flags: RunFlags) =>
    finish(flags, async (signal) =>
      new MCPOrchestrator().apply(planFile, await toOptions(flags, signal)),
    ),
  );

program
  .command('servers')
  .option('-w, --workspace <dir>', 'workspace whose .mcp.json to read', process.cwd())
  .option('--json', 'print JSON')
  .description('start each configured MCP server and report its status, tools and latency')
  .action(async (flags: { workspace: string; json?: boolean }) => {
    try {
      const statuses = await withInterruptSignal((signal) =>
        new MCPOrchestrator().servers({ workspace: flags.workspace, signal }),
      );
      process.stdout.write(
        flags.json ? `${JSON.stringify(statuses, null, 2)}\n` : renderServers(statuses),
      );
      process.exitCode = statuses.some((s) => s.state !== 'ready') ? 1 : 0;
    } catch (error) {
      report(error, false);
    }
  });

program
  .command('server')
  .argument('<name>', 'ripgrep or dependency_graph')
  .option('-w, --workspace <dir>', 'workspace root the server may read', process.cwd())
  .description('run one bundled MCP server on stdio (for other MCP hosts)')
  .action(async (name: string, flags: { workspace: string }) => {
    try {
      await runBundledServer(name, flags.workspace);
    } catch (error) {
      report(error, false);
    }
  });

// clean (run-journal): what crashed runs left behind.
program
  .command('clean')
  .option('-w, --workspace <dir>', 'folder inside the git repository to clean', process.cwd())
  .option('--older-than <age>', 'also delete run folders older than this, e.g. 7d (default: keep)')
  .option('--json', 'print what was removed as JSON')
  .description(
    'remove what crashed runs left: their worktrees and branches, stale worktrees, old run folders',
  )
  .action(async (flags: CleanFlags) => {
    try {
      process.exitCode = await withInterruptSignal((signal) => runClean(flags, signal));
    } catch (error) {
      report(error, false, flags.json ?? false);
    }
  });

program
  .command('stats')
  .option('-w, --workspace <dir>', 'folder inside the git repository', process.cwd())
  .option('--json', 'print the figures as JSON (top-level "runs": the number of runs recorded)')
  .description(
    'figures from the run history: runs, success rate, phase times, cache hits, tokens, prediction error',
  )
  .action(async (flags: StatsFlags) => {
    try {
      process.exitCode = await withInterruptSignal((signal) => runStats(flags, signal));
    } catch (error) {
      report(error, false, flags.json ?? false);
    }
  });

program
  .command('demo')
  .description('run an example command on a fresh temporary copy of a bundled example repository')
  .option(
    '--example <name>',
    `one of ${Object.entries(EXAMPLES)
      .map(([name, command]) => `${name} ("${command}")`)
      .join(', ')}`,
    DEFAULT_EXAMPLE,
  )
  .action(async (flags: { example: string }) => {
    try {
      process.exitCode = await runDemo(flags.example);
    } catch (error) {
      report(error, false);
    }
  });

async function toOptions(flags: RunFlags, signal: AbortSignal): Promise<RunCommandOptions> {
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
    ...(flags.compileCommand !== undefined ? { compileCommand: flags.compileCommand } : {}),
    ...(flags.compile === false ? { noCompile: true } : {}),
    ...(flags.output ? { outputPath: flags.output } : {}),
    ...(flags.github
      ? {
          github: {
            ...(flags.remote ? { remote: flags.remote } : {}),
            ...(flags.githubRepo ? { repo: flags.githubRepo } : {}),
          },
        }
      : {}),
    signal,
    // With --json, stdout carries only the result; warnings still reach stderr as they happen.
    onEvent: flags.json ? createWarningReporter() : createProgressReporter(),
  };
}

async function finish(
  flags: RunFlags,
  body: (signal: AbortSignal) => Promise<RunResult>,
): Promise<void> {
  try {
    const result = await withInterruptSignal(body);
    if (flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else process.stderr.write(renderSummary(result));
    process.exitCode = toExitCode(result);
  } catch (error) {
    report(error, flags.debug ?? false, flags.json ?? false);
  }
}

function report(error: unknown, debug: boolean, json = false): void {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown })?.code;
  if (json)
    process.stdout.write(
      `${JSON.stringify({ success: false, error: { code, message } }, null, 2)}\n`,
    );
  process.stderr.write(`error${typeof code === 'string' ? ` [${code}]` : ''}: ${message}\n`);
  if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  process.exitCode = toErrorExitCode(error);
}

await program.parseAsync(process.argv);
