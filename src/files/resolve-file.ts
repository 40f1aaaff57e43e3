import type { Stats } from 'node:fs';
import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { OrchestratorError } from '../core/errors.js';
import { validateWorkspacePath } from './path-guard.js';

/** A regular file that exists inside the workspace, found through at most inside links. */
export interface ExistingFile {
  /** The path as the change names it. */
  file: string;
  /** Absolute real path of the file. */
  absolute: string;
  /** Workspace-relative POSIX real path: what is read and written. */
  relative: string;
  /** Permission bits, kept when the file is rewritten. */
  mode: number;
  /** The named path itself is a symbolic link. */
  isLink: boolean;
}

/** A path inside the workspace where nothing exists yet. */
export interface NewFile {
  file: string;
  /** Absolute path below the real path of its deepest existing folder. */
  absolute: string;
  relative: string;
  /** Workspace-relative folders that writing the file creates, outermost first. */
  newFolders: string[];
}

/**
 * Resolves `file` under `root` (a real path) to the regular file it names. Links are followed
 * once, to the real file, and only when it lies inside the workspace and outside `.git/`.
 * @throws PLAN_INVALID when nothing is there; UNSAFE_PATH for a link that leads outside, a
 *   dangling link, or anything but a regular file; see {@link validateWorkspacePath}.
 */
export async function resolveExistingFile(root: string, file: string): Promise<ExistingFile> {
  const absolute = path.join(root, ...validateWorkspacePath(file));
  const named = await lstat(absolute).catch((error: unknown) => {
    if (!isMissing(error)) throw error;
    throw new OrchestratorError(
      'PLAN_INVALID',
      `${file} does not exist: the plan does not match the code. Make a new plan.`,
      { data: { file }, cause: error },
    );
  });
  const real = await toRealPath(root, file, absolute);
  const info: Stats = real.absolute === absolute ? named : await stat(real.absolute);
  if (!info.isFile()) {
    throw new OrchestratorError(
      'UNSAFE_PATH',
      `${file} is ${info.isDirectory() ? 'a folder' : 'a special file'}, not a regular file; a change only rewrites regular files. Name a file instead.`,
      { data: { file, resolved: real.relative } },
    );
  }
  return { file, ...real, mode: info.mode & 0o7777, isLink: named.isSymbolicLink() };
}

/**
 * Resolves `file` under `root` to a place where nothing exists: its deepest existing folder
 * must be a real folder inside the workspace.
 * @throws PLAN_INVALID when something exists there or a parent is a file; UNSAFE_PATH as
 *   {@link resolveExistingFile}.
 */
export async function resolveNewFile(root: string, file: string): Promise<NewFile> {
  const segments = validateWorkspacePath(file);
  const exists = await lstat(path.join(root, ...segments)).then(
    () => true,
    (error: unknown) => (isMissing(error) ? false : Promise.reject(error)),
  );
  if (exists) {
    throw new OrchestratorError(
      'PLAN_INVALID',
      `${file} already exists: the plan does not match the code. Make a new plan.`,
      { data: { file } },
    );
  }
  for (let depth = segments.length - 1; depth >= 0; depth -= 1) {
    const ancestor = path.join(root, ...segments.slice(0, depth));
    const found = await lstat(ancestor).then(
      () => true,
      (error: unknown) => (isMissing(error) ? false : Promise.reject(error)),
    );
    if (!found) continue;
    const shown = segments.slice(0, depth).join('/') || '.';
    const real =
      depth === 0 ? { absolute: root, relative: '' } : await toRealPath(root, shown, ancestor);
    if (!(await stat(real.absolute)).isDirectory()) {
      throw new OrchestratorError(
        'PLAN_INVALID',
        `${file} cannot be made: ${shown} is a file, not a folder. Make a new plan.`,
        { data: { file, parent: shown } },
      );
    }
    const rest = segments.slice(depth);
    const prefix = real.relative === '' ? '' : `${real.relative}/`;
    return {
      file,
      absolute: path.join(real.absolute, ...rest),
      relative: `${prefix}${rest.join('/')}`,
      newFolders: rest.slice(0, -1).map((_, index) => prefix + rest.slice(0, index + 1).join('/')),
    };
  }
  throw new Error(`The workspace root ${root} is gone.`);
}

/** Real path of `absolute` (which exists), refused unless inside `root` and outside `.git/`. */
async function toRealPath(
  root: string,
  file: string,
  absolute: string,
): Promise<{ absolute: string; relative: string }> {
  const real = await realpath(absolute).catch(async (error: unknown) => {
    const target = await readlink(absolute).catch(() => 'nowhere');
    throw new OrchestratorError(
      'UNSAFE_PATH',
      `${file} is a symbolic link to ${target}, which does not resolve to a file. Fix or remove the link.`,
      { data: { file, target }, cause: error },
    );
  });
  const relative = path.relative(root, real);
  const outside =
    relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  if (outside) {
    throw new OrchestratorError(
      'UNSAFE_PATH',
      `${file} resolves through a symbolic link to ${real}, outside the workspace ${root}; mcp-orchestrator never writes through it. Change the file inside the workspace instead, or leave ${file} out of the plan.`,
      { data: { file, target: real, root } },
    );
  }
  const posix = relative.split(path.sep).join('/');
  if (posix.split('/').some((segment) => segment.toLowerCase() === '.git')) {
    throw new OrchestratorError(
      'UNSAFE_PATH',
      `${file} resolves through a symbolic link into .git/ (${posix}), which a change never touches. Leave it out of the plan.`,
      { data: { file, target: posix } },
    );
  }
  return { absolute: real, relative: posix };
}

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
