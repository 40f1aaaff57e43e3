import { OrchestratorError } from '../../core/errors.js';
import {
  createWorkspaceFileFilter,
  keepWorkspaceItems,
  toSkippedField,
} from '../shared/workspace-file-filter.js';
import { resolveWorkspacePath } from '../shared/workspace-path.js';
import { createMatchCollector, type SearchMatch } from './collect-matches.js';
import { runRg } from './run-rg.js';
import {
  type FilesInput,
  needsTypeIntersection,
  type SearchInput,
  toFilesArgs,
  toSearchArgs,
  validateGlobs,
  withoutTypes,
} from './search-options.js';

/** Options shared by {@link runSearch} and {@link runListFiles}. */
export interface RgRunContext {
  rgPath: string;
  /** Real path of the workspace root. */
  root: string;
  signal?: AbortSignal;
}

/** What the `search` tool returns. */
export interface SearchResult {
  matches: SearchMatch[];
  /** True when more than the match cap matched; `matches` then holds the first ones by path. */
  truncated: boolean;
  /**
   * Files whose matches were dropped because their real path is outside the workspace or in
   * `.git`/`.mcp-orchestrator` (sorted); only present when there are some.
   */
  skippedFiles?: string[];
  stats: { filesSearched: number; elapsedMs: number };
}

/** What the `files` tool returns. */
export interface ListFilesResult {
  files: string[];
  /** Listed files refused as in {@link SearchResult.skippedFiles}; only present when some were. */
  skippedFiles?: string[];
}

function throwRgError(stderr: string, request: Record<string, unknown>): never {
  throw new OrchestratorError(
    'BAD_INPUT',
    `ripgrep refused the request: ${stderr || 'it exited with status 2'}`,
    { data: { ...request, stderr } },
  );
}

async function searchOnce(
  context: RgRunContext,
  args: string[],
  input: SearchInput,
  maxMatches: number,
  onlyFiles: ReadonlySet<string> | undefined,
): Promise<{ collector: ReturnType<typeof createMatchCollector>; failed: string | undefined }> {
  const collector = createMatchCollector({
    root: context.root,
    context: input.context ?? 0,
    maxMatches,
    ...(onlyFiles === undefined ? {} : { onlyFiles }),
  });
  const result = await runRg({
    rgPath: context.rgPath,
    args,
    cwd: context.root,
    onRecord: (record) => collector.accept(record),
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  });
  const failed = result.exitCode === 2 ? result.stderr : undefined;
  return { collector, failed };
}

/**
 * Searches the workspace with `rg --json`. Results are sorted by file, line and column. When
 * more than `maxMatches` match, the search runs again in path order (rg `--sort path`, one
 * thread) so the kept matches are the same on every run.
 */
export async function runSearch(
  context: RgRunContext,
  input: SearchInput,
  maxMatches: number,
): Promise<SearchResult> {
  const started = performance.now();
  validateGlobs(input);
  const searchPath =
    input.path === undefined ? '.' : resolveWorkspacePath(context.root, input.path).relative || '.';
  const intersect = needsTypeIntersection(input);
  const onlyFiles = intersect ? new Set(await listFiles(context, input, searchPath)) : undefined;
  const args = toSearchArgs(intersect ? withoutTypes(input) : input, searchPath);
  let { collector, failed } = await searchOnce(context, args, input, maxMatches, onlyFiles);
  if (collector.truncated()) {
    ({ collector, failed } = await searchOnce(
      context,
      ['--sort', 'path', ...args],
      input,
      maxMatches,
      onlyFiles,
    ));
  }
  const found = collector.matches();
  if (failed !== undefined && found.length === 0) {
    throwRgError(failed, { pattern: input.pattern });
  }
  const filter = createWorkspaceFileFilter(context.root);
  const { kept: matches, skippedFiles } = await keepWorkspaceItems(filter, found, (match) => [
    match.file,
  ]);
  return {
    matches,
    truncated: collector.truncated(),
    ...toSkippedField(skippedFiles),
    stats: {
      filesSearched: collector.filesSearched(),
      elapsedMs: Math.round(performance.now() - started),
    },
  };
}

async function listFiles(
  context: RgRunContext,
  input: FilesInput,
  searchPath: string,
): Promise<string[]> {
  const files: string[] = [];
  const result = await runRg({
    rgPath: context.rgPath,
    args: toFilesArgs(input, searchPath),
    cwd: context.root,
    separator: '\0',
    onRecord: (record) => {
      files.push(record.startsWith('./') ? record.slice(2) : record);
      return true;
    },
    ...(context.signal === undefined ? {} : { signal: context.signal }),
  });
  if (result.exitCode === 2 && files.length === 0 && result.stderr !== '') {
    throwRgError(result.stderr, { globs: input.globs, types: input.types });
  }
  return files;
}

/**
 * Lists the files a search would read, sorted. Types and positive globs must both hold
 * (rg alone would let a glob override the types).
 */
export async function runListFiles(
  context: RgRunContext,
  input: FilesInput,
): Promise<ListFilesResult> {
  validateGlobs(input);
  let listed: string[];
  if (needsTypeIntersection(input)) {
    const [typed, globbed] = await Promise.all([
      listFiles(context, input, '.'),
      listFiles(context, withoutTypes(input), '.'),
    ]);
    const typedSet = new Set(typed);
    listed = globbed.filter((file) => typedSet.has(file));
  } else {
    listed = await listFiles(context, input, '.');
  }
  const filter = createWorkspaceFileFilter(context.root);
  const { kept, skippedFiles } = await keepWorkspaceItems(filter, listed, (file) => [file]);
  return { files: kept.sort(), ...toSkippedField(skippedFiles) };
}
