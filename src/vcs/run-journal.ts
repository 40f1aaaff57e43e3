import { randomBytes } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { STATE_DIR_NAME } from './open-git-workspace.js';

/** The lock file of the live run, relative to the state folder: it is also the run's journal. */
export const RUN_LOCK_FILE = 'run-lock.json';

/** Folder (in the state folder) for journals of runs found dead and not yet cleaned up. */
export const DEAD_RUNS_DIR = 'dead-runs';

const ownerFields = {
  version: z.literal(1),
  runId: z.string().min(1),
  command: z.string(),
  pid: z.number().int().positive(),
  processStartTime: z.string().regex(/^\d+$/).nullable(),
  host: z.string(),
  /** ISO 8601 time the run took the lock. */
  startedAt: z.string(),
};
const worktreeFields = {
  branch: z.string().min(1),
  worktreePath: z.string().min(1),
  baseCommit: z.string().regex(/^[0-9a-f]{40,64}$/),
};
const commitField = { commit: z.string().regex(/^[0-9a-f]{40,64}$/) };

/**
 * What a run's journal says, one variant per state: `started` (lock taken, no worktree) →
 * `worktree-created` (recorded just before `git worktree add`, so the worktree may or may not
 * exist) → `committed` → `released` (worktree removed, branch kept); or `rolled-back`.
 */
export const runRecordSchema = z.discriminatedUnion('state', [
  z.object({ ...ownerFields, state: z.literal('started') }),
  z.object({ ...ownerFields, ...worktreeFields, state: z.literal('worktree-created') }),
  z.object({ ...ownerFields, ...worktreeFields, ...commitField, state: z.literal('committed') }),
  z.object({ ...ownerFields, ...worktreeFields, ...commitField, state: z.literal('released') }),
  z.object({ ...ownerFields, state: z.literal('rolled-back') }),
]);

/** One run's journal entry, as {@link runRecordSchema} reads it. */
export type RunRecord = z.infer<typeof runRecordSchema>;

/** The fields every {@link RunRecord} has, whatever its state. */
export type RunRecordOwner = Pick<RunRecord, keyof typeof ownerFields>;

/** What reading a journal file found. */
export type RunRecordRead =
  | { kind: 'record'; record: RunRecord }
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string; modifiedAtMs: number };

/** Absolute path of the lock file for the repository at `root`. */
export function toRunLockPath(root: string): string {
  return path.join(root, STATE_DIR_NAME, RUN_LOCK_FILE);
}

/** Absolute path of the dead-runs folder for the repository at `root`. */
export function toDeadRunsDir(root: string): string {
  return path.join(root, STATE_DIR_NAME, DEAD_RUNS_DIR);
}

/** Reads and validates a journal file. */
export async function readRunRecord(file: string): Promise<RunRecordRead> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  const modifiedAtMs = await stat(file).then(
    (s) => s.mtimeMs,
    () => Date.now(),
  );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', reason: `not JSON (${(error as Error).message})`, modifiedAtMs };
  }
  const parsed = runRecordSchema.safeParse(json);
  if (!parsed.success) {
    return { kind: 'unreadable', reason: parsed.error.issues[0]?.message ?? '', modifiedAtMs };
  }
  return { kind: 'record', record: parsed.data };
}

/** Replaces `file` with `record` atomically (write a temp file, then rename it over). */
export async function writeRunRecord(file: string, record: RunRecord): Promise<void> {
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, toJson(record), { flush: true });
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Creates `file` holding `record` only if it does not exist yet (`open` with `wx`), so of two
 * racing callers exactly one wins. Returns false when the file already existed.
 */
export async function createRunRecord(file: string, record: RunRecord): Promise<boolean> {
  try {
    await writeFile(file, toJson(record), { flag: 'wx', flush: true });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** True when two records are the same run of the same process. */
export function isSameRun(a: RunRecordOwner, b: RunRecordOwner): boolean {
  return (
    a.runId === b.runId &&
    a.pid === b.pid &&
    a.processStartTime === b.processStartTime &&
    a.host === b.host
  );
}

function toJson(record: RunRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
