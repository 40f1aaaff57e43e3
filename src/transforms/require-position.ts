import { OrchestratorError } from '../core/errors.js';
import type { TransformTarget } from '../core/services.js';
import type { SourcePosition } from '../core/source-types.js';

/** The target's position, or `BAD_INPUT` when the transform needs one and got only a file. */
export function requirePosition(target: TransformTarget, transform: string): SourcePosition {
  if (target.line === undefined || target.column === undefined) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `compute_edits for "${transform}" needs a line and a column in ${target.file}.`,
      { data: { ...target, transform } },
    );
  }
  return { file: target.file, line: target.line, column: target.column };
}
