import type { OptimizeSection } from '../../core/plan/optimize-section-schema.js';
import {
  type DurationModel,
  fitDurationModel,
  predictMemoryMb,
  predictTestMs,
  workersVaried,
} from './duration-model.js';
import { toTestRunner } from './test-runner.js';

/** Files edited per batch never exceed this; small batches keep memory flat. */
const MAX_BATCH = 64;
/** The test timeout when neither the run nor its history says otherwise: 10 minutes. */
export const DEFAULT_TEST_TIMEOUT_MS = 10 * 60_000;
const MIN_TEST_TIMEOUT_MS = 2 * 60_000;
/** The timeout is this many times the predicted (or median) test time. */
const TIMEOUT_FACTOR = 5;

/**
 * OPTIMIZE's decision, a pure function of its inputs and the plan's test command: the worker
 * count that minimises the predicted test time while the predicted peak memory stays under
 * `memoryThreshold × memoryLimitMb` (today's rule — the cores and CLAUDE_CODE_PARALLELISM,
 * halved under memory pressure — while the history cannot tell), the batch size, the timeout,
 * and the test command with fail-fast and the tests that reach the change first, where the
 * runner allows them.
 */
export function chooseExecution(
  inputs: OptimizeSection['inputs'],
  testCommand: readonly string[],
): OptimizeSection {
  const reasons: string[] = [];
  const runner = toTestRunner(testCommand, inputs.testScripts);
  const model = fitDurationModel(inputs.history);
  let ruleWorkers = Math.min(inputs.cores, inputs.parallelismLimit);
  reasons.push(
    `${inputs.cores} cores and a parallelism limit of ${inputs.parallelismLimit} allow ${ruleWorkers} workers.`,
  );
  if (inputs.pressureHigh) {
    ruleWorkers = Math.max(1, Math.floor(ruleWorkers / 2));
    reasons.push(`memory pressure is high: at most ${ruleWorkers} workers.`);
  }
  const budgetMb = Math.floor(inputs.memoryThreshold * inputs.memoryLimitMb);
  const at = (workers: number) => ({
    files: inputs.fileCount,
    edits: inputs.editCount,
    workers,
  });
  let parallelism = 1;
  if (runner.workersFlag === null) {
    reasons.push(`${runner.name} takes no worker count here: the tests run as one process.`);
  } else if (model.kind === 'linear' && workersVaried(inputs.history)) {
    parallelism = bestWorkers(model, ruleWorkers, budgetMb, at);
    reasons.push(
      `${model.runs} earlier runs fit test time ${describeFit(model)}; ${parallelism} workers (${runner.workersFlag}) minimise it within ${budgetMb} MB.`,
    );
  } else {
    parallelism = ruleWorkers;
    reasons.push(
      model.kind === 'rules'
        ? `no earlier runs of this kind and language: ${parallelism} workers (${runner.workersFlag}), the rule.`
        : `the ${model.runs} earlier runs all used one worker count, so they cannot tell what workers do: ${parallelism} (${runner.workersFlag}), the rule.`,
    );
  }
  const batchSize = Math.max(1, Math.min(MAX_BATCH, Math.ceil(inputs.fileCount / ruleWorkers)));
  reasons.push(`${inputs.fileCount} files to edit, in batches of ${batchSize}.`);
  const first = runner.ordersTests ? inputs.testsFirst : [];
  const command = runner.toCommand({ workers: parallelism, first });
  reasons.push(describeOrder(runner, inputs.testsFirst.length, first.length));
  const testDurationMs = predictTestMs(model, at(parallelism));
  const memoryPeakMb = predictMemoryMb(model, parallelism);
  const testTimeoutMs = chooseTimeout(inputs.fixedTestTimeoutMs, testDurationMs, model, reasons);
  return {
    inputs,
    runner: {
      name: runner.name,
      workersFlag: runner.workersFlag,
      failFastFlag: runner.failFastFlag,
      ordersTests: runner.ordersTests,
    },
    model,
    choice: { parallelism, batchSize, testTimeoutMs, testCommand: command },
    prediction: { testDurationMs, memoryPeakMb },
    reasons,
  };
}

/** The worker count in 1..max with the least predicted test time that fits the memory budget. */
function bestWorkers(
  model: DurationModel,
  max: number,
  budgetMb: number,
  at: (workers: number) => { files: number; edits: number; workers: number },
): number {
  let best = 1;
  let bestMs = Number.POSITIVE_INFINITY;
  for (let workers = 1; workers <= max; workers += 1) {
    const memory = predictMemoryMb(model, workers) ?? 0;
    if (workers > 1 && memory > budgetMb) break;
    const ms = predictTestMs(model, at(workers)) ?? 0;
    if (ms < bestMs) {
      best = workers;
      bestMs = ms;
    }
  }
  return best;
}

function describeFit(model: DurationModel): string {
  const c = model.testMs;
  if (c === null) return '';
  return `as ${c.intercept} + ${c.perFile}·files + ${c.perEdit}·edits + ${c.perInverseWorker}/workers ms`;
}

function describeOrder(
  runner: ReturnType<typeof toTestRunner>,
  reaching: number,
  first: number,
): string {
  const stop =
    runner.failFastFlag === null
      ? `${runner.name} cannot stop at the first failure`
      : `${runner.failFastFlag} stops at the first failure`;
  if (first > 0) return `${stop}; the ${first} test files that reach the change run first.`;
  if (reaching === 0) return `${stop}; no test file reaches the change.`;
  return `${stop}; ${runner.name} cannot run the ${reaching} test files that reach the change first.`;
}

function chooseTimeout(
  fixed: number | null,
  predictedMs: number | null,
  model: DurationModel,
  reasons: string[],
): number {
  if (fixed !== null) {
    reasons.push(`the test timeout is set to ${fixed} ms (--test-timeout or the plan).`);
    return fixed;
  }
  if (predictedMs !== null && predictedMs > 0) {
    const timeout = Math.max(MIN_TEST_TIMEOUT_MS, predictedMs * TIMEOUT_FACTOR);
    reasons.push(
      `predicted test time ${predictedMs} ms (${model.kind}, ${model.runs} runs): test timeout ${timeout} ms (${TIMEOUT_FACTOR}×, at least ${MIN_TEST_TIMEOUT_MS} ms).`,
    );
    return timeout;
  }
  reasons.push(`no earlier test times: test timeout ${DEFAULT_TEST_TIMEOUT_MS} ms.`);
  return DEFAULT_TEST_TIMEOUT_MS;
}
