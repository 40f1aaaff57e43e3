import { availableParallelism } from 'node:os';
import type { Phase } from '../../core/phase.js';
import type { OptimizeOutput } from '../../core/phase-outputs.js';
import { isChangeNode } from '../../core/plan/execution-plan.js';
import { findPhaseSettings } from '../phase-settings.js';
import { requireUpstream } from '../shared/require-upstream.js';

/** Files edited per batch never exceed this; small batches keep memory flat. */
const MAX_BATCH = 64;
/** The test timeout when neither the run nor its history says otherwise: 10 minutes. */
export const DEFAULT_TEST_TIMEOUT_MS = 10 * 60_000;
const MIN_TEST_TIMEOUT_MS = 2 * 60_000;

/**
 * OPTIMIZE: picks parallelism, batch size and test timeout from the cores,
 * CLAUDE_CODE_PARALLELISM, memory pressure, the edit set and earlier runs — and says why.
 */
export function createOptimizePhase(): Phase<'optimize'> {
  return {
    name: 'optimize',
    async run(context, upstream) {
      const planned = requireUpstream(upstream, 'plan', 'OPTIMIZE').plan;
      const reasons: string[] = [];
      const editFiles = planned.data.dag.nodes.filter(isChangeNode).length;
      const cores = availableParallelism();
      let parallelism = Math.min(cores, context.parallelism);
      reasons.push(
        `${cores} cores and a parallelism limit of ${context.parallelism} (CLAUDE_CODE_PARALLELISM${context.parallelism < context.settings.parallelism ? ', halved under memory pressure' : ''}) allow ${parallelism}.`,
      );
      if (context.pressure?.isPressureHigh()) {
        parallelism = Math.max(1, Math.floor(parallelism / 2));
        reasons.push(`memory pressure is high: parallelism halved to ${parallelism}.`);
      }
      const batchSize = Math.max(1, Math.min(MAX_BATCH, Math.ceil(editFiles / parallelism)));
      parallelism = Math.max(1, Math.min(parallelism, Math.ceil(editFiles / batchSize)));
      reasons.push(`${editFiles} files to edit: ${parallelism} workers × batches of ${batchSize}.`);
      const summary = context.history?.summary({
        kind: planned.data.intent.kind,
        language: planned.data.language,
      });
      let testTimeoutMs = DEFAULT_TEST_TIMEOUT_MS;
      const median = summary?.medianTestDurationMs ?? null;
      const fixed = findPhaseSettings(context.options, 'execute').test_timeout_ms;
      if (fixed !== undefined) {
        testTimeoutMs = fixed;
        reasons.push(`the test timeout is set to ${fixed} ms (--test-timeout or the plan).`);
      } else if (summary && median !== null && median > 0) {
        testTimeoutMs = Math.max(MIN_TEST_TIMEOUT_MS, Math.round(median * 5));
        reasons.push(
          `${summary.runs} earlier runs: median test time ${median} ms, so the test timeout is ${testTimeoutMs} ms (5×, at least ${MIN_TEST_TIMEOUT_MS} ms).`,
        );
      } else {
        reasons.push(`no earlier runs of this kind: test timeout ${testTimeoutMs} ms.`);
      }
      const output: OptimizeOutput = { parallelism, batchSize, testTimeoutMs, reasons };
      return {
        success: true,
        output,
        data: { ...output },
        contextPack: ['# OPTIMIZE', ...reasons].join('\n'),
      };
    },
  };
}
