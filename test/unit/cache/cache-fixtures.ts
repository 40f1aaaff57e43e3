import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createSeededRandom } from '../../../src/core/random.js';
import { SliceCache, type SliceCacheOptions } from '../../../src/index.js';

/** A deterministic generator of numbers in [0, 1). */
export const createRandom = createSeededRandom;

/** SHA-1 of `text`, as the MAP phase keys slices. */
export function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** A random vector with values in [-1, 1). */
export function createRandomVector(random: () => number, dimensions: number): Float32Array {
  return Float32Array.from({ length: dimensions }, () => random() * 2 - 1);
}

/** A logger that keeps its warnings. */
export function createRecordingLogger(): { warn(message: string): void; warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (message) => warnings.push(message) };
}

/** Temporary directories and caches removed after each test. */
export function useCacheFixtures(): {
  createDir(): string;
  openCache(options: SliceCacheOptions): Promise<SliceCache>;
} {
  const dirs: string[] = [];
  const caches: SliceCache[] = [];
  afterEach(async () => {
    await Promise.allSettled(caches.splice(0).map((cache) => cache.close()));
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return {
    createDir() {
      const dir = mkdtempSync(path.join(tmpdir(), 'slice-cache-'));
      dirs.push(dir);
      return dir;
    },
    async openCache(options) {
      const cache = new SliceCache({ env: {}, ...options });
      caches.push(cache);
      await cache.initialize();
      return cache;
    },
  };
}

/** A slice with content of about `bytes` characters. */
export function createSlice(
  name: string,
  bytes = 40,
): { hash: string; data: { file: string; content: string } } {
  const content = `${name} `
    .repeat(Math.max(1, Math.ceil(bytes / (name.length + 1))))
    .slice(0, bytes);
  return { hash: sha1(`${name}:${content}`), data: { file: `${name}.py`, content } };
}
