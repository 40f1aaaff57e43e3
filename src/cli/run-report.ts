import path from 'node:path';
import { Command } from 'commander';
import type { RunReportResult } from '../orchestrator.js';
import { EXIT_OK } from './exit-codes.js';
import { reportError } from './report-error.js';
import { withInterruptSignal } from './with-interrupt-signal.js';

/** The flags of `report`. */
export interface ReportFlags {
  workspace?: string;
  json?: boolean;
  debug?: boolean;
}

/** The `report` command. */
export function createReportCommand(): Command {
  return new Command('report')
    .argument('[run]', 'a run id (a folder name under .mcp-orchestrator/runs/) or "last"', 'last')
    .option('-w, --workspace <dir>', 'folder inside the git repository of the run', process.cwd())
    .option('--json', 'print what was written as JSON')
    .option('--debug', 'print stack traces')
    .description(
      "write report.html into a run's folder: timeline, tokens, blast radius, memory, DAG, diff (one self-contained page)",
    )
    .action(async (run: string, flags: ReportFlags) => {
      try {
        process.exitCode = await withInterruptSignal((signal) => runReport(run, flags, signal));
      } catch (error) {
        reportError(error, flags.debug ?? false, flags.json ?? false);
      }
    });
}

/** `report [run]`: writes the page and says where it is (`--json`: {@link RunReportResult}). */
export async function runReport(
  run: string,
  flags: ReportFlags,
  signal: AbortSignal,
): Promise<number> {
  // The orchestrator loads only when the command runs (fast --help).
  const { writeRunReport } = await import('../orchestrator.js');
  const result = await writeRunReport(run, {
    ...(flags.workspace ? { workspace: flags.workspace } : {}),
    signal,
  });
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT_OK;
  }
  for (const problem of result.problems) process.stderr.write(`note: ${problem}\n`);
  process.stdout.write(`${describeReport(result)}\n`);
  return EXIT_OK;
}

/** `Wrote … (123 KB) for run …`: a line to click on. */
export function describeReport(result: RunReportResult): string {
  const kb = Math.max(1, Math.round(result.bytes / 1024));
  const shown = path.relative(process.cwd(), result.reportPath);
  return `Wrote ${shown.startsWith('..') ? result.reportPath : shown} (${kb} KB) for run ${result.runId}.`;
}
