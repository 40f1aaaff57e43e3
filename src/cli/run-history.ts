import { Command } from 'commander';
import type { HistoryEntry } from '../orchestrator.js';
import { reportError } from './report-error.js';
import { withInterruptSignal } from './with-interrupt-signal.js';

/** The flags of `history`. */
export interface HistoryFlags {
  workspace?: string;
  json?: boolean;
}

/** The `history [symbol]` command. */
export function createHistoryCommand(): Command {
  return new Command('history')
    .argument('[symbol]', 'only the runs that changed this symbol (old or new name)')
    .option('-w, --workspace <dir>', 'folder inside the git repository', process.cwd())
    .option('--json', 'print the runs as JSON')
    .description(
      'what earlier runs changed, as the memory server recorded them: command, symbols, files, branch, commit, merged or not',
    )
    .action(async (symbol: string | undefined, flags: HistoryFlags) => {
      try {
        await withInterruptSignal(async (signal) => {
          const { MCPOrchestrator } = await import('../orchestrator.js');
          const entries = await new MCPOrchestrator().history({
            ...(flags.workspace ? { workspace: flags.workspace } : {}),
            ...(symbol !== undefined ? { symbol } : {}),
            signal,
          });
          process.stdout.write(
            flags.json ? `${JSON.stringify(entries, null, 2)}\n` : renderHistory(entries, symbol),
          );
          return 0;
        });
      } catch (error) {
        reportError(error, false, flags.json ?? false);
      }
    });
}

/** One paragraph per run, oldest first. */
export function renderHistory(
  entries: readonly HistoryEntry[],
  symbol: string | undefined,
): string {
  if (entries.length === 0)
    return symbol === undefined
      ? 'No run has been recorded yet.\n'
      : `No recorded run changed ${symbol}.\n`;
  return entries
    .map(
      (e) =>
        `${e.at} ${e.runId}: ${e.command}\n` +
        `  ${e.branch} ${e.commit.slice(0, 12)} (${e.merged ? 'merged into HEAD' : 'not merged'})\n` +
        `  symbols: ${e.symbols.join(', ') || '-'}\n` +
        `  files: ${e.files.join(', ') || '-'}\n`,
    )
    .join('');
}
