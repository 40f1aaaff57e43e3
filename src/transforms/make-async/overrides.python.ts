import type { ClosureState, Member } from './closure-state.python.js';
import type { Hierarchy } from './hierarchy.python.js';
import type { FunctionRole } from './roles.python.js';
import type { SiteIndex } from './site-index.python.js';
import { type FunctionFacts, toKey } from './site-types.python.js';

/** What following a method's class hierarchy needs. */
export interface OverrideContext {
  state: ClosureState;
  index: SiteIndex;
  hierarchy: Hierarchy;
  roleOf(fn: FunctionFacts): Promise<FunctionRole>;
}

/**
 * A converted method moves its whole hierarchy: the methods of the same name in the classes it
 * derives from (`overridden by Child.load`) and in the classes deriving from it
 * (`overrides Base.load`), each subject to its own role (roles.python.ts refuses a method that
 * overrides a library's: library code calls it synchronously).
 */
export async function followOverrides(context: OverrideContext, member: Member): Promise<void> {
  const { fn } = member;
  if (fn.classAt === undefined) return;
  const cls = context.index.classAt({ file: fn.file, ...fn.classAt });
  if (cls === undefined) return;
  const via = toKey(fn);
  for (const ancestor of await context.hierarchy.ancestors(cls)) {
    if (ancestor.kind === 'library') continue;
    await consider(
      context,
      via,
      ancestor.cls.file,
      ancestor.cls.methods[fn.name],
      `overridden by ${fn.qualname}`,
    );
  }
  for (const sub of await context.hierarchy.descendants(cls)) {
    await consider(context, via, sub.file, sub.methods[fn.name], `overrides ${fn.qualname}`);
  }
}

async function consider(
  context: OverrideContext,
  via: string,
  file: string,
  at: { line: number; column: number } | undefined,
  reason: string,
): Promise<void> {
  if (at === undefined) return;
  const fn = context.index.functionAt({ file, ...at });
  if (fn === undefined || fn.isAsync || context.state.members.has(toKey(fn))) return;
  const role = await context.roleOf(fn);
  if (role.kind === 'plain') {
    context.state.join(fn, reason, via);
    return;
  }
  context.state.addBoundary(via, fn, {
    kind: role.kind === 'refused' ? role.boundary : 'other',
    detail: `${role.kind === 'refused' ? role.detail : `${fn.qualname} is a ${role.kind}`} (${reason})`,
    handling: 'refused',
    tail: fn.qualname,
  });
}
