import { comparePositionTuples } from '../../core/change/text-positions.js';
import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { findReferencePositions } from '../../lang/python/queries/find-reference-positions.js';
import { toPositionTuple } from '../../lang/python/queries/find-signature-shapes.js';
import { requirePosition } from '../require-position.js';
import { collectPythonFamily } from '../shared/parameters/family.python.js';
import { createPlanBuilder } from '../shared/parameters/plan-helpers.js';
import { planRemoveParameter, whyNotRemovable } from '../shared/parameters/plan-remove.js';
import { addFamilyNotes, toComputedEdits } from '../shared/parameters/to-computed-edits.js';
import { verifySignaturePython } from '../shared/parameters/verify.python.js';
import type { RemoveParameterArgs } from './contract.js';

/** remove_parameter's Python half: the family from pyright and `ast`, its edits and problems. */
export async function computeRemoveParameterPython(
  workspace: PythonWorkspace,
  target: TransformTarget,
  args: RemoveParameterArgs,
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  const at = workspace.resolvePosition(requirePosition(target, 'remove_parameter'));
  if (args.mode === 'verify') return verifySignaturePython(workspace, args, signal);
  const found = await collectPythonFamily(workspace, at, { readTexts: true }, signal);
  const plan = createPlanBuilder(found.family);
  addFamilyNotes(plan, found);
  for (const [i, declaration] of found.family.declarations.entries()) {
    const index = declaration.slots.findIndex((s) => s.name === args.name);
    const slot = declaration.slots[index];
    const raw = found.raw[i];
    if (
      slot?.namePosition === undefined ||
      raw === undefined ||
      whyNotRemovable(declaration, index)
    )
      continue;
    const [line, column] = slot.namePosition;
    const start = toPositionTuple(raw.bodyStart);
    const end = toPositionTuple(raw.bodyEnd);
    for (const use of await findReferencePositions(
      workspace,
      { file: declaration.file, line, column },
      signal,
    )) {
      const inBody =
        use.file === declaration.file &&
        comparePositionTuples([use.line, use.column], start) >= 0 &&
        comparePositionTuples([use.line, use.column], end) < 0;
      if (inBody)
        plan.problem(use, 'uses-parameter', `${declaration.name} still uses "${args.name}" here`);
    }
  }
  for (const base of found.concreteBases) {
    const where = `${base.shape.container ?? ''}.${base.shape.name}`;
    if (base.shape.slots.some((s) => s.name === args.name)) {
      plan.problem(
        base.shape,
        'concrete-base',
        `${where} is a concrete base method that keeps "${args.name}"; calls through it would still pass it`,
      );
    } else {
      plan.report(
        base.shape,
        'concrete-base',
        `${where} does not take "${args.name}"; left as it is`,
      );
    }
  }
  return toComputedEdits(found.family, planRemoveParameter(found.family, args.name, plan));
}
