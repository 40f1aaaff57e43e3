import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  getDefaultEnvironment,
  StdioClientTransport,
} from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveHistorySources } from '../../../src/servers/duckdb/history-sources.js';
import { runReadOnlyQuery } from '../../../src/servers/duckdb/run-read-only-query.js';
import { openRunHistory } from '../../../src/telemetry/run-history.js';
import type { RunRecord } from '../../../src/telemetry/run-record.js';

const serverMain = fileURLToPath(new URL('../../../dist/servers/duckdb/main.js', import.meta.url));

interface QueryReply {
  columns: Array<{ name: string; type: string }>;
  rows: Array<Record<string, unknown>>;
  rowCount: number;
  truncated: boolean;
}

function record(i: number, overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    runId: `run-${i}`,
    command: `rename a${i} to b${i}`,
    kind: i % 2 === 0 ? 'rename' : 'make_async',
    language: 'python',
    success: i !== 3,
    durationMs: 1000 * i,
    fileCount: i,
    editCount: 2 * i,
    parallelism: 2,
    batchSize: 4,
    testDurationMs: 100 * i,
    phaseDurations: { map: 10 * i },
    memoryPeakMb: 80,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    ...overrides,
  };
}

const span = (runId: string, name: string, durationMs: number) =>
  JSON.stringify({
    traceId: `t-${runId}`,
    spanId: `${runId}-${name}`,
    parentSpanId: name === 'run' ? null : `${runId}-run`,
    name,
    startTime: '2026-01-01T00:00:00.000Z',
    durationMs,
    attributes: { 'phase.name': name },
    status: { code: 'OK' },
    events: [],
  });

