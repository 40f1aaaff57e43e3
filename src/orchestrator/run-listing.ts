import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError } from '../core/errors.js';
import { openGitWorkspace, STATE_DIR_NAME } from '../vcs/open-git-workspace.js';
import type { RunResult } from './run-types.js';

/** One run folder, as `runs` lists it. */
export interface RunListing {
  runId: string;
  /** When it started (from the id), ISO 8601 UTC. */
  startedAt: string;
  command: string | null;
  /** `succeeded`, `dry run`, `failed (CODE)`, or `unfinished` (no result.json: running or crashed). */
  outcome: string;
  branch: string | null;
  durationMs: number | null;
  runDir: string;
}

/** A run's listing, its result.json (null when unfinished) and the files in its folder. */
export interface RunDetails extends RunListing {
  result: RunResult | null;
  files: string[];
}

const RUN_ID = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-[0-9a-f]+$/;

/** Every run folder of the repository that holds `workspace`, newest first. */
export async function listRunListings(workspace: string, options: { signal?: AbortSignal } = {}) {
  const runsDir = await findRunsDir(workspace, options);
  const names = await readdir(runsDir).catch(() => [] as string[]);
  const ids = names
    .filter((name) => RUN_ID.test(name))
    .sort()
    .reverse();
  return Promise.all(ids.map(async (id) => (await readRunListing(runsDir, id)).listing));
}

/**
 * One run by id (or a unique prefix of one). `BAD_INPUT` naming the id when there is none, or
 * the candidates when the prefix fits several.
 */
export async function loadRunDetails(
  workspace: string,
  id: string,
  options: { signal?: AbortSignal } = {},
): Promise<RunDetails> {
  const runsDir = await findRunsDir(workspace, options);
  const names = (await readdir(runsDir).catch(() => [] as string[])).filter((n) => RUN_ID.test(n));
  const matches = names.includes(id) ? [id] : names.filter((name) => name.startsWith(id));
  if (matches.length !== 1) {
    throw new OrchestratorError(
      'BAD_INPUT',
      matches.length === 0
        ? `No run "${id}" in ${runsDir}. List the runs with "mcp-orchestrator runs".`
        : `"${id}" names ${matches.length} runs (${matches.sort().join(', ')}); give more of the id.`,
      { data: { id, matches } },
    );
  }
  const [match = id] = matches;
  const { listing, result } = await readRunListing(runsDir, match);
  const files = (await readdir(listing.runDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(listing.runDir, path.join(entry.parentPath, entry.name)))
    .sort();
  return { ...listing, result, files };
}

async function findRunsDir(workspace: string, options: { signal?: AbortSignal }) {
  const git = await openGitWorkspace(workspace, options.signal ? { signal: options.signal } : {});
  return path.join(git.root, STATE_DIR_NAME, 'runs');
}

async function readRunListing(runsDir: string, runId: string) {
  const runDir = path.join(runsDir, runId);
  const result = await readFile(path.join(runDir, 'result.json'), 'utf8')
    .then((text) => JSON.parse(text) as RunResult)
    .catch(() => null);
  const plan = result
    ? null
    : await readFile(path.join(runDir, 'plan.json'), 'utf8')
        .then((text) => (JSON.parse(text) as { command?: string }).command ?? null)
        .catch(() => null);
  const listing: RunListing = {
    runId,
    startedAt: toStartedAt(runId),
    command: result?.command ?? plan,
    outcome: toOutcome(result),
    branch: result?.branch ?? result?.keptBranch ?? null,
    durationMs: result?.durationMs ?? null,
    runDir,
  };
  return { listing, result };
}

function toOutcome(result: RunResult | null): string {
  if (result === null) return 'unfinished';
  if (!result.success) return `failed (${result.error?.code ?? 'unknown'})`;
  return result.branch === null ? 'dry run' : 'succeeded';
}

function toStartedAt(runId: string): string {
  const [, y, mo, d, h, mi, s] = RUN_ID.exec(runId) ?? [];
  return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
}
