import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { openRunHistory, type RunHistory } from '../../../src/telemetry/run-history.js';
import type { RunRecord } from '../../../src/telemetry/run-record.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mcpo-history-'));
  dirs.push(dir);
  return dir;
}

const history = (dir: string): Promise<RunHistory> => openRunHistory(dir);

let counter = 0;
function run(overrides: Partial<RunRecord> = {}): RunRecord {
  counter += 1;
  return {
    runId: `run-${counter}`,
    command: 'rename a to b',
    kind: 'rename',
    language: 'typescript',
    success: true,
    durationMs: 1000,
    fileCount: 3,
    editCount: 5,
    parallelism: 4,
    batchSize: 8,
    testDurationMs: 500,
    phaseDurations: { map: 100, logic: 200 },
    memoryPeakMb: 120.5,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString(),
    ...overrides,
  };
}

/** A history.db as the SQLite run history of earlier versions wrote it. */
function writeLegacyHistory(file: string, rows: unknown[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(
    'CREATE TABLE runs (run_id TEXT PRIMARY KEY, created_at TEXT NOT NULL, kind TEXT NOT NULL, language TEXT NOT NULL, record TEXT NOT NULL)',
  );
  const insert = db.prepare('INSERT INTO runs VALUES (?, ?, ?, ?, ?)');
  for (const [i, row] of rows.entries()) {
    const r = row as Partial<RunRecord>;
    insert.run(
      r.runId ?? `bad-${i}`,
      r.createdAt ?? '2026-01-01T00:00:00.000Z',
      'rename',
      'typescript',
      JSON.stringify(row),
    );
  }
  db.pragma('user_version = 1');
  db.close();
}

async function query(file: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const connection = await instance.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('openRunHistory (DuckDB)', () => {
  it('creates .mcp-orchestrator/history.duckdb and reads runs back, newest first', async () => {
    const dir = await workspace();
    const h = await history(dir);
    expect(h.path).toBe(path.join(dir, '.mcp-orchestrator', 'history.duckdb'));
    const first = run();
    const second = run({ success: false, testDurationMs: null, errorCode: 'TESTS_FAILED' });
    await h.record(first);
    await h.record(second);
    expect(await h.recent()).toEqual([second, first]);
  });

  it('keeps a row per run and per phase in columns SQL can ask about', async () => {
    const dir = await workspace();
    const h = await history(dir);
    await h.record(
      run({
        totalTokens: 900,
        cacheHits: 3,
        cacheLookups: 4,
        prediction: { model: 'linear', testDurationMs: 450, runs: 6 },
        phases: [
          { phase: 'map', success: true, durationMs: 100, tokenCount: 400, retries: 0 },
          { phase: 'logic', success: true, durationMs: 200, tokenCount: 500, retries: 1 },
        ],
      }),
    );
    await h.record(run()); // no phases list: one phase row per phaseDurations entry
    expect(
      await query(
        h.path,
        'SELECT total_tokens, cache_hits, cache_lookups, predicted_test_duration_ms, prediction_model, test_duration_ms FROM runs ORDER BY created_at LIMIT 1',
      ),
    ).toEqual([
      {
        total_tokens: 900,
        cache_hits: 3,
        cache_lookups: 4,
        predicted_test_duration_ms: 450,
        prediction_model: 'linear',
        test_duration_ms: 500,
      },
    ]);
    expect(
      await query(h.path, 'SELECT phase, token_count, retries FROM phases ORDER BY run_id, seq'),
    ).toEqual([
      { phase: 'map', token_count: 400, retries: 0 },
      { phase: 'logic', token_count: 500, retries: 1 },
      { phase: 'map', token_count: 0, retries: 0 },
      { phase: 'logic', token_count: 0, retries: 0 },
    ]);
  });

  it('keeps runs across reopening, and does not hold the file between operations', async () => {
    const dir = await workspace();
    const first = await history(dir);
    const record = run();
    await first.record(record);
    // Another process could open it read-only now: nothing holds the lock.
    expect(await query(first.path, 'SELECT count(*)::INTEGER AS n FROM runs')).toEqual([{ n: 1 }]);
    expect(await (await history(dir)).recent()).toEqual([record]);
  });

  it('filters by kind and language and honours the limit', async () => {
    const h = await history(await workspace());
    const ts = [run(), run(), run()];
    const py = run({ language: 'python' });
    const async = run({ kind: 'make-async' });
    for (const r of [...ts, py, async]) await h.record(r);
    expect(await h.recent({ kind: 'rename', language: 'typescript' })).toEqual([
      ts[2],
      ts[1],
      ts[0],
    ]);
    expect(await h.recent({ language: 'python' })).toEqual([py]);
    expect(await h.recent({ kind: 'make-async' })).toEqual([async]);
    expect(await h.recent({ kind: 'rename', limit: 2 })).toEqual([py, ts[2]]);
    expect(await h.samples({ kind: 'rename', language: 'python' })).toEqual([
      {
        success: true,
        fileCount: 3,
        editCount: 5,
        parallelism: 4,
        testDurationMs: 500,
        memoryPeakMb: 120.5,
      },
    ]);
  });

  it('replaces a run recorded twice under the same id, phases included', async () => {
    const h = await history(await workspace());
    const r = run();
    await h.record(r);
    await h.record({ ...r, success: false });
    expect(await h.recent()).toEqual([{ ...r, success: false }]);
    expect(await query(h.path, 'SELECT count(*)::INTEGER AS n FROM phases')).toEqual([{ n: 2 }]);
  });

  it('rejects an invalid run with CACHE_INVALID_INPUT', async () => {
    const h = await history(await workspace());
    await expect(h.record(run({ durationMs: -1 }))).rejects.toThrow(/cannot be stored/);
    const error = await h.record(run({ createdAt: 'yesterday' })).catch((e: unknown) => e);
    expect(isOrchestratorError(error, 'CACHE_INVALID_INPUT')).toBe(true);
    expect(await h.recent()).toEqual([]);
  });

  it('summarises success rate, median test duration, median and p95 duration', async () => {
    const h = await history(await workspace());
    const durations = [100, 200, 300, 400, 500, 600, 700, 800, 900, 10_000];
    for (const [i, durationMs] of durations.entries()) {
      await h.record(
        run({ durationMs, success: i % 4 !== 0, testDurationMs: i < 3 ? null : i * 10 }),
      );
    }
    await h.record(run({ language: 'python', durationMs: 1 }));
    expect(await h.summary({ kind: 'rename', language: 'typescript' })).toEqual({
      runs: 10,
      successRate: 0.7,
      medianTestDurationMs: 60,
      medianDurationMs: 550,
      p95DurationMs: 10_000,
    });
  });

  it('moves a file that is not a DuckDB database aside, warns, and starts a new history', async () => {
    const dir = await workspace();
    const file = path.join(dir, '.mcp-orchestrator', 'history.duckdb');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'this is not a database, just some garbage bytes '.repeat(200));
    const warnings: string[] = [];
    const h = await openRunHistory(dir, { logger: { warn: (m) => warnings.push(m) } });
    expect(h.movedAside).not.toBeNull();
    expect(existsSync(h.movedAside ?? '')).toBe(true);
    expect(
      readdirSync(path.dirname(file)).some((n) => n.startsWith('history.duckdb.corrupt-')),
    ).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`moved it to ${h.movedAside}`);
    await h.record(run());
    expect(await h.recent()).toHaveLength(1);
    const quiet: string[] = [];
    await openRunHistory(dir, { logger: { warn: (m) => quiet.push(m) } });
    expect(quiet).toEqual([]);
  });

  it('migrates an earlier SQLite history.db once, then renames it', async () => {
    const dir = await workspace();
    const legacy = path.join(dir, '.mcp-orchestrator', 'history.db');
    const old = [run(), run({ success: false, testDurationMs: null })];
    writeLegacyHistory(legacy, [...old, { runId: 'bad', durationMs: 'long' }]);
    const h = await history(dir);
    expect(h.migrated).toEqual({
      from: legacy,
      movedTo: `${legacy}.migrated`,
      runs: 2,
      skipped: 1,
    });
    expect(existsSync(legacy)).toBe(false);
    expect(existsSync(`${legacy}.migrated`)).toBe(true);
    expect(await h.recent()).toEqual([old[1], old[0]]);
    // Once: a second open finds nothing to migrate and keeps the rows.
    const again = await history(dir);
    expect(again.migrated).toBeNull();
    expect(await again.recent()).toHaveLength(2);
  });

  it('sets an unreadable history.db aside once, with a warning, and opens anyway', async () => {
    const dir = await workspace();
    const legacy = path.join(dir, '.mcp-orchestrator', 'history.db');
    mkdirSync(path.dirname(legacy), { recursive: true });
    writeFileSync(legacy, 'not sqlite '.repeat(300));
    const warnings: string[] = [];
    const h = await openRunHistory(dir, { logger: { warn: (m) => warnings.push(m) } });
    expect(h.migrated).toBeNull();
    expect(existsSync(legacy)).toBe(false);
    expect(warnings).toEqual([
      expect.stringMatching(/history\.db was unreadable .*; moved it to \S+history\.db\.corrupt-/),
    ]);
    expect(await h.recent()).toEqual([]);
    const again: string[] = [];
    await openRunHistory(dir, { logger: { warn: (m) => again.push(m) } });
    expect(again).toEqual([]);
  });

  it('skips stored rows that no longer validate', async () => {
    const h = await history(await workspace());
    const good = run();
    await h.record(good);
    const instance = await DuckDBInstance.create(h.path);
    const connection = await instance.connect();
    await connection.run(
      `INSERT INTO runs (run_id, created_at, command, kind, language, success, duration_ms, file_count, edit_count, parallelism, batch_size, memory_peak_mb, record)
       VALUES ('bad', '2030-01-01T00:00:00Z', 'x', 'rename', 'typescript', true, 1, 1, 1, 1, 1, 1, '{"runId":1}')`,
    );
    connection.closeSync();
    instance.closeSync();
    expect(await h.recent()).toEqual([good]);
    expect((await h.summary()).runs).toBe(1);
  });

  it('can be closed twice, and refuses use after close', async () => {
    const h = await history(await workspace());
    h.close();
    h.close();
    await expect(h.recent()).rejects.toThrow(/closed/);
  });
});
