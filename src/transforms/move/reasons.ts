import type { HunkReason } from './text-diff.js';

const IMPORT_LINE =
  /^\s*(?:from\s+\S+\s+import\b|import\b|export\s+(?:\*|\{[^}]*\}|type\s*\{)[^;]*\bfrom\b)/;
const CONTINUATION = /^\s*[\w\s.,{}()*]*;?\s*$/;

/** True for text made only of import (or re-export) statements; false for blank text. */
export function isImportText(text: string): boolean {
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  return (
    lines.length > 0 &&
    lines.some((line) => IMPORT_LINE.test(line)) &&
    lines.every((line) => IMPORT_LINE.test(line) || CONTINUATION.test(line))
  );
}

/** What a file is to a move: the module left, the module reached, or one that uses them. */
export type MoveRole = 'source' | 'target' | 'importer';

/**
 * Why one hunk of a moved-declaration diff exists, for people: `declaration moved to …`,
 * `import added`, `import updated`, `__all__ entry`, `qualified use`, ….
 */
export function toMoveReason(role: MoveRole, source: string, target: string): HunkReason {
  return (oldText, newText) => {
    const removed = oldText.trim();
    const added = newText.trim();
    if (/\b__all__\b/.test(`${oldText}\n${newText}`) && !isImportText(oldText + newText)) {
      return '__all__ entry';
    }
    const kind = /^\s*export\b/m.test(`${oldText}\n${newText}`) ? 're-export' : 'import';
    if (removed === '' && isImportText(newText)) return `${kind} added`;
    if (added === '' && isImportText(oldText)) return `${kind} removed`;
    if (isImportText(oldText) && isImportText(newText)) return `${kind} updated`;
    if (role === 'source' && added === '') return `declaration moved to ${target}`;
    if (role === 'target' && removed === '') return `declaration moved from ${source}`;
    if (role === 'importer') return `qualified use (now through ${target})`;
    return role === 'source' ? `moved code's module updated` : 'moved code';
  };
}
