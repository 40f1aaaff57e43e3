import { describe, expect, it } from 'vitest';
import type { EditFileChange } from '../../../src/core/change/change-types.js';
import type { LogicOutput, RiskOutput } from '../../../src/core/phase-outputs.js';
import { createMonteCarloPhase } from '../../../src/phases/monte-carlo/monte-carlo-phase.js';
import { createDefaultPhaseSettings } from '../../../src/phases/phase-settings.js';
import { createFakeContext } from '../../fixtures/phases/fake-services.js';
import { renameLogicOutput } from '../../fixtures/phases/rename-scenario.js';

const monteCarlo = (durationLimitMs: number, seed: number) =>
  createDefaultPhaseSettings().map((entry) =>
    entry.phase === 'monte_carlo' ? { ...entry, duration_limit_ms: durationLimitMs, seed } : entry,
  );

/** The rename scenario, with src/app.ts's edits only half confirmed by the references. */
function uncertainLogic(): LogicOutput {
  return renameLogicOutput({ certaintyByFile: { 'src/app.ts': 0.5, 'src/users.ts': 1 } });
}

/** `count` files of one unconfirmed edit each: every simulation loops over all of them. */
function wideLogic(count: number): LogicOutput {
  const changes: EditFileChange[] = Array.from({ length: count }, (_, i) => ({
    op: 'edit',
    file: `src/f${String(i).padStart(4, '0')}.ts`,
    edits: [
      { start: [1, 1], end: [1, 8], oldText: 'getUser', newText: 'fetchUser', reason: 'reference' },
    ],
  }));
  const files = changes.map((c) => c.file);
  return renameLogicOutput({
    changes,
    changedFiles: files,
    affectedFiles: files,
    importEdges: [],
    certaintyByFile: Object.fromEntries(files.map((f) => [f, 0])),
  });
}

async function runRisk(logic: LogicOutput, durationLimitMs = 5_000, seed = 7) {
  const run = createFakeContext({ phaseSettings: monteCarlo(durationLimitMs, seed) });
  const outcome = await createMonteCarloPhase().run(run.context, { logic });
  if (!outcome.success) throw new Error(`MONTE CARLO failed: ${outcome.error.message}`);
  return { ...run, output: outcome.output as RiskOutput };
}

describe('MONTE CARLO phase', () => {
  it('gives the same figures for the same seed', async () => {
    const first = await runRisk(uncertainLogic());
    const second = await runRisk(uncertainLogic());
    expect(second.output).toEqual(first.output);
    expect(first.output.converged).toBe(true);
    expect(first.output.pBreak).toBeGreaterThan(0);
  });

  it("uses the phase settings' seed: another seed gives other figures", async () => {
    const seven = await runRisk(uncertainLogic(), 5_000, 7);
    const eight = await runRisk(uncertainLogic(), 5_000, 8);
    expect(seven.output.seed).toBe(7);
    expect(eight.output.seed).toBe(8);
    expect(eight.progress.join('\n')).toContain('(seed 8)');
    const { seed: _seven, ...figuresOfSeven } = seven.output;
    const { seed: _eight, ...figuresOfEight } = eight.output;
    expect(figuresOfEight).not.toEqual(figuresOfSeven);
  });

  it('uses the seed and time limit of the defaults when the settings name none', async () => {
    const run = createFakeContext({ phaseSettings: [] });
    const outcome = await createMonteCarloPhase().run(run.context, { logic: uncertainLogic() });
    expect(outcome.success && outcome.output).toMatchObject({ seed: 1, durationLimitMs: 15_000 });
  });

  it("stops at the phase settings' time limit, unconverged, with a warning", async () => {
    // One batch of 2,000 simulations over 200 files takes well over 1 ms (tens of ms).
    const capped = await runRisk(wideLogic(200), 1);
    expect(capped.output).toMatchObject({
      durationLimitMs: 1,
      converged: false,
      simulations: 2_000,
    });
    expect(capped.warnings).toEqual(['MONTE CARLO: stopped at the 1 ms limit before converging.']);
  });

  it('names the tests that reach the changed files and the riskiest files', async () => {
    const { output } = await runRisk(uncertainLogic());
    expect(output.testsToRun).toEqual(['test/app.test.ts']);
    expect(output.riskiestFiles[0]?.file).toBe('src/app.ts');
    expect(output.blastRadius.max).toBeGreaterThanOrEqual(1);
  });
});
