import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';

const PAGE_BYTES = 4096;

/**
 * Resident bytes of `pid` and every descendant (read from /proc, 0 where it is gone), and of
 * those among them not working in `folder` or below it (a run's tests work in its worktree;
 * the servers and the CLI elsewhere).
 */
export function treeRss(pid: number, folder?: string): { total: number; outside: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (which may hold spaces) in parentheses: state, ppid, ….
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      const id = Number(entry);
      rss.set(id, pages * PAGE_BYTES);
      const list = children.get(ppid) ?? [];
      list.push(id);
      children.set(ppid, list);
    } catch {
      // The process ended while we read.
    }
  }
  let total = 0;
  let outside = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    const bytes = rss.get(id) ?? 0;
    total += bytes;
    if (folder === undefined || !worksIn(id, folder)) outside += bytes;
    stack.push(...(children.get(id) ?? []));
  }
  return { total, outside };
}

function worksIn(pid: number, folder: string): boolean {
  try {
    const cwd = readlinkSync(`/proc/${pid}/cwd`);
    return cwd === folder || cwd.startsWith(`${folder}${path.sep}`);
  } catch {
    return false;
  }
}

/**
 * Samples the tree of `pid` every `intervalMs` until `stop()`; returns the peak in MB, and the
 * peak of the processes not working in `folder` (or below it).
 */
export function samplePeakRss(
  pid: number,
  options: { intervalMs?: number; folder?: string } = {},
): { stop(): { peakMb: number; outsideMb: number } } {
  let peak = 0;
  let outside = 0;
  const sample = (): void => {
    const now = treeRss(pid, options.folder);
    peak = Math.max(peak, now.total);
    outside = Math.max(outside, now.outside);
  };
  sample();
  const timer = setInterval(sample, options.intervalMs ?? 100);
  return {
    stop() {
      clearInterval(timer);
      return { peakMb: Math.round(peak / 1e6), outsideMb: Math.round(outside / 1e6) };
    },
  };
}
