import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Untracked dependency folders a checkout has and a run links into its worktree. */
const DEPENDENCY_FOLDERS = ['node_modules', '.venv', 'venv'];

/** A temporary clone of a repository; `remove()` deletes it. */
export interface RepoClone {
  dir: string;
  remove(): void;
}

/**
 * Clones `repo` (its HEAD commit) into a temp folder, links its dependency folders
 * (node_modules, .venv) as a checkout would have them, and sets a commit identity. The repository
 * itself is only read.
 */
export function cloneRepo(repo: string, label: string): RepoClone {
  const source = path.resolve(repo);
  if (!existsSync(path.join(source, '.git'))) {
    throw new Error(`--repo ${repo}: no git repository there (no .git).`);
  }
  const parent = mkdtempSync(path.join(tmpdir(), `mcpo-bench-${label}-`));
  const dir = path.join(parent, path.basename(source));
  execFileSync('git', ['clone', '--quiet', source, dir]);
  for (const folder of DEPENDENCY_FOLDERS) {
    const from = path.join(source, folder);
    if (existsSync(from)) symlinkSync(from, path.join(dir, folder), 'dir');
  }
  execFileSync('git', ['config', 'user.name', 'bench'], { cwd: dir });
  execFileSync('git', ['config', 'user.email', 'bench@localhost'], { cwd: dir });
  // The links are untracked: keep them out of `git status`, as a checkout's .gitignore would.
  execFileSync(
    'sh',
    ['-c', `printf '%s\\n' ${DEPENDENCY_FOLDERS.join(' ')} >> .git/info/exclude`],
    {
      cwd: dir,
    },
  );
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
