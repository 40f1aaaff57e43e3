import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBaseResultCache } from '../../../src/cache/base-result-cache.js';

describe('BaseResultCache', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'base-result-cache-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives back what was stored under the same key and fingerprint only', async () => {
    const cache = createBaseResultCache({ dir, fingerprint: 'ts 5.9' });
    await cache.set(['diagnostics', 'abc', ['a.ts']], { n: 1 });
    expect(await cache.get(['diagnostics', 'abc', ['a.ts']])).toEqual({ n: 1 });
    expect(await cache.get(['diagnostics', 'abd', ['a.ts']])).toBeUndefined();
    const upgraded = createBaseResultCache({ dir, fingerprint: 'ts 6.0' });
    expect(await upgraded.get(['diagnostics', 'abc', ['a.ts']])).toBeUndefined();
  });

  it('keeps the most recently written entries, and no temp files', async () => {
    const cache = createBaseResultCache({ dir, fingerprint: 'f', maxEntries: 2 });
    await cache.set(['one'], 1);
    await cache.set(['two'], 2);
    const old = Date.now() / 1000 - 60;
    for (const name of readdirSync(dir)) utimesSync(path.join(dir, name), old, old);
    await cache.set(['three'], 3);
    expect(readdirSync(dir)).toHaveLength(2);
    expect(readdirSync(dir).every((name) => name.endsWith('.json'))).toBe(true);
    expect(await cache.get(['three'])).toBe(3);
  });

  it('never fails a run when the folder cannot be written', async () => {
    const file = path.join(dir, 'a-file');
    writeFileSync(file, '');
    const cache = createBaseResultCache({ dir: path.join(file, 'entries'), fingerprint: 'f' });
    await expect(cache.set(['k'], 1)).resolves.toBeUndefined();
    expect(await cache.get(['k'])).toBeUndefined();
  });
});
