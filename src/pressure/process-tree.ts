import { readdirSync } from 'node:fs';
import { readSmallFile } from './read-small-file.js';

/** Resident memory of a process and of its whole tree, in bytes. */
export interface TreeRssBytes {
  rssBytes: number;
  treeRssBytes: number;
  /** Descendant processes counted (the root excluded). */
  descendants: number;
}

interface StatFields {
  ppid: number;
  rssPages: number;
}

/** Parses `/proc/<pid>/stat`; the command name may hold spaces and parentheses. */
function toStatFields(text: string): StatFields {
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // After the name: state (field 3), ppid (4), …, rss in pages (24).
  const ppid = Number(fields[1]);
  const rssPages = Number(fields[21]);
  if (!Number.isInteger(ppid) || !Number.isFinite(rssPages)) throw new Error('unreadable stat');
  return { ppid, rssPages };
}

// A parent never changes for the life of a pid except by reparenting to init, so parents are
// cached; a full refresh now and then guards against a pid reused between two scans.
const FULL_REFRESH_EVERY_SCANS = 240;

/**
 * Sums the resident memory of a process and all its descendants from `/proc`. Each read lists
 * `/proc`, reads `stat` only for pids not seen before, then reads `stat` of the tree's members:
 * about 100 µs + 16 µs per member on a host with ~150 processes.
 */
export class ProcessTreeReader {
  readonly #procRoot: string;
  readonly #rootPid: number;
  readonly #pageBytes: number;
  #parents = new Map<number, number>();
  #scans = 0;

  constructor(procRoot: string, rootPid: number, pageBytes: number) {
    this.#procRoot = procRoot;
    this.#rootPid = rootPid;
    this.#pageBytes = pageBytes;
  }

  #readStat(pid: number): StatFields | undefined {
    try {
      return toStatFields(readSmallFile(`${this.#procRoot}/${pid}/stat`));
    } catch {
      return undefined; // the process exited between the listing and the read
    }
  }

  /** Throws when `/proc` cannot be listed or the root's own `stat` cannot be read. */
  read(): TreeRssBytes {
    const root = toStatFields(readSmallFile(`${this.#procRoot}/${this.#rootPid}/stat`));
    const children = this.#scanChildren();
    let treePages = root.rssPages;
    let descendants = 0;
    const queue = [...(children.get(this.#rootPid) ?? [])];
    const visited = new Set<number>([this.#rootPid]);
    for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
      if (visited.has(next)) continue;
      visited.add(next);
      const stat = this.#readStat(next);
      if (stat === undefined) continue;
      if (stat.ppid !== this.#parents.get(next)) {
        this.#parents.set(next, stat.ppid); // reparented since it was cached: no longer ours
        continue;
      }
      treePages += stat.rssPages;
      descendants += 1;
      for (const child of children.get(next) ?? []) queue.push(child);
    }
    return {
      rssBytes: root.rssPages * this.#pageBytes,
      treeRssBytes: treePages * this.#pageBytes,
      descendants,
    };
  }

  /** Lists `/proc` and returns parent → children for every live process. */
  #scanChildren(): Map<number, number[]> {
    this.#scans += 1;
    const known = this.#scans % FULL_REFRESH_EVERY_SCANS === 0 ? new Map() : this.#parents;
    const parents = new Map<number, number>();
    const children = new Map<number, number[]>();
    for (const name of readdirSync(this.#procRoot)) {
      const code = name.charCodeAt(0);
      if (code < 48 || code > 57) continue;
      const pid = Number(name);
      const ppid = known.get(pid) ?? this.#readStat(pid)?.ppid;
      if (ppid === undefined) continue;
      parents.set(pid, ppid);
      const siblings = children.get(ppid);
      if (siblings === undefined) children.set(ppid, [pid]);
      else siblings.push(pid);
    }
    this.#parents = parents;
    return children;
  }
}
