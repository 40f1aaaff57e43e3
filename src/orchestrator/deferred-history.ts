import type { RunHistoryReader, RunHistorySummary } from '../core/history-services.js';
import type { RunHistory } from '../telemetry/run-history.js';
import type { RunRecord } from '../telemetry/run-record.js';

type OpenHistory = RunHistory & RunHistoryReader;

/** The run history as a run uses it: read by OPTIMIZE, written once the run is over. */
export interface DeferredHistory extends RunHistoryReader {
  /** Starts opening it now (idempotent), so it is ready when first read. */
  prepare(): void;
  record(run: RunRecord): Promise<void>;
  /** Closes it once opened; nothing when it never was. Safe to call twice. */
  close(): Promise<void>;
}

const NO_RUNS: RunHistorySummary = {
  runs: 0,
  successRate: null,
  medianTestDurationMs: null,
  medianDurationMs: null,
};

/**
 * The run history, opened on first use or on `prepare()` rather than with the run's services:
 * opening loads DuckDB (~0.2 s of CPU), which while the servers start competes with them for
 * the cores, and while LOGIC waits for its language server costs nothing. `open` resolves to
 * undefined when the history cannot be opened (it says why); it then reads as empty and
 * records nothing, as a run without a history did.
 */
export function deferHistory(open: () => Promise<OpenHistory | undefined>): DeferredHistory {
  let opening: Promise<OpenHistory | undefined> | undefined;
  const opened = (): Promise<OpenHistory | undefined> => {
    opening ??= open();
    return opening;
  };
  return {
    prepare() {
      void opened();
    },
    async samples(filter) {
      return (await (await opened())?.samples(filter)) ?? [];
    },
    async summary(filter) {
      return (await (await opened())?.summary(filter)) ?? NO_RUNS;
    },
    async record(run) {
      await (await opened())?.record(run);
    },
    async close() {
      (await opening)?.close();
    },
  };
}
