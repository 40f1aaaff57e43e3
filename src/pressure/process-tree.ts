import { readdirSync } from 'node:fs';
import { readSmallFile } from './read-small-file.js';

/** Resident memory of a process and of its whole tree, in bytes. */
export interface TreeRssBytes {
  rssBytes: number;
  treeRssBytes: number;
  /** Descendant processes counted (the root excluded). */
  descendants: number;
}

/** The parent pid in `/proc/<pid>/stat`; the command name before it may hold spaces and `)`. */
function toParentPid(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ', 2);
  const ppid = Number(fields[1]);
  if (!Number.isInteger(ppid)) throw new Error('unreadable stat');
  return ppid;
}

/** Resident pages in `/proc/<pid>/statm`, or undefined for a zombie (size 0). */
function toResidentPages(statm: string): number | undefined {
  const space = statm.indexOf(' ');
  if (Number(statm.slice(0, space)) === 0) return undefined;
  const pages = Number.parseInt(statm.slice(space + 1), 10);
  if (!Number.isFinite(pages)) throw new Error('unreadable statm');
  return pages;
}

/** The most recently created pid, the last field of `/proc/loadavg`; undefined when unreadable. */
function toLastPid(loadavg: string): number | undefined {
  const pid = Number(loadavg.slice(loadavg.lastIndexOf(' ') + 1));
  return Number.isInteger(pid) ? pid : undefined;
}

// Parents are cached between listings; a full refresh now and then guards against a pid reused
// between two listings.
const FULL_REFRESH_EVERY_READS = 240;

/**
 * Sums the resident memory of a process and all its descendants from `/proc`. Listing `/proc`
 * (~100–150 µs) happens only when a process was created since the last listing (the last pid in
 * `/proc/loadavg` moved) or a member of the tree went away; otherwise a read costs one
 * `loadavg` read plus one `statm` read per member (~12 µs each). Parents come from
 * `/proc/<pid>/stat`, read once per new pid.
 */
export class ProcessTreeReader {
  readonly #procRoot: string;
  readonly #rootPid: number;
  readonly #pageBytes: number;
  #parents = new Map<number, number>();
  #children = new Map<number, number[]>();
  #listedAtPid: number | undefined;
  #stale = true;
  #reads = 0;

  constructor(procRoot: string, rootPid: number, pageBytes: number) {
    this.#procRoot = procRoot;
    this.#rootPid = rootPid;
    this.#pageBytes = pageBytes;
  }

  /** Throws when `/proc` cannot be listed or the root's own `statm` cannot be read. */
  read(): TreeRssBytes {
    const rootPages =
      toResidentPages(readSmallFile(`${this.#procRoot}/${this.#rootPid}/statm`)) ?? 0;
    this.#reads += 1;
    const refresh = this.#reads % FULL_REFRESH_EVERY_READS === 0;
    const lastPid = this.#readLastPid();
    if (refresh || this.#stale || lastPid === undefined || lastPid !== this.#listedAtPid) {
      this.#list(refresh);
      this.#listedAtPid = lastPid;
      this.#stale = false;
    }
    let treePages = rootPages;
    let descendants = 0;
    const queue = [...(this.#children.get(this.#rootPid) ?? [])];
    const visited = new Set<number>([this.#rootPid]);
    for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
      if (visited.has(pid)) continue;
      visited.add(pid);
      const pages = this.#readResidentPages(pid);
      if (pages === undefined) {
        this.#stale = true; // exited: its children were reparented, list again next time
        continue;
      }
      treePages += pages;
      descendants += 1;
      for (const child of this.#children.get(pid) ?? []) queue.push(child);
    }
    return {
      rssBytes: rootPages * this.#pageBytes,
      treeRssBytes: treePages * this.#pageBytes,
      descendants,
    };
  }

  #readLastPid(): number | undefined {
    try {
      return toLastPid(readSmallFile(`${this.#procRoot}/loadavg`).trimEnd());
    } catch {
      return undefined;
    }
  }

  #readResidentPages(pid: number): number | undefined {
    try {
      return toResidentPages(readSmallFile(`${this.#procRoot}/${pid}/statm`));
    } catch {
      return undefined;
    }
  }

  #readParent(pid: number): number | undefined {
    try {
      return toParentPid(readSmallFile(`${this.#procRoot}/${pid}/stat`));
    } catch {
      return undefined; // exited between the listing and the read
    }
  }

  /** Lists `/proc` and rebuilds parent → children for every live process. */
  #list(refresh: boolean): void {
    const known = refresh ? new Map<number, number>() : this.#parents;
    const parents = new Map<number, number>();
    const children = new Map<number, number[]>();
    for (const name of readdirSync(this.#procRoot)) {
      const code = name.charCodeAt(0);
      if (code < 48 || code > 57) continue;
      const pid = Number(name);
      const ppid = known.get(pid) ?? this.#readParent(pid);
      if (ppid === undefined) continue;
      parents.set(pid, ppid);
      const siblings = children.get(ppid);
      if (siblings === undefined) children.set(ppid, [pid]);
      else siblings.push(pid);
    }
    this.#parents = parents;
    this.#children = children;
  }
}
