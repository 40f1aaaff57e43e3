import type { Location, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import type { EditFileChange, RangeEdit } from '../../core/change/change-types.js';
import { OrchestratorError } from '../../core/errors.js';
import type { ComputedEdits, TransformTarget } from '../../core/services.js';
import type { SourceRange } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import {
  classifyReferences,
  isBindingSite,
} from '../../lang/python/queries/classify-references.js';
import {
  findReferenceLocations,
  toNameRanges,
} from '../../lang/python/queries/find-reference-locations.js';
import { findReferences } from '../../lang/python/queries/find-references.js';
import { requirePosition } from '../require-position.js';
import { findRenameCollisions } from './collisions.python.js';
import type { RenameArgs, RenameFacts } from './contract.js';
import { findModuleAttributeUses } from './module-attributes.python.js';
import { findStubCounterpart } from './stub-counterpart.python.js';
import { resolveRenameTarget } from './target.python.js';

/** The rename, its collisions and the symbol's references, from pyright. */
export async function computeRenamePython(
  workspace: PythonWorkspace,
  target: TransformTarget,
  args: RenameArgs,
  signal?: AbortSignal,
): Promise<ComputedEdits> {
  const at = requirePosition(target, 'rename');
  // What the collisions classify the references with: the references' and the edits' own
  // classification asks the same, so the scopes script reads the files once, not three times.
  const asked = { names: [args.newName], freeName: args.newName };
  const name = (await resolveRenameTarget(workspace, at, args.newName, signal))?.name;
  const counterpart =
    name === undefined ? undefined : await findStubCounterpart(workspace, at, name, signal);
  const starts = counterpart === undefined ? [at] : [at, counterpart];
  const collisions = unique(
    (
      await Promise.all(starts.map((s) => findRenameCollisions(workspace, s, args.newName, signal)))
    ).flat(),
  );
  const references = unique(
    (await Promise.all(starts.map((s) => findReferences(workspace, s, signal, asked)))).flat(),
  );
  const changes =
    collisions.length > 0
      ? []
      : mergeChanges(
          await Promise.all(
            starts.map((s) => findRenameChanges(workspace, s, args.newName, signal)),
          ),
        );
  const facts: RenameFacts = { collisions, references };
  return { changes, facts };
}

/** Items by position, once each, in order. */
function unique<T extends { file: string; line: number; column: number }>(
  items: readonly T[],
): T[] {
  const byKey = new Map(items.map((item) => [`${item.file}:${item.line}:${item.column}`, item]));
  return [...byKey.values()].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}

/** The edits of several renames of one symbol (a module and its stub), once each. */
function mergeChanges(lists: ReadonlyArray<readonly EditFileChange[]>): EditFileChange[] {
  const edits: Array<{ file: string; edit: RangeEdit }> = [];
  const seen = new Set<string>();
  for (const change of lists.flat()) {
    for (const edit of change.edits) {
      const key = `${change.file}:${edit.start[0]}:${edit.start[1]}`;
      if (seen.has(key)) continue;
      seen.add(key);
      edits.push({ file: change.file, edit });
    }
  }
  return toChanges(edits);
}

/**
 * The edits that rename the symbol at `at` to `newName` across the workspace: the union of
 * pyright's references (complete across files once pyright has listed the workspace) and its
 * rename edits (which may miss unopened files early on), each checked to hold the old name;
 * plus, by a second stated strategy, attribute uses of a module-level symbol through a dotted
 * path that names its module (`pkg.errors.ParseFailure` where pyright cannot resolve `errors`).
 * @throws INVALID_IDENTIFIER for a bad `newName`; SYMBOL_NOT_FOUND when nothing renameable is at `at`.
 */
export async function findRenameChanges(
  workspace: PythonWorkspace,
  rawAt: TransformTarget & { line: number; column: number },
  newName: string,
  signal?: AbortSignal,
): Promise<EditFileChange[]> {
  const target = await resolveRenameTarget(workspace, rawAt, newName, signal);
  if (target === undefined) return [];
  const { at, name, reader } = target;
  const params = await workspace.openPosition(at, signal);
  const prepared = await workspace.session.request<Range | { range: Range } | null>(
    'textDocument/prepareRename',
    params,
    signal,
  );
  if (prepared === null) {
    throw new OrchestratorError(
      'SYMBOL_NOT_FOUND',
      `pyright cannot rename ${JSON.stringify(name)} at ${at.file}:${at.line}:${at.column} (not a workspace symbol). Point at a symbol defined in the workspace.`,
      { data: { ...at, name } },
    );
  }
  const references = await findReferenceLocations(workspace, reader, at, name, signal);
  const renamed = await workspace.session.request<WorkspaceEdit | null>(
    'textDocument/rename',
    { ...params, newName },
    signal,
  );
  const renameRanges = await toNameRanges(workspace.root, reader, toLocations(renamed), name);
  const unique = new Map<string, SourceRange>();
  for (const range of [...references, ...renameRanges]) {
    unique.set(`${range.file}:${range.line}:${range.column}`, range);
  }
  const ranges = [...unique.values()];
  const scopes = await classifyReferences(
    workspace,
    ranges,
    { names: [name, newName], freeName: newName },
    signal,
  );
  const edits: Array<{ file: string; edit: RangeEdit }> = ranges.map((range) => ({
    file: range.file,
    edit: toRangeEdit(range, name, newName, reasonFor(scopes.at(range), name, range)),
  }));
  const known = new Set(unique.keys());
  for (const use of await findModuleAttributeUses(workspace, at, name, known, signal)) {
    edits.push({
      file: use.file,
      edit: toRangeEdit(
        use,
        name,
        newName,
        `module attribute ${use.path} (pyright did not resolve it; matched by its dotted path)`,
      ),
    });
  }
  return toChanges(edits);
}

function reasonFor(
  facts: Parameters<typeof isBindingSite>[0],
  name: string,
  range: SourceRange,
): string {
  if (isBindingSite(facts, name, range.line, range.column)) return 'declaration';
  switch (facts?.context) {
    case 'import':
    case 'import-alias':
      return 'import';
    case 'string':
      return '__all__ entry';
    case 'keyword':
      return 'keyword argument';
    case 'attribute':
      return 'attribute reference';
    default:
      return 'reference';
  }
}

function toRangeEdit(
  range: { line: number; column: number },
  oldText: string,
  newText: string,
  reason: string,
): RangeEdit {
  return {
    start: [range.line, range.column],
    end: [range.line, range.column + oldText.length],
    oldText,
    newText,
    reason,
  };
}

function toChanges(edits: ReadonlyArray<{ file: string; edit: RangeEdit }>): EditFileChange[] {
  const byFile = new Map<string, RangeEdit[]>();
  for (const { file, edit } of edits) byFile.set(file, [...(byFile.get(file) ?? []), edit]);
  return [...byFile.keys()].sort(compareText).map((file) => ({
    op: 'edit',
    file,
    edits: (byFile.get(file) as RangeEdit[]).sort(
      (a, b) => a.start[0] - b.start[0] || a.start[1] - b.start[1],
    ),
  }));
}

/** The edit locations of a WorkspaceEdit, from `changes` or `documentChanges`. */
function toLocations(edit: WorkspaceEdit | null): Location[] {
  if (edit === null) return [];
  const locations: Location[] = [];
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    for (const { range } of edits) locations.push({ uri, range });
  }
  for (const change of edit.documentChanges ?? []) {
    if (!('edits' in change)) continue;
    for (const item of change.edits)
      locations.push({ uri: change.textDocument.uri, range: item.range });
  }
  return locations;
}
