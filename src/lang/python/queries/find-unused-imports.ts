import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { compareText } from '../../../core/whole-word.js';
import { type DocumentDiagnosticReport, pullDiagnostics } from '../engine/pull-diagnostics.js';
import type { PythonWorkspace } from '../engine/python-workspace.js';

/** An import pyright says nothing in its file reads. */
export interface UnusedImport {
  file: string;
  line: number;
  column: number;
  /** UTF-16 length of the name pyright points at (`os.path`, an alias). */
  length: number;
  /** The name as written there. */
  name: string;
}

/**
 * pyright's own per-file switch for the rule (a comment directive). Appended as the last line,
 * so every line before it keeps its number and columns.
 */
const RULE_COMMENT = '# pyright: reportUnusedImport=warning';

/**
 * The imports pyright reports as unused (`reportUnusedImport`) in `files`, sorted. The rule is
 * off in pyright's default configuration, so each file is shown to pyright (as an overlay, nothing
 * is written) with pyright's file-level directive turning it on; `texts` gives files as a caller
 * sees them (a changed tree), else they are read from disk. Must not run inside another overlay.
 */
export async function findUnusedImports(
  workspace: PythonWorkspace,
  files: readonly string[],
  options: { texts?: ReadonlyMap<string, string>; signal?: AbortSignal } = {},
): Promise<UnusedImport[]> {
  const { signal } = options;
  const sorted = [...new Set(files)].sort(compareText);
  if (sorted.length === 0) return [];
  const texts = new Map<string, string>();
  for (const file of sorted) {
    texts.set(
      file,
      options.texts?.get(file) ??
        (await readFile(path.join(workspace.root, ...file.split('/')), 'utf8')),
    );
  }
  const overlay = new Map([...texts].map(([file, text]) => [file, withRuleComment(text)]));
  return workspace.withOverlay(overlay, async () => {
    const found: UnusedImport[] = [];
    const reports = await pullDiagnostics(workspace, sorted, signal);
    for (const [index, file] of sorted.entries()) {
      signal?.throwIfAborted();
      const report = reports[index] as DocumentDiagnosticReport;
      const lines = (texts.get(file) as string).split(/\r\n|\r|\n/);
      for (const item of report.items ?? []) {
        if (item.code !== 'reportUnusedImport') continue;
        const { start, end } = item.range;
        if (start.line !== end.line) continue;
        const name = (lines[start.line] ?? '').slice(start.character, end.character);
        if (name === '') continue;
        found.push({
          file,
          line: start.line + 1,
          column: start.character + 1,
          length: end.character - start.character,
          name,
        });
      }
    }
    return found.sort(
      (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
    );
  });
}

/** The text with the rule's directive as a new last line, in the file's own line ending. */
function withRuleComment(text: string): string {
  const eol = /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
  const ended = text === '' || /[\r\n]$/.test(text);
  return `${text}${ended ? '' : eol}${RULE_COMMENT}${eol}`;
}
