import { readdirSync, readFileSync } from 'node:fs';
import { hasTreeMarker } from './tree-marker.js';

/** One process as `/proc` shows it. */
interface ProcEntry {
  pid: number;
  ppid: number;
  environ: Buffer | undefined;
}

/** `/proc/<pid>/stat` → parent pid; the command name may hold spaces and parentheses. */
function readParentPid(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ppid = Number(fields[1]);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function readEnviron(pid: number): Buffer | undefined {
  try {
    return readFileSync(`/proc/${pid}/environ`);
  } catch {
    // Another user's process, or gone in between.
    return undefined;
  }
}

function listProcesses(): ProcEntry[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const entries: ProcEntry[] = [];
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 1 || pid === process.pid) continue;
    const ppid = readParentPid(pid);
    if (ppid === undefined) continue;
    entries.push({ pid, ppid, environ: readEnviron(pid) });
  }
  return entries;
}

/**
 * The live processes of one child's tree, found in `/proc` (Linux; empty elsewhere): every
 * process whose environment carries `treeId` (new sessions and re-parented orphans included),
 * plus every descendant of `rootPid` or of those (a descendant may have cleared its
 * environment). Synchronous, so an exit hook can use it. Never includes this process.
 */
export function findProcessTree(rootPid: number | undefined, treeId: string): number[] {
  if (process.platform !== 'linux') return [];
  const entries = listProcesses();
  const children = new Map<number, number[]>();
  const found = new Set<number>();
  for (const entry of entries) {
    const siblings = children.get(entry.ppid);
    if (siblings === undefined) children.set(entry.ppid, [entry.pid]);
    else siblings.push(entry.pid);
    if (entry.environ !== undefined && hasTreeMarker(entry.environ, treeId)) found.add(entry.pid);
  }
  const queue = rootPid === undefined ? [...found] : [rootPid, ...found];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const child of children.get(next) ?? []) {
      if (found.has(child)) continue;
      found.add(child);
      queue.push(child);
    }
  }
  found.delete(process.pid);
  return [...found].sort((a, b) => a - b);
}
