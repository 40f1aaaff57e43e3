import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError } from '../../../core/errors.js';
import { SCRIPT_SOURCE_PATTERN } from '../../../core/source-language.js';
import type { SkippedSource } from '../../../core/source-types.js';
import { oversizedSourceReason } from '../../../files/oversized-source.js';

/** Folders never searched for source files, at any depth. */
export const EXCLUDED_DIRECTORIES: ReadonlySet<string> = new Set([
  'node_modules',
  'dist',
  'build',
  'coverage',
  '.git',
  '.mcp-orchestrator',
]);

/** A source file on disk and the facts that tell whether it changed. */
export interface WorkspaceFileStat {
  /** Absolute POSIX path. */
  fileName: string;
  mtimeMs: number;
  sizeBytes: number;
}

/** True when `fileName` (absolute) is a JS/TS source file by its extension. */
export function isSourceFileName(fileName: string): boolean {
  return SCRIPT_SOURCE_PATTERN.test(fileName);
}

/** True when the workspace-relative POSIX path lies in none of {@link EXCLUDED_DIRECTORIES}. */
export function isIncludedRelativePath(relative: string): boolean {
  if (relative === '' || relative.startsWith('../') || path.isAbsolute(relative)) return false;
  const segments = relative.split('/');
  return segments.slice(0, -1).every((segment) => !EXCLUDED_DIRECTORIES.has(segment));
}

/**
 * Lists every JS/TS source file under `root` outside the excluded folders, sorted by path,
 * without those too large, minified or generated to parse (see {@link loadWorkspaceSources}).
 * Symbolic links are not followed.
 */
export async function loadWorkspaceFiles(
  root: string,
  options: { signal?: AbortSignal } = {},
): Promise<WorkspaceFileStat[]> {
  return (await loadWorkspaceSources(root, options)).files;
}

/**
 * The workspace's JS/TS source files to parse, and those left out with the reason
 * ({@link oversizedSourceReason}: over 2 MB, or minified or generated), each sorted by path.
 */
export async function loadWorkspaceSources(
  root: string,
  options: { signal?: AbortSignal } = {},
): Promise<{ files: WorkspaceFileStat[]; skipped: SkippedSource[] }> {
  const files: WorkspaceFileStat[] = [];
  const skipped: SkippedSource[] = [];
  for (const file of await listSourceFiles(root, options)) {
    const reason = await oversizedSourceReason(file.fileName, file.sizeBytes, file.mtimeMs);
    if (reason === undefined) files.push(file);
    else skipped.push({ file: file.fileName.slice(root.length + 1), reason });
  }
  return { files, skipped };
}

async function listSourceFiles(
  root: string,
  options: { signal?: AbortSignal },
): Promise<WorkspaceFileStat[]> {
  const found: WorkspaceFileStat[] = [];
  const pending: string[] = [root];
  while (pending.length > 0) {
    throwIfAborted(options.signal);
    const directory = pending.pop() as string;
    const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
    const files: string[] = [];
    for (const entry of entries) {
      const fileName = `${directory}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!EXCLUDED_DIRECTORIES.has(entry.name)) pending.push(fileName);
      } else if (entry.isFile() && isSourceFileName(entry.name)) {
        files.push(fileName);
      }
    }
    const stats = await Promise.all(files.map((fileName) => stat(fileName).catch(() => undefined)));
    stats.forEach((info, index) => {
      const fileName = files[index];
      if (info === undefined || fileName === undefined) return;
      found.push({ fileName, mtimeMs: info.mtimeMs, sizeBytes: info.size });
    });
  }
  return found.sort((a, b) => compareStrings(a.fileName, b.fileName));
}

/** Ordinal string comparison (no locale), for deterministic output. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Throws `CANCELLED` when `signal` has been aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    throw new OrchestratorError('CANCELLED', 'The TypeScript analysis was cancelled.', {
      cause: signal.reason,
    });
  }
}
