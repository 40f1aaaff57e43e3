import path from 'node:path';
import { isOrchestratorError, OrchestratorError } from '../core/errors.js';
import { type ResolvedSettings, resolveSettings } from '../core/settings.js';
import { type GitWorkspace, openGitWorkspace } from '../vcs/open-git-workspace.js';
import { checkRunFlags } from './check-run-flags.js';
import { type ResolvedGithubTarget, resolveGithubTarget } from './publish-pull-request.js';
import type { RunCommandOptions } from './run-types.js';
import { withoutWrittenPlans } from './written-plans.js';

/** Everything a run checks before it writes anything. */
export interface PreparedRun {
  settings: ResolvedSettings;
  git: GitWorkspace;
  baseCommit: string;
  /** Argv of `--test-command`, through `sh -c`. */
  testCommand?: string[];
  /** `--compile-command` (through `sh -c`) or `--no-compile`. */
  compile?: { kind: 'command'; command: string[] } | { kind: 'none' };
  github?: ResolvedGithubTarget;
}

/**
 * Validates settings, flags and the repository, and resolves the base commit (HEAD, or the
 * plan's `base`), before any side effect: bad input never leaves a trace.
 */
export async function prepareRun(
  options: RunCommandOptions,
  planBase?: string,
  planFile?: string,
): Promise<PreparedRun> {
  const env = options.env ?? process.env;
  const settings = resolveSettings(env);
  const signalOption = options.signal ? { signal: options.signal } : {};
  await checkRunFlags(options);
  const git = await openGitWorkspace(options.workspace ?? process.cwd(), signalOption);
  if (!options.allowDirty) {
    // The plan being applied may sit untracked inside the repository (`plan --out plan.json`).
    const own = planFile === undefined ? undefined : toRepositoryPath(git.root, planFile);
    // So may a plan `plan --out` wrote there, as long as it holds what was written.
    const changed = (await git.dirtyFiles(signalOption)).filter((file) => file !== own);
    const dirty = await withoutWrittenPlans(git.root, changed);
    if (dirty.length > 0) throw toDirtyError(git.root, dirty);
  }
  const baseCommit =
    planBase === undefined
      ? await git.headCommit(signalOption)
      : await resolvePlanBase(git, planBase);
  const github = options.github ? await resolveGithubTarget(git, options.github, env) : undefined;
  return {
    settings,
    git,
    baseCommit,
    ...(options.testCommand !== undefined
      ? { testCommand: ['sh', '-c', options.testCommand] }
      : {}),
    ...(options.compileCommand !== undefined
      ? { compile: { kind: 'command' as const, command: ['sh', '-c', options.compileCommand] } }
      : options.noCompile
        ? { compile: { kind: 'none' as const } }
        : {}),
    ...(github ? { github } : {}),
  };
}

/** `file` relative to `root` in POSIX form, as git status names it. */
function toRepositoryPath(root: string, file: string): string {
  return path.relative(root, path.resolve(file)).split(path.sep).join('/');
}

async function resolvePlanBase(git: GitWorkspace, base: string): Promise<string> {
  try {
    return await git.resolveCommit(`${base}^{commit}`);
  } catch (error) {
    if (!isOrchestratorError(error, 'GIT_FAILED')) throw error;
    throw new OrchestratorError(
      'PLAN_INVALID',
      `Plan field base names commit ${base}, which ${git.root} does not have. Make the plan in this repository.`,
      { data: { field: 'base', base } },
    );
  }
}

/** Thrown when the checkout has uncommitted changes and `allowDirty` is off. */
export function toDirtyError(root: string, files: readonly string[]): OrchestratorError {
  const shown =
    files.slice(0, 10).join(', ') + (files.length > 10 ? `, … (${files.length} in all)` : '');
  return new OrchestratorError(
    'WORKTREE_DIRTY',
    `${root} has uncommitted changes (${shown}). Commit or stash them, or pass --allow-dirty (the change is still made from the last commit).`,
    { data: { root, files: files.slice(0, 100) } },
  );
}
