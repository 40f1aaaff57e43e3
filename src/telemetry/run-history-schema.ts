import type { DuckDBConnection } from '@duckdb/node-api';
import type { RunRecord } from './run-record.js';

/** The history's layout version, kept in table `meta`. */
export const HISTORY_SCHEMA_VERSION = 1;

export { HISTORY_SCHEMA } from '../core/history-tables.js';

const INSERT_RUN = `INSERT OR REPLACE INTO runs VALUES (
  $1::VARCHAR, $2::TIMESTAMPTZ, $3::VARCHAR, $4::VARCHAR, $5::VARCHAR, $6::BOOLEAN, $7::VARCHAR,
  $8::DOUBLE, $9::INTEGER, $10::INTEGER, $11::INTEGER, $12::INTEGER, $13::DOUBLE, $14::DOUBLE,
  $15::VARCHAR, $16::DOUBLE, $17::INTEGER, $18::INTEGER, $19::INTEGER, $20::JSON)`;
const INSERT_PHASE = `INSERT INTO phases VALUES (
  $1::VARCHAR, $2::INTEGER, $3::VARCHAR, $4::BOOLEAN, $5::DOUBLE, $6::INTEGER, $7::INTEGER)`;

/**
 * The phases of a record: its `phases` list, or (rows from before the DuckDB history) one per
 * entry of `phaseDurations`, with tokens and retries unknown (0).
 */
function phasesOf(record: RunRecord): NonNullable<RunRecord['phases']> {
  return (
    record.phases ??
    Object.entries(record.phaseDurations).map(([phase, durationMs]) => ({
      phase,
      success: true,
      durationMs,
      tokenCount: 0,
      retries: 0,
    }))
  );
}

/** Writes (or replaces) the rows of `records` in one transaction. */
export async function insertRecords(
  connection: DuckDBConnection,
  records: readonly RunRecord[],
): Promise<void> {
  await connection.run('BEGIN TRANSACTION');
  try {
    for (const r of records) {
      await connection.run('DELETE FROM phases WHERE run_id = $1', [r.runId]);
      await connection.run(INSERT_RUN, [
        r.runId,
        new Date(r.createdAt).toISOString(),
        r.command,
        r.kind,
        r.language,
        r.success,
        r.errorCode ?? null,
        r.durationMs,
        r.fileCount,
        r.editCount,
        r.parallelism,
        r.batchSize,
        r.testDurationMs,
        r.prediction?.testDurationMs ?? null,
        r.prediction?.model ?? null,
        r.memoryPeakMb,
        r.totalTokens ?? null,
        r.cacheHits ?? null,
        r.cacheLookups ?? null,
        JSON.stringify(r),
      ]);
      for (const [seq, p] of phasesOf(r).entries()) {
        await connection.run(INSERT_PHASE, [
          r.runId,
          seq,
          p.phase,
          p.success,
          p.durationMs,
          p.tokenCount,
          p.retries,
        ]);
      }
    }
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => {});
    throw error;
  }
}
