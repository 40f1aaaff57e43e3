import { isOrchestratorError, OrchestratorError, toErrorMessage } from '../errors.js';
import type { Backoff, Phase, PhaseContext, PhaseOutcome, PhaseResult } from '../phase.js';
import type { SpanRunner, TokenCounter } from '../services.js';
import { guardMemoryPressure } from './guard-memory-pressure.js';
import { waitForBackoff } from './wait-for-backoff.js';

/** How the runner treats every phase. */
export interface PipelineOptions {
  /** Retries per phase after the first attempt. @default 3 */
  maxRetries: number;
  /** First backoff delay in ms; doubles each retry. @default 200 */
  baseBackoffMs: number;
  tokens: TokenCounter;
  spans: SpanRunner;
  /** Called with each phase's (possibly trimmed) context pack, e.g. to save it. */
  onContextPack?: (phase: string, text: string) => Promise<void>;
  onPhaseStart?: (phase: string) => void;
  onPhaseEnd?: (result: PhaseResult) => void;
}

/**
 * Runs phases in order and stops at the first failure. Never throws: a fault, a bug or a
 * cancellation becomes the failed phase's result (code `CANCELLED` for an abort), so the
 * results of the phases before it are kept.
 */
export async function runPipeline(
  phases: readonly Phase[],
  context: PhaseContext,
  options: PipelineOptions,
): Promise<PhaseResult[]> {
  const results: PhaseResult[] = [];
  let runTokens = 0;
  for (const phase of phases) {
    if (context.signal.aborted) {
      results.push(toFailedResult(phase.name, 0, 0, cancelled(context.signal), [], []));
      break;
    }
    options.onPhaseStart?.(phase.name);
    const result = await runOnePhase(
      phase,
      context,
      options,
      context.settings.runTokenBudget - runTokens,
    );
    runTokens += result.tokenCount;
    results.push(result);
    options.onPhaseEnd?.(result);
    if (!result.success) break;
  }
  return results;
}

async function runOnePhase(
  phase: Phase,
  context: PhaseContext,
  options: PipelineOptions,
  runTokensLeft: number,
): Promise<PhaseResult> {
  const started = performance.now();
  const warnings: string[] = [];
  const warn = context.warn;
  context.warn = (message) => {
    warnings.push(message);
    warn(message);
  };
  const backoffs: Backoff[] = [];
  const reconnectsBefore = context.tools.reconnectCount();
  let attempt = 0;
  try {
    for (;;) {
      const backoff = await guardMemoryPressure(context);
      if (backoff) backoffs.push(backoff);
      try {
        const outcome = await options.spans.withSpan(
          `phase.${phase.name}`,
          { phase: phase.name, attempt },
          () => runAttempt(phase, context),
        );
        const budget = Math.max(0, Math.min(context.settings.phaseTokenBudget, runTokensLeft));
        const packed = options.tokens.trim(outcome.contextPack, budget);
        if (packed.trimmed) {
          context.warn(
            `${phase.name}: context pack trimmed to the ${budget}-token budget (CLAUDE_CODE_THINKING_BUDGET_TOKENS).`,
          );
        }
        await options.onContextPack?.(phase.name, packed.text);
        return {
          phase: phase.name,
          success: outcome.success,
          durationMs: Math.round(performance.now() - started),
          tokenCount: packed.tokens,
          retries: attempt + (context.tools.reconnectCount() - reconnectsBefore),
          data: outcome.data,
          ...(outcome.error ? { error: outcome.error } : {}),
          warnings,
          backoffs,
        };
      } catch (error) {
        if (!shouldRetry(error, context.signal) || attempt >= options.maxRetries) throw error;
        attempt += 1;
        context.warn(
          `${phase.name}: attempt ${attempt} failed (${toErrorMessage(error)}); retrying.`,
        );
        await waitForBackoff(options.baseBackoffMs * 2 ** (attempt - 1), context.signal);
      }
    }
  } catch (error) {
    const retries = attempt + (context.tools.reconnectCount() - reconnectsBefore);
    const durationMs = Math.round(performance.now() - started);
    if (context.signal.aborted) {
      return toFailedResult(
        phase.name,
        durationMs,
        retries,
        cancelled(context.signal),
        warnings,
        backoffs,
      );
    }
    if (!isOrchestratorError(error)) {
      context.warn(`${phase.name}: internal error: ${(error as Error)?.stack ?? String(error)}`);
    }
    const failure = isOrchestratorError(error)
      ? error
      : new OrchestratorError(
          'INTERNAL',
          `${phase.name} failed unexpectedly: ${toErrorMessage(error)}`,
        );
    return toFailedResult(phase.name, durationMs, retries, failure, warnings, backoffs);
  } finally {
    context.warn = warn;
  }
}

/**
 * One attempt, under its own signal: whatever the phase left running when it returned or threw
 * (a sibling call of a failed Promise.all, a compile next to a failed scan) is cancelled.
 */
async function runAttempt(phase: Phase, context: PhaseContext): Promise<PhaseOutcome> {
  const attempt = new AbortController();
  try {
    return await phase.run({
      ...context,
      signal: AbortSignal.any([context.signal, attempt.signal]),
    });
  } finally {
    attempt.abort(new Error(`${phase.name} attempt ended`));
  }
}

function shouldRetry(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return false;
  if (isOrchestratorError(error)) return error.retryable;
  return false;
}

function cancelled(signal: AbortSignal): OrchestratorError {
  return new OrchestratorError(
    'CANCELLED',
    `The run was cancelled (${toErrorMessage(signal.reason)}); nothing was kept.`,
  );
}

function toFailedResult(
  phase: Phase['name'],
  durationMs: number,
  retries: number,
  error: OrchestratorError,
  warnings: string[],
  backoffs: Backoff[],
): PhaseResult {
  return {
    phase,
    success: false,
    durationMs,
    tokenCount: 0,
    retries,
    data: { errorData: error.data },
    error: { code: error.code, message: error.message },
    warnings,
    backoffs,
  };
}
