import path from 'node:path';
import { z } from 'zod';
import { type CleanResult, cleanWorkspace, OrchestratorError } from '../orchestrator.js';
import { EXIT_OK, EXIT_RUN_FAILED } from './exit-codes.js';

/** Flags of `mcp-orchestrator clean`, as commander hands them over. */
export interface CleanFlags {
  workspace?: string;
  olderThan?: string;
  json?: boolean;
}

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
const AGE = /^(\d+)(ms|s|m|h|d|w)$/;
const ageSchema = z
  .string()
  .trim()
  .regex(AGE)
  .transform((text) => {
    const [, count = '', unit = ''] = AGE.exec(text) ?? [];
    return Number(count) * (UNIT_MS[unit as keyof typeof UNIT_MS] ?? Number.NaN);
  });

/** `7d` → 604800000: an age in ms|s|m|h|d|w. Throws `BAD_INPUT` naming `flag`. */
export function parseAgeMs(text: string, flag = '--older-than'): number {
  const parsed = ageSchema.safeParse(text);
  if (!parsed.success || !Number.isFinite(parsed.data)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${flag} ${JSON.stringify(text)} is not an age. Give a whole number and a unit, e.g. 7d, 12h, 30m, 90s (units: ms, s, m, h, d, w).`,
      { data: { flag, value: text } },
    );
  }
  return parsed.data;
}

/** Runs `clean`, prints what it removed (JSON with `--json`) and returns the exit code. */
export async function runClean(flags: CleanFlags, signal: AbortSignal): Promise<number> {
  const olderThanMs = flags.olderThan === undefined ? undefined : parseAgeMs(flags.olderThan);
  const result = await cleanWorkspace(flags.workspace ?? process.cwd(), {
    ...(olderThanMs !== undefined ? { olderThanMs } : {}),
    signal,
  });
  process.stdout.write(flags.json ? `${JSON.stringify(result, null, 2)}\n` : renderClean(result));
  for (const error of result.errors) process.stderr.write(`error: could not remove ${error}\n`);
  return result.errors.length === 0 ? EXIT_OK : EXIT_RUN_FAILED;
}

/** One line per thing removed or left alone. */
export function renderClean(result: CleanResult): string {
  const rel = (file: string) => path.relative(result.root, file);
  const lines = [...result.warnings];
  for (const worktree of result.staleWorktrees) {
    const branch =
      worktree.branch === null
        ? ''
        : worktree.deletedBranch
          ? ` and deleted its branch ${worktree.branch}`
          : worktree.keptCommit !== null
            ? `; kept its branch ${worktree.branch}: it holds ${worktree.keptCommit.slice(0, 12)}, a commit no other branch has`
            : '';
    lines.push(`Removed stale worktree ${rel(worktree.path)}${branch}.`);
  }
  for (const folder of result.removedRunFolders) lines.push(`Removed run folder ${rel(folder)}.`);
  const live = result.liveRun;
  if (live !== null) {
    lines.push(
      `Left alone the live run (pid ${live.pid}, "${live.command}", started ${live.startedAt}): its worktree and run folder.`,
    );
  }
  if (lines.length === 0) lines.push(`Nothing to clean in ${result.root}.`);
  return `${lines.join('\n')}\n`;
}
