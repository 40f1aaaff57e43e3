import ts from '../../lang/typescript/typescript.js';
import { closeRank, type EditSet, openRank } from './edit-set.typescript.js';

/**
 * Awaits `expression` in place with the right precedence: `await f()`, `(await f()).x`,
 * `(await f())()`, `(await f())!`, `(await f()) ** 2`; with `promiseAll`, `await Promise.all(…)`
 * around it. A `;` goes first where a statement would start with `(` after one without `;`.
 */
export function addAwaitEdit(
  edits: EditSet,
  expression: ts.Expression,
  promiseAll: boolean,
  reason?: string,
): void {
  const sourceFile = expression.getSourceFile();
  const parens = needsParentheses(expression);
  const start = expression.getStart(sourceFile);
  const guard = parens && startsStatementAfterUnterminated(expression) ? ';' : '';
  const open = `${guard}${parens ? '(' : ''}await ${promiseAll ? 'Promise.all(' : ''}`;
  const close = `${promiseAll ? ')' : ''}${parens ? ')' : ''}`;
  const why = reason ?? (promiseAll ? 'await Promise.all(…) of an async map' : 'await call');
  edits.insert(sourceFile, start, open, why, openRank(expression, sourceFile));
  if (close !== '')
    edits.insert(sourceFile, expression.getEnd(), close, why, closeRank(expression, sourceFile));
}

/** True where `await x` in place of `x` would bind the wrong way. */
export function needsParentheses(expression: ts.Expression): boolean {
  const parent = expression.parent;
  if (
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) &&
    parent.expression === expression
  )
    return true;
  if (
    (ts.isCallExpression(parent) || ts.isNewExpression(parent)) &&
    parent.expression === expression
  )
    return true;
  if (ts.isTaggedTemplateExpression(parent) && parent.tag === expression) return true;
  if (ts.isNonNullExpression(parent)) return true;
  return (
    ts.isBinaryExpression(parent) &&
    parent.left === expression &&
    parent.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken
  );
}

/**
 * True when `node` starts a statement whose previous sibling does not end with `;` or `}`:
 * a `(` there would continue that statement (`foo\n(await f()).x` is `foo(await f()).x`).
 */
export function startsStatementAfterUnterminated(node: ts.Node): boolean {
  const sourceFile = node.getSourceFile();
  const start = node.getStart(sourceFile);
  let statement: ts.Node = node;
  while (
    !ts.isExpressionStatement(statement) &&
    statement.parent !== undefined &&
    statement.parent.getStart(sourceFile) === start
  ) {
    statement = statement.parent;
  }
  if (!ts.isExpressionStatement(statement)) return false;
  const siblings = statementsOf(statement.parent);
  const index = siblings.indexOf(statement);
  const previous = index > 0 ? siblings[index - 1] : undefined;
  return previous !== undefined && !/[;}]$/.test(previous.getText(sourceFile));
}

function statementsOf(container: ts.Node): readonly ts.Statement[] {
  if (
    ts.isSourceFile(container) ||
    ts.isBlock(container) ||
    ts.isModuleBlock(container) ||
    ts.isCaseClause(container) ||
    ts.isDefaultClause(container)
  ) {
    return container.statements;
  }
  return [];
}
