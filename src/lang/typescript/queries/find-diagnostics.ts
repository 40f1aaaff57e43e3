import type { Diagnostic, DiagnosticsReport } from '../../../core/diagnostics.js';
import { compareText } from '../../../core/whole-word.js';
import type { ConfigServices } from '../engine/config-services.js';
import { throwIfAborted } from '../engine/workspace-files.js';
import type { WorkspaceProject } from '../engine/workspace-project.js';
import ts from '../typescript.js';
import { toLineColumn } from './positions.js';

/**
 * Syntactic and semantic diagnostics of workspace JS/TS `files`, each checked with the nearest
 * tsconfig that includes it (or the workspace defaults), under whatever overlay the project has.
 */
export function findDiagnostics(
  project: WorkspaceProject,
  configs: ConfigServices,
  files: readonly string[],
  signal?: AbortSignal,
): DiagnosticsReport {
  const diagnostics: Diagnostic[] = [];
  const used = new Set<string>();
  const checked: string[] = [];
  for (const file of [...new Set(files)].sort(compareText)) {
    throwIfAborted(signal);
    const fileName = `${project.root}/${file}`;
    if (!project.files.fileExists(fileName)) continue;
    const config = configs.forFile(fileName);
    used.add(config.name);
    const program = config.service.getProgram();
    const sourceFile = program?.getSourceFile(fileName);
    if (sourceFile === undefined) continue;
    checked.push(file);
    const found = [
      ...config.service.getSyntacticDiagnostics(fileName),
      ...config.service.getSemanticDiagnostics(fileName),
    ];
    for (const diagnostic of found) {
      if (
        diagnostic.category !== ts.DiagnosticCategory.Error &&
        diagnostic.category !== ts.DiagnosticCategory.Warning
      ) {
        continue;
      }
      diagnostics.push({
        file,
        ...toLineColumn(sourceFile, diagnostic.start ?? 0),
        code: `TS${diagnostic.code}`,
        message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
        severity: diagnostic.category === ts.DiagnosticCategory.Error ? 'error' : 'warning',
      });
    }
  }
  diagnostics.sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.code, b.code),
  );
  return { checked, configs: [...used].sort(compareText), diagnostics };
}
