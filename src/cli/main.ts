#!/usr/bin/env node
import { Command } from 'commander';
import { DEFAULT_EXAMPLE, EXAMPLES } from '../core/example-commands.js';
import { describeCommandForms } from '../intent/command-forms.js';
import { addChangeCommands } from './change-commands.js';
import { inheritSettings } from './inherit-settings.js';
import { reportError } from './report-error.js';
import type { CleanFlags } from './run-clean.js';
import { createExplainCommand } from './run-explain.js';
import { createHistoryCommand } from './run-history.js';
import type { McpFlags } from './run-mcp-command.js';
import { createParseCommand } from './run-parse.js';
import { createReportCommand } from './run-report.js';
import { createRunsCommand } from './run-runs.js';
import type { StatsFlags } from './run-stats.js';
import { readVersion } from './version.js';

// Only commander and the command forms load up front: each action imports what it needs, so
// --help, --version and refused commands answer fast.
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

addChangeCommands(program);

program
  .command('servers')
  .option('-w, --workspace <dir>', 'workspace whose .mcp.json to read', process.cwd())
  .option('--json', 'print JSON')
  .description('start each configured MCP server and report its status, tools and latency')
  .action(async (flags: { workspace: string; json?: boolean }) => {
    try {
      const { runServers } = await import('./render-servers.js');
      process.exitCode = await runServers(flags);
    } catch (error) {
      reportError(error, false);
    }
  });

program.addCommand(createParseCommand());
program.addCommand(createExplainCommand());
program.addCommand(createRunsCommand());
program.addCommand(createHistoryCommand());
program.addCommand(createReportCommand());

program
  .command('server')
  .argument('<name>', 'ripgrep or dependency_graph')
  .option('-w, --workspace <dir>', 'workspace root the server may read', process.cwd())
  .description('run one bundled MCP server on stdio (for other MCP hosts)')
  .action(async (name: string, flags: { workspace: string }) => {
    try {
      const { runBundledServer } = await import('./run-bundled-server.js');
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
      const { runMcpCommand } = await import('./run-mcp-command.js');
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
      const [{ runClean }, { withInterruptSignal }] = await Promise.all([
        import('./run-clean.js'),
        import('./with-interrupt-signal.js'),
      ]);
      process.exitCode = await withInterruptSignal((signal) => runClean(flags, signal));
    } catch (error) {
      reportError(error, false, flags.json ?? false);
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
      const [{ runStats }, { withInterruptSignal }] = await Promise.all([
        import('./run-stats.js'),
        import('./with-interrupt-signal.js'),
      ]);
      process.exitCode = await withInterruptSignal((signal) => runStats(flags, signal));
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
      const { runDemo } = await import('./run-demo.js');
      process.exitCode = await runDemo(flags.example);
    } catch (error) {
      reportError(error, false);
    }
  });

// Commands added with addCommand (parse, explain, runs, …) exit 2 on bad options too.
inheritSettings(program);
await program.parseAsync(process.argv);
