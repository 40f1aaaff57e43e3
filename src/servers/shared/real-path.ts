import { readlinkSync, realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import path from 'node:path';

/** Most symbolic links followed while resolving one path, as the kernel's own limit. */
const MAX_LINKS = 40;

function isMissing(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

function readLink(file: string): string | undefined {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}

function resolveMissing(absolute: string, links: number): string {
  try {
    return realpathSync(absolute);
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  // A dangling link is followed to where it points, so a later write cannot escape through it.
  const target = readLink(absolute);
  if (target !== undefined) {
    if (links >= MAX_LINKS) {
      throw Object.assign(new Error(`Too many symbolic links in ${absolute}`), { code: 'ELOOP' });
    }
    return resolveMissing(path.resolve(path.dirname(absolute), target), links + 1);
  }
  const parent = path.dirname(absolute);
  if (parent === absolute) return absolute;
  return path.join(resolveMissing(parent, links), path.basename(absolute));
}

/**
 * The real path of the absolute path `absolute`, every symbolic link resolved. A path that does
 * not exist yet resolves through its nearest existing parent, and dangling links are followed
 * to their targets. Throws the file system's error (`ELOOP`, `EACCES`) when it cannot resolve.
 */
export function resolveRealPathSync(absolute: string): string {
  return resolveMissing(absolute, 0);
}

/** {@link resolveRealPathSync} without blocking the event loop for existing paths. */
export async function loadRealPath(absolute: string): Promise<string> {
  try {
    return await realpath(absolute);
  } catch (error) {
    if (!isMissing(error)) throw error;
    return resolveRealPathSync(absolute);
  }
}

/**
 * `absolute` relative to `root` as a POSIX path (`''` for the root itself), or undefined when
 * it is not inside `root`. Both must be absolute; no link is resolved here.
 */
export function toPathInside(root: string, absolute: string): string | undefined {
  const relative = path.relative(root, absolute);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return undefined;
  }
  return relative.split(path.sep).join('/');
}
