import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { readSmallFile } from './read-small-file.js';

/** The memory cgroup (this process's, or an ancestor) whose limit is the tightest. */
export interface CgroupLocation {
  version: 1 | 2;
  /** Directory holding the limit, usage and stat files. */
  dir: string;
}

/** A limited cgroup's figures, in bytes. */
export interface CgroupMemoryBytes {
  limitBytes: number;
  /** Usage less reclaimable file cache (`inactive_file`). */
  usedBytes: number;
}

const FILES = {
  1: {
    limit: 'memory.limit_in_bytes',
    usage: 'memory.usage_in_bytes',
    inactive: 'total_inactive_file',
  },
  2: { limit: 'memory.max', usage: 'memory.current', inactive: 'inactive_file' },
} as const;

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Reads a limit file: a byte count, or `Infinity` for `max` or a missing file. */
function readLimitBytes(path: string): number {
  let text: string;
  try {
    text = readSmallFile(path).trim();
  } catch (error) {
    if (isMissing(error)) return Number.POSITIVE_INFINITY;
    throw error;
  }
  if (text === 'max') return Number.POSITIVE_INFINITY;
  const bytes = Number(text);
  if (!Number.isFinite(bytes) || bytes <= 0)
    throw new Error(`unreadable limit "${text}" in ${path}`);
  return bytes;
}

/** The directory with the smallest limit from `leaf` up to `top`, or null when none sets one. */
function tightest(version: 1 | 2, leaf: string, top: string): CgroupLocation | null {
  let best: CgroupLocation | null = null;
  let bestLimit = Number.POSITIVE_INFINITY;
  let dir = existsSync(leaf) ? leaf : top;
  for (;;) {
    const limit = readLimitBytes(`${dir}/${FILES[version].limit}`);
    if (limit < bestLimit) {
      bestLimit = limit;
      best = { version, dir };
    }
    if (dir === top || dir.length <= top.length) return best;
    dir = dirname(dir);
  }
}

/**
 * Finds the memory cgroup that limits this process, from `<procRoot>/self/cgroup` and the
 * hierarchy under `cgroupRoot`: v2 (`memory.max`) when the unified hierarchy is mounted there,
 * else v1 (`memory/…/memory.limit_in_bytes`). When the path in `/proc` is not visible (a
 * container's own cgroup mounted as the root), the mount root stands in for it.
 * Returns null when no cgroup sets a limit. Throws when a file exists but cannot be read.
 */
export function locateMemoryCgroup(procRoot: string, cgroupRoot: string): CgroupLocation | null {
  let membership: string;
  try {
    membership = readSmallFile(`${procRoot}/self/cgroup`);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  let v1Path: string | undefined;
  let v2Path: string | undefined;
  for (const line of membership.split('\n')) {
    const [id, controllers, ...rest] = line.split(':');
    const path = rest.join(':');
    if (id === '0' && controllers === '') v2Path = path;
    else if (controllers?.split(',').includes('memory')) v1Path = path;
  }
  if (v2Path !== undefined && existsSync(`${cgroupRoot}/cgroup.controllers`)) {
    const found = tightest(2, `${cgroupRoot}${v2Path === '/' ? '' : v2Path}`, cgroupRoot);
    if (found !== null || v1Path === undefined) return found;
  }
  if (v1Path === undefined) return null;
  const top = `${cgroupRoot}/memory`;
  return tightest(1, `${top}${v1Path === '/' ? '' : v1Path}`, top);
}

function statField(text: string, name: string): number {
  const lines = `\n${text}`;
  const at = lines.indexOf(`\n${name} `);
  if (at === -1) return 0;
  const end = lines.indexOf('\n', at + 1);
  const value = Number(lines.slice(at + name.length + 2, end === -1 ? undefined : end));
  return Number.isFinite(value) ? value : 0;
}

/**
 * Reads the located cgroup's limit and, when it is below `physicalBytes`, its usage less inactive
 * file cache. Returns null when the limit does not bind (the costly `memory.stat` is not read
 * then). Throws on a failed read.
 */
export function readCgroupMemory(
  location: CgroupLocation,
  physicalBytes: number,
): CgroupMemoryBytes | null {
  const files = FILES[location.version];
  const limitBytes = readLimitBytes(`${location.dir}/${files.limit}`);
  if (!(limitBytes < physicalBytes)) return null;
  const usage = Number(readSmallFile(`${location.dir}/${files.usage}`).trim());
  if (!Number.isFinite(usage))
    throw new Error(`unreadable usage in ${location.dir}/${files.usage}`);
  const inactive = statField(readSmallFile(`${location.dir}/memory.stat`), files.inactive);
  return { limitBytes, usedBytes: Math.max(0, usage - inactive) };
}
