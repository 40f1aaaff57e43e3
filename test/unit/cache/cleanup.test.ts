import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/index.js';
import { createSlice, useCacheFixtures } from './cache-fixtures.js';

const fixtures = useCacheFixtures();
const DAY_MS = 86_400_000;

describe('SliceCache.cleanupOldEntries', () => {
  it('removes slices not read for the given number of days and keeps the rest', async () => {
    let now = Date.UTC(2026, 0, 1);
    const cache = await fixtures.openCache({
      dir: fixtures.createDir(),
      dimensions: 2,
      now: () => now,
    });
    const stale = createSlice('stale');
    const fresh = createSlice('fresh');
    const read = createSlice('read');
    await cache.store(stale.hash, stale.data, [1, 0]);
    await cache.store(read.hash, read.data, [0, 1]);
    now += 10 * DAY_MS;
    await cache.store(fresh.hash, fresh.data, [1, 1]);
    await cache.retrieve(read.hash);
    now += DAY_MS;

    expect(await cache.cleanupOldEntries(7)).toBe(1);
    expect(await cache.retrieve(stale.hash)).toBeNull();
    expect(await cache.retrieve(fresh.hash)).not.toBeNull();
    expect(await cache.retrieve(read.hash)).not.toBeNull();
    expect(cache.getStats().databaseEntries).toBe(2);
  });

  it('removes the vectors of cleaned slices from similarity search', async () => {
    let now = Date.UTC(2026, 0, 1);
    const cache = await fixtures.openCache({
      dir: fixtures.createDir(),
      dimensions: 2,
      now: () => now,
    });
    const old = createSlice('old');
    const kept = createSlice('kept');
    await cache.store(old.hash, old.data, [1, 0]);
    expect((await cache.searchSimilar([1, 0], 5)).map((hit) => hit.hash)).toEqual([old.hash]);
    now += 30 * DAY_MS;
    await cache.store(kept.hash, kept.data, [0.9, 0.1]);
    await cache.cleanupOldEntries(1);
    expect((await cache.searchSimilar([1, 0], 5)).map((hit) => hit.hash)).toEqual([kept.hash]);
  });

  it('removes every slice not read since now when days is 0', async () => {
    const now = Date.UTC(2026, 0, 1);
    const cache = await fixtures.openCache({ dir: fixtures.createDir(), now: () => now });
    const slices = Array.from({ length: 5 }, (_, i) => createSlice(`all${i}`));
    await cache.storeMany(slices.map(({ hash, data }) => ({ sliceHash: hash, data })));
    expect(await cache.cleanupOldEntries(0)).toBe(5);
    expect(cache.getStats()).toMatchObject({ databaseEntries: 0, totalSizeMb: 0 });
  });

  it('uses read times still held in memory when deciding what is old', async () => {
    let now = Date.UTC(2026, 0, 1);
    const cache = await fixtures.openCache({
      dir: fixtures.createDir(),
      accessFlushMs: 3_600_000,
      now: () => now,
    });
    const slice = createSlice('recent');
    await cache.store(slice.hash, slice.data);
    now += 10 * DAY_MS;
    await cache.retrieve(slice.hash);
    expect(await cache.cleanupOldEntries(5)).toBe(0);
  });

  it('rejects a negative or non-finite number of days', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    for (const days of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = await cache.cleanupOldEntries(days).catch((caught: unknown) => caught);
      expect(isOrchestratorError(error, 'CACHE_INVALID_INPUT')).toBe(true);
    }
  });
});
