import { access } from 'node:fs/promises';
import path from 'node:path';
import type { GitCallOptions, GitWorkspace } from './open-git-workspace.js';
import { STATE_DIR_NAME } from './open-git-workspace.js';

/** Prefix of every branch the orchestrator creates. */
export const BRANCH_PREFIX = 'mcp-orchestrator/';

/** Longest slug after {@link BRANCH_PREFIX}, in characters (suffixes included). */
export const MAX_SLUG_LENGTH = 50;

/** Slug used when a command has no letters or digits at all. */
const EMPTY_SLUG = 'change';

/**
 * Turns a command into its slug: lowercase ASCII letters, digits and single dashes,
 * at most `maxLength` characters, cut at a word boundary when one is near.
 * The same command always gives the same slug.
 * @default maxLength 50
 */
export function toSlug(command: string, maxLength: number = MAX_SLUG_LENGTH): string {
  const words = command
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (words === '') return EMPTY_SLUG.slice(0, maxLength);
  if (words.length <= maxLength) return words;
  const cut = words.slice(0, maxLength);
  const lastDash = cut.lastIndexOf('-');
  const trimmed = lastDash >= maxLength / 2 ? cut.slice(0, lastDash) : cut;
  return trimmed.replace(/-+$/, '');
}

/**
 * The deterministic branch name for a command: `mcp-orchestrator/<slug>`.
 * @example slugifyBranch('Rename getUser to fetchUser') === 'mcp-orchestrator/rename-getuser-to-fetchuser'
 */
export function slugifyBranch(command: string): string {
  return `${BRANCH_PREFIX}${toSlug(command)}`;
}

/**
 * The folder a branch's worktree lives in: `<root>/.mcp-orchestrator/worktrees/<slug>`,
 * where the slug is the branch name without {@link BRANCH_PREFIX} and with `/` as `-`.
 */
export function toWorktreePath(root: string, branch: string): string {
  const name = branch.startsWith(BRANCH_PREFIX) ? branch.slice(BRANCH_PREFIX.length) : branch;
  return path.join(root, STATE_DIR_NAME, 'worktrees', name.replaceAll('/', '-'));
}

/**
 * `base` when neither that branch nor its worktree folder exists yet; otherwise the first
 * free `base-2`, `base-3`, … (the slug is shortened so the name stays within
 * {@link MAX_SLUG_LENGTH}).
 */
export async function uniqueBranchName(
  workspace: GitWorkspace,
  base: string,
  options: GitCallOptions = {},
): Promise<string> {
  const slug = base.startsWith(BRANCH_PREFIX) ? base.slice(BRANCH_PREFIX.length) : base;
  const prefix = base.startsWith(BRANCH_PREFIX) ? BRANCH_PREFIX : '';
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '' : `-${n}`;
    const head =
      n === 1
        ? slug
        : slug.slice(0, Math.max(1, MAX_SLUG_LENGTH - suffix.length)).replace(/-+$/, '');
    const candidate = `${prefix}${head}${suffix}`;
    if (await isFree(workspace, candidate, options)) return candidate;
  }
}

async function isFree(
  workspace: GitWorkspace,
  branch: string,
  options: GitCallOptions,
): Promise<boolean> {
  if (await workspace.branchExists(branch, options)) return false;
  return access(toWorktreePath(workspace.root, branch)).then(
    () => false,
    () => true,
  );
}
