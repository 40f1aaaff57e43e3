import { throwIfAborted } from '../../lang/typescript/engine/workspace-files.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { findReferences } from '../../lang/typescript/queries/find-references.js';
import { toLineColumn, toProgramLocation } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import { followAnonymous, handleUse } from './call-sites.typescript.js';
import {
  type BoundaryDraft,
  type ClosureResult,
  type ClosureState,
  chainOf,
  type Member,
} from './closure-types.typescript.js';
import { findDeclarationFileMates } from './declaration-file.typescript.js';
import { isGenerator } from './enclosing.typescript.js';
import { type FunctionUnit, qualifiedName } from './function-units.typescript.js';
import { findHierarchyMates } from './hierarchy.typescript.js';
import { returnsPromise, writtenReturnType } from './promise-types.typescript.js';
import { classifyUse, findReferenceNode } from './uses.typescript.js';

/**
 * Grows the closure from `roots` to a fixpoint: each member's references (TypeScript's
 * find-all-references, through imports, re-exports, namespace imports, `this.`, and CommonJS
 * `require`) are classified; each caller joins, each class-hierarchy mate joins, and where
 * propagation must stop a boundary is recorded (wrapped or refused).
 */
export function buildClosure(
  project: WorkspaceProject,
  roots: readonly FunctionUnit[],
  signal?: AbortSignal,
): ClosureResult {
  const result: ClosureResult = {
    members: [],
    awaits: [],
    asyncCallbacks: [],
    topLevel: [],
    boundaries: [],
  };
  const queue: Member[] = [];
  const queued = new Set<string>();
  const seen = new Set<string>();
  const once = (key: string): boolean => {
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  };
  const state: ClosureState = {
    project,
    checker: project.program().getTypeChecker(),
    signal,
    enqueue(unit, reason, via) {
      if (queued.has(unit.key)) return undefined;
      queued.add(unit.key);
      const member = { unit, reason, via };
      queue.push(member);
      return member;
    },
    addAwait(site) {
      if (once(`await:${nodeKey(site.expression)}`)) result.awaits.push(site);
    },
    addAsyncCallback(callback) {
      if (once(`callback:${nodeKey(callback.fn)}`)) result.asyncCallbacks.push(callback);
    },
    addTopLevel(site) {
      if (once(`top:${nodeKey(site.expression)}`)) result.topLevel.push(site);
    },
    addBoundary(boundary) {
      if (once(`boundary:${boundary.kind}:${nodeKey(boundary.node)}`))
        result.boundaries.push(boundary);
    },
  };
  for (const root of roots) state.enqueue(root, 'root', undefined);
  while (queue.length > 0) {
    throwIfAborted(signal);
    processMember(state, queue.shift() as Member, result);
  }
  return result;
}

function processMember(state: ClosureState, member: Member, result: ClosureResult): void {
  const { unit } = member;
  const refused = refuseMember(unit);
  if (refused !== undefined) {
    state.addBoundary({
      node: unit.nameNode ?? unit.declaration,
      ...refused,
      chain: chainOf(member),
      handling: 'refused',
    });
    return;
  }
  result.members.push(member);
  if (unit.role === 'function' || unit.role === 'signature') enqueueHierarchy(state, member);
  if (unit.role !== 'alias' && returnsPromise(state.checker, unit)) return;
  if (unit.role === 'anonymous') {
    followAnonymous(state, member);
    return;
  }
  if (unit.nameNode === undefined) return;
  const at = {
    file: state.project.toRelative(unit.sourceFile.fileName),
    ...toLineColumn(unit.sourceFile, unit.nameNode.getStart(unit.sourceFile)),
  };
  for (const reference of findReferences(state.project, at, state.signal)) {
    const { sourceFile, offset } = toProgramLocation(state.project, reference);
    const node = findReferenceNode(sourceFile, offset);
    if (node === undefined || node === unit.nameNode) continue;
    handleUse(state, classifyUse(node, unit), member, node);
  }
}

/** The whole class hierarchy `member` moves with, each mate joining through the one it is next to. */
function enqueueHierarchy(state: ClosureState, member: Member): void {
  const pending = [member];
  while (pending.length > 0) {
    const current = pending.shift() as Member;
    for (const mate of [
      ...findHierarchyMates(state.project, current.unit),
      ...findDeclarationFileMates(state.project, current.unit),
    ]) {
      const joined = state.enqueue(mate.unit, mate.reason, current);
      if (joined !== undefined) pending.push(joined);
    }
  }
}

/** Why a function itself cannot become async (a root, or one reached through its hierarchy). */
function refuseMember(unit: FunctionUnit): Pick<BoundaryDraft, 'kind' | 'detail'> | undefined {
  const fn = unit.fn;
  const name = qualifiedName(unit);
  if (fn !== undefined && ts.isConstructorDeclaration(fn)) {
    return {
      kind: 'constructor',
      detail: `${name} is a constructor, which cannot be async; use an async factory method`,
    };
  }
  if (fn !== undefined && (ts.isGetAccessorDeclaration(fn) || ts.isSetAccessorDeclaration(fn))) {
    const what = ts.isGetAccessorDeclaration(fn) ? 'getter' : 'setter';
    return {
      kind: 'accessor',
      detail: `${name} is a ${what}, which cannot be async; turn it into an async method`,
    };
  }
  if (fn !== undefined && isGenerator(fn)) {
    return {
      kind: 'generator',
      detail: `${name} is a generator; an async generator is another kind of function`,
    };
  }
  const written = writtenReturnType(unit);
  if (written !== undefined && ts.isTypePredicateNode(written)) {
    return {
      kind: 'other',
      detail: `${name} returns a type predicate (${written.getText()}), which an async function cannot`,
    };
  }
  return undefined;
}

function nodeKey(node: ts.Node): string {
  const sourceFile = node.getSourceFile();
  return `${sourceFile.fileName}:${node.getStart(sourceFile)}:${node.getEnd()}`;
}
