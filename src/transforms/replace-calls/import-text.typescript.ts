import path from 'node:path';
import type { RangeEdit } from '../../core/change/change-types.js';
import { toPositionTuple } from '../../lang/typescript/queries/positions.js';
import ts from '../../lang/typescript/typescript.js';
import type { TsImportNeed } from './scope.typescript.js';

/** `import { newFn } from './new.js';` (or a `require` in a CommonJS file), in the file's style. */
export function importText(
  sourceFile: ts.SourceFile,
  options: ts.CompilerOptions,
  need: TsImportNeed,
): string {
  const specifier = need.specifier ?? toSpecifier(sourceFile, options, need.fileName as string);
  const first = sourceFile.statements.find(ts.isImportDeclaration);
  const quote = first?.moduleSpecifier.getText(sourceFile).startsWith('"') ? '"' : "'";
  const semicolon = first === undefined || first.getText(sourceFile).endsWith(';') ? ';' : '';
  const module = `${quote}${specifier}${quote}`;
  if (isCommonJs(sourceFile)) {
    return need.kind === 'default'
      ? `const ${need.name} = require(${module})${semicolon}`
      : `const { ${need.name} } = require(${module})${semicolon}`;
  }
  return need.kind === 'default'
    ? `import ${need.name} from ${module}${semicolon}`
    : `import { ${need.name} } from ${module}${semicolon}`;
}

/**
 * A relative specifier for `target` from `sourceFile`, written the way the file writes its
 * other relative imports: with `.js` for a `.ts` file, with the real extension, or without.
 */
function toSpecifier(
  sourceFile: ts.SourceFile,
  options: ts.CompilerOptions,
  target: string,
): string {
  const relative = path.posix.relative(path.posix.dirname(sourceFile.fileName), target);
  const bare = (relative.startsWith('.') ? relative : `./${relative}`).replace(
    /\.[cm]?[jt]sx?$/,
    '',
  );
  const extension = /\.[cm]?[jt]sx?$/.exec(target)?.[0] ?? '';
  const asJs = extension.replace(/^\.([cm]?)tsx?$/, '.$1js');
  const written = relativeSpecifiers(sourceFile)[0];
  if (written !== undefined) {
    const ext = /\.[cm]?[jt]sx?$/.exec(written)?.[0];
    if (ext === undefined) return bare;
    return /^\.[cm]?js/.test(ext) ? `${bare}${asJs}` : `${bare}${extension}`;
  }
  if (/\.[cm]?jsx?$/.test(sourceFile.fileName)) return `${bare}${asJs}`;
  const resolution = options.moduleResolution;
  const nodeNext =
    resolution === ts.ModuleResolutionKind.NodeNext ||
    resolution === ts.ModuleResolutionKind.Node16;
  return nodeNext ? `${bare}${asJs}` : bare;
}

function relativeSpecifiers(sourceFile: ts.SourceFile): string[] {
  const found: string[] = [];
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      if (statement.moduleSpecifier.text.startsWith('.'))
        found.push(statement.moduleSpecifier.text);
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        const specifier = requiredSpecifier(declaration.initializer);
        if (specifier?.startsWith('.')) found.push(specifier);
      }
    }
  }
  return found;
}

function requiredSpecifier(node: ts.Node | undefined): string | undefined {
  if (node === undefined || !ts.isCallExpression(node)) return undefined;
  const [argument] = node.arguments;
  return ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    argument !== undefined &&
    ts.isStringLiteral(argument)
    ? argument.text
    : undefined;
}

/** A file that loads modules with `require` and has no import declaration. */
function isCommonJs(sourceFile: ts.SourceFile): boolean {
  if (sourceFile.statements.some(ts.isImportDeclaration)) return false;
  if (/\.cjs$/.test(sourceFile.fileName)) return true;
  return sourceFile.statements.some(
    (s) =>
      ts.isVariableStatement(s) &&
      s.declarationList.declarations.some((d) => requiredSpecifier(d.initializer) !== undefined),
  );
}

/** New import lines after the file's last import (or `require`), else at its top. */
export function toInsertion(
  sourceFile: ts.SourceFile,
  lines: readonly string[],
): { edit: RangeEdit; offset: number } {
  const text = sourceFile.text;
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const anchors = sourceFile.statements.filter(
    (s) =>
      ts.isImportDeclaration(s) ||
      (ts.isVariableStatement(s) &&
        s.declarationList.declarations.some((d) => requiredSpecifier(d.initializer) !== undefined)),
  );
  const directives = sourceFile.statements.filter(
    (s, i) =>
      ts.isExpressionStatement(s) &&
      ts.isStringLiteral(s.expression) &&
      sourceFile.statements
        .slice(0, i)
        .every((p) => ts.isExpressionStatement(p) && ts.isStringLiteral(p.expression)),
  );
  const after = anchors.at(-1) ?? directives.at(-1);
  const block = lines.join(eol);
  let offset: number;
  let newText: string;
  if (after !== undefined) {
    const lineEnd = /\r\n|\r|\n/g;
    lineEnd.lastIndex = after.end;
    const found = lineEnd.exec(text);
    offset = found === null ? text.length : found.index + found[0].length;
    newText = found === null ? `${eol}${block}` : `${block}${eol}`;
  } else {
    offset = text.startsWith('#!')
      ? (/\r\n|\r|\n/.exec(text)?.index ?? text.length) + eol.length
      : 0;
    if (offset > text.length) offset = text.length;
    newText = `${block}${eol}`;
  }
  const at = toPositionTuple(sourceFile, offset);
  return { edit: { start: at, end: at, oldText: '', newText, reason: 'import added' }, offset };
}
