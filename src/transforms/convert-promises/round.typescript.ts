import type ts from 'typescript';
import { OrchestratorError } from '../../core/errors.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import {
  findCodeFix,
  findSuggestionDiagnostics,
} from '../../lang/typescript/queries/code-fixes.js';
import type { TextChange } from './compose-edits.js';
import {
  describeFunction,
  functionOfDiagnostic,
  type PromiseFunctionNode,
} from './functions.typescript.js';
import { returnsFinallyChain } from './reasons.typescript.js';

/** "This may be converted to an async function." */
export const CONVERT_TO_ASYNC_DIAGNOSTIC = 80006;
/** The code fix TypeScript offers for it. */
export const CONVERT_TO_ASYNC_FIX = 'convertToAsyncFunction';

/** A function TypeScript suggests converting, with the diagnostic it reported. */
export interface Suggested {
  node: PromiseFunctionNode;
  diagnostic: ts.DiagnosticWithLocation;
}

/** The functions of `sourceFile` TypeScript suggests converting (as the program sees it now). */
export function findSuggested(project: WorkspaceProject, sourceFile: ts.SourceFile): Suggested[] {
  return findSuggestionDiagnostics(project, sourceFile, CONVERT_TO_ASYNC_DIAGNOSTIC).flatMap(
    (diagnostic) => {
      const node = functionOfDiagnostic(sourceFile, diagnostic);
      return node === undefined ? [] : [{ node, diagnostic }];
    },
  );
}

/** A function whose fix a round applies, with the fix's changes (of the text the round saw). */
export interface Chosen {
  node: PromiseFunctionNode;
  changes: TextChange[];
}

/** What one round did in one file. */
export interface RoundResult {
  chosen: Chosen[];
  /** Functions whose fix overlaps a chosen one's: computed again on the text it writes. */
  deferred: PromiseFunctionNode[];
  /** Functions the code fix declines, or whose fix is known to be wrong (`.finally`). */
  declined: Array<{ node: PromiseFunctionNode; reason: 'finally' | 'fix-declined' }>;
}

const touches = (a: TextChange, b: TextChange): boolean => a.start <= b.end && b.start <= a.end;

function toChanges(
  file: string,
  sourceFile: ts.SourceFile,
  node: PromiseFunctionNode,
  fix: ts.CodeFixAction,
): TextChange[] {
  const name = describeFunction(file, node).name;
  return fix.changes.flatMap((entry) => {
    if (entry.fileName !== sourceFile.fileName) {
      throw new OrchestratorError(
        'LANGUAGE_SERVER_FAILED',
        `TypeScript's ${CONVERT_TO_ASYNC_FIX} for ${name} (${file}) proposed changes to another file, ${entry.fileName}.`,
        { data: { file, other: entry.fileName } },
      );
    }
    return entry.textChanges.map((change) => ({
      start: change.span.start,
      end: change.span.start + change.span.length,
      newText: change.newText,
      reason:
        change.span.length === 0 && change.newText.trim() === 'async'
          ? `${name} becomes async (${CONVERT_TO_ASYNC_FIX})`
          : `${name}: promise chain → await (${CONVERT_TO_ASYNC_FIX})`,
    }));
  });
}

/**
 * One round in one file: the fix of each candidate, in source order; a candidate inside a span
 * an earlier one rewrites, or whose changes touch an earlier one's, waits for the next round.
 */
export function runRound(
  project: WorkspaceProject,
  file: string,
  sourceFile: ts.SourceFile,
  candidates: readonly Suggested[],
  formatOptions: ts.FormatCodeSettings,
): RoundResult {
  const result: RoundResult = { chosen: [], deferred: [], declined: [] };
  const sorted = [...candidates].sort(
    (a, b) => a.node.getStart(sourceFile) - b.node.getStart(sourceFile) || b.node.end - a.node.end,
  );
  for (const { node, diagnostic } of sorted) {
    const start = node.getStart(sourceFile);
    const inside = result.chosen.some((c) =>
      c.changes.some((change) => change.start <= start && node.end <= change.end),
    );
    if (inside) {
      result.deferred.push(node);
      continue;
    }
    if (returnsFinallyChain(node)) {
      result.declined.push({ node, reason: 'finally' });
      continue;
    }
    const fix = findCodeFix(project, diagnostic, CONVERT_TO_ASYNC_FIX, formatOptions);
    const changes = fix === undefined ? [] : toChanges(file, sourceFile, node, fix);
    if (changes.length === 0) {
      result.declined.push({ node, reason: 'fix-declined' });
      continue;
    }
    const overlaps = result.chosen.some((c) =>
      c.changes.some((earlier) => changes.some((change) => touches(earlier, change))),
    );
    if (overlaps) result.deferred.push(node);
    else result.chosen.push({ node, changes: changes.sort((a, b) => a.start - b.start) });
  }
  return result;
}
