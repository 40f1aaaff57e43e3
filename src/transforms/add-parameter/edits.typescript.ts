import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { checkSourceText } from '../../lang/typescript/queries/check-source-text.js';
import { validateIdentifier } from '../../lang/typescript/validate-identifier.js';
import { requirePosition } from '../require-position.js';
import { findBodyNames } from '../shared/parameters/body-names.typescript.js';
import { collectTypeScriptFamily, positionOf } from '../shared/parameters/family.typescript.js';
import { planAddParameter } from '../shared/parameters/plan-add.js';
import { createPlanBuilder } from '../shared/parameters/plan-helpers.js';
import { addFamilyNotes, toComputedEdits } from '../shared/parameters/to-computed-edits.js';
import { verifySignatureTypeScript } from '../shared/parameters/verify.typescript.js';
import type { AddParameterArgs } from './contract.js';

/** add_parameter's TS/JS half: the family from the LanguageService, its edits and problems. */
export async function computeAddParameterTypeScript(
  project: WorkspaceProject,
  target: TransformTarget,
  args: AddParameterArgs,
): Promise<ComputedEdits> {
  const at = requirePosition(target, 'add_parameter');
  if (args.mode === 'verify') return verifySignatureTypeScript(project, args);
  validateIdentifier(args.name);
  const found = await collectTypeScriptFamily(project, at);
  const javascript = found.family.syntax === 'javascript';
  const plan = createPlanBuilder(found.family);
  addFamilyNotes(plan, found);
  for (const [label, text, kind] of [
    ['default', args.default, 'expression'],
    ['type', args.type, 'type'],
    ['value', args.value, 'expression'],
  ] as const) {
    if (text === undefined) continue;
    const why =
      kind === 'type' && javascript
        ? 'JavaScript has no type annotations; leave the type out'
        : checkSourceText(text, kind, javascript);
    if (why !== undefined)
      plan.problem(
        at,
        'bad-text',
        `the ${label} ${JSON.stringify(text)} is not a ${javascript ? 'JavaScript' : 'TypeScript'} ${kind}: ${why}`,
      );
  }
  found.members.forEach((member, i) => {
    const declaration = found.family.declarations[i];
    if (declaration === undefined || declaration.slots.some((s) => s.name === args.name)) return;
    for (const use of findBodyNames(member, args.name)) {
      const [line, column] = positionOf(use.node);
      plan.problem(
        { file: declaration.file, line, column },
        'shadows-a-name',
        `${declaration.name}'s body ${use.what} "${args.name}" here; a parameter of that name would change what it means`,
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
