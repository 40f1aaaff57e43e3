import type { IntentBase } from '../core/intent.js';
import { openGitWorkspace } from '../vcs/open-git-workspace.js';
import { checkNamedPaths } from './check-named-paths.js';
import { checkRunFlags, checkWritableFolder } from './check-run-flags.js';
import { refuseUnmentionedSymbols } from './refuse-unmentioned-symbols.js';
import type { RunCommandOptions } from './run-types.js';

/**
 * What the CLI refuses before it loads the orchestrator (or zod): a command whose symbol no
 * tracked file mentions, after the checks a run makes first — its flags, `--out`, the paths the
 * command names — with the same errors. A misspelt name is then refused in about the time of
 * `git grep`, not of starting the servers. Nothing is written. Anything this cannot decide is
 * left to the run, which checks it all again: a folder that is not a git repository, a dirty
 * checkout, `allowDirty` (the servers then search the checkout's own files) and `github` (its
 * target is resolved with the run). The settings in the environment and the intent's schema
 * limits are checked by the run, so a command with a misspelt name and a bad setting is told
 * the name first. Returns the repository's root when every check ran (a clean checkout), and
 * undefined when some were left to the run.
 */
export async function refuseBeforeServers(
  intent: IntentBase,
  options: RunCommandOptions & { planOut?: string },
): Promise<{ root: string } | undefined> {
  if (options.allowDirty || options.github) return undefined;
  if (options.planOut !== undefined) await checkWritableFolder(options.planOut, '--out');
  await checkRunFlags(options);
  const signal = options.signal ? { signal: options.signal } : {};
  let git: Awaited<ReturnType<typeof openGitWorkspace>>;
  try {
    git = await openGitWorkspace(options.workspace ?? process.cwd(), signal);
  } catch {
    return undefined;
  }
  const [dirty, base] = await Promise.all([git.dirtyFiles(signal), git.headCommit(signal)]);
  if (dirty.length > 0) return undefined;
  await checkNamedPaths(git.root, intent);
  await refuseUnmentionedSymbols(git.root, base, intent, signal);
  return { root: git.root };
}
