import { readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { TREE_MARKER_ENV } from '../process/index.js';

/** Options for {@link stopLeftoverProcesses}. */
export interface StopLeftoverOptions {
  /** Wait after SIGTERM before SIGKILL, in ms. @default 1000 */
  termGraceMs?: number;
}

const POLL_MS = 50;
/** A frozen process cannot fork: a few rescans find every one. */
const MAX_FREEZE_ROUNDS = 8;
/** How long the last sweep kills and waits for what is left, polling every {@link SWEEP_POLL_MS}. */
const SWEEP_MS = 2_000;
const SWEEP_POLL_MS = 10;

/**
 * Stops what a dead run left running in its worktree (its test processes live on after a
 * `kill -9` of the run, in their own process group): every process that carries the tree marker
 * an orchestrator gives its children and whose working folder is `folder` or inside it. SIGTERM,
 * a grace period, then what is still there is frozen (SIGSTOP) and killed (SIGKILL), and the
 * folder is swept (killing what appeared meanwhile) until nothing marked is left in it (at most
 * 2 s). Linux only (`/proc`); elsewhere it finds nothing. Returns the pids it signalled, sorted.
 */
export async function stopLeftoverProcesses(
  folder: string,
  options: StopLeftoverOptions = {},
): Promise<number[]> {
  const first = await findLeftoverProcesses(folder);
  if (first.length === 0) return [];
  const signalled = new Set(first);
  for (const pid of first) sendSignal(pid, 'SIGTERM');
  const deadline = Date.now() + (options.termGraceMs ?? 1_000);
  let left = first;
  while (left.length > 0 && Date.now() < deadline) {
    await delay(POLL_MS);
    left = await findLeftoverProcesses(folder);
  }
  // Freeze what is left (rescanning until nothing new appears) so none forks past the kill.
  const frozen = new Set<number>();
  for (let round = 0; round < MAX_FREEZE_ROUNDS && left.length > 0; round += 1) {
    for (const pid of left) {
      sendSignal(pid, 'SIGSTOP');
      frozen.add(pid);
    }
    left = (await findLeftoverProcesses(folder)).filter((pid) => !frozen.has(pid));
  }
  // Kill the frozen, then sweep: kill() returns once a signal is sent, not done — a SIGSTOP may
  // land after a fork the rescan did not see, a SIGKILL before the process is gone. Until
  // nothing marked is left in the folder, what is there is killed (the frozen on the first
  // pass), so the caller's removal of the worktree races nothing.
  const sweepDeadline = Date.now() + SWEEP_MS;
  for (;;) {
    const still = await findLeftoverProcesses(folder);
    if (still.length === 0 || Date.now() >= sweepDeadline) break;
    for (const pid of still) {
      signalled.add(pid);
      sendSignal(pid, 'SIGKILL');
    }
    await delay(SWEEP_POLL_MS);
  }
  return [...signalled].sort((a, b) => a - b);
}

/** Pids of marked processes (never this one or its parent) working in `folder` or below it. */
export async function findLeftoverProcesses(folder: string): Promise<number[]> {
  if (process.platform !== 'linux') return [];
  const names = await readdir('/proc').catch(() => [] as string[]);
  const inside = (cwd: string) => cwd === folder || cwd.startsWith(`${folder}${path.sep}`);
  const found = await Promise.all(
    names.map(async (name) => {
      const pid = Number(name);
      if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid || pid === process.ppid) {
        return undefined;
      }
      // Another user's process, or one gone in between, cannot be read: not ours to stop.
      const link = await readlink(`/proc/${pid}/cwd`).catch(() => null);
      const cwd = link?.replace(/ \(deleted\)$/, '');
      if (cwd === undefined || !inside(cwd)) return undefined;
      const environ = await readFile(`/proc/${pid}/environ`).catch(() => null);
      return environ?.includes(`${TREE_MARKER_ENV}=`) ? pid : undefined;
    }),
  );
  return found.filter((pid): pid is number => pid !== undefined).sort((a, b) => a - b);
}

function sendSignal(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Gone already (ESRCH), or not ours (EPERM).
  }
}
