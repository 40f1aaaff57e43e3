import type ts from 'typescript';
import type { FileChange, RangeEdit } from '../../../core/change/change-types.js';
import { toLineStarts, toPosition } from '../../../core/change/text-positions.js';
import { OrchestratorError } from '../../../core/errors.js';
import type { WorkspaceProject } from '../engine/workspace-project.js';

/** Names why one of the LanguageService's text changes exists (`lineText`: the line it starts on). */
export type TextChangeReason = (
  file: string,
  oldText: string,
  newText: string,
  lineText: string,
) => string;

/** The text a LanguageService change applies to: the program's, else the host's (overlay first). */
function textOf(project: WorkspaceProject, fileName: string): string | undefined {
  return project.program().getSourceFile(fileName)?.text ?? project.files.readFile(fileName);
}

function lineAt(text: string, starts: readonly number[], offset: number): string {
  const [line] = toPosition(starts, offset);
  return text.slice(starts[line - 1], starts[line] ?? text.length).replace(/\r?\n$|\r$/, '');
}

/** `text` with the (non-overlapping) text changes applied. */
export function applyTextChanges(text: string, changes: readonly ts.TextChange[]): string {
  let result = text;
  for (const change of [...changes].sort((a, b) => b.span.start - a.span.start)) {
    result =
      result.slice(0, change.span.start) +
      change.newText +
      result.slice(change.span.start + change.span.length);
  }
  return result;
}

/**
 * The LanguageService's file text changes (a refactor's, a code fix's) as our changes, once:
 * a `create` for a new file (its text the changes applied to nothing), else one `edit` per
 * file whose edits hold the exact text of their spans (checked against the file as the program
 * sees it), with 1-based positions by the one line rule every layer uses. Sorted by file.
 */
export function toFileChanges(
  project: WorkspaceProject,
  fileTextChanges: readonly ts.FileTextChanges[],
  reasonOf: TextChangeReason,
  newFileReason: (file: string) => string,
): FileChange[] {
  const changes: FileChange[] = [];
  for (const entry of fileTextChanges) {
    const file = project.toRelative(entry.fileName);
    if (entry.isNewFile === true) {
      changes.push({
        op: 'create',
        file,
        text: applyTextChanges('', entry.textChanges),
        reason: newFileReason(file),
      });
      continue;
    }
    const text = textOf(project, entry.fileName);
    if (text === undefined) {
      throw new OrchestratorError(
        'LANGUAGE_SERVER_FAILED',
        `TypeScript proposed changes to ${file}, which it cannot read.`,
        { data: { file } },
      );
    }
    const starts = toLineStarts(text);
    const edits: RangeEdit[] = entry.textChanges.map((change) => {
      const end = change.span.start + change.span.length;
      if (end > text.length) {
        throw new OrchestratorError(
          'LANGUAGE_SERVER_FAILED',
          `TypeScript proposed a change past the end of ${file} (offset ${end} of ${text.length}).`,
          { data: { file, end } },
        );
      }
      const oldText = text.slice(change.span.start, end);
      return {
        start: toPosition(starts, change.span.start),
        end: toPosition(starts, end),
        oldText,
        newText: change.newText,
        reason: reasonOf(file, oldText, change.newText, lineAt(text, starts, change.span.start)),
      };
    });
    edits.sort((a, b) => a.start[0] - b.start[0] || a.start[1] - b.start[1]);
    changes.push({ op: 'edit', file, edits });
  }
  return changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
