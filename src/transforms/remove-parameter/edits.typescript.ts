import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { findReferences } from '../../lang/typescript/queries/find-references.js';
import { toProgramLocation } from '../../lang/typescript/queries/positions.js';
import { requirePosition } from '../require-position.js';
import { findArgumentsReads } from '../shared/parameters/body-names.typescript.js';
import { collectTypeScriptFamily, positionOf } from '../shared/parameters/family.typescript.js';
import { createPlanBuilder } from '../shared/parameters/plan-helpers.js';
import { planRemoveParameter, whyNotRemovable } from '../shared/parameters/plan-remove.js';
import { addFamilyNotes, toComputedEdits } from '../shared/parameters/to-computed-edits.js';
import { verifySignatureTypeScript } from '../shared/parameters/verify.typescript.js';
import type { RemoveParameterArgs } from './contract.js';

/** remove_parameter's TS/JS half: the family from the LanguageService, its edits and problems. */
export async function computeRemoveParameterTypeScript(
  project: WorkspaceProject,
  target: TransformTarget,
  args: RemoveParameterArgs,
): Promise<ComputedEdits> {
  const at = requirePosition(target, 'remove_parameter');
  if (args.mode === 'verify') return verifySignatureTypeScript(project, args);
  const found = await collectTypeScriptFamily(project, at);
  const plan = createPlanBuilder(found.family);
  addFamilyNotes(plan, found);
  for (const [i, member] of found.members.entries()) {
    const declaration = found.family.declarations[i];
    const index = declaration?.slots.findIndex((s) => s.name === args.name) ?? -1;
    const slot = declaration?.slots[index];
    const body = 'body' in member.fn ? member.fn.body : undefined;
    if (declaration === undefined || slot?.namePosition === undefined || body === undefined)
      continue;
    if (whyNotRemovable(declaration, index) !== undefined) continue;
    const [line, column] = slot.namePosition;
    for (const use of findReferences(project, { file: declaration.file, line, column })) {
      const { offset } = toProgramLocation(project, use);
      const inBody =
        use.file === declaration.file && offset >= body.getStart() && offset < body.end;
      if (!use.isDefinition && inBody)
        plan.problem(use, 'uses-parameter', `${declaration.name} still uses "${args.name}" here`);
    }
    for (const read of findArgumentsReads(member)) {
      const [readLine, readColumn] = positionOf(read);
      plan.problem(
        { file: declaration.file, line: readLine, column: readColumn },
        'uses-parameter',
        `${declaration.name} reads \`arguments\`, whose indexes shift when "${args.name}" goes`,
      );
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
