import type ts from 'typescript';
import type { WorkspaceProject } from '../engine/workspace-project.js';

/**
 * The LanguageService's suggestion diagnostics of `code` in `sourceFile` (e.g. 80006, "This may
 * be converted to an async function"), as the program sees the file now (the overlay included),
 * sorted by start then length.
 */
export function findSuggestionDiagnostics(
  project: WorkspaceProject,
  sourceFile: ts.SourceFile,
  code: number,
): ts.DiagnosticWithLocation[] {
  return project.service
    .getSuggestionDiagnostics(sourceFile.fileName)
    .filter((diagnostic) => diagnostic.code === code)
    .sort((a, b) => a.start - b.start || a.length - b.length);
}

/**
 * The code fix named `fixName` that the LanguageService offers for `diagnostic`, or undefined
 * when it offers none (a fix may decline a diagnostic it reported).
 */
export function findCodeFix(
  project: WorkspaceProject,
  diagnostic: ts.DiagnosticWithLocation,
  fixName: string,
  formatOptions: ts.FormatCodeSettings,
  preferences: ts.UserPreferences = {},
): ts.CodeFixAction | undefined {
  const fixes = project.service.getCodeFixesAtPosition(
    diagnostic.file.fileName,
    diagnostic.start,
    diagnostic.start + diagnostic.length,
    [diagnostic.code],
    formatOptions,
    preferences,
  );
  return fixes.find((fix) => fix.fixName === fixName);
}
