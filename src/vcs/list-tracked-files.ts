import { runGitRaw, toGitError } from './run-git.js';

/** Every file tracked at `revision`, as workspace-relative POSIX paths. */
export async function listTrackedFiles(
  cwd: string,
  revision: string,
  options: { signal?: AbortSignal } = {},
): Promise<Set<string>> {
  const args = ['ls-tree', '-r', '-z', '--name-only', revision];
  const output = await runGitRaw(args, { cwd, signal: options.signal });
  if (output.exitCode !== 0) throw toGitError(args, cwd, output);
  return new Set(output.stdout.split('\0').filter((file) => file.length > 0));
}
