import { realpathSync } from 'node:fs';
import path from 'node:path';
import { OrchestratorError, toErrorMessage } from '../../core/errors.js';
import { findProtectedDir } from './protected-paths.js';
import { resolveRealPathSync, toPathInside } from './real-path.js';

function outside(file: string, root: string, realPath?: string): OrchestratorError {
  const through = realPath === undefined ? '' : ` (through a symbolic link it is ${realPath})`;
  return new OrchestratorError(
    'PATH_OUTSIDE_WORKSPACE',
    `Path ${JSON.stringify(file)} is outside the workspace ${root}${through}. Pass a path inside it.`,
    { data: { file, root, ...(realPath === undefined ? {} : { realPath }) } },
  );
}

/** `UNSAFE_PATH` for a path (or glob) that names a folder no server may read. */
export function toProtectedPathError(file: string, dir: string): OrchestratorError {
  return new OrchestratorError(
    'UNSAFE_PATH',
    `Path ${JSON.stringify(file)} is in ${dir}/, which is never searched or read. Pass a path outside ${dir}/.`,
    { data: { file, protectedDir: dir } },
  );
}

function realRelative(root: string, file: string, absolute: string): string {
  let realRoot: string;
  let realPath: string;
  try {
    realRoot = realpathSync(root);
    realPath = resolveRealPathSync(absolute);
  } catch (error) {
    throw new OrchestratorError(
      'UNSAFE_PATH',
      `Cannot resolve the real path of ${JSON.stringify(file)} in ${root}: ${toErrorMessage(error)}. Pass a path without looping or unreadable links.`,
      { cause: error, data: { file, root } },
    );
  }
  const relative = toPathInside(realRoot, realPath);
  if (relative === undefined) throw outside(file, root, realPath);
  return relative;
}

/**
 * Resolves `file` (absolute, or relative to `root`) and refuses what a server must not read:
 * anything whose real path (symbolic links resolved; a path that does not exist yet through its
 * nearest existing parent) is outside `root` (`PATH_OUTSIDE_WORKSPACE`), and anything in `.git`
 * or `.mcp-orchestrator`, by name or through a link (`UNSAFE_PATH`).
 * @returns the absolute path and the workspace-relative POSIX path, both as given (links kept).
 */
export function resolveWorkspacePath(
  root: string,
  file: string,
): { absolute: string; relative: string } {
  const absolute = path.resolve(root, file);
  const relative = toPathInside(root, absolute);
  if (relative === undefined) throw outside(file, root);
  const lexicalDir = findProtectedDir(relative);
  if (lexicalDir !== undefined) throw toProtectedPathError(file, lexicalDir);
  const realDir = findProtectedDir(realRelative(root, file, absolute));
  if (realDir !== undefined) throw toProtectedPathError(file, realDir);
  return { absolute, relative };
}
