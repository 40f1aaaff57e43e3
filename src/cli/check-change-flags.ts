import { statSync } from 'node:fs';
import path from 'node:path';
import { OrchestratorError } from '../core/errors.js';

/** The flags `checkChangeFlags` reads. */
export interface CheckedFlags {
  workspace?: string;
  output?: string;
  github?: boolean;
  remote?: string;
  githubRepo?: string;
  dryRun?: boolean;
}

/**
 * Refuses, before anything loads, the flags a command would ignore and a `--workspace` that is
 * not a folder. `BAD_INPUT` naming the flag and what to do instead.
 */
export function checkChangeFlags(kind: 'run' | 'plan' | 'apply', flags: CheckedFlags): void {
  const noPullRequest = kind === 'plan' ? 'plan' : flags.dryRun ? '--dry-run' : undefined;
  if (noPullRequest !== undefined) {
    const ignored = [
      flags.output !== undefined ? '--output' : undefined,
      flags.github ? '--github' : undefined,
      flags.remote !== undefined ? '--remote' : undefined,
      flags.githubRepo !== undefined ? '--github-repo' : undefined,
    ].filter((flag) => flag !== undefined);
    if (ignored.length > 0) {
      throw new OrchestratorError(
        'BAD_INPUT',
        `${noPullRequest} makes no pull request, so ${ignored.join(', ')} would do nothing. ${
          kind === 'plan'
            ? 'Pass them to "apply <plan>" (or "run"); --out <file> says where plan writes the plan.'
            : 'Drop --dry-run to make the change, or drop them.'
        }`,
        { data: { flags: ignored } },
      );
    }
  }
  if (flags.workspace !== undefined) checkFolder(flags.workspace, '--workspace');
}

function checkFolder(dir: string, flag: string): void {
  const absolute = path.resolve(dir);
  const stat = statSync(absolute, { throwIfNoEntry: false });
  if (stat === undefined) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${flag} ${dir}: the folder ${absolute} does not exist. Pass a folder inside a git repository.`,
      { data: { flag, path: absolute } },
    );
  }
  if (!stat.isDirectory()) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${flag} ${dir}: ${absolute} is a file, not a folder. Pass a folder inside a git repository.`,
      { data: { flag, path: absolute } },
    );
  }
}
