import { runGitRaw, toGitError } from './run-git.js';

/**
 * How many times `name` occurs as a whole word in each tracked file (`git grep -o -w -F`: one
 * output line per occurrence), at `revision` or, without one, in the working tree of `cwd`.
 * Word characters are ASCII letters, digits and `_`, as in git. Binary files are skipped; files
 * without the word are left out.
 */
export async function countWholeWord(
  cwd: string,
  name: string,
  options: { revision?: string; signal?: AbortSignal } = {},
): Promise<Record<string, number>> {
  const args = ['grep', '-o', '-w', '-F', '-I', '-z', '--no-textconv', '-e', name];
  if (options.revision !== undefined) args.push(options.revision);
  args.push('--');
  const output = await runGitRaw(args, { cwd, signal: options.signal });
  // git grep exits 1 when nothing matched.
  if (output.exitCode === 1 && output.stdout === '') return {};
  if (output.exitCode !== 0) throw toGitError(args, cwd, output);
  const prefix = options.revision === undefined ? '' : `${options.revision}:`;
  const counts: Record<string, number> = {};
  for (const line of output.stdout.split('\n')) {
    const separator = line.lastIndexOf('\0');
    if (separator === -1) continue;
    const tagged = line.slice(0, separator);
    const file = tagged.startsWith(prefix) ? tagged.slice(prefix.length) : tagged;
    counts[file] = (counts[file] ?? 0) + 1;
  }
  return counts;
}

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
