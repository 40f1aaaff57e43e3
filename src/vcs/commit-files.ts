import { runGit, runGitRaw } from './run-git.js';

const FALLBACK = { 'user.name': 'mcp-orchestrator', 'user.email': 'mcp-orchestrator@localhost' };

/**
 * Stages exactly `files` in `worktreePath` and commits them — never caches, build output or
 * dependency links a test run left behind. Uses the repository's identity, falling back per
 * key without writing any config. Returns the new commit's SHA-1.
 */
export async function commitFiles(
  worktreePath: string,
  files: readonly string[],
  message: string,
  options: { signal?: AbortSignal } = {},
): Promise<string> {
  const { signal } = options;
  const identity: string[] = [];
  for (const [key, value] of Object.entries(FALLBACK)) {
    const set = await runGitRaw(['config', '--get', key], { cwd: worktreePath, signal });
    if (set.exitCode !== 0 || set.stdout.trim() === '') identity.push('-c', `${key}=${value}`);
  }
  await runGit(['add', '--', ...files], { cwd: worktreePath, signal });
  await runGit(
    [
      ...identity,
      '-c',
      'core.hooksPath=/dev/null',
      'commit',
      '--quiet',
      '--no-verify',
      '-m',
      message,
    ],
    { cwd: worktreePath, signal },
  );
  return (await runGit(['rev-parse', 'HEAD'], { cwd: worktreePath, signal })).trim();
}
