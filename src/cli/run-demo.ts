import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MCPOrchestrator, OrchestratorError } from '../orchestrator.js';
import { toExitCode } from './exit-codes.js';
import { createProgressReporter } from './progress-reporter.js';
import { renderSummary } from './render-summary.js';
import { withInterruptSignal } from './with-interrupt-signal.js';

const EXAMPLES: Record<string, string> = {
  'ledger-py': 'rename function post_entry to record_entry',
  'users-ts': 'rename function getUser to fetchUser',
};

const git = (cwd: string, ...args: string[]): string =>
  execFileSync(
    'git',
    ['-c', 'user.name=mcp-orchestrator demo', '-c', 'user.email=demo@localhost', ...args],
    {
      cwd,
      encoding: 'utf8',
    },
  );

/**
 * Copies a bundled example into a fresh temporary git repository, runs its rename with live
 * progress, and prints every phase, the diff and the branch. Returns the exit code.
 */
export async function runDemo(example: string): Promise<number> {
  const command = EXAMPLES[example];
  const source = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    'examples',
    example,
  );
  if (command === undefined || !existsSync(source)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `No bundled example "${example}". Examples: ${Object.keys(EXAMPLES).join(', ')}.`,
    );
  }
  const workspace = mkdtempSync(path.join(tmpdir(), `mcp-orchestrator-${example}-`));
  cpSync(source, workspace, { recursive: true });
  git(workspace, 'init', '--quiet', '--initial-branch=main');
  git(workspace, 'add', '--all');
  git(workspace, 'commit', '--quiet', '-m', 'Example repository');
  process.stderr.write(
    `mcp-orchestrator demo: "${command}" on a fresh copy of examples/${example} at ${workspace}\n\n`,
  );
  const result = await withInterruptSignal((signal) =>
    new MCPOrchestrator().run(command, { workspace, signal, onEvent: createProgressReporter() }),
  );
  process.stderr.write(renderSummary(result));
  if (result.success && result.branch) {
    process.stdout.write(
      `\n${git(workspace, 'show', '--stat', '--patch', '--format=commit %H%n%n    %s%n', result.branch)}`,
    );
    process.stdout.write(
      `\nThe change is on branch ${result.branch} of ${workspace}; the checkout itself is untouched:\n`,
    );
    process.stdout.write(git(workspace, 'status', '--short', '--branch'));
  }
  return toExitCode(result);
}
