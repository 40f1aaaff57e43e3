import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { findReferences } from '../../lang/typescript/queries/find-references.js';
import {
  findNameNodeAt,
  lineTextAt,
  toLineColumn,
  toProgramLocation,
} from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import { PROBE_FILE, type TsFunction } from './resolve.typescript.js';

/** A call of the old function, as written. */
export interface TsCall {
  sourceFile: ts.SourceFile;
  call: ts.CallExpression;
  /** What is replaced: the identifier (`pe`, `oldFn`) or the qualified callee (`ns.oldFn`). */
  callee: ts.Identifier | ts.PropertyAccessExpression;
  /** `bare`: by a local name; `module`: through a namespace/module object; `global`: `JSON.parse`. */
  style: 'bare' | 'module' | 'global';
  /** For `module` calls: the module object's expression (`ns`), and the module's symbol. */
  qualifier?: { expression: ts.Expression; module: ts.Symbol };
}

/** A reference of the old function that is not a call it can replace. */
export interface TsNonCall {
  sourceFile: ts.SourceFile;
  node: ts.Node;
  detail: string;
}

/**
 * Every reference of `from` in workspace files (through aliases, namespace imports and
 * re-exports, as the LanguageService finds them), sorted into the calls to replace and the
 * other uses, which stay. Imports, exports and the declaration itself are neither.
 */
export function findCallSites(
  project: WorkspaceProject,
  from: TsFunction,
): { calls: TsCall[]; nonCalls: TsNonCall[] } {
  const checker = project.program().getTypeChecker();
  const start = from.node.getSourceFile();
  const at = {
    file: project.toRelative(start.fileName),
    ...toLineColumn(start, from.node.getStart()),
  };
  const calls: TsCall[] = [];
  const nonCalls: TsNonCall[] = [];
  for (const reference of findReferences(project, at)) {
    if (reference.file === PROBE_FILE || reference.isImport) continue;
    const { sourceFile, offset } = toProgramLocation(project, reference);
    const node = findNameNodeAt(sourceFile, offset);
    if (node === undefined || !ts.isIdentifier(node)) continue;
    if (isDeclarationName(node)) continue;
    const parent = node.parent;
    if (ts.isCallExpression(parent) && parent.expression === node) {
      calls.push({ sourceFile, call: parent, callee: node, style: 'bare' });
      continue;
    }
    if (ts.isPropertyAccessExpression(parent) && parent.name === node) {
      const outer = parent.parent;
      if (ts.isCallExpression(outer) && outer.expression === parent) {
        const module = moduleOf(checker, parent.expression);
        if (module !== undefined) {
          calls.push({
            sourceFile,
            call: outer,
            callee: parent,
            style: 'module',
            qualifier: { expression: parent.expression, module },
          });
        } else if (from.global && parent.getText(sourceFile) === from.facts.name) {
          calls.push({ sourceFile, call: outer, callee: parent, style: 'global' });
        } else {
          nonCalls.push({
            sourceFile,
            node,
            detail: `called as a member of \`${parent.expression.getText(sourceFile).slice(0, 80)}\`, which is not a module: replace it by hand if it is meant`,
          });
        }
        continue;
      }
    }
    nonCalls.push({ sourceFile, node, detail: describeUse(node, sourceFile) });
  }
  return { calls, nonCalls };
}

/** The module a qualifier stands for (`ns` of `import * as ns`, a `require`d module), if it is one. */
export function moduleOf(
  checker: ts.TypeChecker,
  expression: ts.Expression,
): ts.Symbol | undefined {
  const found = checker.getSymbolAtLocation(expression);
  if (found === undefined) return undefined;
  const symbol = found.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(found) : found;
  return symbol.flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)
    ? symbol
    : undefined;
}

function isDeclarationName(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) || ts.isShorthandPropertyAssignment(parent))
    return false;
  return ts.getNameOfDeclaration(parent as ts.Declaration) === node;
}

/** How a non-call reference uses the function, for the plan's readers. */
function describeUse(node: ts.Identifier, sourceFile: ts.SourceFile): string {
  const where = `(${lineTextAt(sourceFile, node.getStart(sourceFile)).trim().slice(0, 80)})`;
  let use: ts.Node = node;
  if (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) use = node.parent;
  const parent = use.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === use) {
    return `used through .${parent.name.text}, not called by name ${where}`;
  }
  if (ts.isCallExpression(parent) || ts.isNewExpression(parent)) {
    if (ts.isNewExpression(parent) && parent.expression === use)
      return `constructed with new ${where}`;
    return `passed as an argument to ${parent.expression.getText(sourceFile).slice(0, 60)} ${where}`;
  }
  if (ts.isTypeQueryNode(parent)) return `named in a type (typeof) ${where}`;
  if (ts.isTaggedTemplateExpression(parent)) return `a template tag ${where}`;
  if (ts.isVariableDeclaration(parent) || ts.isBinaryExpression(parent))
    return `stored in a variable ${where}`;
  if (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent))
    return `stored in an object ${where}`;
  if (ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) return `returned ${where}`;
  return `used as a value, not called ${where}`;
}
