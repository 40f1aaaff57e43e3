import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver-protocol';
import type { Diagnostic, DiagnosticsReport } from '../../../core/services.js';
import { compareText } from '../../../core/whole-word.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';

interface DocumentDiagnosticReport {
  kind: 'full' | 'unchanged';
  items?: LspDiagnostic[];
}

/**
 * pyright's errors and warnings for workspace `.py` files (pulled with
 * `textDocument/diagnostic`, each file opened with its current — or overlaid — text).
 */
export async function findDiagnostics(
  workspace: PythonWorkspace,
  files: readonly string[],
  signal?: AbortSignal,
): Promise<DiagnosticsReport> {
  const diagnostics: Diagnostic[] = [];
  const checked: string[] = [];
  for (const file of [...new Set(files)].sort(compareText)) {
    signal?.throwIfAborted();
    const uri = await workspace.openFile(file, signal);
    const report = await workspace.session.request<DocumentDiagnosticReport>(
      'textDocument/diagnostic',
      { textDocument: { uri } },
      signal,
    );
    checked.push(file);
    for (const item of report.items ?? []) {
      if (item.severity !== 1 && item.severity !== 2) continue;
      diagnostics.push({
        file,
        line: item.range.start.line + 1,
        column: item.range.start.character + 1,
        code:
          typeof item.code === 'string' || typeof item.code === 'number'
            ? String(item.code)
            : 'pyright',
        message: typeof item.message === 'string' ? item.message : item.message.value,
        severity: item.severity === 1 ? 'error' : 'warning',
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
  return { checked, configs: checked.length > 0 ? ['pyright'] : [], diagnostics };
}
