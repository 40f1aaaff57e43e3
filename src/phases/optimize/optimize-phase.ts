import { availableParallelism, totalmem } from 'node:os';
import { OrchestratorError, toErrorMessage } from '../../core/errors.js';
import type { Phase, PhaseContext, Upstream } from '../../core/phase.js';
import type { OptimizeOutput } from '../../core/phase-outputs.js';
import type { ExecutionPlan } from '../../core/plan/execution-plan.js';
import type { OptimizeSection } from '../../core/plan/optimize-section-schema.js';
import { findPhaseSettings } from '../phase-settings.js';
import { requireUpstream } from '../shared/require-upstream.js';
import { chooseExecution } from './choose-execution.js';

export { DEFAULT_TEST_TIMEOUT_MS } from './choose-execution.js';

/** Earlier runs the model reads, newest first. */
const HISTORY_RUNS = 50;

/**
 * OPTIMIZE: picks the test workers, batch size, test timeout and test command (fail-fast, the
 * tests that reach the change first) from the machine, memory pressure, the plan and a model
 * fitted to earlier runs — and says why. It records the choice, the prediction and every input
 * in the run folder's plan.json (`optimize`), from which the choice can be recomputed.
 */
export function createOptimizePhase(): Phase<'optimize'> {
  return {
    name: 'optimize',
    async run(context, upstream) {
      const planned = requireUpstream(upstream, 'plan', 'OPTIMIZE');
      const plan = planned.plan;
      const testNode = plan.node('test');
      if (!testNode) throw new OrchestratorError('INTERNAL', 'The plan has no test node.');
      const inputs = await collectInputs(context, upstream, plan, testNode.command);
      const section = chooseExecution(inputs, testNode.command);
      if (plan.data.optimize !== undefined) {
        section.reasons.push('the plan recorded an earlier choice; this one replaces it.');
      }
      await context.runFiles.writeText('plan.json', plan.withOptimize(section).toJson());
      const output: OptimizeOutput = {
        parallelism: section.choice.parallelism,
        batchSize: section.choice.batchSize,
        testTimeoutMs: section.choice.testTimeoutMs,
        testCommand: section.choice.testCommand,
        prediction: {
          model: section.model.kind,
          runs: section.model.runs,
          testDurationMs: section.prediction.testDurationMs,
          memoryPeakMb: section.prediction.memoryPeakMb,
        },
        reasons: section.reasons,
      };
      return {
        success: true,
        output,
        data: { ...output, runner: section.runner, model: section.model },
        contextPack: ['# OPTIMIZE', ...section.reasons].join('\n'),
      };
    },
  };
}

async function collectInputs(
  context: PhaseContext,
  upstream: Upstream,
  plan: ExecutionPlan,
  testCommand: readonly string[],
): Promise<OptimizeSection['inputs']> {
  const changes = plan.fileChanges();
  return {
    cores: availableParallelism(),
    parallelismLimit: context.parallelism,
    memoryLimitMb: Math.round(totalmem() / 1024 / 1024),
    memoryThreshold: context.settings.memoryThreshold,
    pressureHigh: context.pressure?.isPressureHigh() ?? false,
    fileCount: changes.length,
    editCount: changes.reduce((n, c) => n + (c.op === 'edit' ? c.edits.length : 1), 0),
    // `apply` has no MONTE CARLO: a plan carried out before keeps what it found.
    testsFirst: upstream.monte_carlo?.testsToRun ?? plan.data.optimize?.inputs.testsFirst ?? [],
    fixedTestTimeoutMs: findPhaseSettings(context.options, 'execute').test_timeout_ms ?? null,
    testScripts: testCommand[0] === 'npm' ? await readTestScripts(context) : null,
    history: await readHistory(context, plan),
  };
}

async function readHistory(
  context: PhaseContext,
  plan: ExecutionPlan,
): Promise<OptimizeSection['inputs']['history']> {
  if (!context.history) return [];
  try {
    const samples = await context.history.samples({
      kind: plan.data.intent.kind,
      language: plan.data.language,
      limit: HISTORY_RUNS,
    });
    return samples.flatMap((s) =>
      s.success && s.testDurationMs !== null
        ? [
            [
              s.fileCount,
              s.editCount,
              s.parallelism,
              Math.round(s.testDurationMs),
              Math.round(s.memoryPeakMb * 10) / 10,
            ] as OptimizeSection['inputs']['history'][number],
          ]
        : [],
    );
  } catch (error) {
    context.warn(
      `OPTIMIZE: the run history could not be read (${toErrorMessage(error)}); rules only.`,
    );
    return [];
  }
}

/** package.json's test, pretest and posttest scripts (strings only), or `null` without them. */
async function readTestScripts(context: PhaseContext): Promise<Record<string, string> | null> {
  try {
    const manifest = JSON.parse(await context.files.readText('package.json')) as {
      scripts?: Record<string, unknown>;
    };
    const scripts: Record<string, string> = {};
    for (const name of ['pretest', 'test', 'posttest']) {
      const script = manifest.scripts?.[name];
      if (typeof script === 'string') scripts[name] = script;
    }
    return Object.keys(scripts).length === 0 ? null : scripts;
  } catch {
    return null;
  }
}
