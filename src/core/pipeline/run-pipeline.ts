import { isOrchestratorError, OrchestratorError, toErrorMessage } from '../errors.js';
import type {
  AnyPhase,
  Backoff,
  PhaseContext,
  PhaseName,
  PhaseOutcome,
  PhaseResult,
} from '../phase.js';
import type { PhaseOutputs } from '../phase-outputs.js';
import type { SpanRunner, TokenCounter } from '../services.js';
import { ATTR } from '../span-attributes.js';
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
  /**
   * Where each phase's typed output is kept, by phase name (pre-filled for `apply`). The
   * pipeline is its only writer; phases get a frozen snapshot of what came before them.
   */
  outputs?: Partial<PhaseOutputs>;
}

/**
 * Runs phases in order and stops at the first failure. Never throws: a fault, a bug or a
 * cancellation becomes the failed phase's result (code `CANCELLED` for an abort), so the
 * results of the phases before it are kept.
 */
export async function runPipeline(
  phases: readonly AnyPhase[],
  context: PhaseContext,
  options: PipelineOptions,
): Promise<PhaseResult[]> {
  const results: PhaseResult[] = [];
  const outputs = options.outputs ?? {};
  let runTokens = 0;
  for (const phase of phases) {
    if (context.signal.aborted) {
      results.push(toFailedResult(phase.name, 0, 0, cancelled(context.signal), [], []));
      break;
    }
    options.onPhaseStart?.(phase.name);
    const { result, output } = await runOnePhase(
      phase,
      context,
      options,
      context.settings.runTokenBudget - runTokens,
      Object.freeze({ ...outputs }),
    );
    if (output !== undefined) (outputs as Record<PhaseName, unknown>)[phase.name] = output;
    runTokens += result.tokenCount;
    results.push(result);
    options.onPhaseEnd?.(result);
    if (!result.success) break;
  }
  return results;
}

async function runOnePhase(
  phase: AnyPhase,
  context: PhaseContext,
  options: PipelineOptions,
  runTokensLeft: number,
  upstream: Readonly<Partial<PhaseOutputs>>,
): Promise<{ result: PhaseResult; output?: unknown }> {
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
      try {
        // The span covers the whole attempt: the wait for memory, the phase, the token count.
        const { outcome, packed } = await options.spans.withSpan(
          `phase.${phase.name}`,
          { [ATTR.spanKind]: 'CHAIN', [ATTR.phase]: phase.name, [ATTR.attempt]: attempt },
          async (span) => {
            const backoff = await guardMemoryPressure(context);
            if (backoff) {
              backoffs.push(backoff);
              span.setAttributes({ [ATTR.pressureWaitMs]: backoff.waitedMs });
            }
            const outcome = await runAttempt(phase, context, upstream);
            const budget = Math.max(0, Math.min(context.settings.phaseTokenBudget, runTokensLeft));
            const packed = options.tokens.trim(outcome.contextPack, budget);
            if (packed.trimmed) {
              context.warn(
                `${phase.name}: context pack trimmed to the ${budget}-token budget (CLAUDE_CODE_THINKING_BUDGET_TOKENS).`,
              );
            }
            await options.onContextPack?.(phase.name, packed.text);
            span.setAttributes({
              [ATTR.phaseSuccess]: outcome.success,
              [ATTR.tokens]: packed.tokens,
              [ATTR.tokenBudget]: budget,
              [ATTR.phaseTokenBudget]: context.settings.phaseTokenBudget,
              [ATTR.runTokenBudget]: context.settings.runTokenBudget,
              [ATTR.tokensTrimmed]: packed.trimmed,
              [ATTR.treeRssMb]: context.pressure?.treeRssMb(),
            });
            if (!outcome.success) span.setError(outcome.error.code, outcome.error.message);
            return { outcome, packed };
          },
        );
        const result: PhaseResult = {
          phase: phase.name,
          success: outcome.success,
          durationMs: Math.round(performance.now() - started),
          tokenCount: packed.tokens,
          retries: attempt + (context.tools.reconnectCount() - reconnectsBefore),
          data: outcome.data,
          ...(outcome.success ? {} : { error: outcome.error }),
          warnings,
          backoffs,
        };
        return outcome.success ? { result, output: outcome.output } : { result };
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
      return {
        result: toFailedResult(
          phase.name,
          durationMs,
          retries,
          cancelled(context.signal),
          warnings,
          backoffs,
        ),
      };
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
    return { result: toFailedResult(phase.name, durationMs, retries, failure, warnings, backoffs) };
  } finally {
    context.warn = warn;
  }
}

/**
 * One attempt, under its own signal: whatever the phase left running when it returned or threw
 * (a sibling call of a failed Promise.all, a compile next to a failed scan) is cancelled.
 */
async function runAttempt(
  phase: AnyPhase,
  context: PhaseContext,
  upstream: Readonly<Partial<PhaseOutputs>>,
): Promise<PhaseOutcome<unknown>> {
  const attempt = new AbortController();
  try {
    return await phase.run(
      { ...context, signal: AbortSignal.any([context.signal, attempt.signal]) },
      upstream,
    );
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
  phase: PhaseName,
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
