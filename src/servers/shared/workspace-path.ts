import path from 'node:path';
import { OrchestratorError } from '../../core/errors.js';

/**
 * Resolves `file` (absolute, or relative to `root`) and refuses anything outside `root`.
 * @returns the absolute path and the workspace-relative POSIX path.
 */
export function resolveWorkspacePath(
  root: string,
  file: string,
): { absolute: string; relative: string } {
  const absolute = path.resolve(root, file);
  const relative = path.relative(root, absolute);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    throw new OrchestratorError(
      'PATH_OUTSIDE_WORKSPACE',
      `Path ${JSON.stringify(file)} is outside the workspace ${root}. Pass a path inside it.`,
      { data: { file, root } },
    );
  }
  return { absolute, relative: relative.split(path.sep).join('/') };
}
