import { describe, expect, it } from 'vitest';
import {
  createRandom,
  createRandomVector,
  createSlice,
  sha1,
  useCacheFixtures,
} from './cache-fixtures.js';

const fixtures = useCacheFixtures();
const DIMENSIONS = 384;

async function waitFor(condition: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function perturb(vector: Float32Array, random: () => number, amount: number): Float32Array {
  return vector.map((value) => value + (random() * 2 - 1) * amount);
}

describe('SliceCache.searchSimilar', () => {
  it('finds a stored vector first from a perturbed copy of it', async () => {
    const random = createRandom(7);
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    const vectors = Array.from({ length: 300 }, () => createRandomVector(random, DIMENSIONS));
    await cache.storeMany(
      vectors.map((vector, i) => ({
        sliceHash: sha1(`s${i}`),
        data: { file: `f${i}.py`, content: `${i}` },
        vector,
      })),
    );
    for (const target of [0, 123, 299]) {
      const hits = await cache.searchSimilar(
        perturb(vectors[target] as Float32Array, random, 0.3),
        5,
      );
      expect(hits).toHaveLength(5);
      expect(hits[0]?.hash).toBe(sha1(`s${target}`));
      expect(hits[0]?.score).toBeGreaterThan(0.8);
      const scores = hits.map((hit) => hit.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('scores by cosine, ignoring vector length', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir(), dimensions: 2 });
    await cache.store(sha1('x'), { file: 'x', content: 'x' }, [10, 0]);
    await cache.store(sha1('diag'), { file: 'd', content: 'd' }, [1, 1]);
    const hits = await cache.searchSimilar([0.5, 0], 2);
    expect(hits[0]).toEqual({ hash: sha1('x'), score: expect.closeTo(1, 5) });
    expect(hits[1]?.score).toBeCloseTo(Math.SQRT1_2, 5);
  });

  it('returns no more hits than there are vectors, and none from slices without one', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir(), dimensions: 2 });
    await cache.store(sha1('with'), { file: 'a', content: 'a' }, [1, 0]);
    await cache.store(sha1('without'), { file: 'b', content: 'b' });
    expect(await cache.searchSimilar([1, 0], 10)).toEqual([
      { hash: sha1('with'), score: expect.closeTo(1, 5) },
    ]);
  });

  it('drops a vector when its slice is stored again without one', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir(), dimensions: 2 });
    await cache.store(sha1('a'), { file: 'a', content: 'a' }, [1, 0]);
    expect(await cache.searchSimilar([1, 0], 1)).toHaveLength(1);
    await cache.store(sha1('a'), { file: 'a', content: 'a' });
    expect(await cache.searchSimilar([1, 0], 1)).toEqual([]);
  });

  it('sees vectors that another instance wrote to the same file after its first search', async () => {
    const dir = fixtures.createDir();
    const reader = await fixtures.openCache({ dir, dimensions: 2 });
    const writer = await fixtures.openCache({ dir, dimensions: 2 });
    await reader.store(sha1('mine'), { file: 'm', content: 'm' }, [0, 1]);
    expect(await reader.searchSimilar([1, 0], 2)).toHaveLength(1);
    await writer.store(sha1('theirs'), { file: 't', content: 't' }, [1, 0]);
    expect((await reader.searchSimilar([1, 0], 2))[0]?.hash).toBe(sha1('theirs'));
  });

  it('answers from the approximate index once built, with recall@10 of at least 0.95 against exact', async () => {
    const random = createRandom(11);
    const cache = await fixtures.openCache({
      dir: fixtures.createDir(),
      approximateThreshold: 1000,
    });
    const centres = Array.from({ length: 20 }, () => createRandomVector(random, DIMENSIONS));
    const vectors = Array.from({ length: 3000 }, (_, i) =>
      perturb(centres[i % 20] as Float32Array, random, 0.8),
    );
    await cache.storeMany(
      vectors.map((vector, i) => ({
        sliceHash: sha1(`v${i}`),
        data: { file: 'f', content: `${i}` },
        vector,
      })),
    );
    expect(cache.loadVectors().approximate).toBe('building');
    await waitFor(() => cache.vectorIndexStatus().approximate === 'ready');
    expect(cache.vectorIndexStatus().indexed).toBeGreaterThan(2700);

    let found = 0;
    for (let q = 0; q < 30; q++) {
      const query = perturb(vectors[q * 97] as Float32Array, random, 0.2);
      const exact = await cache.searchSimilar(query, 10, { mode: 'exact' });
      const approximate = await cache.searchSimilar(query, 10, { mode: 'approximate' });
      const truth = new Set(exact.map((hit) => hit.hash));
      found += approximate.filter((hit) => truth.has(hit.hash)).length;
      expect(approximate[0]?.hash).toBe(sha1(`v${q * 97}`));
    }
    expect(found / 300).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the approximate index in step with new, replaced and evicted vectors', async () => {
    const random = createRandom(5);
    const cache = await fixtures.openCache({
      dir: fixtures.createDir(),
      approximateThreshold: 200,
    });
    const vectors = Array.from({ length: 400 }, () => createRandomVector(random, DIMENSIONS));
    await cache.storeMany(
      vectors.map((vector, i) => ({
        sliceHash: sha1(`k${i}`),
        data: { file: 'f', content: `${i}` },
        vector,
      })),
    );
    cache.loadVectors();
    await waitFor(() => cache.vectorIndexStatus().approximate === 'ready');

    const moved = createRandomVector(random, DIMENSIONS);
    await cache.store(sha1('k5'), { file: 'f', content: '5' }, moved);
    await waitFor(() => cache.vectorIndexStatus().indexed === 400);
    const movedHits = await cache.searchSimilar(moved, 1, { mode: 'approximate' });
    expect(movedHits).toEqual([{ hash: sha1('k5'), score: expect.closeTo(1, 5) }]);
    const oldHits = await cache.searchSimilar(vectors[5] as Float32Array, 1, {
      mode: 'approximate',
    });
    expect(oldHits[0]?.score).toBeLessThan(0.5);
    const added = createRandomVector(random, DIMENSIONS);
    const slice = createSlice('added');
    await cache.store(slice.hash, slice.data, added);
    await cache.cleanupOldEntries(0);
    await cache.store(slice.hash, slice.data, added);
    await waitFor(() => cache.vectorIndexStatus().indexed === 1);
    expect(await cache.searchSimilar(added, 3, { mode: 'approximate' })).toEqual([
      { hash: slice.hash, score: expect.closeTo(1, 5) },
    ]);
    expect(cache.vectorIndexStatus().vectors).toBe(1);
  });
});

describe('SliceCache approximate index lifecycle', () => {
  it('retrains the approximate index once the vectors have grown fourfold, answering meanwhile', async () => {
    const random = createRandom(3);
    const cache = await fixtures.openCache({
      dir: fixtures.createDir(),
      approximateThreshold: 100,
    });
    const store = async (from: number, to: number): Promise<void> => {
      const items = [];
      for (let i = from; i < to; i++) {
        items.push({
          sliceHash: sha1(`g${i}`),
          data: { file: 'f', content: `${i}` },
          vector: createRandomVector(random, DIMENSIONS),
        });
      }
      await cache.storeMany(items);
    };
    await store(0, 100);
    cache.finishApproximateIndex();
    expect(cache.vectorIndexStatus()).toMatchObject({ approximate: 'ready', indexed: 100 });
    await store(100, 401);
    expect(cache.vectorIndexStatus().approximate).toBe('building');
    expect(await cache.searchSimilar(createRandomVector(random, DIMENSIONS), 5)).toHaveLength(5);
    expect(cache.finishApproximateIndex()).toMatchObject({
      approximate: 'ready',
      indexed: 401,
      vectors: 401,
    });
  });
});
