import { describe, expect, it } from 'vitest';
import { createSlice, useCacheFixtures } from './cache-fixtures.js';

const fixtures = useCacheFixtures();

describe('SliceCache memory tier', () => {
  it('keeps at most maxMemoryEntries slices in memory and counts evictions', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir(), maxMemoryEntries: 2 });
    const [a, b, c] = ['a', 'b', 'c'].map((name) => createSlice(name));
    if (a === undefined || b === undefined || c === undefined) throw new Error('fixture');
    await cache.store(a.hash, a.data);
    await cache.store(b.hash, b.data);
    await cache.retrieve(a.hash);
    await cache.store(c.hash, c.data);
    expect(cache.getStats()).toMatchObject({
      memoryEntries: 2,
      memoryEvictions: 1,
      evictions: 1,
      databaseEntries: 3,
    });
  });

  it('serves an evicted slice from the database and puts it back in memory', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir(), maxMemoryEntries: 1 });
    const a = createSlice('first');
    const b = createSlice('second');
    await cache.store(a.hash, a.data);
    await cache.store(b.hash, b.data);
    expect(await cache.retrieve(a.hash)).toEqual(a.data);
    expect(cache.getStats()).toMatchObject({ memoryEntries: 1, memoryEvictions: 2, hits: 1 });
  });

  it('does not fill the memory tier from a bulk storeMany', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir(), maxMemoryEntries: 10 });
    const slices = Array.from({ length: 20 }, (_, i) => createSlice(`bulk${i}`));
    await cache.storeMany(slices.map(({ hash, data }) => ({ sliceHash: hash, data })));
    expect(cache.getStats()).toMatchObject({ memoryEntries: 0, databaseEntries: 20 });
  });

  it('refreshes a slice already in memory when storeMany replaces it', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    const { hash, data } = createSlice('refresh');
    await cache.store(hash, data);
    await cache.storeMany([{ sliceHash: hash, data: { ...data, content: 'new' } }]);
    expect(await cache.retrieve(hash)).toEqual({ ...data, content: 'new' });
  });
});
