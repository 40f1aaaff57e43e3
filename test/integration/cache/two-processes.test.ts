import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { SliceCache } from '../../../src/index.js';
import { transpileCacheModule } from './transpile-cache.js';

const run = promisify(execFile);
const WRITER = path.resolve(import.meta.dirname, '../../fixtures/cache/write-slices.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'slice-cache-processes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');

describe('SliceCache shared by processes', () => {
  it('keeps every slice when two processes write to one cache file at the same time', async () => {
    const moduleUrl = transpileCacheModule(path.join(work, 'module'));
    const dir = path.join(work, 'cache');
    const count = 400;
    const startAt = String(Date.now() + 2000);
    const results = await Promise.all(
      ['alpha', 'beta'].map((prefix) =>
        run(process.execPath, [WRITER, moduleUrl, dir, prefix, String(count), startAt], {
          timeout: 60_000,
        }),
      ),
    );
    const reports = results.map(
      ({ stdout }) =>
        JSON.parse(stdout) as { prefix: string; top: string; startedAt: number; endedAt: number },
    );
    expect(reports.map((report) => report.prefix)).toEqual(['alpha', 'beta']);
    const [alpha, beta] = reports;
    // The two writers' time windows overlap: they really wrote at the same time.
    expect(Math.max(alpha?.startedAt ?? 0, beta?.startedAt ?? 0)).toBeLessThan(
      Math.min(alpha?.endedAt ?? 0, beta?.endedAt ?? 0),
    );
    expect(alpha?.top).toBe(sha1('alpha slice 0'));

    const cache = new SliceCache({ dir, dimensions: 8, env: {} });
    await cache.initialize();
    try {
      expect(cache.getStats().databaseEntries).toBe(2 * count);
      for (const prefix of ['alpha', 'beta']) {
        for (const i of [0, 1, 199, 399]) {
          const content = `${prefix} slice ${i}`;
          expect(await cache.retrieve(sha1(content))).toMatchObject({
            file: `${prefix}.py`,
            content,
          });
        }
      }
      expect(cache.vectorIndexStatus().vectors).toBe(0);
      expect(cache.loadVectors().vectors).toBe(2 * count);
    } finally {
      await cache.close();
    }
  });
});