describe('duckdb MCP server over stdio', () => {
  let root: string;
  let client: Client;

  const query = async (sql: string, maxRows?: number): Promise<QueryReply> => {
    const result = await client.callTool({
      name: 'query',
      arguments: maxRows === undefined ? { sql } : { sql, maxRows },
    });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    return result.structuredContent as unknown as QueryReply;
  };
  const refusal = async (sql: string): Promise<{ code: string; message: string }> => {
    const result = await client.callTool({ name: 'query', arguments: { sql } });
    expect(result.isError, `${sql} was not refused`).toBe(true);
    const [content] = result.content as Array<{ text: string }>;
    return JSON.parse(content?.text ?? '{}') as { code: string; message: string };
  };

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(path.join(tmpdir(), 'duckdb-server-')));
    mkdirSync(path.join(root, '.git'));
    const history = await openRunHistory(root);
    for (let i = 1; i <= 5; i += 1) await history.record(record(i));
    history.close();
    for (const runId of ['run-1', 'run-2']) {
      mkdirSync(path.join(root, '.mcp-orchestrator', 'runs', runId), { recursive: true });
      const lines = [span(runId, 'run', 50), span(runId, 'map', 20), span(runId, 'logic', 25)];
      // A last line cut short by a crash is skipped, not a failed query.
      const text = `${lines.join('\n')}\n${runId === 'run-2' ? '{"traceId": "t-' : ''}`;
      writeFileSync(path.join(root, '.mcp-orchestrator', 'runs', runId, 'trace.jsonl'), text);
    }
    client = new Client({ name: 'duckdb-test', version: '0.0.0' });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [serverMain, '--root', path.join(root)],
        env: getDefaultEnvironment(),
        stderr: 'pipe',
      }),
    );
  }, 30_000);

  afterAll(async () => {
    await client?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('lists the query and tables tools, both read-only', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['query', 'tables']);
    expect(tools.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);
  });

  it('answers SQL over the run history with numbers as numbers', async () => {
    const reply = await query(
      'SELECT kind, count(*) AS runs, avg(success::INT) AS success_rate, sum(edit_count) AS edits FROM runs GROUP BY kind ORDER BY kind',
    );
    expect(reply.columns.map((c) => c.name)).toEqual(['kind', 'runs', 'success_rate', 'edits']);
    expect(reply.rows).toEqual([
      { kind: 'make_async', runs: 3, success_rate: 2 / 3, edits: 18 },
      { kind: 'rename', runs: 2, success_rate: 1, edits: 12 },
    ]);
    const phases = await query(
      "SELECT run_id, duration_ms FROM phases WHERE phase = 'map' ORDER BY run_id",
    );
    expect(phases.rows.map((r) => r.duration_ms)).toEqual([10, 20, 30, 40, 50]);
  });

  it("reads the run folders' traces, joined to the runs they belong to", async () => {
    const reply = await query(
      `SELECT t.run_id, count(*) AS spans, max(t.durationMs) AS longest, any_value(r.command) AS command
       FROM traces t JOIN runs r USING (run_id) GROUP BY t.run_id ORDER BY t.run_id`,
    );
    expect(reply.rows).toEqual([
      { run_id: 'run-1', spans: 3, longest: 50, command: 'rename a1 to b1' },
      { run_id: 'run-2', spans: 3, longest: 50, command: 'rename a2 to b2' },
    ]);
    const attribute = await query(
      "SELECT attributes->>'phase.name' AS phase FROM traces WHERE parentSpanId IS NOT NULL ORDER BY phase LIMIT 1",
    );
    expect(attribute.rows).toEqual([{ phase: 'logic' }]);
  });

  it('stops at the row limit and says the result was truncated', async () => {
    const capped = await query('SELECT * FROM range(5000) r(n)', 3);
    expect(capped).toMatchObject({
      rowCount: 3,
      truncated: true,
      rows: [{ n: 0 }, { n: 1 }, { n: 2 }],
    });
    const whole = await query('SELECT run_id FROM runs');
    expect(whole).toMatchObject({ rowCount: 5, truncated: false });
  });

  it('refuses writes, settings, files and more than one statement, and leaves the history as it was', async () => {
    for (const sql of [
      "INSERT INTO runs (run_id) VALUES ('x')",
      'DELETE FROM history.runs',
      'DROP TABLE phases',
      'CREATE TABLE t AS SELECT 1',
      'UPDATE history.runs SET success = false',
      'SET enable_external_access = true',
      "ATTACH '/tmp/other.duckdb' AS other",
      "COPY (SELECT 1) TO '/tmp/out.csv'",
    ]) {
      const error = await refusal(sql);
      expect(error.code, sql).toBe('BAD_INPUT');
      expect(error.message, sql).toMatch(/read-only: [A-Z_]+ statements are refused/);
    }
    const files = await refusal("SELECT * FROM read_csv('/etc/passwd')");
    expect(files.message).toMatch(/file system operations are disabled/);
    const many = await refusal('SELECT 1; DROP TABLE runs');
    expect(many.message).toContain('one SQL statement per query; this text has 2');
    const bad = await refusal('SELECT nope FROM runs');
    expect(bad.message).toMatch(/^DuckDB refused the query: .*nope/s);
    expect((await query('SELECT count(*) AS n FROM runs WHERE success')).rows).toEqual([{ n: 4 }]);
  });

  it('describes its tables and their row counts', async () => {
    const result = await client.callTool({ name: 'tables', arguments: {} });
    expect(result.isError).toBeFalsy();
    const reply = result.structuredContent as {
      history: string;
      tables: Array<{ name: string; rows: number; columns: Array<{ name: string }> }>;
    };
    expect(reply.history).toBe(path.join(root, '.mcp-orchestrator', 'history.duckdb'));
    expect(reply.tables.map((t) => [t.name, t.rows])).toEqual([
      ['runs', 5],
      ['phases', 5],
      ['traces', 6],
    ]);
    expect(reply.tables[0]?.columns.map((c) => c.name)).toContain('predicted_test_duration_ms');
  });

  it('does not hold the history file between queries, so a run can record', async () => {
    const history = await openRunHistory(root, { lockWaitMs: 0 });
    await history.record(record(6));
    history.close();
    expect((await query('SELECT count(*) AS n FROM runs')).rows).toEqual([{ n: 6 }]);
  });
});

describe('runReadOnlyQuery time limit', () => {
  it('interrupts a query past its time limit and says so', async () => {
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'duckdb-timeout-')));
    try {
      const started = performance.now();
      const error = await runReadOnlyQuery(
        resolveHistorySources(root),
        'SELECT count(*) FROM range(100000000000) a',
        { maxRows: 10, timeoutMs: 300 },
        new AbortController().signal,
      ).catch((e: unknown) => e);
      expect(error).toMatchObject({
        code: 'BAD_INPUT',
        message: expect.stringContaining('ran past its 300 ms limit'),
      });
      expect(performance.now() - started).toBeLessThan(5000);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
