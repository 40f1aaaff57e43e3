import { execFileSync } from 'node:child_process';

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', ...args], {
    cwd: dir,
    encoding: 'utf8',
  });

/** Makes `dir` a git repository on `main` with everything in it committed. */
export function commitAll(dir: string): void {
  git(dir, 'init', '--quiet', '--initial-branch=main');
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '-m', 'generated');
}

/** The files git tracks in `dir`. */
export function trackedFiles(dir: string): string[] {
  return git(dir, 'ls-files', '-z').split('\0').filter(Boolean);
}

/**
 * The files `branch` changes against `main`; throws when the branch does not exist or its tip
 * is not `commit` (a run that says it committed must have).
 */
export function filesChangedOnBranch(dir: string, branch: string, commit: string): string[] {
  const tip = git(dir, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`).trim();
  if (tip !== commit) throw new Error(`branch ${branch} is at ${tip}, not at ${commit}`);
  return git(dir, 'diff', '--name-only', '-z', 'main', branch).split('\0').filter(Boolean);
}
