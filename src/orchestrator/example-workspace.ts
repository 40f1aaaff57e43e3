import { existsSync } from 'node:fs';
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OrchestratorError } from '../core/errors.js';
import { DEFAULT_EXAMPLE, EXAMPLES } from '../core/example-commands.js';
import { runGit } from '../vcs/run-git.js';

export { DEFAULT_EXAMPLE, EXAMPLES };

const IDENTITY = ['-c', 'user.name=mcp-orchestrator demo', '-c', 'user.email=demo@localhost'];

/** A fresh temporary git repository holding one bundled example, and its command. */
export interface ExampleWorkspace {
  workspace: string;
  command: string;
}

/** Copies `examples/<name>` into a new temporary folder and commits it on `main`. */
export async function createExampleWorkspace(name: string): Promise<ExampleWorkspace> {
  const command = EXAMPLES[name];
  const source = path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    'examples',
    name,
  );
  if (command === undefined || !existsSync(source)) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `No bundled example "${name}". Examples: ${Object.keys(EXAMPLES).join(', ')}.`,
      { data: { example: name } },
    );
  }
  const workspace = await mkdtemp(path.join(tmpdir(), `mcp-orchestrator-${name}-`));
  await cp(source, workspace, { recursive: true });
  await runGit(['init', '--quiet', '--initial-branch=main'], { cwd: workspace });
  await runGit(['add', '--all'], { cwd: workspace });
  await runGit([...IDENTITY, 'commit', '--quiet', '-m', 'Example repository'], { cwd: workspace });
  return { workspace, command };
}

/** `git show --stat --patch` of a branch, and `git status` of the checkout, for people. */
export async function describeBranch(
  workspace: string,
  branch: string,
): Promise<{ show: string; status: string }> {
  const [show, status] = await Promise.all([
    runGit(['show', '--stat', '--patch', '--format=commit %H%n%n    %s%n', branch], {
      cwd: workspace,
    }),
    runGit(['status', '--short', '--branch'], { cwd: workspace }),
  ]);
  return { show, status };
}
