import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BaseResultCache } from '../core/services.js';

/** Options for {@link createBaseResultCache}. */
export interface BaseResultCacheOptions {
  /** The folder of the entries (one JSON file each). */
  dir: string;
  /**
   * What every entry also depends on besides its key: the tool versions, the interpreter, the
   * PATH. Another fingerprint is another cache.
   */
  fingerprint: string;
  /** Entries kept; the least recently written go first. @default 256 */
  maxEntries?: number;
}

/**
 * Results computed once per base commit and kept across runs — the type checkers' findings at
 * the base, a compile command's output at the base — as one JSON file per key under `dir`.
 * An entry that cannot be read, or whose stored key differs from the one asked for, is a
 * miss; writes are atomic (temp file + rename) and never fail the run.
 */
export function createBaseResultCache(options: BaseResultCacheOptions): BaseResultCache {
  const maxEntries = options.maxEntries ?? 256;
  const fileOf = (key: readonly unknown[]) => {
    const text = JSON.stringify({ fingerprint: options.fingerprint, key });
    return {
      text,
      file: path.join(options.dir, `${createHash('sha256').update(text).digest('hex')}.json`),
    };
  };
  return {
    async get(key) {
      const { text, file } = fileOf(key);
      try {
        const stored = JSON.parse(await readFile(file, 'utf8')) as {
          id?: unknown;
          value?: unknown;
        };
        return stored.id === text ? stored.value : undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      const { text, file } = fileOf(key);
      try {
        await mkdir(options.dir, { recursive: true });
        const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
        await writeFile(temp, JSON.stringify({ id: text, value }), { flag: 'wx' });
        await rename(temp, file).catch(async (error: unknown) => {
          await rm(temp, { force: true });
          throw error;
        });
        await prune(options.dir, maxEntries);
      } catch {
        // A cache that cannot be written costs the next run its time, nothing else.
      }
    },
  };
}

async function prune(dir: string, maxEntries: number): Promise<void> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  if (names.length <= maxEntries) return;
  const entries = await Promise.all(
    names.map(async (name) => ({
      file: path.join(dir, name),
      mtimeMs: (await stat(path.join(dir, name)).catch(() => ({ mtimeMs: 0 }))).mtimeMs,
    })),
  );
  entries.sort((a, b) => a.mtimeMs - b.mtimeMs || (a.file < b.file ? -1 : 1));
  await Promise.all(
    entries.slice(0, entries.length - maxEntries).map((e) => rm(e.file, { force: true })),
  );
}
