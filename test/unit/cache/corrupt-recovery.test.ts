import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createRecordingLogger, createSlice, useCacheFixtures } from './cache-fixtures.js';

const fixtures = useCacheFixtures();

function asideFiles(dir: string): string[] {
  return readdirSync(dir).filter((name) => /^cache\.db\.corrupt-\d+$/.test(name));
}

describe('SliceCache corrupt file recovery', () => {
  it('moves a file that is not SQLite aside, warns, and starts an empty cache', async () => {
    const dir = fixtures.createDir();
    writeFileSync(path.join(dir, 'cache.db'), 'this is not a database '.repeat(200));
    const logger = createRecordingLogger();
    const cache = await fixtures.openCache({ dir, logger, now: () => 1_700_000_000_000 });

    expect(asideFiles(dir)).toEqual(['cache.db.corrupt-1700000000000']);
    expect(logger.warnings).toEqual([
      expect.stringMatching(/moved it to .*cache\.db\.corrupt-1700000000000/),
    ]);
    const { hash, data } = createSlice('after');
    await cache.store(hash, data);
    expect(await cache.retrieve(hash)).toEqual(data);
  });

  it('moves a foreign SQLite database aside instead of writing into it', async () => {
    const dir = fixtures.createDir();
    const foreign = new Database(path.join(dir, 'cache.db'));
    foreign.exec(
      'CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL); INSERT INTO invoices VALUES (1, 9.5);',
    );
    foreign.close();
    const logger = createRecordingLogger();
    const cache = await fixtures.openCache({ dir, logger });

    expect(asideFiles(dir)).toHaveLength(1);
    expect(logger.warnings[0]).toMatch(/not a slice cache/);
    const kept = new Database(path.join(dir, asideFiles(dir)[0] ?? ''), { readonly: true });
    expect(kept.prepare('SELECT total FROM invoices').pluck().get()).toBe(9.5);
    kept.close();
    expect(cache.getStats().databaseEntries).toBe(0);
  });

  it('recovers when damage shows only on a later read, answering a miss instead of failing', async () => {
    const dir = fixtures.createDir();
    const first = await fixtures.openCache({ dir });
    const slices = Array.from({ length: 200 }, (_, i) => createSlice(`page${i}`, 600));
    await first.storeMany(slices.map(({ hash, data }) => ({ sliceHash: hash, data })));
    await first.close();
    const file = path.join(dir, 'cache.db');
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xa5, pageSize * 2);
    writeFileSync(file, bytes);

    const logger = createRecordingLogger();
    const cache = await fixtures.openCache({ dir, logger });
    const [probe] = slices;
    expect(await cache.retrieve(probe?.hash ?? '')).toBeNull();
    expect(asideFiles(dir)).toHaveLength(1);
    expect(logger.warnings.join('\n')).toMatch(/damaged|unreadable/);
    await cache.store(probe?.hash ?? '', probe?.data ?? { file: '', content: '' });
    expect(await cache.retrieve(probe?.hash ?? '')).toEqual(probe?.data);
  });
});
