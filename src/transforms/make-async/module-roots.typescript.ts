import type { z } from 'zod';
import { throwIfAborted } from '../../lang/typescript/engine/workspace-files.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { toLineColumn } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import { findOwnCalls, toBlockingCall } from './blocking-calls.typescript.js';
import type { blockingCallSchema } from './contract.js';
import { isGenerator } from './enclosing.typescript.js';
import { unwrapExpression } from './expressions.typescript.js';
import {
  type FunctionBody,
  type FunctionUnit,
  isFunctionBody,
  qualifiedName,
  toUnitOfDeclaration,
  toUnitOfFunction,
} from './function-units.typescript.js';

type BlockingCallFact = z.infer<typeof blockingCallSchema>;

/** The module form's roots and the blocking calls that make them. */
export interface ModuleRoots {
  roots: FunctionUnit[];
  /** Every blocking call in a named function of the files, sorted. */
  blocking: BlockingCallFact[];
}

/**
 * The functions of `files` that block: directly (a call of the blocking table in their own
 * body, or in an anonymous callback written there), or by calling, through the checker, another
 * function of the same files that does — to a fixpoint. Constructors, getters, setters and
 * generators are never roots (they must stay synchronous; their blocking calls are listed).
 */
export function findModuleRoots(
  project: WorkspaceProject,
  files: readonly string[],
  signal?: AbortSignal,
): ModuleRoots {
  const checker = project.program().getTypeChecker();
  const units = new Map<string, { unit: FunctionUnit; calls: ts.CallExpression[] }>();
  const blocking: BlockingCallFact[] = [];
  const direct = new Set<string>();
  for (const file of [...new Set(files)].sort()) {
    throwIfAborted(signal);
    const sourceFile = project.sourceFile(file);
    for (const unit of namedFunctionsOf(sourceFile)) {
      const calls = findOwnCalls(unit.fn as FunctionBody, { throughCallbacks: true });
      units.set(unit.key, { unit, calls });
      for (const call of calls) {
        const found = toBlockingCall(checker, call);
        if (found === undefined) continue;
        blocking.push({
          file,
          ...toLineColumn(sourceFile, call.getStart(sourceFile)),
          call: found.operation.label,
          function: qualifiedName(unit),
        });
        if (canBeRoot(unit)) direct.add(unit.key);
      }
    }
  }
  const roots = new Set(direct);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [key, { unit, calls }] of units) {
      if (roots.has(key) || !canBeRoot(unit)) continue;
      if (calls.some((call) => roots.has(calleeKey(checker, call) ?? ''))) {
        roots.add(key);
        grew = true;
      }
    }
  }
  return {
    roots: [...units.values()].filter(({ unit }) => roots.has(unit.key)).map(({ unit }) => unit),
    blocking: blocking.sort(
      (a, b) =>
        (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column,
    ),
  };
}

function namedFunctionsOf(sourceFile: ts.SourceFile): FunctionUnit[] {
  const found: FunctionUnit[] = [];
  const visit = (node: ts.Node): void => {
    if (isFunctionBody(node)) {
      const unit = toUnitOfFunction(node);
      if (unit.role !== 'anonymous') found.push(unit);
    }
    node.forEachChild(visit);
  };
  visit(sourceFile);
  return found;
}

function canBeRoot(unit: FunctionUnit): boolean {
  const fn = unit.fn;
  return (
    fn !== undefined &&
    !ts.isConstructorDeclaration(fn) &&
    !ts.isGetAccessorDeclaration(fn) &&
    !ts.isSetAccessorDeclaration(fn) &&
    !isGenerator(fn)
  );
}

/** The unit key of the function `call` calls, through aliases, when the checker knows it. */
function calleeKey(checker: ts.TypeChecker, call: ts.CallExpression): string | undefined {
  const callee = unwrapExpression(call.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  let symbol = checker.getSymbolAtLocation(name);
  if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0)
    symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.declarations?.[0];
  return declaration === undefined ? undefined : toUnitOfDeclaration(declaration)?.key;
}
