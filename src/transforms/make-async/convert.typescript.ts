import type ts from 'typescript';
import type { ComputedEdits } from '../../core/services.js';
import type { SourcePosition } from '../../core/source-types.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { comparePositions, toLineColumn } from '../../lang/typescript/queries/positions.js';
import { addAsyncKeyword, addReturnTypeEdits } from './async-edits.typescript.js';
import { addAwaitEdit } from './await-edits.typescript.js';
import { buildClosure } from './closure.typescript.js';
import type { BoundaryDraft, ClosureResult } from './closure-types.typescript.js';
import type { Boundary, ConvertFacts } from './contract.js';
import { createEditSet, type EditSet } from './edit-set.typescript.js';
import { isAsyncFunction } from './enclosing.typescript.js';
import { addEntryScripts } from './entry-scripts.typescript.js';
import { type FunctionBody, toFunctionRef } from './function-units.typescript.js';
import { addIifeEdits, planIifeWraps } from './iife.typescript.js';
import { findModuleRoots } from './module-roots.typescript.js';
import { addBlockingRewrites } from './rewrites.typescript.js';
import { findUnitAt, splitRoots } from './roots.typescript.js';

/** What `mode: 'convert'` starts from: the function form's roots and/or the module form's files. */
export interface ConvertRequest {
  roots: readonly SourcePosition[];
  files: readonly string[];
}

/**
 * make_async's conversion on the TypeScript LanguageService: the roots, the closure to a
 * fixpoint, the boundaries, and every edit (async, return types, awaits, wrapping, blocking
 * rewrites, imports). When a boundary is refused or a root is a generator, the facts say so
 * and no change is returned.
 */
export function convertMakeAsync(
  project: WorkspaceProject,
  request: ConvertRequest,
  signal?: AbortSignal,
): ComputedEdits {
  const moduleRoots =
    request.files.length > 0 ? findModuleRoots(project, request.files, signal) : undefined;
  const units = [
    ...request.roots.map((at) => findUnitAt(project, at)),
    ...(moduleRoots?.roots ?? []),
  ];
  const roots = splitRoots(units);
  const closure = buildClosure(project, roots.convertible, signal);
  const scripts = addEntryScripts(project, closure);
  const checker = project.program().getTypeChecker();
  const checkerFor = (sourceFile: ts.SourceFile): ts.TypeChecker =>
    scripts.find((script) => script.sourceFile === sourceFile)?.checker ?? checker;
  const wraps = planIifeWraps(checkerFor, closure.topLevel);
  const edits = createEditSet();
  addConversionEdits(edits, project, closure);
  for (const wrap of wraps) addIifeEdits(edits, wrap);
  const functions = closure.members.flatMap((m) =>
    m.unit.fn === undefined || m.unit.role === 'alias' ? [] : [m.unit.fn],
  );
  const rewrites = addBlockingRewrites(edits, project, functions);
  const boundaries = closure.boundaries.map((b) => toBoundary(project, b)).sort(compareBoundaries);
  const facts: ConvertFacts = {
    roots: roots.all.map((u) => toFunctionRef(project, u)).sort(comparePositions),
    closure: closure.members
      .filter((m) => m.unit.role !== 'alias')
      .map((m) => ({ ...toFunctionRef(project, m.unit), reason: m.reason }))
      .sort(comparePositions),
    alreadyAsync: roots.alreadyAsync.map((u) => toFunctionRef(project, u)).sort(comparePositions),
    generators: roots.generators.map((u) => toFunctionRef(project, u)).sort(comparePositions),
    boundaries,
    rewrites,
    blocking: moduleRoots?.blocking ?? [],
  };
  const refused = roots.generators.length > 0 || boundaries.some((b) => b.handling === 'refused');
  return { changes: refused ? [] : edits.toChanges(project), facts };
}

function addConversionEdits(
  edits: EditSet,
  project: WorkspaceProject,
  closure: ClosureResult,
): void {
  const checker = project.program().getTypeChecker();
  for (const { unit } of closure.members) {
    if (unit.role === 'alias') continue;
    const fn: FunctionBody | undefined = unit.fn;
    if (fn !== undefined && !isAsyncFunction(fn)) addAsyncKeyword(edits, fn);
    addReturnTypeEdits(edits, checker, unit);
  }
  for (const callback of closure.asyncCallbacks) {
    if (!isAsyncFunction(callback.fn)) addAsyncKeyword(edits, callback.fn, callback.reason);
  }
  for (const site of closure.awaits) addAwaitEdit(edits, site.expression, site.promiseAll);
  for (const site of closure.topLevel) addAwaitEdit(edits, site.expression, site.promiseAll);
}

function toBoundary(project: WorkspaceProject, draft: BoundaryDraft): Boundary {
  const sourceFile = draft.node.getSourceFile();
  return {
    file: project.toRelative(sourceFile.fileName),
    ...toLineColumn(sourceFile, draft.node.getStart(sourceFile)),
    kind: draft.kind,
    detail: draft.detail,
    chain: draft.chain,
    handling: draft.handling,
    ...(draft.how === undefined || draft.handling === 'refused' ? {} : { how: draft.how }),
  };
}

function compareBoundaries(a: Boundary, b: Boundary): number {
  return comparePositions(a, b) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0);
}
