import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { currentRunOwner, judgeRunOwner, readProcessStat } from '../../../src/vcs/run-owner.js';
import { crashedOwner, startSleeper, startZombie } from './process-fixtures.js';

describe('readProcessStat', () => {
  it('reads state and start time even when the command name holds spaces and parentheses', async () => {
    const sleeper = await startSleeper('a) b (c) d');
    try {
      const stat = await readProcessStat(sleeper.pid);
      expect(stat?.state).toMatch(/^[RS]$/);
      expect(stat?.startTime).toMatch(/^\d+$/);
      // Started after this process: clock ticks since boot only grow.
      const own = await readProcessStat(process.pid);
      expect(Number(stat?.startTime)).toBeGreaterThanOrEqual(Number(own?.startTime));
    } finally {
      await sleeper.stop();
    }
  });

  it('is null for a pid that does not exist', async () => {
    const { pid } = await crashedOwner();
    expect(await readProcessStat(pid)).toBeNull();
  });
});

describe('judgeRunOwner', () => {
  it('judges this process alive', async () => {
    expect(await judgeRunOwner(await currentRunOwner())).toEqual({
      alive: true,
      reason: 'running',
    });
  });

  it('judges a killed process gone', async () => {
    expect(await judgeRunOwner(await crashedOwner())).toEqual({ alive: false, reason: 'gone' });
  });

  it('judges a live pid with another start time a recycled pid, not the run', async () => {
    const sleeper = await startSleeper();
    try {
      const owner = { pid: sleeper.pid, processStartTime: '1', host: os.hostname() };
      expect(await judgeRunOwner(owner)).toEqual({ alive: false, reason: 'pid-reused' });
      const same = { ...owner, processStartTime: sleeper.startTime };
      expect(await judgeRunOwner(same)).toEqual({ alive: true, reason: 'running' });
    } finally {
      await sleeper.stop();
    }
  });

  it('judges a zombie dead', async () => {
    const zombie = await startZombie();
    try {
      const stat = await readProcessStat(zombie.pid);
      expect(stat?.state).toBe('Z');
      const owner = {
        pid: zombie.pid,
        processStartTime: stat?.startTime ?? null,
        host: os.hostname(),
      };
      expect(await judgeRunOwner(owner)).toEqual({ alive: false, reason: 'zombie' });
    } finally {
      await zombie.stop();
    }
  });

  it('cannot judge a process on another host, so counts it alive', async () => {
    const owner = { ...(await crashedOwner()), host: `not-${os.hostname()}` };
    expect(await judgeRunOwner(owner)).toEqual({ alive: true, reason: 'other-host' });
  });

  it('never treats pid 0 or a negative pid (process groups) as a live run', async () => {
    for (const pid of [0, -1]) {
      expect(await judgeRunOwner({ pid, processStartTime: null, host: os.hostname() })).toEqual({
        alive: false,
        reason: 'gone',
      });
    }
  });
});
