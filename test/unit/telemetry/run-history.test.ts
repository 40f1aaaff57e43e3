import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../src/core/errors.js';
import { openRunHistory, type RunHistory } from '../../../src/telemetry/run-history.js';
import type { RunRecord } from '../../../src/telemetry/run-record.js';

const dirs: string[] = [];
const open: RunHistory[] = [];
afterEach(async () => {
  for (const history of open.splice(0)) history.close();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function workspace(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mcpo-history-'));
  dirs.push(dir);
  return dir;
}

function history(dir: string): RunHistory {
  const h = openRunHistory(dir);
  open.push(h);
  return h;
}

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

describe('openRunHistory', () => {
  it('creates .mcp-orchestrator/history.db in WAL mode and reads runs back, newest first', async () => {
    const dir = await workspace();
    const h = history(dir);
    expect(h.path).toBe(path.join(dir, '.mcp-orchestrator', 'history.db'));
    const first = run();
    const second = run({ success: false, testDurationMs: null });
    h.record(first);
    h.record(second);
    expect(h.recent()).toEqual([second, first]);
    expect(existsSync(`${h.path}-wal`)).toBe(true);
  });

  it('keeps runs across reopening', async () => {
    const dir = await workspace();
    const first = history(dir);
    const record = run();
    first.record(record);
    first.close();
    expect(history(dir).recent()).toEqual([record]);
  });

  it('filters by kind and language and honours the limit', async () => {
    const h = history(await workspace());
    const ts = [run(), run(), run()];
    const py = run({ language: 'python' });
    const async = run({ kind: 'make-async' });
    for (const r of [...ts, py, async]) h.record(r);
    expect(h.recent({ kind: 'rename', language: 'typescript' })).toEqual([ts[2], ts[1], ts[0]]);
    expect(h.recent({ language: 'python' })).toEqual([py]);
    expect(h.recent({ kind: 'make-async' })).toEqual([async]);
    expect(h.recent({ kind: 'rename', limit: 2 })).toEqual([py, ts[2]]);
  });

  it('replaces a run recorded twice under the same id', async () => {
    const h = history(await workspace());
    const r = run();
    h.record(r);
    h.record({ ...r, success: false });
    expect(h.recent()).toEqual([{ ...r, success: false }]);
  });

  it('rejects an invalid run with CACHE_INVALID_INPUT', async () => {
    const h = history(await workspace());
    expect(() => h.record(run({ durationMs: -1 }))).toThrow(/cannot be stored/);
    try {
      h.record(run({ createdAt: 'yesterday' }));
    } catch (error) {
      expect(isOrchestratorError(error, 'CACHE_INVALID_INPUT')).toBe(true);
    }
    expect(h.recent()).toEqual([]);
  });

  it('summarises success rate, median test duration, median and p95 duration', async () => {
    const h = history(await workspace());
    const durations = [100, 200, 300, 400, 500, 600, 700, 800, 900, 10_000];
    durations.forEach((durationMs, i) => {
      h.record(
        run({
          durationMs,
          success: i % 4 !== 0,
          testDurationMs: i < 3 ? null : i * 10,
        }),
      );
    });
    h.record(run({ language: 'python', durationMs: 1 }));
    expect(h.summary({ kind: 'rename', language: 'typescript' })).toEqual({
      runs: 10,
      successRate: 0.7,
      medianTestDurationMs: 60,
      medianDurationMs: 550,
      p95DurationMs: 10_000,
    });
  });

  it('summarises no runs as zero runs and null figures', async () => {
    expect(history(await workspace()).summary({ kind: 'rename' })).toEqual({
      runs: 0,
      successRate: null,
      medianTestDurationMs: null,
      medianDurationMs: null,
      p95DurationMs: null,
    });
  });

  it('moves a corrupt file aside and starts a new history', async () => {
    const dir = await workspace();
    const file = path.join(dir, '.mcp-orchestrator', 'history.db');
    history(dir).close();
    open.splice(0);
    writeFileSync(file, 'this is not a sqlite database, just some garbage bytes '.repeat(100));
    const h = history(dir);
    expect(h.movedAside).not.toBeNull();
    expect(existsSync(h.movedAside ?? '')).toBe(true);
    expect(
      readdirSync(path.dirname(file)).some((name) => name.startsWith('history.db.corrupt-')),
    ).toBe(true);
    h.record(run());
    expect(h.recent()).toHaveLength(1);
  });

  it('warns its logger, naming the file and where it went, when it moves a corrupt file aside', async () => {
    const dir = await workspace();
    const file = path.join(dir, '.mcp-orchestrator', 'history.db');
    history(dir).close();
    open.splice(0);
    writeFileSync(file, 'not a database '.repeat(200));
    const warnings: string[] = [];
    const h = openRunHistory(dir, { logger: { warn: (message) => warnings.push(message) } });
    open.push(h);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(file);
    expect(warnings[0]).toContain(`moved it to ${h.movedAside}`);
    expect(existsSync(h.movedAside ?? '')).toBe(true);
    h.close();
    open.splice(0);
    const quiet: string[] = [];
    open.push(openRunHistory(dir, { logger: { warn: (message) => quiet.push(message) } }));
    expect(quiet).toEqual([]);
  });

  it('skips stored rows that no longer validate', async () => {
    const dir = await workspace();
    const h = history(dir);
    const good = run();
    h.record(good);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(h.path);
    raw
      .prepare(
        "INSERT INTO runs VALUES ('bad', '2030-01-01T00:00:00.000Z', 'rename', 'typescript', '{\"runId\":1}')",
      )
      .run();
    raw.close();
    expect(h.recent()).toEqual([good]);
    expect(h.summary().runs).toBe(1);
  });

  it('can be closed twice, and refuses use after close', async () => {
    const h = history(await workspace());
    h.close();
    h.close();
    expect(() => h.recent()).toThrow(/closed/);
  });
});
