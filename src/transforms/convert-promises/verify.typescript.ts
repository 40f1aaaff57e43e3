import type { ComputedEdits } from '../../core/services.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { toLineColumn, toProgramLocation } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import type { VerifyFacts } from './contract.js';
import { isPromiseFunctionNode, type PromiseFunctionNode } from './functions.typescript.js';
import {
  forEachOwnNode,
  isPromiseHandlerCall,
  isPromiseLike,
  ownReturns,
} from './reasons.typescript.js';

/** The function whose block body starts at `offset`. */
function functionWithBodyAt(
  sourceFile: ts.SourceFile,
  offset: number,
): PromiseFunctionNode | undefined {
  let found: PromiseFunctionNode | undefined;
  const visit = (node: ts.Node): void => {
    if (found !== undefined || offset < node.pos || offset >= node.end) return;
    if (
      isPromiseFunctionNode(node) &&
      node.body !== undefined &&
      ts.isBlock(node.body) &&
      node.body.getStart(sourceFile) === offset
    ) {
      found = node;
      return;
    }
    node.forEachChild(visit);
  };
  sourceFile.forEachChild(visit);
  return found;
}

/** `.then`/`.catch`/`.finally` calls on a Promise that the function's own returns still hold. */
function returnedChains(node: PromiseFunctionNode, checker: ts.TypeChecker): ts.CallExpression[] {
  const calls: ts.CallExpression[] = [];
  const onPromise = (call: ts.CallExpression): boolean => {
    const receiver = (call.expression as ts.PropertyAccessExpression).expression;
    return isPromiseLike(checker.getTypeAtLocation(receiver));
  };
  for (const statement of ownReturns(node)) {
    const expression = statement.expression;
    if (expression === undefined) continue;
    if (isPromiseHandlerCall(expression) && onPromise(expression)) calls.push(expression);
    forEachOwnNode(expression, (child) => {
      if (isPromiseHandlerCall(child) && onPromise(child)) calls.push(child);
    });
  }
  return calls;
}

/**
 * REVIEW's question on the changed tree (the overlay): is each converted function `async` now,
 * and does none of its own `return`s still hand back a `.then`/`.catch`/`.finally` chain on a
 * Promise? Answered by the TypeScript checker on the changed files, not by reading text.
 */
export function verifyConverted(
  project: WorkspaceProject,
  functions: ReadonlyArray<{ file: string; line: number; column: number; name: string }>,
): ComputedEdits {
  const problems: VerifyFacts['problems'] = [];
  const checker = project.program().getTypeChecker();
  for (const entry of functions) {
    const { sourceFile, offset } = toProgramLocation(project, entry);
    const node = functionWithBodyAt(sourceFile, offset);
    if (node === undefined) {
      problems.push({ ...entry, problem: 'no function body starts here in the changed tree' });
      continue;
    }
    if ((ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Async) === 0) {
      problems.push({ ...entry, problem: 'is not async' });
    }
    for (const call of returnedChains(node, checker)) {
      const name = (call.expression as ts.PropertyAccessExpression).name;
      const at = toLineColumn(sourceFile, name.getStart(sourceFile));
      problems.push({
        ...entry,
        problem: `still returns a .${name.text}() chain at line ${at.line}, column ${at.column}`,
      });
    }
  }
  const facts: VerifyFacts = { problems };
  return { changes: [], facts };
}
