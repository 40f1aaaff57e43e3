import type { Floor } from './raw-floors.js';
import { executeFacts, type OrchestratorRun } from './run-orchestrator.js';

const ms = (value: number | undefined): string =>
  value === undefined ? '      —' : `${value.toFixed(0).padStart(7)} ms`;
const line = (label: string, value: number | undefined, note = ''): string =>
  `  ${label.padEnd(34)} ${ms(value)}${note === '' ? '' : `  (${note})`}\n`;

/** The report of a finished change and the raw tools measured beside it. */
export function printRepoReport(input: {
  repo: string;
  command: string;
  run: OrchestratorRun;
  rg: Floor;
  rename: { cold: Floor; warm: Floor };
  compile: { cold: Floor; incremental: Floor };
  /** The run's own check again, alone (see `server-check.ts`). */
  ownCheck: Floor;
  tests: Floor;
}): void {
  const { run, rg, rename, compile, ownCheck, tests } = input;
  const { result } = run;
  const facts = executeFacts(result);
  let out = `\n## ${input.repo}: "${input.command}"\n`;
  for (const phase of result.phases) out += line(`phase ${phase.phase}`, phase.durationMs);
  out += line('phases total (result.durationMs)', result.durationMs);
  out += line('CLI wall time', run.wallMs, 'Node start, servers, phases, shutdown');
  out += `  ${'peak RSS of the process tree'.padEnd(34)} ${String(run.peakRssMb).padStart(7)} MB\n`;
  out += `  ${'  without the tests (worktree)'.padEnd(34)} ${String(run.peakRssWithoutTestsMb).padStart(7)} MB  the CLI and its servers: what works outside the run's worktree\n`;
  out += `  ${'files changed'.padEnd(34)} ${String(result.diffStat?.files.length ?? 0).padStart(7)}\n`;
  out += 'in the run:\n';
  out += line('tests', facts.testMs);
  out += line('compile check (beside the tests)', facts.compileMs, facts.compile);
  out += 'raw tools alone (same clone, same run):\n';
  out += line('ripgrep', rg.ms, rg.note);
  out += line("language server's rename, cold", rename.cold.ms, rename.cold.note);
  out += line("language server's rename, warm", rename.warm.ms, rename.warm.note);
  out += line('compile check, cold', compile.cold.ms, compile.cold.note);
  out += line('compile check, incremental', compile.incremental.ms, compile.incremental.note);
  out += line("the run's compile check, alone", ownCheck.ms, ownCheck.note);
  out += line('tests', tests.ms, tests.note);
  const floor = (rg.ms ?? 0) + (rename.cold.ms ?? 0);
  const overhead = run.wallMs - facts.testMs - floor;
  const target = 2_000 + 0.2 * floor;
  out += `floor (ripgrep + cold rename): ${floor.toFixed(0)} ms\n`;
  out += `overhead (CLI wall − tests − floor): ${overhead.toFixed(0)} ms = ${(overhead / floor).toFixed(2)}× the floor; target ≤ 2 s + 20% of the floor = ${target.toFixed(0)} ms: ${overhead <= target ? 'met' : 'MISSED'}\n`;
  const byHand = floor + (compile.cold.ms ?? 0) + (tests.ms ?? 0);
  out += `by hand (ripgrep + cold rename + cold compile check + tests, one after another): ${byHand.toFixed(0)} ms; the run took ${(run.wallMs / byHand).toFixed(2)}× that\n`;
  if (compile.cold.ms !== undefined && facts.compileMs > 0) {
    out += `compile check in the run: ${(facts.compileMs / compile.cold.ms).toFixed(2)}× a cold compile check alone\n`;
  }
  if (compile.cold.ms !== undefined && ownCheck.ms !== undefined) {
    out += `the run's compile check alone: ${(ownCheck.ms / compile.cold.ms).toFixed(2)}× a cold compile check alone (target ≤ 0.3×)\n`;
  }
  process.stdout.write(out);
}

/** The report of a refused command: how long it took against ripgrep and the declaration search alone. */
export function printRefusal(input: {
  repo: string;
  command: string;
  run: OrchestratorRun;
  rg: Floor;
  declarations: Floor;
}): void {
  const { run, rg, declarations } = input;
  const floor = (rg.ms ?? 0) + (declarations.ms ?? 0);
  let out = `\n## ${input.repo}: "${input.command}"\n`;
  out += `  refused: [${run.result.error?.code ?? '?'}] ${(run.result.error?.message ?? '').split('\n')[0]}\n`;
  out += line('CLI wall time', run.wallMs, `exit ${run.exitCode}`);
  out += line('ripgrep alone', rg.ms, rg.note);
  out += line('declaration search alone, cold', declarations.ms, declarations.note);
  out += `reported in ${(run.wallMs / floor).toFixed(2)}× ripgrep + the declaration search alone (target ≤ 1.2×: ${run.wallMs <= 1.2 * floor ? 'met' : 'MISSED'})\n`;
  process.stdout.write(out);
}
