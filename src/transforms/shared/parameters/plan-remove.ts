import {
  createPlanBuilder,
  describeDynamicUse,
  type PlanBuilder,
  type SignaturePlan,
  toDeclarationReason,
} from './plan-helpers.js';
import {
  type CallShape,
  type DeclarationShape,
  isPositional,
  type ParameterSlot,
  type SignatureFamily,
  toArgumentList,
} from './shapes.js';
import { deleteSlots } from './slot-edits.js';

/** The removed parameter of one declaration: its slot and its index among positional slots. */
interface Removed {
  slot: ParameterSlot;
  /** Undefined for a keyword-only parameter. */
  position: number | undefined;
}

/** Why the slot at `index` cannot be removed (`*args`, `**kwargs`, the receiver); undefined when it can. */
export function whyNotRemovable(
  declaration: DeclarationShape,
  index: number,
): { code: 'variadic' | 'receiver'; detail: string } | undefined {
  const slot = declaration.slots[index];
  if (slot === undefined) return undefined;
  if (slot.kind === 'var-positional' || slot.kind === 'var-keyword') {
    const what = slot.kind === 'var-keyword' ? 'keyword arguments' : 'the remaining arguments';
    return {
      code: 'variadic',
      detail: `"${slot.name}" collects ${what}; only named parameters are removed`,
    };
  }
  const bound = declaration.binding === 'method' || declaration.binding === 'class-method';
  if (slot.kind === 'this' || (index === 0 && bound)) {
    return { code: 'receiver', detail: `"${slot.name}" is the receiver of ${declaration.name}` };
  }
  return undefined;
}

/** Whether a declaration forwards everything (`*args, **kwargs`) instead of naming the parameter. */
export function isForwarder(declaration: DeclarationShape): boolean {
  return (
    declaration.slots.some((slot) => slot.kind === 'var-positional') &&
    declaration.slots.some((slot) => slot.kind === 'var-keyword')
  );
}

/**
 * remove_parameter's plan: the parameter out of every declaration of the family (with a
 * Python `*` or `/` marker that nothing follows any more), and out of every call — the
 * keyword, or the argument at its position (later ones shift); problems for calls whose
 * position cannot be known, reports for what is left as it is.
 */
export function planRemoveParameter(
  family: SignatureFamily,
  name: string,
  plan: PlanBuilder = createPlanBuilder(family),
): SignaturePlan {
  const removed = family.declarations.map((declaration) =>
    removeFromDeclaration(plan, declaration, name),
  );
  const target = removed[family.declarations.findIndex((d) => d.role === 'target')];
  const safe = target?.slot.hasDefault === true;
  for (const call of family.calls) {
    const info =
      removed[call.declaration] ??
      (isForwarder(family.declarations[call.declaration] as DeclarationShape) ? target : undefined);
    if (info === undefined) {
      plan.call({ file: call.file, line: call.line, column: call.column, edit: 'none' });
      continue;
    }
    removeFromCall(plan, call, name, info);
  }
  for (const use of family.dynamic) {
    const detail = describeDynamicUse(use.kind);
    if (safe)
      plan.report(
        use,
        use.kind,
        `${detail}: left as it is (it has a default), but callers out of sight must not pass "${name}"`,
      );
    else plan.problem(use, 'dynamic-use', detail);
  }
  return plan.finish();
}

function removeFromDeclaration(
  plan: PlanBuilder,
  declaration: DeclarationShape,
  name: string,
): Removed | undefined {
  const { slots } = declaration;
  const index = slots.findIndex((slot) => slot.name === name);
  const slot = slots[index];
  if (slot === undefined) {
    const names = slots.flatMap((s) => (s.name === undefined ? [] : [s.name]));
    if (declaration.role === 'target') {
      plan.problem(
        declaration,
        'no-such-parameter',
        `${declaration.name} has no parameter "${name}"; its parameters are: ${names.join(', ') || '(none)'}`,
      );
    } else if (isForwarder(declaration)) {
      plan.report(
        declaration,
        'forwards',
        `${declaration.name} takes *args and **kwargs: left as it is; its callers are edited as the declaration's`,
      );
    } else {
      plan.problem(declaration, 'override-lacks', `${declaration.name} does not take "${name}"`);
    }
    return undefined;
  }
  const why = whyNotRemovable(declaration, index);
  if (why !== undefined) {
    plan.problem(declaration, why.code, why.detail);
    return undefined;
  }
  const indexes = new Set([index]);
  const left = slots.filter((_, i) => i !== index);
  const marker = (kind: ParameterSlot['kind'], follower: ParameterSlot['kind']) => {
    const at = slots.findIndex((s) => s.kind === kind);
    if (at !== -1 && !left.some((s) => s.kind === follower)) indexes.add(at);
  };
  marker('keyword-marker', 'keyword-only');
  marker('positional-marker', 'positional-only');
  const reason = toDeclarationReason(declaration.role);
  const file = plan.text(declaration.file);
  if (!declaration.parenthesized) {
    plan.edit(declaration.file, {
      start: slot.start,
      end: slot.end,
      oldText: file.slice(slot.start, slot.end),
      newText: '()',
      reason,
    });
  } else {
    for (const edit of deleteSlots(file, declaration, indexes, reason))
      plan.edit(declaration.file, edit);
  }
  return {
    slot,
    position: isPositional(slot) ? slots.slice(0, index).filter(isPositional).length : undefined,
  };
}

function removeFromCall(plan: PlanBuilder, call: CallShape, name: string, removed: Removed): void {
  const at = { file: call.file, line: call.line, column: call.column };
  const file = plan.text(call.file);
  const keyword = call.args.findIndex((arg) => arg.kind === 'keyword' && arg.name === name);
  if (keyword !== -1) {
    for (const edit of deleteSlots(
      file,
      toArgumentList(call),
      new Set([keyword]),
      'call site (keyword)',
    ))
      plan.edit(call.file, edit);
    plan.call({ ...at, edit: 'removed' });
    return;
  }
  if (removed.position !== undefined) {
    const position = removed.position - call.implicit;
    const ordered = call.args.filter((arg) => arg.kind === 'positional' || arg.kind === 'spread');
    const spread = ordered.findIndex((arg) => arg.kind === 'spread');
    if (spread !== -1 && spread <= position) {
      plan.problem(
        at,
        'unknown-position',
        `passes arguments through *args/spread, so whether it passes "${name}" cannot be known`,
      );
      return;
    }
    const argument = ordered[position];
    if (argument !== undefined) {
      for (const edit of deleteSlots(
        file,
        toArgumentList(call),
        new Set([call.args.indexOf(argument)]),
        'call site',
      ))
        plan.edit(call.file, edit);
      plan.call({ ...at, edit: 'removed' });
      return;
    }
  }
  if (call.args.some((arg) => arg.kind === 'keyword-spread')) {
    if (removed.slot.hasDefault)
      plan.report(at, 'keyword-spread', `passes **kwargs, which must not hold "${name}" any more`);
    else
      plan.problem(
        at,
        'in-keyword-spread',
        `passes **kwargs, which must hold the required "${name}"`,
      );
  }
  plan.call({ ...at, edit: 'none' });
}
