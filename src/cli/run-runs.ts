import { Command } from 'commander';
import type { RunDetails, RunListing } from '../orchestrator.js';
import { reportError } from './report-error.js';

interface RunsFlags {
  workspace: string;
  json?: boolean;
}

/** `runs [--json]` lists the repository's runs; `runs show <id>` shows one. */
export function createRunsCommand(): Command {
  const runs = new Command('runs')
    .description('list the runs of the repository: id, when, command, outcome, branch')
    .option('-w, --workspace <dir>', 'folder inside the git repository', process.cwd())
    .option('--json', 'print JSON')
    .action(async (flags: RunsFlags) => {
      try {
        const { listRunListings } = await import('../orchestrator.js');
        const listed = await listRunListings(flags.workspace);
        process.stdout.write(
          flags.json ? `${JSON.stringify(listed, null, 2)}\n` : renderRuns(listed),
        );
      } catch (error) {
        reportError(error, false, flags.json ?? false);
      }
    });
  runs
    .command('show')
    .argument('<id>', 'a run id (or the start of one) from "runs"')
    .description(
      'show one run: outcome, branch, phases, error, and the files in its folder (--json: with its result.json)',
    )
    .action(async (id: string, _options: unknown, command: Command) => {
      // -w and --json belong to "runs", before or after "show".
      const flags = command.optsWithGlobals<RunsFlags>();
      try {
        const { loadRunDetails } = await import('../orchestrator.js');
        const run = await loadRunDetails(flags.workspace, id);
        process.stdout.write(flags.json ? `${JSON.stringify(run, null, 2)}\n` : renderRun(run));
      } catch (error) {
        reportError(error, false, flags.json ?? false);
      }
    });
  return runs;
}

/** A table: id, when, outcome, branch, command; or a line saying there are none. */
export function renderRuns(runs: readonly RunListing[]): string {
  if (runs.length === 0) return 'No runs yet.\n';
  const header = ['id', 'started (UTC)', 'outcome', 'branch', 'command'];
  const rows = runs.map((r) => [
    r.runId,
    r.startedAt.replace('T', ' ').replace('Z', ''),
    r.outcome,
    r.branch ?? '-',
    r.command ?? '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

/** One run: its facts, phase timings, error, and the files of its folder. */
export function renderRun(run: RunDetails): string {
  const lines = [
    `run      ${run.runId}`,
    `started  ${run.startedAt}`,
    `command  ${run.command ?? '-'}`,
    `outcome  ${run.outcome}`,
    `branch   ${run.branch ?? '-'}`,
  ];
  if (run.durationMs !== null) lines.push(`took     ${run.durationMs} ms`);
  const result = run.result;
  if (result) {
    lines.push(
      `phases   ${result.phases.map((p) => `${p.phase} ${p.success ? 'ok' : 'failed'} ${p.durationMs} ms`).join(', ')}`,
    );
    if (result.error) lines.push(`error    [${result.error.code}] ${result.error.message}`);
    for (const warning of result.warnings) lines.push(`warning  ${warning}`);
  }
  lines.push(`folder   ${run.runDir}`);
  for (const file of run.files) lines.push(`  ${file}`);
  return `${lines.join('\n')}\n`;
}
