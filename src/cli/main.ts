#!/usr/bin/env node
import { Command, Option } from 'commander';
import {
  DEFAULT_EXAMPLE,
  describeCommandForms,
  EXAMPLES,
  MCPOrchestrator,
  type RunCommandOptions,
  type RunResult,
} from '../orchestrator.js';
import { addCommandFlags, type CommandFlags, toCommandInput } from './command-input.js';
import { toExitCode } from './exit-codes.js';
import { parseTestTimeout } from './parse-test-timeout.js';
import { createProgressReporter, createWarningReporter } from './progress-reporter.js';
import { readJsonFile } from './read-json-file.js';
import { renderServers } from './render-servers.js';
import { renderSummary } from './render-summary.js';
import { reportError } from './report-error.js';
import { runBundledServer } from './run-bundled-server.js';
import { type CleanFlags, runClean } from './run-clean.js';
import { runDemo } from './run-demo.js';
import { createExplainCommand } from './run-explain.js';
import { createHistoryCommand } from './run-history.js';
import { type McpFlags, runMcpCommand } from './run-mcp-command.js';
import { createParseCommand } from './run-parse.js';
import { createReportCommand } from './run-report.js';
import { readVersion } from './version.js';
import { withInterruptSignal } from './with-interrupt-signal.js';

interface RunFlags extends CommandFlags {
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
  .version(readVersion(), '-V, --version', 'print the version')
  .addHelpText('before', `${describeCommandForms()}\n`)
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

runFlags(addCommandFlags(program.command('run')))
  .option('--dry-run', 'stop after PLAN; write nothing but the run folder')
  .option(
    '--phases <file>',
    'JSON list of phase settings, e.g. [{"phase":"monte_carlo","duration_limit_ms":5000}]',
  )
  .description('plan and carry out a change: a branch with a test-green commit')
  .action((command: string | undefined, flags: RunFlags) =>
    finish(flags, async (signal) =>
      new MCPOrchestrator().run(toCommandInput(command, flags), await toOptions(flags, signal)),
    ),
  );

runFlags(addCommandFlags(program.command('plan')))
  .option(
    '--phases <file>',
    'JSON list of phase settings, e.g. [{"phase":"map","targets":["ripgrep"]}]',
  )
  .addOption(new Option('--out <file>', 'where to write the plan').default('plan.json'))
  .description('write the ExecutionPlan for a command without changing anything')
  .action((command: string | undefined, flags: RunFlags & { out: string }) =>
    finish(flags, async (signal) =>
      new MCPOrchestrator().plan(
        toCommandInput(command, flags),
        flags.out,
        await toOptions(flags, signal),
      ),
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
      reportError(error, false);
    }
  });

program.addCommand(createParseCommand());
program.addCommand(createExplainCommand());
program.addCommand(createHistoryCommand());
program.addCommand(createReportCommand());

program
  .command('server')
  .argument('<name>', 'ripgrep or dependency_graph')
  .option('-w, --workspace <dir>', 'workspace root the server may read', process.cwd())
  .description('run one bundled MCP server on stdio (for other MCP hosts)')
  .action(async (name: string, flags: { workspace: string }) => {
    try {
      await runBundledServer(name, flags.workspace);
    } catch (error) {
      reportError(error, false);
    }
  });

program
  .command('mcp')
  .description(
    'serve the orchestrator itself over MCP (stdio, or Streamable HTTP with --http): plan_change, run_change, apply_plan, explain_command, list_runs, get_run, change_history',
  )
  .option('-w, --workspace <dir>', 'where calls that name no workspace run', process.cwd())
  .option(
    '--http <[host:]port>',
    'serve Streamable HTTP at http://host:port/mcp (host default 127.0.0.1)',
  )
  .option(
    '--token <token>',
    'bearer token HTTP clients must send (default: ORCHESTRATOR_MCP_TOKEN); required beyond loopback',
  )
  .option(
    '--idle-timeout <seconds>',
    "close a repository's warm servers after this long without a call",
    '600',
  )
  .action(async (flags: McpFlags) => {
    try {
      await runMcpCommand(flags);
      process.exit(0);
    } catch (error) {
      reportError(error, false);
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
      reportError(error, false, flags.json ?? false);
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
      reportError(error, false);
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
    reportError(error, flags.debug ?? false, flags.json ?? false);
  }
}

await program.parseAsync(process.argv);
