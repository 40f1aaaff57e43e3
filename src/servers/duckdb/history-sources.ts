import { existsSync, lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Where the duckdb server reads from: the run history file and the run folders. */
export interface HistorySources {
  /** `.mcp-orchestrator/history.duckdb` (may not exist yet). */
  historyFile: string;
  /** `.mcp-orchestrator/runs`, one folder per run. */
  runsDir: string;
}

const STATE_DIR = '.mcp-orchestrator';

/**
 * The sources of the repository that holds `root`: the nearest folder at or above it with a
 * `.mcp-orchestrator` folder, else the nearest with `.git`, else `root` itself.
 */
export function resolveHistorySources(root: string): HistorySources {
  const base = findUp(root, STATE_DIR) ?? findUp(root, '.git') ?? root;
  const state = path.join(base, STATE_DIR);
  return { historyFile: path.join(state, 'history.duckdb'), runsDir: path.join(state, 'runs') };
}

function findUp(start: string, entry: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, entry))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * The `trace.jsonl` files of the run folders, sorted: regular files only (a symlink could point
 * outside the workspace), in real folders directly under `runsDir`.
 */
export function listTraceFiles(runsDir: string): string[] {
  if (!existsSync(runsDir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(runsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const file = path.join(runsDir, entry.name, 'trace.jsonl');
    try {
      if (lstatSync(file).isFile()) files.push(file);
    } catch {
      // A run folder without a trace (yet).
    }
  }
  return files.sort();
}
