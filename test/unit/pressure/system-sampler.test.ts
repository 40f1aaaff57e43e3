import { afterEach, describe, expect, it } from 'vitest';
import { createSystemSampler } from '../../../src/pressure/index.js';
import { createFakeSystem, type FakeSystem } from '../../fixtures/pressure/fake-system.js';

const GIB_KB = 1024 * 1024;
const MB = 1024 * 1024;
const PAGES_PER_MB = MB / 4096;
const PHYSICAL = {
  totalKb: 16 * GIB_KB,
  availableKb: 12 * GIB_KB,
  swapTotalKb: 2048,
  swapFreeKb: 1024,
};

describe('createSystemSampler on a fake Linux', () => {
  let system: FakeSystem | undefined;
  const make = (spec: Parameters<typeof createFakeSystem>[0]) => {
    system = createFakeSystem(spec);
    const sampler = createSystemSampler({
      procRoot: system.procRoot,
      cgroupRoot: system.cgroupRoot,
      rootPid: 100,
      platform: 'linux',
    });
    return { system, sampler };
  };
  const processes = [{ pid: 100, ppid: 1, rssPages: 100 * PAGES_PER_MB }];
  afterEach(() => {
    system?.cleanup();
    system = undefined;
  });

  it('uses MemTotal − MemAvailable outside a limited cgroup', () => {
    const { sampler } = make({ meminfo: PHYSICAL, cgroupMembership: '0::/\n', processes });
    const reading = sampler();
    expect(reading).toMatchObject({
      source: 'proc-meminfo',
      usedMb: 4096,
      limitMb: 16384,
      availableMb: 12288,
      swapMb: 1,
      rssMb: 100,
      fallbacks: [],
    });
  });

  it('uses a cgroup v2 memory.max below physical memory, less inactive file cache', () => {
    const { sampler } = make({
      meminfo: PHYSICAL,
      cgroupMembership: '0::/app/worker\n',
      cgroupFiles: {
        'cgroup.controllers': 'cpu memory pids\n',
        'app/memory.max': `${4096 * MB}\n`,
        'app/memory.current': `${3000 * MB}\n`,
        'app/memory.stat': `anon 1\nfile 2\nactive_file 3\ninactive_file ${1000 * MB}\n`,
        'app/worker/memory.max': 'max\n',
        'app/worker/memory.current': `${50 * MB}\n`,
        'app/worker/memory.stat': 'inactive_file 0\n',
      },
      processes,
    });
    expect(sampler()).toMatchObject({
      source: 'cgroup-v2',
      limitMb: 4096,
      usedMb: 2000,
      availableMb: 2096,
      fallbacks: [],
    });
  });

  it('ignores a cgroup v2 limit above physical memory', () => {
    const { sampler } = make({
      meminfo: PHYSICAL,
      cgroupMembership: '0::/big\n',
      cgroupFiles: {
        'cgroup.controllers': 'memory\n',
        'big/memory.max': `${64 * 1024 * MB}\n`,
        'big/memory.current': `${10 * MB}\n`,
        'big/memory.stat': 'inactive_file 0\n',
      },
      processes,
    });
    expect(sampler()).toMatchObject({ source: 'proc-meminfo', limitMb: 16384 });
  });

  it('uses a cgroup v1 memory.limit_in_bytes, less total_inactive_file', () => {
    const { sampler } = make({
      meminfo: PHYSICAL,
      cgroupMembership: '5:cpu,cpuacct:/docker/abc\n4:memory:/docker/abc\n0::/\n',
      cgroupFiles: {
        'memory/memory.limit_in_bytes': '9223372036854771712\n',
        'memory/docker/abc/memory.limit_in_bytes': `${2048 * MB}\n`,
        'memory/docker/abc/memory.usage_in_bytes': `${1600 * MB}\n`,
        'memory/docker/abc/memory.stat': `cache 5\ninactive_file 7\ntotal_cache 9\ntotal_inactive_file ${576 * MB}\n`,
      },
      processes,
    });
    expect(sampler()).toMatchObject({ source: 'cgroup-v1', limitMb: 2048, usedMb: 1024 });
  });

  it('treats the v1 "no limit" value as physical memory', () => {
    const { sampler } = make({
      meminfo: PHYSICAL,
      cgroupMembership: '4:memory:/x\n',
      cgroupFiles: {
        'memory/x/memory.limit_in_bytes': '9223372036854771712\n',
        'memory/x/memory.usage_in_bytes': '123\n',
        'memory/x/memory.stat': 'total_inactive_file 0\n',
      },
      processes,
    });
    expect(sampler()).toMatchObject({ source: 'proc-meminfo', limitMb: 16384, fallbacks: [] });
  });

  it('reads the v1 mount root when the cgroup path is not visible inside a container', () => {
    const { sampler } = make({
      meminfo: PHYSICAL,
      cgroupMembership: '4:memory:/kubepods/pod1/c1\n',
      cgroupFiles: {
        'memory/memory.limit_in_bytes': `${1024 * MB}\n`,
        'memory/memory.usage_in_bytes': `${256 * MB}\n`,
        'memory/memory.stat': 'total_inactive_file 0\n',
      },
      processes,
    });
    expect(sampler()).toMatchObject({ source: 'cgroup-v1', limitMb: 1024, usedMb: 256 });
  });

  it('falls back to /proc/meminfo and says so when a cgroup file cannot be read', () => {
    const { sampler, system } = make({
      meminfo: PHYSICAL,
      cgroupMembership: '4:memory:/x\n',
      cgroupFiles: {
        'memory/x/memory.limit_in_bytes': `${1024 * MB}\n`,
        'memory/x/memory.usage_in_bytes': `${256 * MB}\n`,
        'memory/x/memory.stat': 'total_inactive_file 0\n',
      },
      processes,
    });
    expect(sampler().source).toBe('cgroup-v1');
    system.remove('cgroup/memory/x/memory.usage_in_bytes');
    const reading = sampler();
    expect(reading).toMatchObject({ source: 'proc-meminfo', limitMb: 16384 });
    expect(reading.fallbacks).toHaveLength(1);
    expect(reading.fallbacks[0]).toMatch(
      /^memory cgroup: .*memory\.usage_in_bytes.*; used \/proc\/meminfo$/,
    );
  });

  it('falls back to os figures and this process alone when /proc is missing', () => {
    const { sampler, system } = make({ meminfo: PHYSICAL, processes });
    system.remove('proc');
    const reading = sampler();
    expect(reading.source).toBe('os');
    expect(reading.treeRssMb).toBe(reading.rssMb);
    expect(reading.rssMb * MB).toBeCloseTo(process.memoryUsage.rss(), -7);
    expect(reading.fallbacks).toEqual([
      expect.stringMatching(/meminfo: .*ENOENT.*; used os\.totalmem\(\)\/os\.freemem\(\)$/),
      expect.stringMatching(/process tree: .*ENOENT.*; counted this process alone$/),
    ]);
  });

  it('sums the RSS of every descendant and of nothing else', () => {
    const { sampler } = make({
      meminfo: PHYSICAL,
      processes: [
        { pid: 1, ppid: 0, rssPages: 10 * PAGES_PER_MB },
        { pid: 100, ppid: 1, rssPages: 100 * PAGES_PER_MB },
        { pid: 101, ppid: 100, rssPages: 400 * PAGES_PER_MB, comm: 'pyright (langserver) x' },
        { pid: 102, ppid: 101, rssPages: 50 * PAGES_PER_MB },
        { pid: 103, ppid: 100, rssPages: 0 },
        { pid: 200, ppid: 1, rssPages: 999 * PAGES_PER_MB },
        { pid: 201, ppid: 200, rssPages: 999 * PAGES_PER_MB },
      ],
    });
    expect(sampler()).toMatchObject({ rssMb: 100, treeRssMb: 550 });
  });

  it('picks up processes that start and drops those that exit between samples', () => {
    const { sampler, system } = make({
      meminfo: PHYSICAL,
      processes: [
        { pid: 100, ppid: 1, rssPages: 100 * PAGES_PER_MB },
        { pid: 101, ppid: 100, rssPages: 200 * PAGES_PER_MB },
      ],
    });
    expect(sampler().treeRssMb).toBe(300);
    system.addProcess({ pid: 150, ppid: 101, rssPages: 40 * PAGES_PER_MB });
    expect(sampler().treeRssMb).toBe(340);
    system.remove('proc/101');
    expect(sampler().treeRssMb).toBe(100); // 150 was reparented to init: no longer ours
    system.addProcess({ pid: 150, ppid: 1, rssPages: 40 * PAGES_PER_MB });
    expect(sampler().treeRssMb).toBe(100);
  });

  it('lists /proc again only when the last created pid moves, and re-reads known members always', () => {
    const { sampler, system } = make({
      meminfo: PHYSICAL,
      lastPid: 101,
      processes: [
        { pid: 100, ppid: 1, rssPages: 100 * PAGES_PER_MB },
        { pid: 101, ppid: 100, rssPages: 200 * PAGES_PER_MB },
      ],
    });
    expect(sampler().treeRssMb).toBe(300);
    system.addProcess({ pid: 101, ppid: 100, rssPages: 250 * PAGES_PER_MB });
    expect(sampler().treeRssMb).toBe(350);
    // A pid appearing while loadavg's last pid stands still is not listed (it cannot happen).
    system.addProcess({ pid: 102, ppid: 100, rssPages: 10 * PAGES_PER_MB });
    expect(sampler().treeRssMb).toBe(350);
    system.setLastPid(102);
    expect(sampler().treeRssMb).toBe(360);
  });

  it('drops an unreaped zombie and the orphans it leaves from the tree', () => {
    const { sampler, system } = make({
      meminfo: PHYSICAL,
      lastPid: 102,
      processes: [
        { pid: 100, ppid: 1, rssPages: 100 * PAGES_PER_MB },
        { pid: 101, ppid: 100, rssPages: 200 * PAGES_PER_MB },
        { pid: 102, ppid: 101, rssPages: 30 * PAGES_PER_MB },
      ],
    });
    expect(sampler().treeRssMb).toBe(330);
    system.addProcess({ pid: 101, ppid: 100, rssPages: 0, zombie: true });
    system.addProcess({ pid: 102, ppid: 1, rssPages: 30 * PAGES_PER_MB });
    expect(sampler().treeRssMb).toBe(100);
    expect(sampler().treeRssMb).toBe(100);
  });

  it('measures real memory on any other platform from os figures', () => {
    const reading = createSystemSampler({ platform: 'darwin' })();
    expect(reading.source).toBe('os');
    expect(reading.limitMb).toBeGreaterThan(0);
    expect(reading.treeRssMb).toBe(reading.rssMb);
    expect(reading.fallbacks).toEqual([]);
  });
});
