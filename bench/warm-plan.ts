/**
 * The warm path of `mcp-orchestrator mcp`, measured beside a cold plan in the same run: a plan
 * (`plan_change`, a dry run) from a fresh orchestrator — MCP servers, language servers and
 * caches started for it and closed after — against the second plan from an orchestrator that
 * keeps them warm between calls, as the MCP server does.
 */
import { MCPOrchestrator, type RunResult } from 'mcp-orchestrator';

/** One plan, timed from the caller's side (start-up and shut-down included). */
interface TimedPlan {
  wallMs: number;
  result: RunResult;
}

async function timePlan(
  orchestrator: MCPOrchestrator,
  command: string,
  workspace: string,
): Promise<TimedPlan> {
  const started = performance.now();
  const result = await orchestrator.run(command, { workspace, dryRun: true });
  const wallMs = performance.now() - started;
  if (!result.success)
    throw new Error(`plan of "${command}" failed: ${result.error?.code} ${result.error?.message}`);
  return { wallMs, result };
}

function phaseLine(plan: TimedPlan): string {
  return plan.result.phases.map((p) => `${p.phase} ${p.durationMs}`).join(', ');
}

/**
 * Prints the cold plan, the warm first and second plans, the ratio of the warm second to the
 * cold one, and where the warm second's time goes (its phases, and what is outside them:
 * opening the run folder, checking the checkout, telling the servers what changed).
 */
export async function benchWarmPlan(
  workspace: string,
  command: string,
  write: (line: string) => void,
): Promise<void> {
  const cold = await timePlan(new MCPOrchestrator(), command, workspace);
  const warm = new MCPOrchestrator({ keepWarm: {} });
  try {
    const first = await timePlan(warm, command, workspace);
    const second = await timePlan(warm, command, workspace);
    if (second.result.warm?.reused !== true)
      throw new Error('the second plan did not reuse the warm services');
    const phasesMs = second.result.phases.reduce((sum, p) => sum + p.durationMs, 0);
    write(`  plan_change, cold    ${cold.wallMs.toFixed(0).padStart(7)} ms (${phaseLine(cold)})`);
    write(
      `  warm, first call     ${first.wallMs.toFixed(0).padStart(7)} ms (opens the servers; ${phaseLine(first)})`,
    );
    write(
      `  warm, second call    ${second.wallMs.toFixed(0).padStart(7)} ms = ${(second.wallMs / cold.wallMs).toFixed(3)}× cold (${(cold.wallMs / second.wallMs).toFixed(1)}× faster)`,
    );
    write(`    its phases: ${phaseLine(second)} ms`);
    write(
      `    outside the phases: ${(second.wallMs - phasesMs).toFixed(0)} ms (run folder, checkout checks, change tracking, trace); ${second.result.warm.changedFiles} changed files told to the servers`,
    );
  } finally {
    await warm.close();
  }
}
