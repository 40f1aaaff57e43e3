import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import type { MakeAsyncArgs } from './contract.js';
import { convertToAsync } from './convert.python.js';
import { verifyAsync } from './verify.python.js';

/**
 * make_async's Python half, on the pyright workspace: `mode: 'convert'` computes the closure,
 * boundaries, blocking rewrites and edits (facts: `ConvertFacts`); `mode: 'verify'` reports the
 * uses of converted functions nothing awaits in the changed tree (facts: `VerifyFacts`, no
 * changes). The same input gives the same bytes: everything is sorted.
 */
export async function computeMakeAsyncPython(
  workspace: PythonWorkspace,
  target: TransformTarget,
  args: MakeAsyncArgs,
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  if (!(await workspace.hasPythonFiles(signal))) {
    return { changes: [], facts: args.mode === 'verify' ? { unawaited: [] } : emptyConvertFacts() };
  }
  if (args.mode === 'verify') {
    return { changes: [], facts: await verifyAsync(workspace, args, signal) };
  }
  return convertToAsync(workspace, target, args, signal);
}

function emptyConvertFacts() {
  return {
    roots: [],
    closure: [],
    alreadyAsync: [],
    generators: [],
    boundaries: [],
    rewrites: [],
    blocking: [],
  };
}
