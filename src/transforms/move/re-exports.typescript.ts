import path from 'node:path';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import ts from '../../lang/typescript/typescript.js';

/** A text change in one file (offsets in the program's text of it). */
export interface FileTextEdit {
  fileName: string;
  change: ts.TextChange;
}

const RUNTIME_EXTENSION: Record<string, string> = {
  '.ts': '.js',
  '.tsx': '.js',
  '.mts': '.mjs',
  '.cts': '.cjs',
};

/**
 * The specifier `from` uses for `to`, written like `like` (the specifier it used for the old
 * module): relative, with the extension style it had (`./a`, `./a.js`, `./a.ts`).
 */
export function toSpecifierLike(from: string, to: string, like: string): string {
  const toExtension = path.extname(to);
  const base = to.slice(0, to.length - toExtension.length);
  let relative = path.relative(path.dirname(from), base).split(path.sep).join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  const written = path.extname(like);
  if (/^\.[cm]?tsx?$/.test(written)) return `${relative}${toExtension}`;
  if (/^\.[cm]?jsx?$/.test(written))
    return `${relative}${RUNTIME_EXTENSION[toExtension] ?? toExtension}`;
  return relative;
}

function newLineOf(text: string): string {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/**
 * What the "Move to file" refactor leaves to us: re-exports of the moved name from the old
 * module. `export { name [as alias], … } from './old'` loses the name, and an `export { name }
 * from './new'` follows it; `export * from './old'` keeps its star and gains `export { name }
 * from './new'` (the old module no longer exports it). The new specifier is written like the
 * old one.
 */
export function findReExportEdits(
  project: WorkspaceProject,
  oldFileName: string,
  targetFileName: string,
  name: string,
): FileTextEdit[] {
  const program = project.program();
  const checker = program.getTypeChecker();
  const edits: FileTextEdit[] = [];
  for (const sourceFile of program.getSourceFiles()) {
    if (sourceFile.fileName === oldFileName || !project.isWorkspaceFile(sourceFile.fileName))
      continue;
    if (sourceFile.fileName === targetFileName) continue;
    const newLine = newLineOf(sourceFile.text);
    for (const statement of sourceFile.statements) {
      if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier === undefined) continue;
      const specifier = statement.moduleSpecifier;
      if (!ts.isStringLiteral(specifier)) continue;
      const resolved = checker.getSymbolAtLocation(specifier)?.valueDeclaration;
      if (
        resolved === undefined ||
        !ts.isSourceFile(resolved) ||
        resolved.fileName !== oldFileName
      ) {
        continue;
      }
      const quote = specifier.getText(sourceFile).charAt(0);
      const spec = toSpecifierLike(sourceFile.fileName, targetFileName, specifier.text);
      const semicolon = statement.getText(sourceFile).endsWith(';') ? ';' : '';
      const type = statement.isTypeOnly ? 'type ' : '';
      const reExport = (names: string): string =>
        `export ${type}{ ${names} } from ${quote}${spec}${quote}${semicolon}`;
      const clause = statement.exportClause;
      const start = statement.getStart(sourceFile);
      if (clause === undefined) {
        edits.push({
          fileName: sourceFile.fileName,
          change: {
            span: { start: statement.end, length: 0 },
            newText: `${newLine}${reExport(name)}`,
          },
        });
        continue;
      }
      if (!ts.isNamedExports(clause)) continue;
      const moved = clause.elements.filter((e) => (e.propertyName ?? e.name).text === name);
      if (moved.length === 0) continue;
      const kept = clause.elements.filter((e) => !moved.includes(e));
      const followed = reExport(moved.map((e) => e.getText(sourceFile)).join(', '));
      const rest = kept.map((e) => e.getText(sourceFile)).join(', ');
      const newText =
        kept.length === 0
          ? followed
          : `export ${type}{ ${rest} } from ${specifier.getText(sourceFile)}${semicolon}${newLine}${followed}`;
      edits.push({
        fileName: sourceFile.fileName,
        change: { span: { start, length: statement.end - start }, newText },
      });
    }
  }
  return edits;
}
