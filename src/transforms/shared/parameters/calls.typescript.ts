import type { WorkspaceProject } from '../../../lang/typescript/engine/workspace-project.js';
import {
  commonJsExportNameOf,
  isCommonJsExportLiteral,
} from '../../../lang/typescript/queries/commonjs.js';
import {
  findReferences,
  isInImportOrExport,
} from '../../../lang/typescript/queries/find-references.js';
import {
  findNamedFunction,
  type NamedFunction,
} from '../../../lang/typescript/queries/function-like-at.js';
import {
  findNameNodeAt,
  lineTextAt,
  toPositionTuple,
  toProgramLocation,
} from '../../../lang/typescript/queries/positions.js';
import ts from '../../../lang/typescript/typescript.js';
import type { CallShape, DeclarationShape, DynamicUse, FamilyNote } from './shapes.js';

const DYNAMIC_MEMBERS: Record<string, DynamicUse['kind']> = {
  call: 'call',
  apply: 'apply',
  bind: 'bind',
};

/** The expression a name use stands for: `f`, `obj.f`, `obj['f']`, through parentheses. */
function toUseExpression(node: ts.Node): ts.Node {
  let expression = node;
  const parent = node.parent;
  if (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isElementAccessExpression(parent) && parent.argumentExpression === node)
  ) {
    expression = parent;
  }
  while (ts.isParenthesizedExpression(expression.parent)) expression = expression.parent;
  return expression;
}

/** True where a name is exported, not used: `export { f }`, `module.exports = { f }`, `exports.f = f`, `typeof f`. */
function isExportOrType(node: ts.Node): boolean {
  if (isInImportOrExport(node) || commonJsExportNameOf(node) !== undefined) return true;
  const parent = node.parent;
  if (ts.isShorthandPropertyAssignment(parent) && isCommonJsExportLiteral(parent.parent))
    return true;
  if (
    ts.isPropertyAccessExpression(parent) &&
    parent.name === node &&
    commonJsExportNameOf(parent) === undefined
  ) {
    const assignment = parent.parent;
    if (
      ts.isBinaryExpression(assignment) &&
      assignment.left === parent &&
      assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken
    )
      return true;
  }
  for (let current: ts.Node = node; !ts.isSourceFile(current); current = current.parent) {
    if (ts.isTypeQueryNode(current)) return true;
    if (ts.isStatement(current) || ts.isTypeNode(current)) break;
  }
  return false;
}

function toCallShape(
  call: ts.CallExpression,
  base: Omit<CallShape, 'open' | 'close' | 'args' | 'bareGenerator'>,
): CallShape {
  const sourceFile = call.getSourceFile();
  const at = (offset: number) => toPositionTuple(sourceFile, offset);
  const children = call.getChildren(sourceFile);
  const open = children.find((c) => c.kind === ts.SyntaxKind.OpenParenToken) as ts.Node;
  const close = children.find((c) => c.kind === ts.SyntaxKind.CloseParenToken) as ts.Node;
  return {
    ...base,
    open: at(open.end),
    close: at(close.getStart(sourceFile)),
    args: call.arguments.map((arg) => ({
      kind: ts.isSpreadElement(arg) ? 'spread' : 'positional',
      start: at(arg.getStart(sourceFile)),
      end: at(arg.end),
    })),
    bareGenerator: false,
  };
}

/**
 * Every use of the family's functions that TypeScript finds (through aliases, re-exports,
 * namespace imports and `require`): calls with their arguments, and uses that are not calls
 * (`.call/.apply/.bind`, a value passed on, a tag, `new`). A use is the call of the member its
 * symbol resolves to; one that resolves to another member of the hierarchy (a concrete base
 * method, `skip`) is not the family's. `others` notes other declarations of the name.
 */
export function collectTypeScriptCalls(
  project: WorkspaceProject,
  members: readonly NamedFunction[],
  declarations: readonly DeclarationShape[],
  skip: readonly NamedFunction[],
): {
  calls: CallShape[];
  dynamic: DynamicUse[];
  others: FamilyNote[];
  seen: Array<{ file: string; line: number; column: number }>;
} {
  const checker = project.program().getTypeChecker();
  const owners = new Map<ts.Node, number>(members.map((m, i) => [m.owner, i]));
  const skipped = new Set<ts.Node>(skip.map((m) => m.owner));
  const names = new Set<ts.Node>([...members, ...skip].map((m) => m.name));
  const calls: CallShape[] = [];
  const dynamic: DynamicUse[] = [];
  const others: FamilyNote[] = [];
  const seen = new Set<string>();
  const positions: Array<{ file: string; line: number; column: number }> = [];
  for (const [index, declaration] of declarations.entries()) {
    for (const reference of findReferences(project, declaration)) {
      const key = `${reference.file}:${reference.line}:${reference.column}`;
      if (seen.has(key)) continue;
      seen.add(key);
      positions.push({ file: reference.file, line: reference.line, column: reference.column });
      const { sourceFile, offset } = toProgramLocation(project, reference);
      const node = findNameNodeAt(sourceFile, offset);
      if (node === undefined || names.has(node) || isExportOrType(node)) continue;
      const at = {
        file: reference.file,
        line: reference.line,
        column: reference.column,
        lineText: lineTextAt(sourceFile, offset),
      };
      if (reference.isDefinition) {
        const other = findNamedFunction(node);
        if ('fn' in other)
          others.push({
            at,
            kind: 'other-declaration',
            detail: `${node.getText(sourceFile)} is declared here too, outside the family that changes: left as it is`,
          });
        continue;
      }
      let symbol = checker.getSymbolAtLocation(node);
      if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias)
        symbol = checker.getAliasedSymbol(symbol);
      const declared = symbol?.declarations ?? [];
      if (declared.some((d) => skipped.has(d))) continue;
      const owner = declared.map((d) => owners.get(d)).find((i) => i !== undefined) ?? index;
      const use = toUseExpression(node);
      const parent = use.parent;
      if (ts.isCallExpression(parent) && parent.expression === use) {
        calls.push(toCallShape(parent, { ...at, declaration: owner, implicit: 0 }));
      } else if (
        ts.isPropertyAccessExpression(parent) &&
        parent.expression === use &&
        DYNAMIC_MEMBERS[parent.name.text] !== undefined
      ) {
        dynamic.push({ ...at, kind: DYNAMIC_MEMBERS[parent.name.text] as DynamicUse['kind'] });
      } else if (ts.isTaggedTemplateExpression(parent) && parent.tag === use) {
        dynamic.push({ ...at, kind: 'tagged-template' });
      } else if (ts.isNewExpression(parent) && parent.expression === use) {
        dynamic.push({ ...at, kind: 'new' });
      } else if (ts.isDecorator(parent)) {
        dynamic.push({ ...at, kind: 'decorator' });
      } else if (!(ts.isPropertyAccessExpression(parent) && parent.expression === use)) {
        dynamic.push({ ...at, kind: 'value' });
      }
    }
  }
  return { calls, dynamic, others, seen: positions };
}
