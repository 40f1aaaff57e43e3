import { createExampleWorkspace, describeBranch, MCPOrchestrator } from '../orchestrator.js';
import { toExitCode } from './exit-codes.js';
import { createProgress, resolveProgressMode } from './progress-reporter.js';
import { renderRunOutput } from './render-run-output.js';
import { withInterruptSignal } from './with-interrupt-signal.js';

/**
 * Copies a bundled example into a fresh temporary git repository, runs its command with live
 * progress, and prints every phase, the diff and the branch. Returns the exit code.
 */
export async function runDemo(example: string): Promise<number> {
  const { workspace, command } = await createExampleWorkspace(example);
  process.stderr.write(
    `mcp-orchestrator demo: "${command}" on a fresh copy of examples/${example} at ${workspace}\n\n`,
  );
  const progress = await createProgress(resolveProgressMode({}), process.stderr);
  progress.note('checking the repository and starting the servers');
  const result = await withInterruptSignal((signal) =>
    new MCPOrchestrator().run(command, {
      workspace,
      signal,
      onEvent: (event) => progress.onEvent(event),
    }),
  ).finally(() => progress.close());
  const output = await renderRunOutput(result, {
    showDiff: false,
    color: process.stdout.isTTY === true && process.env.NO_COLOR === undefined,
  });
  process.stdout.write(output.stdout);
  process.stderr.write(output.stderr);
  if (result.success && result.branch) {
    const { show, status } = await describeBranch(workspace, result.branch);
    process.stdout.write(`\n${show}`);
    process.stdout.write(
      `\nThe change is on branch ${result.branch} of ${workspace}; the checkout itself is untouched:\n`,
    );
    process.stdout.write(status);
  }
  return toExitCode(result);
}
