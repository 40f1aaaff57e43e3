import { toErrorMessage } from '../../core/errors.js';
import type { PhaseContext } from '../../core/phase.js';

/**
 * Warns for each earlier recorded run that changed one of `symbols` and is not merged into the
 * run's base: the two changes may conflict. The memory being unreadable is a warning too.
 */
export async function warnUnmergedChanges(
  context: Pick<PhaseContext, 'memory' | 'baseCommit' | 'signal' | 'warn'>,
  symbols: readonly string[],
): Promise<void> {
  if (context.memory === undefined || symbols.length === 0) return;
  try {
    const earlier = await context.memory.unmergedChanges(symbols, context.baseCommit, {
      signal: context.signal,
    });
    for (const run of earlier) {
      const touched = run.symbols.filter((s) => symbols.includes(s));
      context.warn(
        `LOGIC: ${touched.join(', ')} was changed by run ${run.runId} ("${run.command}") on branch ${run.branch} (commit ${run.commit.slice(0, 12)}), which is not merged into ${context.baseCommit.slice(0, 12)}: the two changes may conflict.`,
      );
    }
  } catch (error) {
    if (context.signal.aborted) throw error;
    context.warn(`LOGIC: earlier changes could not be read from memory: ${toErrorMessage(error)}`);
  }
}
