import type { Phase } from '../../core/phase.js';
import type { RiskOutput } from '../../core/phase-outputs.js';
import { compareText } from '../../core/whole-word.js';
import { findPhaseSettings } from '../phase-settings.js';
import { requireUpstream } from '../shared/require-upstream.js';
import { createBreakageModel } from './breakage-model.js';
import { simulateBreakage } from './simulate-breakage.js';

const round = (value: number): number => Math.round(value * 10_000) / 10_000;

/**
 * MONTE CARLO: a seeded simulation of breakage spreading over the reverse-dependency graph,
 * within `duration_limit_ms`: P(break), blast radius p50/p95, and the tests to run.
 */
export function createMonteCarloPhase(): Phase<'monte_carlo'> {
  return {
    name: 'monte_carlo',
    async run(context, upstream) {
      const logic = requireUpstream(upstream, 'logic', 'MONTE CARLO');
      const settings = findPhaseSettings(context.options, 'monte_carlo');
      const model = createBreakageModel({
        names: logic.riskNames,
        changes: logic.changes,
        certaintyByFile: logic.certaintyByFile,
        affectedFiles: logic.affectedFiles,
        importEdges: logic.importEdges,
      });
      context.progress(
        `simulating breakage over ${model.files.length} files (seed ${settings.seed})`,
      );
      const result = await simulateBreakage(model, {
        seed: settings.seed,
        durationLimitMs: settings.duration_limit_ms,
        signal: context.signal,
      });
      const riskiestFiles = model.files
        .map((file, i) => ({ file, pBreak: round(result.breakFrequency[i] ?? 0) }))
        .filter((entry) => entry.pBreak > 0)
        .sort((a, b) => b.pBreak - a.pBreak || compareText(a.file, b.file))
        .slice(0, 5);
      const risk: RiskOutput = {
        seed: settings.seed,
        simulations: result.simulations,
        converged: result.converged,
        durationLimitMs: settings.duration_limit_ms,
        pBreak: round(result.pBreak),
        pBreakUncovered: round(result.pBreakUncovered),
        blastRadius: result.blastRadius,
        blastRadiusHistogram: result.radiusHistogram,
        testsToRun: model.tests,
        riskiestFiles,
      };
      if (!result.converged) {
        context.warn(
          `MONTE CARLO: stopped at the ${settings.duration_limit_ms} ms limit before converging.`,
        );
      }
      return {
        success: true,
        output: risk,
        data: { ...risk },
        contextPack: [
          `# RISK over ${model.files.length} files, ${result.simulations} simulations (seed ${settings.seed})`,
          `P(break) ${risk.pBreak}, P(break outside tests) ${risk.pBreakUncovered}`,
          `blast radius p50 ${risk.blastRadius.p50}, p95 ${risk.blastRadius.p95}`,
          ...riskiestFiles.map((f) => `${f.file} ${f.pBreak}`),
          `tests: ${risk.testsToRun.join(', ')}`,
        ].join('\n'),
      };
    },
  };
}
