import { OrchestratorError } from '../../core/errors.js';
import type { ComputedEdits, TransformTarget } from '../../core/services.js';

/**
 * convert_promises' Python half: there is nothing to convert (Python has no `.then`/`.catch`
 * chains), so it refuses with `BAD_INPUT`, naming the file and what to use instead.
 */
export function refuseConvertPromisesPython(target: TransformTarget): Promise<ComputedEdits> {
  return Promise.reject(
    new OrchestratorError(
      'BAD_INPUT',
      `"convert promise chains to async/await" works on JavaScript and TypeScript only; ${target.file} is Python, which has no .then/.catch chains. To make Python functions coroutines, use "make <name> async".`,
      { data: { file: target.file, transform: 'convert_promises' } },
    ),
  );
}
