import type { ComputedEdits } from '../../../core/services.js';
import type { PythonWorkspace } from '../../../lang/python/engine/python-workspace.js';
import { createPythonClassGraph } from '../../../lang/python/queries/find-class-hierarchy.js';
import { readPythonDeclarations } from '../../../lang/python/queries/find-signature-shapes.js';
import { collectPythonCalls } from './calls.python.js';
import type { SignatureVerifyArgs } from './contract.js';
import { toPythonShape } from './family.python.js';
import type { DeclarationShape } from './shapes.js';
import { toVerifyFacts } from './verify-facts.js';

/** Mode `verify` on pyright: the declarations' parameters and the calls, in the changed tree. */
export async function verifySignaturePython(
  workspace: PythonWorkspace,
  args: SignatureVerifyArgs,
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  const positions = args.declarations.map((at) => workspace.resolvePosition(at));
  const read = await readPythonDeclarations(workspace, positions, undefined, signal);
  const shapes = read.map((one, i) =>
    'error' in one
      ? undefined
      : toPythonShape(one, positions[i] as (typeof positions)[number], 'target'),
  );
  const found = shapes.filter((s): s is DeclarationShape => s !== undefined);
  const graph = await createPythonClassGraph(workspace, signal);
  const { calls } = await collectPythonCalls(
    workspace,
    found,
    new Set(graph.classes.map((c) => c.name)),
    signal,
  );
  return { changes: [], facts: { ...toVerifyFacts(positions, shapes, calls, found, args.name) } };
}
