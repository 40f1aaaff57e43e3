import { freemem, totalmem } from 'node:os';
import { toErrorMessage } from '../core/errors.js';
import { type CgroupLocation, locateMemoryCgroup, readCgroupMemory } from './cgroup-memory.js';
import { readPageBytes } from './page-size.js';
import { type MeminfoBytes, toMeminfoBytes } from './proc-meminfo.js';
import { ProcessTreeReader } from './process-tree.js';
import { readSmallFile } from './read-small-file.js';
import type { MemoryReading, MemorySampler, MemorySource } from './types.js';

/** Options of {@link createSystemSampler}; the roots are injectable so tests can use fixture trees. */
export interface SystemSamplerOptions {
  /** Root of the proc file system. @default '/proc' */
  procRoot?: string;
  /** Root of the cgroup hierarchy. @default '/sys/fs/cgroup' */
  cgroupRoot?: string;
  /** Process whose tree is measured. @default process.pid */
  rootPid?: number;
  /** Platform to behave as: only `'linux'` reads `/proc` and cgroups. @default process.platform */
  platform?: NodeJS.Platform;
}

const MB = 1024 * 1024;

/** A reading from `os.totalmem()`/`os.freemem()` and this process's RSS alone. */
export function readOsMemory(fallbacks: string[] = []): MemoryReading {
  const total = totalmem();
  const available = freemem();
  const rssMb = process.memoryUsage.rss() / MB;
  return {
    usedMb: (total - available) / MB,
    limitMb: total / MB,
    availableMb: available / MB,
    swapMb: 0,
    rssMb,
    treeRssMb: rssMb,
    source: 'os',
    fallbacks,
  };
}

/**
 * Creates the default sampler. On Linux: the limit is the tightest cgroup limit (v2
 * `memory.max`, v1 `memory.limit_in_bytes`) when it is below physical memory, with usage less
 * inactive file cache; otherwise MemTotal − MemAvailable from `/proc/meminfo`. Tree RSS sums
 * this process and its descendants from `/proc`. Elsewhere: `os.totalmem()`/`os.freemem()` and
 * this process alone. A failed read never throws: the reading falls back and says so in
 * `fallbacks`.
 */
export function createSystemSampler(options: SystemSamplerOptions = {}): MemorySampler {
  if ((options.platform ?? process.platform) !== 'linux') return () => readOsMemory();
  const procRoot = options.procRoot ?? '/proc';
  const cgroupRoot = options.cgroupRoot ?? '/sys/fs/cgroup';
  const rootPid = options.rootPid ?? process.pid;
  const tree = new ProcessTreeReader(procRoot, rootPid, readPageBytes(procRoot));
  let location: CgroupLocation | null | undefined;

  return () => {
    const fallbacks: string[] = [];
    let meminfo: MeminfoBytes;
    let source: MemorySource = 'proc-meminfo';
    try {
      meminfo = toMeminfoBytes(readSmallFile(`${procRoot}/meminfo`));
    } catch (error) {
      fallbacks.push(
        `${procRoot}/meminfo: ${toErrorMessage(error)}; used os.totalmem()/os.freemem()`,
      );
      meminfo = { totalBytes: totalmem(), availableBytes: freemem(), swapUsedBytes: 0 };
      source = 'os';
    }
    let limitBytes = meminfo.totalBytes;
    let usedBytes = meminfo.totalBytes - meminfo.availableBytes;
    try {
      if (location === undefined) location = locateMemoryCgroup(procRoot, cgroupRoot);
      if (location !== null) {
        const cgroup = readCgroupMemory(location, meminfo.totalBytes);
        if (cgroup !== null) {
          limitBytes = cgroup.limitBytes;
          usedBytes = cgroup.usedBytes;
          source = location.version === 2 ? 'cgroup-v2' : 'cgroup-v1';
        }
      }
    } catch (error) {
      fallbacks.push(
        `memory cgroup: ${toErrorMessage(error)}; used ${source === 'os' ? 'os.freemem()' : '/proc/meminfo'}`,
      );
    }
    let rssBytes: number;
    let treeRssBytes: number;
    try {
      ({ rssBytes, treeRssBytes } = tree.read());
    } catch (error) {
      fallbacks.push(
        `${procRoot} process tree: ${toErrorMessage(error)}; counted this process alone`,
      );
      rssBytes = process.memoryUsage.rss();
      treeRssBytes = rssBytes;
    }
    return {
      usedMb: usedBytes / MB,
      limitMb: limitBytes / MB,
      availableMb: Math.max(0, limitBytes - usedBytes) / MB,
      swapMb: meminfo.swapUsedBytes / MB,
      rssMb: rssBytes / MB,
      treeRssMb: treeRssBytes / MB,
      source,
      fallbacks,
    };
  };
}
