import ts from '../typescript.js';

/** What a piece of source text must be. */
export type SourceTextKind = 'expression' | 'type';

function syntaxErrors(code: string, javascript: boolean): string[] {
  const output = ts.transpileModule(code, {
    fileName: javascript ? 'check.js' : 'check.ts',
    reportDiagnostics: true,
    compilerOptions: { allowJs: true },
  });
  return (output.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

/**
 * Why `text` is not one expression (as an argument: `f(text)` holds exactly one argument, no
 * spread) or one type (`let x: text;`) of TS/JS; undefined when it is.
 */
export function checkSourceText(
  text: string,
  kind: SourceTextKind,
  javascript: boolean,
): string | undefined {
  const code = kind === 'type' ? `let _: ${text};\n` : `_(\n${text}\n);\n`;
  const errors = syntaxErrors(code, javascript);
  if (errors.length > 0) return errors[0];
  const sourceFile = ts.createSourceFile(
    javascript ? 'check.js' : 'check.ts',
    code,
    ts.ScriptTarget.Latest,
    false,
  );
  const [statement, ...rest] = sourceFile.statements;
  if (statement === undefined || rest.length > 0) return 'it is more than one statement';
  if (kind === 'type') {
    const ok =
      ts.isVariableStatement(statement) &&
      statement.declarationList.declarations[0]?.type !== undefined;
    return ok ? undefined : 'it is not a type';
  }
  const call = ts.isExpressionStatement(statement) ? statement.expression : undefined;
  const ok =
    call !== undefined &&
    ts.isCallExpression(call) &&
    call.arguments.length === 1 &&
    !ts.isSpreadElement(call.arguments[0] as ts.Node);
  return ok ? undefined : 'it is not one expression';
}
