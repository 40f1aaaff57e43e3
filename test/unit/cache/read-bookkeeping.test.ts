import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isOrchestratorError, SliceCache } from '../../../src/index.js';
import { createSlice, useCacheFixtures } from './cache-fixtures.js';

const fixtures = useCacheFixtures();
const DAY_MS = 86_400_000;
/** 20 KB. */
const CAP_MB = 20 / 1024;

afterEach(() => {
  vi.restoreAllMocks();
});

/** Reads a slice's stored read time and count through a connection of its own. */
function storedReads(dir: string, hash: string): unknown {
  const reader = new Database(path.join(dir, 'cache.db'), { readonly: true });
  try {
    return reader
      .prepare('SELECT accessed_at AS at, access_count AS count FROM slices WHERE hash = ?')
      .get(hash);
  } finally {
    reader.close();
  }
}

/** Counts every call into better-sqlite3 (statements, transactions, pragmas, exec) from now on. */
function spyOnSqlite(): () => number {
  const probe = new Database(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  probe.close();
  const spies = [
    ...(['run', 'get', 'all', 'iterate'] as const).map((name) =>
      vi.spyOn(statement as Record<typeof name, () => unknown>, name),
    ),
    ...(['prepare', 'exec', 'pragma', 'transaction'] as const).map((name) =>
      vi.spyOn(Database.prototype, name),
    ),
  ];
  return () => spies.reduce((calls, spy) => calls + spy.mock.calls.length, 0);
}

describe('SliceCache read bookkeeping', () => {
  it('serves hits without touching SQLite, for more slices than one write of reads holds', async () => {
    const dir = fixtures.createDir();
    const now = Date.UTC(2026, 0, 1);
    const cache = await fixtures.openCache({ dir, maxMemoryEntries: 10_000, now: () => now });
    const slices = Array.from({ length: 9000 }, (_, i) => createSlice(`hit${i}`));
    await cache.storeMany(slices.map(({ hash, data }) => ({ sliceHash: hash, data })));
    for (const { hash } of slices) await cache.retrieve(hash);

    const sqliteCalls = spyOnSqlite();
    for (let pass = 0; pass < 2; pass++) {
      for (const { hash, data } of slices) expect(await cache.retrieve(hash)).toEqual(data);
    }
    expect(await cache.retrieve(slices[0]?.hash.toUpperCase() ?? '')).toEqual(slices[0]?.data);
    expect(sqliteCalls()).toBe(0);
    vi.restoreAllMocks();

    expect(cache.getStats()).toMatchObject({ hits: 3 * 9000 + 1, memoryEntries: 9000 });
    await cache.close();
    for (const slice of [slices[1], slices[8999]]) {
      expect(storedReads(dir, slice?.hash ?? '')).toEqual({ at: now, count: 3 });
    }
  });

  it('writes a read once it is accessResolutionMs newer than the stored time, without waiting for close', async () => {
    const dir = fixtures.createDir();
    let now = Date.UTC(2026, 0, 1);
    const stored = now;
    const cache = await fixtures.openCache({
      dir,
      accessFlushMs: 5,
      accessResolutionMs: 60_000,
      now: () => now,
    });
    const { hash, data } = createSlice('due');
    await cache.store(hash, data);

    now += 30_000;
    await cache.retrieve(hash);
    await sleep(50);
    expect(storedReads(dir, hash)).toEqual({ at: stored, count: 0 });

    now += 30_000;
    await cache.retrieve(hash);
    await sleep(50);
    expect(storedReads(dir, hash)).toEqual({ at: stored + 60_000, count: 2 });

    now += 1_000;
    await cache.retrieve(hash);
    await cache.close();
    expect(storedReads(dir, hash)).toEqual({ at: stored + 61_000, count: 3 });
  });

  it('writes every read within accessFlushMs when accessResolutionMs is 0', async () => {
    const dir = fixtures.createDir();
    let now = 10_000;
    const cache = await fixtures.openCache({
      dir,
      accessFlushMs: 5,
      accessResolutionMs: 0,
      now: () => now,
    });
    const { hash, data } = createSlice('every');
    await cache.store(hash, data);
    now += 1;
    await cache.retrieve(hash);
    await sleep(50);
    expect(storedReads(dir, hash)).toEqual({ at: 10_001, count: 1 });
  });

  it('writes the reads of a slice that leaves the memory tier, however recent', async () => {
    const dir = fixtures.createDir();
    let now = 50_000;
    const cache = await fixtures.openCache({
      dir,
      maxMemoryEntries: 1,
      accessFlushMs: 5,
      now: () => now,
    });
    const first = createSlice('leaves');
    const second = createSlice('pushes');
    await cache.store(first.hash, first.data);
    now += 100;
    await cache.retrieve(first.hash);
    await cache.store(second.hash, second.data);
    await sleep(50);
    expect(storedReads(dir, first.hash)).toEqual({ at: 50_100, count: 1 });
  });

  it('keeps a slice read since it was stored when the byte cap evicts, though the read is not written yet', async () => {
    let now = 1_000_000;
    const cache = await fixtures.openCache({
      dir: fixtures.createDir(),
      cacheSizeMb: CAP_MB,
      accessFlushMs: 3_600_000,
      now: () => now,
    });
    const slices = Array.from({ length: 9 }, (_, i) => createSlice(`held${i}`, 2000));
    for (const { hash, data } of slices) {
      now += 1000;
      await cache.store(hash, data);
    }
    const [oldest, second] = slices;
    if (oldest === undefined || second === undefined) throw new Error('fixture');
    now += 1000;
    expect(await cache.retrieve(oldest.hash)).not.toBeNull();
    for (let i = 0; i < 3; i++) {
      now += 1000;
      const { hash, data } = createSlice(`newer${i}`, 2000);
      await cache.store(hash, data);
    }
    expect(await cache.retrieve(second.hash)).toBeNull();
    expect(await cache.retrieve(oldest.hash)).not.toBeNull();
  });

  it('evicts in read order across batches of rows, unwritten reads included', async () => {
    let now = 1_000_000;
    const cache = await fixtures.openCache({
      dir: fixtures.createDir(),
      cacheSizeMb: CAP_MB,
      accessFlushMs: 3_600_000,
      now: () => now,
    });
    const slices = Array.from({ length: 400 }, (_, i) => createSlice(`s${i}`, 10));
    for (let i = 0; i < slices.length; i += 50) {
      now += 1000;
      const chunk = slices.slice(i, i + 50);
      await cache.storeMany(chunk.map(({ hash, data }) => ({ sliceHash: hash, data })));
    }
    expect(cache.getStats().databaseEvictions).toBe(0);
    now += 1000;
    const read = slices.slice(0, 10);
    for (const { hash } of read) expect(await cache.retrieve(hash)).not.toBeNull();

    const big = createSlice('big', 18_000);
    await cache.store(big.hash, big.data);
    const { databaseEvictions, totalSizeMb } = cache.getStats();
    expect(databaseEvictions).toBeGreaterThan(256);
    expect(totalSizeMb).toBeLessThanOrEqual(CAP_MB);
    const kept = async (slice: (typeof slices)[number]): Promise<boolean> =>
      (await cache.retrieve(slice.hash)) !== null;
    for (const slice of read) expect(await kept(slice)).toBe(true);
    const unread = slices.slice(10);
    const evicted = unread.slice(0, databaseEvictions);
    for (const slice of [evicted[0], evicted.at(-1)]) expect(await kept(slice ?? big)).toBe(false);
    expect(await kept(unread[databaseEvictions] ?? slices[0] ?? big)).toBe(true);
  });

  it('keeps a slice read after the cutoff when cleaning up, though the read is not written yet', async () => {
    const start = Date.UTC(2026, 0, 1);
    let now = start;
    const cache = await fixtures.openCache({
      dir: fixtures.createDir(),
      accessFlushMs: 3_600_000,
      now: () => now,
    });
    const read = createSlice('read-late');
    const unread = createSlice('unread');
    await cache.store(read.hash, read.data);
    await cache.store(unread.hash, unread.data);
    now = start + 500;
    await cache.retrieve(read.hash);
    now = start + 1000;

    expect(await cache.cleanupOldEntries(600 / DAY_MS)).toBe(1);
    expect(await cache.retrieve(read.hash)).not.toBeNull();
    expect(await cache.retrieve(unread.hash)).toBeNull();
  });

  it('rejects a negative accessResolutionMs, naming it', () => {
    let error: unknown;
    try {
      new SliceCache({ dir: fixtures.createDir(), env: {}, accessResolutionMs: -1 });
    } catch (caught) {
      error = caught;
    }
    expect(isOrchestratorError(error, 'CACHE_INVALID_INPUT')).toBe(true);
    expect(String(error)).toContain('accessResolutionMs');
  });
});
