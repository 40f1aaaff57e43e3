import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import { findUnparsableTexts } from '../../lang/python/queries/find-signature-shapes.js';
import { validatePythonIdentifier } from '../../lang/python/queries/validate-python-identifier.js';
import { requirePosition } from '../require-position.js';
import { collectPythonFamily } from '../shared/parameters/family.python.js';
import { planAddParameter } from '../shared/parameters/plan-add.js';
import { createPlanBuilder } from '../shared/parameters/plan-helpers.js';
import { addFamilyNotes, toComputedEdits } from '../shared/parameters/to-computed-edits.js';
import { verifySignaturePython } from '../shared/parameters/verify.python.js';
import type { AddParameterArgs } from './contract.js';

/** add_parameter's Python half: the family from pyright and `ast`, its edits and problems. */
export async function computeAddParameterPython(
  workspace: PythonWorkspace,
  target: TransformTarget,
  args: AddParameterArgs,
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  const at = workspace.resolvePosition(requirePosition(target, 'add_parameter'));
  if (args.mode === 'verify') return verifySignaturePython(workspace, args, signal);
  validatePythonIdentifier(args.name);
  const found = await collectPythonFamily(
    workspace,
    at,
    { name: args.name, readTexts: true },
    signal,
  );
  const plan = createPlanBuilder(found.family);
  addFamilyNotes(plan, found);
  const texts = [
    { label: 'default', text: args.default, as: 'expression' as const },
    { label: 'type', text: args.type, as: 'type' as const },
    { label: 'value', text: args.value, as: 'expression' as const },
  ].filter(
    (t): t is { label: string; text: string; as: 'expression' | 'type' } => t.text !== undefined,
  );
  for (const bad of await findUnparsableTexts(workspace, texts, signal)) {
    const item = texts[bad.index] as (typeof texts)[number];
    plan.problem(
      at,
      'bad-text',
      `the ${item.label} ${JSON.stringify(item.text)} is not a Python ${item.as === 'type' ? 'annotation' : 'expression'}: ${bad.message}`,
    );
  }
  if (args.default?.trim() === 'undefined')
    plan.problem(at, 'bad-text', 'Python has no `undefined`: write the default as None');
  found.raw.forEach((raw, i) => {
    const declaration = found.family.declarations[i];
    if (declaration === undefined || declaration.slots.some((s) => s.name === args.name)) return;
    for (const use of raw.uses) {
      plan.problem(
        { file: declaration.file, ...use },
        'shadows-a-name',
        `${declaration.name}'s body has "${args.name}" here (${use.what}); a parameter of that name would change what it means`,
      );
    }
  });
  for (const base of found.concreteBases) {
    const where = `${base.shape.container ?? ''}.${base.shape.name}`;
    if (args.default === undefined)
      plan.problem(
        base.shape,
        'concrete-base',
        `${where} is a concrete base method that keeps its signature; calls through it would not pass "${args.name}"`,
      );
    else
      plan.report(
        base.shape,
        'concrete-base',
        `${where} keeps its signature; the new parameter has a default`,
      );
  }
  const parameter = {
    name: args.name,
    ...(args.default === undefined ? {} : { default: args.default }),
    ...(args.type === undefined ? {} : { type: args.type }),
    ...(args.value === undefined ? {} : { value: args.value }),
  };
  return toComputedEdits(found.family, planAddParameter(found.family, parameter, plan));
}
