import type { Diagnostic, DiagnosticsReport } from '../../../core/diagnostics.js';
import { compareText } from '../../../core/whole-word.js';
import { type DocumentDiagnosticReport, pullDiagnostics } from '../engine/pull-diagnostics.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';
import { isImportOfCreatedModule, type ModuleFiles } from './created-module-imports.js';

/**
 * pyright's errors and warnings for workspace `.py` files (pulled with
 * `textDocument/diagnostic`, each file opened with its current — or overlaid — text, all
 * requests in flight at once). pyright
 * resolves imports from disk only, so under an overlay that creates modules, the findings that
 * an import of one of them is not resolved are left out (see created-module-imports.ts).
 */
export async function findDiagnostics(
  workspace: PythonWorkspace,
  requested: readonly string[],
  signal?: AbortSignal,
): Promise<DiagnosticsReport> {
  const diagnostics: Diagnostic[] = [];
  const checked: string[] = [];
  const created = workspace.createdInOverlay();
  let listed: Promise<string[]> | undefined;
  const files: ModuleFiles = {
    list: () => {
      listed ??= workspace.listFiles(signal).then((found) => [...found, ...created]);
      return listed;
    },
    read: (file) => workspace.readText(file),
  };
  const sorted = [...new Set(requested)].sort(compareText);
  const reports = await pullDiagnostics(workspace, sorted, signal);
  for (const [index, file] of sorted.entries()) {
    signal?.throwIfAborted();
    const report = reports[index] as DocumentDiagnosticReport;
    checked.push(file);
    const text = created.length > 0 ? await workspace.readText(file) : '';
    for (const item of report.items ?? []) {
      if (item.severity !== 1 && item.severity !== 2) continue;
      const finding: Diagnostic = {
        file,
        line: item.range.start.line + 1,
        column: item.range.start.character + 1,
        code:
          typeof item.code === 'string' || typeof item.code === 'number'
            ? String(item.code)
            : 'pyright',
        message: typeof item.message === 'string' ? item.message : item.message.value,
        severity: item.severity === 1 ? 'error' : 'warning',
      };
      if (
        created.length > 0 &&
        (await isImportOfCreatedModule(finding, file, text, created, files))
      )
        continue;
      diagnostics.push(finding);
    }
  }
  diagnostics.sort(
    (a, b) =>
      compareText(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareText(a.code, b.code),
  );
  return { checked, configs: checked.length > 0 ? ['pyright'] : [], diagnostics };
}
