import { readFile } from 'node:fs/promises';
import os from 'node:os';

/** The process that runs (or ran) a run, as a lock file records it. */
export interface RunOwner {
  pid: number;
  /**
   * Start time of the process, in clock ticks since boot (`/proc/<pid>/stat` field 22), so a
   * recycled pid is not mistaken for the run; `null` where `/proc` is not available.
   */
  processStartTime: string | null;
  /** Host name: a pid means nothing on another machine. */
  host: string;
}

/** Whether a {@link RunOwner} is still running, and why not. */
export type OwnerLiveness =
  | { alive: true; reason: 'running' | 'other-host' }
  | { alive: false; reason: 'gone' | 'pid-reused' | 'zombie' };

interface ProcessStat {
  /** One-letter state (`R`, `S`, `Z` for a zombie, …). */
  state: string;
  startTime: string;
}

/** Reads `/proc/<pid>/stat`; `null` when the process (or `/proc`) does not exist. */
export async function readProcessStat(pid: number): Promise<ProcessStat | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (text === null) return null;
  // Field 2 is the command name in parentheses and may itself hold spaces and parentheses.
  const fields = text
    .slice(text.lastIndexOf(')') + 2)
    .trim()
    .split(' ');
  const state = fields[0];
  const startTime = fields[22 - 3];
  if (state === undefined || startTime === undefined || !/^\d+$/.test(startTime)) return null;
  return { state, startTime };
}

/** This process, as the owner of a run. */
export async function currentRunOwner(): Promise<RunOwner> {
  const stat = await readProcessStat(process.pid);
  return { pid: process.pid, processStartTime: stat?.startTime ?? null, host: os.hostname() };
}

/**
 * Tells whether `owner` is still running: its pid exists, is not a zombie and (where the start
 * time was recorded) started when the owner did. A process on another host counts as alive.
 */
export async function judgeRunOwner(owner: RunOwner): Promise<OwnerLiveness> {
  if (owner.host !== os.hostname()) return { alive: true, reason: 'other-host' };
  if (!pidExists(owner.pid)) return { alive: false, reason: 'gone' };
  const stat = await readProcessStat(owner.pid);
  if (stat === null) {
    // Without /proc (not Linux) the pid is all there is; with it, the process just exited.
    const procMounted = (await readProcessStat(process.pid)) !== null;
    return procMounted ? { alive: false, reason: 'gone' } : { alive: true, reason: 'running' };
  }
  if (stat.state === 'Z' || stat.state === 'X') return { alive: false, reason: 'zombie' };
  if (owner.processStartTime !== null && stat.startTime !== owner.processStartTime) {
    return { alive: false, reason: 'pid-reused' };
  }
  return { alive: true, reason: 'running' };
}

function pidExists(pid: number): boolean {
  // kill(0) and negative pids signal process groups, never one process.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
