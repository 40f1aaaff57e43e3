import type { RangeEdit } from '../../core/change/change-types.js';
import type { LeftAlone } from '../../core/change/verify-types.js';
import type { PositionClass, WordPosition } from '../../core/services.js';
import type { SymbolDefinition } from '../../core/source-types.js';

/** An occurrence the language server left alone and could not account for. */
export interface UnresolvedOccurrence {
  file: string;
  line: number;
  column: number;
  lineText: string;
  why: string;
}

/** True when one of `edits` (of the occurrence's file) covers the whole occurrence. */
export function isCoveredByEdits(
  occurrence: { line: number; column: number },
  length: number,
  edits: readonly Pick<RangeEdit, 'start' | 'end'>[],
): boolean {
  const start: [number, number] = [occurrence.line, occurrence.column];
  const end: [number, number] = [occurrence.line, occurrence.column + length];
  return edits.some((edit) => !isBefore(start, edit.start) && !isBefore(edit.end, end));
}

function isBefore(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/** `method Journal.post_entry at ledger/journal.py:12` */
function describe(declaration: SymbolDefinition): string {
  const owner = declaration.container ? `${declaration.container}.` : '';
  const kind = declaration.kind === 'other' ? 'the name' : declaration.kind;
  return `${kind} ${owner}${declaration.name} at ${declaration.file}:${declaration.line}`;
}

/**
 * Sorts the occurrences a rename leaves alone by what the language server says is there: a
 * comment, a string, another symbol of the same name — left alone, with the reason — or code it
 * cannot resolve (or resolves to the renamed symbol without renaming it): unresolved.
 */
export function classifyLeftAlone(
  word: string,
  target: SymbolDefinition,
  occurrences: readonly WordPosition[],
  classes: readonly PositionClass[],
  /** Every declaration of the word in the workspace (to name the member a `x.word` may be). */
  declarations: readonly SymbolDefinition[] = [],
): { leftAlone: LeftAlone[]; unresolved: UnresolvedOccurrence[] } {
  const members = declarations.filter(
    (d) => d.container !== undefined && !isSameDeclaration(d, target),
  );
  const leftAlone: LeftAlone[] = [];
  const unresolved: UnresolvedOccurrence[] = [];
  occurrences.forEach((occurrence, index) => {
    const found = classes[index];
    const base = {
      file: occurrence.file,
      line: occurrence.line,
      column: occurrence.column,
      length: word.length,
    };
    if (found?.kind === 'comment') {
      leftAlone.push({ ...base, reason: 'comment', detail: 'in a comment' });
    } else if (found?.kind === 'string') {
      leftAlone.push({ ...base, reason: 'string', detail: 'in a string' });
    } else if (found?.kind === 'text') {
      leftAlone.push({ ...base, reason: 'text', detail: 'in a file no language server reads' });
    } else if (found?.declaration !== undefined && !isSameDeclaration(found.declaration, target)) {
      leftAlone.push({ ...base, reason: 'other-symbol', detail: describe(found.declaration) });
    } else if (found?.externalDeclaration !== undefined) {
      leftAlone.push({
        ...base,
        reason: 'other-symbol',
        detail: `declared outside the workspace (${found.externalDeclaration})`,
      });
    } else if (
      target.container === undefined &&
      found?.member !== undefined &&
      !found.member.objectIsModule
    ) {
      // A module-level symbol is reached as `module.name` or by name, never as a member of a value.
      const likely = members.length > 0 ? `; probably ${members.map(describe).join(' or ')}` : '';
      leftAlone.push({
        ...base,
        reason: 'other-symbol',
        detail: `a member of the value \`${found.member.object}\`, not the module-level ${target.kind}${likely}`,
      });
    } else {
      unresolved.push({
        ...occurrence,
        why:
          found?.declaration === undefined
            ? 'the language server cannot resolve what this name refers to'
            : `it refers to the renamed ${target.kind}, but the language server did not rename it`,
      });
    }
  });
  return { leftAlone, unresolved };
}

function isSameDeclaration(a: SymbolDefinition, b: SymbolDefinition): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}
