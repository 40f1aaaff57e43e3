import { describe, expect, it } from 'vitest';
import { HashedCodeEmbedder, isOrchestratorError, SliceCache } from '../../../src/index.js';
import { sha1, useCacheFixtures } from './cache-fixtures.js';

const fixtures = useCacheFixtures();

async function rejection(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error('expected a rejection');
  return error;
}

function thrown(body: () => unknown): Error {
  try {
    body();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a throw');
}

const DATA = { file: 'a.py', content: 'x = 1' };

describe('SliceCache bad input', () => {
  it.each([
    ['a short key', 'abc123'],
    ['a 41-character key', 'a'.repeat(41)],
    ['a non-hex key', 'g'.repeat(40)],
    ['a key with spaces', ` ${'a'.repeat(38)} `],
  ])('rejects %s with CACHE_INVALID_INPUT', async (_, key) => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    for (const operation of [cache.store(key, DATA), cache.retrieve(key)]) {
      const error = await rejection(operation);
      expect(isOrchestratorError(error, 'CACHE_INVALID_INPUT')).toBe(true);
      expect(error.message).toMatch(/40 hex characters/);
    }
  });

  it('rejects a vector of the wrong dimension, naming the expected and actual size', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    const error = await rejection(cache.store(sha1('v'), DATA, new Float32Array(383)));
    expect(isOrchestratorError(error, 'CACHE_INVALID_INPUT')).toBe(true);
    expect(error.message).toMatch(/383 dimensions; this cache expects 384/);
    const query = await rejection(cache.searchSimilar([1, 2, 3], 5));
    expect(query.message).toMatch(/query vector has 3 dimensions; this cache expects 384/);
  });

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('rejects a vector holding %s and names the index', async (_, bad) => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir(), dimensions: 3 });
    const error = await rejection(cache.store(sha1('n'), DATA, [1, bad, 0]));
    expect(isOrchestratorError(error, 'CACHE_INVALID_INPUT')).toBe(true);
    expect(error.message).toMatch(/non-finite value at index 1/);
    expect(cache.getStats().databaseEntries).toBe(0);
  });

  it('rejects an all-zero vector, whose cosine is undefined', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir(), dimensions: 2 });
    await expect(cache.store(sha1('z'), DATA, [0, 0])).rejects.toThrow(
      /length 0: cosine similarity is undefined/,
    );
  });

  it.each([
    ['a function', { ...DATA, run: () => 1 }, /data\.run is a function/],
    ['a bigint', { ...DATA, size: 10n }, /data\.size is a bigint/],
    ['NaN', { ...DATA, score: Number.NaN }, /data\.score is NaN/],
    ['a Map', { ...DATA, index: new Map() }, /data\.index is a Map/],
    ['a symbol in an array', { ...DATA, tags: ['a', Symbol('b')] }, /data\.tags\[1\] is a symbol/],
  ])('rejects data holding %s, naming where', async (_, data, message) => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    const error = await rejection(cache.store(sha1('d'), data));
    expect(isOrchestratorError(error, 'CACHE_INVALID_INPUT')).toBe(true);
    expect(error.message).toMatch(message);
  });

  it('rejects data with a cycle', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    const data: Record<string, unknown> = { ...DATA };
    data.self = data;
    await expect(cache.store(sha1('c'), data as typeof DATA)).rejects.toThrow(
      /data\.self refers back to itself/,
    );
  });

  it('rejects data without string file and content, or with a vector key', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    await expect(
      cache.store(sha1('f'), { content: 'x' } as unknown as typeof DATA),
    ).rejects.toThrow(/data\.file must be a string/);
    await expect(cache.store(sha1('f'), { ...DATA, vector: [1] })).rejects.toThrow(
      /data\.vector is reserved/,
    );
  });

  it('stores nothing from a storeMany whose later item is bad', async () => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir() });
    const error = await rejection(
      cache.storeMany([
        { sliceHash: sha1('good'), data: DATA },
        { sliceHash: 'bad', data: DATA },
      ]),
    );
    expect(isOrchestratorError(error, 'CACHE_INVALID_INPUT')).toBe(true);
    expect(cache.getStats().databaseEntries).toBe(0);
  });

  it.each([0, -1, 2.5])('rejects topK %s', async (topK) => {
    const cache = await fixtures.openCache({ dir: fixtures.createDir(), dimensions: 2 });
    const error = await rejection(cache.searchSimilar([1, 0], topK));
    expect(isOrchestratorError(error, 'CACHE_INVALID_INPUT')).toBe(true);
  });

  it.each(['abc', '-5', '0', 'Infinity'])(
    'rejects ORCHESTRATOR_CACHE_SIZE_MB=%s with INVALID_SETTING naming the variable',
    (value) => {
      const error = thrown(
        () =>
          new SliceCache({ dir: fixtures.createDir(), env: { ORCHESTRATOR_CACHE_SIZE_MB: value } }),
      );
      expect(isOrchestratorError(error, 'INVALID_SETTING')).toBe(true);
      expect(error.message).toMatch(/ORCHESTRATOR_CACHE_SIZE_MB/);
    },
  );

  it('takes cacheSizeMb from ORCHESTRATOR_CACHE_SIZE_MB when the option is not given', async () => {
    const cache = await fixtures.openCache({
      dir: fixtures.createDir(),
      env: { ORCHESTRATOR_CACHE_SIZE_MB: '0.001' },
    });
    await expect(
      cache.store(sha1('big'), { file: 'a', content: 'x'.repeat(2000) }),
    ).rejects.toThrow(/more than the whole cache/);
  });

  it.each([
    ['cacheSizeMb', { cacheSizeMb: -1 }],
    ['maxMemoryEntries', { maxMemoryEntries: 1.5 }],
    ['dimensions', { dimensions: 0 }],
  ])('rejects a bad %s option, naming it', (name, options) => {
    const error = thrown(() => new SliceCache({ dir: fixtures.createDir(), env: {}, ...options }));
    expect(isOrchestratorError(error, 'CACHE_INVALID_INPUT')).toBe(true);
    expect(error.message).toContain(name);
  });

  it('rejects an embedder whose dimensions differ from the cache', () => {
    const error = thrown(
      () =>
        new SliceCache({
          dir: fixtures.createDir(),
          env: {},
          embedder: new HashedCodeEmbedder(128),
        }),
    );
    expect(error.message).toMatch(/makes 128-dimension vectors but the cache expects 384/);
  });
});
