import type { SourcePosition } from '../../core/source-types.js';
import { throwIfAborted } from '../../lang/typescript/engine/workspace-files.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { findReferences } from '../../lang/typescript/queries/find-references.js';
import {
  comparePositions,
  findNameNodeAt,
  lineTextAt,
  toLineColumn,
  toProgramLocation,
} from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import { classifyCallbackTarget } from './callbacks.typescript.js';
import type { VerifyFacts } from './contract.js';
import { isAsyncFunction } from './enclosing.typescript.js';
import { skipOuterExpressions } from './expressions.typescript.js';
import { isFunctionBody } from './function-units.typescript.js';
import { isConsumedAsPromise, isReturnedFromAsync } from './promise-types.typescript.js';
import { classifyUse, findReferenceNode } from './uses.typescript.js';

/**
 * On the changed tree: every reference to each function that is not awaited, returned from an
 * async function, handed to `Promise.all/allSettled/race/any`, chained with `.then/.catch/
 * .finally`, mapped inside one of those, or its own declaration / import / export. Functions
 * whose position is not a name in a loaded file are skipped.
 */
export function verifyMakeAsync(
  project: WorkspaceProject,
  functions: readonly (SourcePosition & { name: string })[],
  signal?: AbortSignal,
): VerifyFacts {
  const unawaited = new Map<string, VerifyFacts['unawaited'][number]>();
  // Aliases (`const load = getUser`, `const { load } = require(…)`) are checked like the function.
  const pending: { at: SourcePosition; name: string }[] = functions
    .filter((fn) => isNameInProgram(project, fn))
    .map((fn) => ({ at: fn, name: fn.name }));
  const seen = new Set(pending.map(({ at }) => `${at.file}:${at.line}:${at.column}`));
  while (pending.length > 0) {
    throwIfAborted(signal);
    const { at, name } = pending.shift() as (typeof pending)[number];
    for (const reference of findReferences(project, at, signal)) {
      const { sourceFile, offset } = toProgramLocation(project, reference);
      const node = findReferenceNode(sourceFile, offset);
      if (node === undefined) continue;
      const verdict = judge(project, node, name);
      if (verdict === 'handled') continue;
      if (verdict !== 'unawaited') {
        const key = `${verdict.file}:${verdict.line}:${verdict.column}`;
        if (!seen.has(key)) pending.push({ at: verdict, name });
        seen.add(key);
        continue;
      }
      unawaited.set(`${reference.file}:${reference.line}:${reference.column}`, {
        file: reference.file,
        line: reference.line,
        column: reference.column,
        function: name,
        lineText: lineTextAt(sourceFile, offset),
      });
    }
  }
  return { unawaited: [...unawaited.values()].sort(comparePositions) };
}

function isNameInProgram(project: WorkspaceProject, at: SourcePosition): boolean {
  const fileName = `${project.root}/${at.file}`;
  if (!project.isWorkspaceFile(fileName) || project.program().getSourceFile(fileName) === undefined)
    return false;
  try {
    const { sourceFile, offset } = toProgramLocation(project, at);
    const node = findNameNodeAt(sourceFile, offset);
    return (
      node !== undefined &&
      (ts.isIdentifier(node) ||
        ts.isPrivateIdentifier(node) ||
        node.kind === ts.SyntaxKind.DefaultKeyword)
    );
  } catch {
    return false;
  }
}

/** `handled`, `unawaited`, or an alias's position (whose references are checked in turn). */
function judge(
  project: WorkspaceProject,
  node: ts.Node,
  name: string,
): 'handled' | 'unawaited' | SourcePosition {
  const use = classifyUse(node, { name });
  switch (use.kind) {
    case 'call':
      return isPromiseHandled(use.site) ? 'handled' : 'unawaited';
    case 'argument': {
      const checker = project.program().getTypeChecker();
      const target = classifyCallbackTarget(checker, use.call, use.expression, true);
      const handled =
        target.kind === 'then' ||
        target.kind === 'test' ||
        (target.kind === 'map' && isPromiseHandled(use.call));
      return handled ? 'handled' : 'unawaited';
    }
    case 'alias': {
      const aliasName = use.unit.nameNode as ts.Node;
      const sourceFile = aliasName.getSourceFile();
      return {
        file: project.toRelative(sourceFile.fileName),
        ...toLineColumn(sourceFile, aliasName.getStart(sourceFile)),
      };
    }
    case 'escapes':
    case 'new':
      return 'unawaited';
    default:
      return 'handled';
  }
}

/** Awaited, returned from async, handed to a combinator or chained; or returned by a callback mapped inside one. */
function isPromiseHandled(expression: ts.Expression): boolean {
  if (isConsumedAsPromise(expression) || isReturnedFromAsync(expression)) return true;
  const outer = skipOuterExpressions(expression);
  const parent = outer.parent;
  const fn =
    ts.isArrowFunction(parent) && parent.body === outer
      ? parent
      : ts.isReturnStatement(parent)
        ? ts.findAncestor(parent, isFunctionBody)
        : undefined;
  if (
    fn === undefined ||
    isAsyncFunction(fn) ||
    !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))
  )
    return false;
  const call = skipOuterExpressions(fn).parent;
  return (
    ts.isCallExpression(call) &&
    ts.isPropertyAccessExpression(call.expression) &&
    call.expression.name.text === 'map' &&
    isPromiseHandled(call)
  );
}
