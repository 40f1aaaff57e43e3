/** File names of the run history inside a workspace's `.mcp-orchestrator/` folder. */

/** The run history (DuckDB): tables `runs` and `phases`. */
export const HISTORY_FILE_NAME = 'history.duckdb';

/** The SQLite run history of earlier versions, migrated once into {@link HISTORY_FILE_NAME}. */
export const LEGACY_HISTORY_FILE_NAME = 'history.db';

/** What a migrated SQLite history is renamed to, so it is migrated only once. */
export const MIGRATED_SUFFIX = '.migrated';
