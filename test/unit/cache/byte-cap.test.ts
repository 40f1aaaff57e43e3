import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/index.js';
import { createSlice, useCacheFixtures } from './cache-fixtures.js';

const fixtures = useCacheFixtures();
/** 20 KB. */
const CAP_MB = 20 / 1024;

describe('SliceCache byte cap', () => {
  it('keeps the stored content under cacheSizeMb by evicting database rows', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir(), cacheSizeMb: CAP_MB });
    for (let i = 0; i < 40; i++) {
      const { hash, data } = createSlice(`slice${i}`, 2000);
      await cache.store(hash, data);
    }
    const stats = cache.getStats();
    expect(stats.totalSizeMb).toBeLessThanOrEqual(CAP_MB);
    expect(stats.databaseEntries).toBeLessThan(40);
    expect(stats.databaseEvictions).toBe(40 - stats.databaseEntries);
  });

  it('evicts the least recently read slice first', async () => {
    let now = 1_000_000;
    const cache = await fixtures.openCache({
      dir: fixtures.createDir(),
      cacheSizeMb: CAP_MB,
      maxMemoryEntries: 0,
      now: () => now,
    });
    const slices = Array.from({ length: 9 }, (_, i) => createSlice(`lru${i}`, 2000));
    for (const { hash, data } of slices) {
      now += 1000;
      await cache.store(hash, data);
    }
    now += 1000;
    const [oldest, second] = slices;
    if (oldest === undefined || second === undefined) throw new Error('fixture');
    expect(await cache.retrieve(oldest.hash)).not.toBeNull();
    for (let i = 0; i < 3; i++) {
      now += 1000;
      const { hash, data } = createSlice(`more${i}`, 2000);
      await cache.store(hash, data);
    }
    expect(await cache.retrieve(second.hash)).toBeNull();
    expect(await cache.retrieve(oldest.hash)).not.toBeNull();
  });

  it('evicts rows of other sizes until the total fits, counting each', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir(), cacheSizeMb: CAP_MB });
    const small = Array.from({ length: 30 }, (_, i) => createSlice(`small${i}`, 500));
    await cache.storeMany(small.map(({ hash, data }) => ({ sliceHash: hash, data })));
    const big = createSlice('big', 15_000);
    await cache.store(big.hash, big.data);
    expect(await cache.retrieve(big.hash)).not.toBeNull();
    expect(cache.getStats().totalSizeMb).toBeLessThanOrEqual(CAP_MB);
    expect(cache.getStats().databaseEvictions).toBeGreaterThan(0);
  });

  it('refuses a single slice larger than the whole cache', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir(), cacheSizeMb: CAP_MB });
    const { hash, data } = createSlice('huge', 30_000);
    const error = await cache.store(hash, data).catch((caught: unknown) => caught);
    expect(isOrchestratorError(error, 'CACHE_INVALID_INPUT')).toBe(true);
    expect(String(error)).toMatch(/more than the whole cache/);
  });
});
