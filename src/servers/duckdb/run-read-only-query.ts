import { OrchestratorError, toErrorMessage } from '../../core/errors.js';
import type { HistorySources } from './history-sources.js';
import { withSandbox } from './open-sandbox.js';
import { toJsonRow } from './to-json-row.js';

// `require`, not `import`: from ESM Node would lex the CommonJS module and its re-exports first.
import duckdb = require('@duckdb/node-api');

const { StatementType } = duckdb;
type StatementType = duckdb.StatementType;

/** Limits of one query. */
export interface QueryLimits {
  /** Most rows returned; more set `truncated`. */
  maxRows: number;
  /** Wall-time limit of the whole call (attaching, loading traces, the query), in ms. */
  timeoutMs: number;
}

/** What a query returns. */
export interface QueryResult {
  columns: Array<{ name: string; type: string }>;
  rows: Array<Record<string, unknown>>;
  rowCount: number;
  truncated: boolean;
  elapsedMs: number;
}

const READ_STATEMENTS = new Set<StatementType>([StatementType.SELECT, StatementType.EXPLAIN]);

/**
 * Runs one read-only statement in a sandbox (see `withSandbox`). Refuses, with `BAD_INPUT`,
 * anything but one SELECT/EXPLAIN statement, SQL DuckDB rejects, and a call past `timeoutMs`
 * (the query is interrupted); `CANCELLED` when `signal` aborts.
 */
export async function runReadOnlyQuery(
  sources: HistorySources,
  sql: string,
  limits: QueryLimits,
  signal: AbortSignal,
): Promise<QueryResult> {
  const started = performance.now();
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(limits.timeoutMs)]);
  try {
    return await withSandbox(
      sources,
      { traces: /\btraces\b/i.test(sql), signal: deadline },
      async (connection) => {
        const stop = () => connection.interrupt();
        deadline.addEventListener('abort', stop, { once: true });
        try {
          deadline.throwIfAborted();
          const statements = await connection.extractStatements(sql);
          if (statements.count !== 1) {
            throw refused(`Send one SQL statement per query; this text has ${statements.count}.`);
          }
          const prepared = await statements.prepare(0).catch((error: unknown) => {
            // Binding failed (e.g. INSERT into a view): name a write by its first word.
            const keyword = firstKeyword(sql);
            throw READ_KEYWORDS.has(keyword) || keyword === '' ? error : writeRefused(keyword);
          });
          if (!READ_STATEMENTS.has(prepared.statementType)) {
            throw writeRefused(
              StatementType[prepared.statementType] ?? String(prepared.statementType),
            );
          }
          const reader = await prepared.streamAndReadUntil(limits.maxRows + 1);
          const names = reader.columnNames();
          const types = reader.columnTypes().map(String);
          const all = reader.getRowObjectsJS();
          const rows = all.slice(0, limits.maxRows).map(toJsonRow);
          return {
            columns: names.map((name, i) => ({ name, type: types[i] ?? 'UNKNOWN' })),
            rows,
            rowCount: rows.length,
            truncated: all.length > limits.maxRows,
            elapsedMs: Math.round(performance.now() - started),
          };
        } finally {
          deadline.removeEventListener('abort', stop);
        }
      },
    );
  } catch (error) {
    throw toQueryError(error, signal, limits);
  }
}

const READ_KEYWORDS = new Set([
  'SELECT',
  'WITH',
  'FROM',
  'VALUES',
  'TABLE',
  'DESCRIBE',
  'SHOW',
  'SUMMARIZE',
  'EXPLAIN',
  '(',
]);

/** The statement's first word, upper-cased, after comments and white space. */
function firstKeyword(sql: string): string {
  const text = sql.replace(/^(?:\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)*/, '');
  return text.startsWith('(') ? '(' : (/^[A-Za-z_]+/.exec(text)?.[0] ?? '').toUpperCase();
}

function writeRefused(kind: string): OrchestratorError {
  return refused(
    `The duckdb server is read-only: ${kind} statements are refused. Ask with SELECT (or WITH, FROM, DESCRIBE, SUMMARIZE, EXPLAIN).`,
    { statementType: kind },
  );
}

function refused(message: string, data: Record<string, unknown> = {}): OrchestratorError {
  return new OrchestratorError('BAD_INPUT', message, { data: { refused: true, ...data } });
}

function toQueryError(error: unknown, signal: AbortSignal, limits: QueryLimits): OrchestratorError {
  if (error instanceof OrchestratorError) return error;
  if (signal.aborted) {
    return new OrchestratorError('CANCELLED', 'The query was cancelled.', { cause: error });
  }
  const message = toErrorMessage(error);
  if (/INTERRUPT|TimeoutError|aborted/i.test(message) || error instanceof DOMException) {
    return new OrchestratorError(
      'BAD_INPUT',
      `The query ran past its ${limits.timeoutMs} ms limit and was stopped. Narrow it (a WHERE, a LIMIT, fewer traces).`,
      { data: { timeoutMs: limits.timeoutMs }, cause: error },
    );
  }
  return new OrchestratorError('BAD_INPUT', `DuckDB refused the query: ${message}`, {
    data: {},
    cause: error,
  });
}
