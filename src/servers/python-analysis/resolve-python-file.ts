import { OrchestratorError } from '../../core/errors.js';
import { resolveWorkspacePath } from '../shared/workspace-path.js';

/**
 * The workspace-relative path of a `.py` file inside `root`.
 * @throws PATH_OUTSIDE_WORKSPACE when its real path is outside the root; UNSAFE_PATH in `.git`
 *   or `.mcp-orchestrator`; BAD_INPUT for anything but a `.py` file.
 */
export function resolvePythonFile(root: string, file: string): string {
  const { relative } = resolveWorkspacePath(root, file);
  if (!relative.endsWith('.py')) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `${JSON.stringify(file)} is not a Python file. python_analysis reads .py files only.`,
      { data: { file } },
    );
  }
  return relative;
}
