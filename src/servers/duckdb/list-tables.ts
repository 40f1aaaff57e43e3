import type { HistorySources } from './history-sources.js';
import { withSandbox } from './open-sandbox.js';

/** The `tables` reply: each table `query` reads, its row count and columns. */
export interface TablesResult {
  history: string;
  runsFolder: string;
  tables: Array<{ name: string; rows: number; columns: Array<{ name: string; type: string }> }>;
}

const TABLES = ['runs', 'phases', 'traces'] as const;

/** Describes the tables of the sandbox `query` runs in. */
export async function listTables(
  sources: HistorySources,
  signal: AbortSignal,
): Promise<TablesResult> {
  return withSandbox(sources, { traces: true, signal }, async (connection) => {
    const tables: TablesResult['tables'] = [];
    for (const name of TABLES) {
      const described = await connection.runAndReadAll(`DESCRIBE ${name}`);
      const columns = described
        .getRowObjectsJS()
        .map((row) => ({ name: String(row.column_name), type: String(row.column_type) }));
      const counted = await connection.runAndReadAll(`SELECT count(*) FROM ${name}`);
      tables.push({ name, rows: Number(counted.getRowsJS()[0]?.[0] ?? 0), columns });
    }
    return { history: sources.historyFile, runsFolder: sources.runsDir, tables };
  });
}
