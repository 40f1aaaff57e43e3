import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import ts from '../../lang/typescript/typescript.js';
import { MoveRefused } from './target.typescript.js';

/** The refactor, as TypeScript names it (`refactorNameForMoveToFile`, its one action). */
const MOVE_TO_FILE = 'Move to file';

/** What the refactor proposed, on the text it saw. */
export interface RefactorResult {
  edits: readonly ts.FileTextChanges[];
  /** The old file's text the refactor ran on (the file itself, or with the moved statements made adjacent). */
  oldText: string;
}

/** Indentation and line breaks as the file has them (TypeScript re-prints the moved code). */
export function toFormatOptions(text: string): ts.FormatCodeSettings {
  const newLine = /\r\n/.test(text) ? '\r\n' : '\n';
  const indents = [...text.matchAll(/^([ \t]+)\S/gm)].map((m) => m[1] as string);
  const tabs = indents.length > 0 && indents.every((i) => i.startsWith('\t'));
  const spaces = indents.filter((i) => !i.startsWith('\t')).map((i) => i.length);
  const size = spaces.length > 0 ? Math.min(...spaces) : 2;
  return {
    ...ts.getDefaultFormatCodeSettings(newLine),
    indentSize: tabs ? 4 : size,
    tabSize: tabs ? 4 : size,
    convertTabsToSpaces: !tabs,
  };
}

/** The first string literal's quote in `sourceFile` (import specifiers first), if any. */
function quoteIn(sourceFile: ts.SourceFile): '"' | "'" | undefined {
  let found: ts.StringLiteral | undefined;
  for (const statement of sourceFile.statements) {
    const specifier =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? statement.moduleSpecifier
        : undefined;
    if (specifier !== undefined && ts.isStringLiteral(specifier)) {
      found = specifier;
      break;
    }
  }
  const visit = (node: ts.Node): void => {
    if (found !== undefined) return;
    if (ts.isStringLiteral(node)) found = node;
    else node.forEachChild(visit);
  };
  if (found === undefined) sourceFile.forEachChild(visit);
  const quote = found?.getText(sourceFile).charAt(0);
  return quote === '"' || quote === "'" ? quote : undefined;
}

/**
 * The quotes the moved code's imports get: the old file's, else the first workspace file's
 * that has a string (TypeScript's own "auto" looks at the old file only, and writes `"` when it
 * has no string).
 */
export function toQuotePreference(
  project: WorkspaceProject,
  sourceFile: ts.SourceFile,
): ts.UserPreferences['quotePreference'] {
  let quote = quoteIn(sourceFile);
  const others = project
    .program()
    .getSourceFiles()
    .filter((f) => project.isWorkspaceFile(f.fileName))
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  for (const other of others) {
    if (quote !== undefined) break;
    quote = quoteIn(other);
  }
  return quote === "'" ? 'single' : quote === '"' ? 'double' : 'auto';
}

/** The first relative import or re-export specifier of `sourceFile`, if any. */
function relativeSpecifierIn(sourceFile: ts.SourceFile): string | undefined {
  for (const statement of sourceFile.statements) {
    const specifier =
      ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
        ? statement.moduleSpecifier
        : undefined;
    if (
      specifier !== undefined &&
      ts.isStringLiteral(specifier) &&
      specifier.text.startsWith('.')
    ) {
      return specifier.text;
    }
  }
  return undefined;
}

/**
 * How the moved code's relative imports end, as the old file (else the first workspace file
 * with one) writes them: `.js` → `js`, no extension → `minimal`. TypeScript's own "auto" looks
 * at the file being written, and a new file has no imports to look at.
 */
export function toSpecifierEnding(
  project: WorkspaceProject,
  sourceFile: ts.SourceFile,
): ts.UserPreferences['importModuleSpecifierEnding'] {
  let specifier = relativeSpecifierIn(sourceFile);
  const others = project
    .program()
    .getSourceFiles()
    .filter((f) => project.isWorkspaceFile(f.fileName))
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  for (const other of others) {
    if (specifier !== undefined) break;
    specifier = relativeSpecifierIn(other);
  }
  if (specifier === undefined) return 'auto';
  if (/\.[cm]?js$/.test(specifier)) return 'js';
  return /\.[cm]?tsx?$/.test(specifier) ? 'auto' : 'minimal';
}

const PREFERENCES: ts.UserPreferences = {
  allowTextChangesInNewFiles: true,
  provideRefactorNotApplicableReason: true,
};

/**
 * `statements` (top-level, in file order) made adjacent at the place of the first: the text the
 * refactor can take them from in one range. Undefined when they already are.
 */
export function toAdjacentText(
  sourceFile: ts.SourceFile,
  statements: readonly ts.Statement[],
): string | undefined {
  const indexes = statements.map((s) => sourceFile.statements.indexOf(s));
  if (indexes.every((index, i) => i === 0 || index === (indexes[i - 1] as number) + 1)) {
    return undefined;
  }
  const text = sourceFile.text;
  const moved = statements.map((s) => text.slice(s.getFullStart(), s.end)).join('');
  let between = '';
  for (let i = 0; i + 1 < statements.length; i += 1) {
    between += text.slice(
      (statements[i] as ts.Statement).end,
      (statements[i + 1] as ts.Statement).getFullStart(),
    );
  }
  const first = statements[0] as ts.Statement;
  const last = statements.at(-1) as ts.Statement;
  return text.slice(0, first.getFullStart()) + moved + between + text.slice(last.end);
}

/**
 * TypeScript's own "Move to file" refactor (`getEditsForRefactor` with `interactiveRefactorArguments:
 * { targetFile }`; a target that does not exist is created) for `statements` of `sourceFile`,
 * made adjacent first (in an overlay) when they are not. Refuses with TypeScript's reason.
 */
export async function runMoveToFile(
  project: WorkspaceProject,
  sourceFile: ts.SourceFile,
  statements: readonly ts.Statement[],
  targetFileName: string,
): Promise<RefactorResult> {
  const file = project.toRelative(sourceFile.fileName);
  const adjacent = toAdjacentText(sourceFile, statements);
  const firstIndex = sourceFile.statements.indexOf(statements[0] as ts.Statement);
  const preferences: ts.UserPreferences = {
    ...PREFERENCES,
    quotePreference: toQuotePreference(project, sourceFile),
    importModuleSpecifierEnding: toSpecifierEnding(project, sourceFile),
  };
  const run = (): RefactorResult => {
    const current = project.program().getSourceFile(sourceFile.fileName) as ts.SourceFile;
    const first = current.statements[firstIndex] as ts.Statement;
    const last = current.statements[firstIndex + statements.length - 1] as ts.Statement;
    const range = { pos: first.getStart(current), end: last.end };
    const result = project.service.getEditsForRefactor(
      current.fileName,
      toFormatOptions(current.text),
      range,
      MOVE_TO_FILE,
      MOVE_TO_FILE,
      preferences,
      { targetFile: targetFileName },
    );
    if (
      result === undefined ||
      result.notApplicableReason !== undefined ||
      result.edits.length === 0
    ) {
      throw new MoveRefused({
        reason: 'tool-refused',
        message: `TypeScript's "Move to file" refused to move code from ${file} to ${project.toRelative(targetFileName)}: ${result?.notApplicableReason ?? 'it proposed no change'}.`,
      });
    }
    return { edits: result.edits, oldText: current.text };
  };
  if (adjacent === undefined) return run();
  return project.withOverlay(new Map([[file, adjacent]]), run);
}
