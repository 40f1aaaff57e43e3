import { OrchestratorError } from '../../../core/errors.js';
import type { SourcePosition } from '../../../core/source-types.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { SCOPES_SCRIPT } from '../scripts/scopes-script.js';
import type { PositionScopes, ScopesQueryResult } from './scope-types.js';

/**
 * The lexical scopes enclosing `at`, innermost first (function, class, module…), each with
 * every name bound in it and where; also how the name at `at` is used. From Python's `ast`.
 * @throws BAD_INPUT when the file does not parse.
 */
export async function findScopes(
  workspace: PythonWorkspace,
  at: SourcePosition,
  signal?: AbortSignal,
): Promise<PositionScopes> {
  const { file, line, column } = workspace.resolvePosition(at);
  const result = await workspace.runScript<ScopesQueryResult>(
    SCOPES_SCRIPT,
    {
      root: workspace.root,
      mode: 'query',
      files: [{ file, positions: [{ line, column }] }],
    },
    signal,
  );
  const position = result.results[0]?.positions[0];
  if (position === undefined) {
    const message = result.errors[0]?.message ?? 'unknown error';
    throw new OrchestratorError(
      'BAD_INPUT',
      `Cannot parse ${file}: ${message}. Fix the syntax error first.`,
      {
        data: { file },
      },
    );
  }
  return position;
}
