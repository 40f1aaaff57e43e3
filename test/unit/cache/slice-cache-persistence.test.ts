import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { isOrchestratorError, SliceCache } from '../../../src/index.js';
import { createSlice, sha1, useCacheFixtures } from './cache-fixtures.js';

const fixtures = useCacheFixtures();

describe('SliceCache persistence', () => {
  it('serves a slice stored by one instance to a later instance over the same directory', async () => {
    const dir = fixtures.createDir();
    const first = await fixtures.openCache({ dir, dimensions: 3 });
    const hash = sha1('def risk(): pass');
    await first.store(
      hash,
      { file: 'risk.py', content: 'def risk(): pass', startLine: 3 },
      [3, 0, 4],
    );
    await first.close();

    const second = await fixtures.openCache({ dir, dimensions: 3 });
    const value = await second.retrieve(hash);
    expect(value).toEqual({
      file: 'risk.py',
      content: 'def risk(): pass',
      startLine: 3,
      vector: [expect.closeTo(0.6, 6), 0, expect.closeTo(0.8, 6)],
    });
    expect(second.getStats()).toMatchObject({ hits: 1, misses: 0, hitRate: 1, databaseEntries: 1 });
  });

  it('keeps the database in WAL mode with synchronous NORMAL at <dir>/cache.db', async () => {
    const dir = fixtures.createDir();
    const cache = await fixtures.openCache({ dir });
    const { hash, data } = createSlice('wal');
    await cache.store(hash, data);
    expect(cache.file).toBe(path.join(dir, 'cache.db'));
    expect(existsSync(path.join(dir, 'cache.db-wal'))).toBe(true);
    const reader = new Database(path.join(dir, 'cache.db'), { readonly: true });
    try {
      expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      reader.close();
    }
  });

  it('returns null for an unknown slice and counts it as a miss', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    const { hash, data } = createSlice('known');
    await cache.store(hash, data);
    expect(await cache.retrieve(sha1('unknown'))).toBeNull();
    expect(await cache.retrieve(hash)).toEqual(data);
    expect(cache.getStats()).toMatchObject({ hits: 1, misses: 1, hitRate: 0.5 });
  });

  it('reports a hit rate of 0 before any lookup', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    expect(cache.getStats()).toEqual({
      hitRate: 0,
      hits: 0,
      misses: 0,
      evictions: 0,
      memoryEvictions: 0,
      databaseEvictions: 0,
      memoryEntries: 0,
      databaseEntries: 0,
      totalSizeMb: 0,
    });
  });

  it('hands back frozen values so callers cannot corrupt the memory tier', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    const { hash, data } = createSlice('frozen');
    await cache.store(hash, { ...data, tags: ['a'] });
    const value = await cache.retrieve(hash);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value?.tags)).toBe(true);
  });

  it('stores many slices in one call and reads each back', async () => {
    const dir = fixtures.createDir();
    const cache = await fixtures.openCache({ dir, dimensions: 2 });
    const slices = Array.from({ length: 50 }, (_, i) => createSlice(`bulk${i}`));
    await cache.storeMany(
      slices.map(({ hash, data }, i) => ({ sliceHash: hash, data, vector: [1, i] })),
    );
    await cache.close();
    const reopened = await fixtures.openCache({ dir, dimensions: 2 });
    expect(reopened.getStats().databaseEntries).toBe(50);
    expect(await reopened.retrieve(slices[49]?.hash ?? '')).toMatchObject(slices[49]?.data ?? {});
  });

  it('replaces a slice stored again under the same hash without adding a row', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    const hash = sha1('same');
    await cache.store(hash, { file: 'a.py', content: 'one' });
    await cache.store(hash, { file: 'a.py', content: 'two' });
    expect(await cache.retrieve(hash)).toEqual({ file: 'a.py', content: 'two' });
    expect(cache.getStats().databaseEntries).toBe(1);
  });

  it('accepts upper-case hex keys as the same slice', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    const { hash, data } = createSlice('upper');
    await cache.store(hash.toUpperCase(), data);
    expect(await cache.retrieve(hash)).toEqual(data);
  });

  it('closes twice without error and refuses work afterwards', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    await cache.close();
    await cache.close();
    expect(cache.state).toBe('closed');
    const error = await cache.retrieve(sha1('x')).catch((caught: unknown) => caught);
    expect(isOrchestratorError(error, 'CACHE_FAILED')).toBe(true);
  });

  it('refuses work before initialize with a message that says what to call', async () => {
    const cache = new SliceCache({ dir: fixtures.createDir(), env: {} });
    await expect(cache.retrieve(sha1('x'))).rejects.toThrow(/call initialize\(\) first/);
  });
});

describe('SliceCache read bookkeeping', () => {
  it('writes each slice read time and read count to the database by close', async () => {
    const dir = fixtures.createDir();
    let now = 5_000;
    const cache = await fixtures.openCache({ dir, now: () => now, accessFlushMs: 3_600_000 });
    const { hash, data } = createSlice('counted');
    await cache.store(hash, data);
    for (let i = 0; i < 3; i++) {
      now += 100;
      await cache.retrieve(hash);
    }
    await cache.close();
    const reader = new Database(path.join(dir, 'cache.db'), { readonly: true });
    try {
      expect(
        reader.prepare('SELECT accessed_at, access_count FROM slices WHERE hash = ?').get(hash),
      ).toEqual({ accessed_at: 5_300, access_count: 3 });
    } finally {
      reader.close();
    }
  });
});
