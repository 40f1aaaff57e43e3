import { toErrorMessage } from '../core/errors.js';
import { runGit } from '../vcs/run-git.js';
import { BRANCH_PREFIX } from '../vcs/slugify-branch.js';

/**
 * The other run branches whose tip holds exactly the tree `commit` does, on the same parent:
 * the same change made before (an `apply` of a plan already applied). Empty when none, or
 * when git cannot say (then `warn`).
 */
export async function findSameChange(
  root: string,
  branch: string,
  commit: string,
  warn: (message: string) => void,
): Promise<string[]> {
  try {
    const [tree = '', parent = ''] = (
      await runGit(['show', '-s', '--format=%T %P', commit], { cwd: root })
    )
      .trim()
      .split(' ');
    const refs = await runGit(
      [
        'for-each-ref',
        '--format=%(refname:short) %(tree) %(parent)',
        `refs/heads/${BRANCH_PREFIX}`,
      ],
      { cwd: root },
    );
    return refs
      .split('\n')
      .map((line) => line.split(' '))
      .filter(([name, t, p]) => name !== branch && t === tree && p === parent)
      .map(([name = '']) => name);
  } catch (error) {
    warn(`Could not compare the change with other branches: ${toErrorMessage(error)}`);
    return [];
  }
}
