import type { ripgrepFilesContract, ripgrepSearchContract } from '../../contracts/ripgrep.js';
import type { ContractInput } from '../../contracts/tool-contract.js';
import { OrchestratorError } from '../../core/errors.js';
import { ALWAYS_EXCLUDED_DIRS } from '../../core/searched-dirs.js';
import { findProtectedGlobDir } from '../shared/protected-paths.js';

/** A validated `search` request. */
export type SearchInput = ContractInput<typeof ripgrepSearchContract>;
/** A validated `files` request. */
export type FilesInput = ContractInput<typeof ripgrepFilesContract>;

/**
 * True when the request has both types and a positive glob. rg lets a matching glob override
 * the type filter; we want both to hold, so such requests filter by type separately.
 */
export function needsTypeIntersection(input: FilesInput): boolean {
  const positive = (input.globs ?? []).some((glob) => !glob.startsWith('!'));
  return positive && (input.types ?? []).length > 0;
}

/**
 * Refuses a glob that names `.git` or `.mcp-orchestrator` (`UNSAFE_PATH`, naming the glob):
 * those folders are never searched, and a glob asking for them is a mistake worth reporting.
 */
export function validateGlobs(input: FilesInput): void {
  for (const glob of input.globs ?? []) {
    const dir = findProtectedGlobDir(glob);
    if (dir === undefined) continue;
    throw new OrchestratorError(
      'UNSAFE_PATH',
      `Glob ${JSON.stringify(glob)} names ${dir}/, which is never searched. Drop it, or name files outside ${dir}/.`,
      { data: { glob, protectedDir: dir } },
    );
  }
}

function filterArgs(input: FilesInput): string[] {
  // --no-follow: rg still reads a linked path given as the search path; run-search checks that.
  const args: string[] = ['--no-config', '--hidden', '--no-follow'];
  const intersect = needsTypeIntersection(input);
  for (const glob of input.globs ?? []) {
    if (!intersect || glob.startsWith('!')) args.push('--glob', glob);
  }
  // Last, because the last matching glob wins: no user glob can bring these back. Case-blind,
  // as `.GIT` is `.git` on macOS and Windows.
  for (const dir of ALWAYS_EXCLUDED_DIRS) args.push('--iglob', `!${dir}`);
  for (const type of input.types ?? []) args.push('--type', type);
  return args;
}

/** The same request with its types dropped (for the glob half of an intersection). */
export function withoutTypes<T extends FilesInput>(input: T): T {
  const { types: _types, ...rest } = input;
  return rest as T;
}

/** rg arguments for a search of `searchPath` (relative to the workspace, `.` for all of it). */
export function toSearchArgs(input: SearchInput, searchPath: string): string[] {
  const args = ['--json', ...filterArgs(input)];
  args.push(input.ignoreCase === true ? '--ignore-case' : '--case-sensitive');
  if (input.literal === true) args.push('--fixed-strings');
  if (input.word === true) args.push('--word-regexp');
  if (input.context !== undefined && input.context > 0) {
    args.push('--context', String(input.context));
  }
  if (input.maxCount !== undefined) args.push('--max-count', String(input.maxCount));
  args.push('--regexp', input.pattern, '--', searchPath);
  return args;
}

/** rg arguments that list the files a search of `searchPath` would read. */
export function toFilesArgs(input: FilesInput, searchPath = '.'): string[] {
  return ['--files', '--null', ...filterArgs(input), '--', searchPath];
}
