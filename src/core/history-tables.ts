/**
 * One row per run, one per phase: columns for what people and OPTIMIZE ask about, and the whole
 * validated record as JSON (`record`) for what the columns do not hold.
 */
export const HISTORY_SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS runs (
  run_id VARCHAR PRIMARY KEY,
  created_at TIMESTAMPTZ NOT NULL,
  command VARCHAR NOT NULL,
  kind VARCHAR NOT NULL,
  language VARCHAR NOT NULL,
  success BOOLEAN NOT NULL,
  error_code VARCHAR,
  duration_ms DOUBLE NOT NULL,
  file_count INTEGER NOT NULL,
  edit_count INTEGER NOT NULL,
  parallelism INTEGER NOT NULL,
  batch_size INTEGER NOT NULL,
  test_duration_ms DOUBLE,
  predicted_test_duration_ms DOUBLE,
  prediction_model VARCHAR,
  memory_peak_mb DOUBLE NOT NULL,
  total_tokens INTEGER,
  cache_hits INTEGER,
  cache_lookups INTEGER,
  record JSON NOT NULL
);
CREATE TABLE IF NOT EXISTS phases (
  run_id VARCHAR NOT NULL,
  seq INTEGER NOT NULL,
  phase VARCHAR NOT NULL,
  success BOOLEAN NOT NULL,
  duration_ms DOUBLE NOT NULL,
  token_count INTEGER NOT NULL,
  retries INTEGER NOT NULL,
  PRIMARY KEY (run_id, seq)
);
`;
