export type {
  CreateGithubPullRequestOptions,
  GithubPullRequestResult,
} from './create-github-pull-request.js';
export { createGithubPullRequest } from './create-github-pull-request.js';
export type { DiffStat, DiffStatFile } from './diff-stat.js';
export { toDiffStat } from './diff-stat.js';
export type { LinkDependenciesOptions, LinkedDependency } from './link-dependencies.js';
export { findPythonInterpreter, linkDependencies } from './link-dependencies.js';
export type { GitCallOptions, GitWorkspace } from './open-git-workspace.js';
export { openGitWorkspace, STATE_DIR_NAME } from './open-git-workspace.js';
export type { GithubRemote } from './parse-github-remote.js';
export { parseGithubRemote } from './parse-github-remote.js';
export type {
  PullRequest,
  PullRequestInput,
  PullRequestPhaseRow,
  PullRequestRisk,
  PullRequestTests,
} from './pull-request.js';
export { toPullRequest } from './pull-request.js';
export type { PushBranchOptions } from './push-branch.js';
export { pushBranch } from './push-branch.js';
export type { GitOutput, RunGitOptions } from './run-git.js';
export { runGit, runGitRaw } from './run-git.js';
export {
  BRANCH_PREFIX,
  slugifyBranch,
  toSlug,
  toWorktreePath,
  uniqueBranchName,
} from './slugify-branch.js';
export type {
  CleanupOptions,
  CommitAllOptions,
  CreateWorktreeOptions,
  Worktree,
  WorktreeState,
} from './worktree.js';
export { createWorktree } from './worktree.js';
