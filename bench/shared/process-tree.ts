import { readdirSync, readFileSync } from 'node:fs';

const PAGE_BYTES = 4096;

/** Resident bytes of `pid` and every descendant, read from /proc (0 where it is gone). */
export function treeRssBytes(pid: number): number {
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
  const stack = [pid];
  while (stack.length > 0) {
    const id = stack.pop() as number;
    total += rss.get(id) ?? 0;
    stack.push(...(children.get(id) ?? []));
  }
  return total;
}

/** Samples the tree of `pid` every `intervalMs` until `stop()`; returns the peak in MB. */
export function samplePeakRss(pid: number, intervalMs = 100): { stop(): number } {
  let peak = 0;
  const sample = (): void => {
    peak = Math.max(peak, treeRssBytes(pid));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return Math.round(peak / 1e6);
    },
  };
}
