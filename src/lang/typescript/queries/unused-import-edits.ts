import type { RangeEdit } from '../../../core/change/change-types.js';
import type { WorkspaceProject } from '../engine/workspace-project.js';
import ts from '../typescript.js';
import {
  collectImportDeclarations,
  type ImportBindingName,
  type OffsetSpan,
  toBindingRemovalSpans,
  toImportBindings,
} from './import-binding-spans.js';
import { toLineColumn, toPositionTuple } from './positions.js';

/** An import binding removed, where its local name was written. */
export interface RemovedImport {
  name: string;
  line: number;
  column: number;
  length: number;
}

/** What removing a file's unused imports takes. */
export interface UnusedImportEdits {
  edits: RangeEdit[];
  removed: RemovedImport[];
}

/**
 * The edits that remove a workspace file's unused imports, as the LanguageService's organize
 * imports decides in `RemoveUnused` mode (nothing reordered or merged), under whatever overlay
 * the project has. TypeScript answers by reprinting the import block, which loses comments,
 * trailing commas and the file's layout; so its answer is read as a decision — which binding of
 * which declaration goes — and turned into deletions of exactly those names in the file as
 * written. `only` limits the removals to bindings with those local names.
 */
export function findUnusedImportEdits(
  project: WorkspaceProject,
  file: string,
  options: { only?: ReadonlySet<string> } = {},
): UnusedImportEdits {
  const sourceFile = project.sourceFile(file);
  const eol = /\r\n|\r|\n/.exec(sourceFile.text)?.[0] ?? '\n';
  const changes = project.service.organizeImports(
    { type: 'file', fileName: sourceFile.fileName, mode: ts.OrganizeImportsMode.RemoveUnused },
    ts.getDefaultFormatCodeSettings(eol),
    {},
  );
  const textChanges = changes
    .filter((change) => change.fileName === sourceFile.fileName)
    .flatMap((change) => change.textChanges);
  if (textChanges.length === 0) return { edits: [], removed: [] };
  const organized = ts.createSourceFile(
    sourceFile.fileName,
    applyTextChanges(sourceFile.text, textChanges),
    sourceFile.languageVersion,
    true,
    scriptKindOf(sourceFile.fileName),
  );
  const decisions = matchDeclarations(
    collectImportDeclarations(sourceFile),
    collectImportDeclarations(organized),
  );
  const spans: OffsetSpan[] = [];
  const removed: RemovedImport[] = [];
  const keptForEffect: RangeEdit[] = [];
  for (const { declaration, gone, sideEffect } of decisions) {
    const chosen = gone.filter((binding) => options.only?.has(binding.name) ?? true);
    if (chosen.length === 0) continue;
    const names = new Set(chosen.map((binding) => binding.name));
    if (sideEffect && chosen.length === gone.length) {
      keptForEffect.push(toSideEffectImport(sourceFile, declaration));
    } else {
      spans.push(...toBindingRemovalSpans(sourceFile, declaration, names));
    }
    for (const binding of chosen) {
      const start = binding.node.getStart(sourceFile);
      removed.push({
        name: binding.name,
        ...toLineColumn(sourceFile, start),
        length: binding.node.end - start,
      });
    }
  }
  const edits = [...toDeletions(sourceFile, spans), ...keptForEffect].sort(
    (a, b) => a.start[0] - b.start[0] || a.start[1] - b.start[1],
  );
  return { edits, removed };
}

/** `import { a } from './x'` → `import './x'`: the names go, the module still loads. */
function toSideEffectImport(
  sourceFile: ts.SourceFile,
  declaration: ts.ImportDeclaration,
): RangeEdit {
  const start = declaration.getStart(sourceFile);
  const end = declaration.moduleSpecifier.getStart(sourceFile);
  return {
    start: toPositionTuple(sourceFile, start),
    end: toPositionTuple(sourceFile, end),
    oldText: sourceFile.text.slice(start, end),
    newText: 'import ',
    reason: 'unused import (the module is still loaded for its side effects)',
  };
}

/** Offset spans → deletions, sorted. */
export function toDeletions(
  sourceFile: ts.SourceFile,
  spans: readonly OffsetSpan[],
  reason = 'unused import',
): RangeEdit[] {
  return [...spans]
    .sort((a, b) => a.start - b.start)
    .map((span) => ({
      start: toPositionTuple(sourceFile, span.start),
      end: toPositionTuple(sourceFile, span.end),
      oldText: sourceFile.text.slice(span.start, span.end),
      newText: '',
      reason,
    }));
}

interface Decision {
  declaration: ts.ImportDeclaration;
  gone: ImportBindingName[];
  /** Organize imports kept the declaration without names (`import './x'`). */
  sideEffect: boolean;
}

/**
 * Pairs each original declaration with what organize imports kept of it: in `RemoveUnused`
 * mode the organized declarations are the originals, in order, some gone, some with fewer names.
 */
function matchDeclarations(
  before: readonly ts.ImportDeclaration[],
  after: readonly ts.ImportDeclaration[],
): Decision[] {
  const result: Decision[] = [];
  let next = 0;
  for (const declaration of before) {
    const bindings = toImportBindings(declaration);
    const candidate = after[next];
    const matched = candidate !== undefined && isReducedFrom(candidate, declaration);
    const kept = matched ? toImportBindings(candidate) : [];
    if (matched) next += 1;
    const keptKeys = new Set(kept.map(keyOf));
    const gone = bindings.filter((binding) => !keptKeys.has(keyOf(binding)));
    if (gone.length > 0)
      result.push({ declaration, gone, sideEffect: matched && kept.length === 0 });
  }
  return result;
}

/** True when `organized` imports from the same module a subset of `original`'s names. */
function isReducedFrom(organized: ts.ImportDeclaration, original: ts.ImportDeclaration): boolean {
  if (moduleOf(organized) !== moduleOf(original)) return false;
  const names = new Set(toImportBindings(original).map(keyOf));
  return toImportBindings(organized).every((binding) => names.has(keyOf(binding)));
}

function moduleOf(declaration: ts.ImportDeclaration): string {
  const specifier = declaration.moduleSpecifier;
  return ts.isStringLiteral(specifier) ? specifier.text : specifier.getText();
}

function keyOf(binding: ImportBindingName): string {
  return `${binding.kind}:${binding.name}`;
}

function applyTextChanges(text: string, changes: readonly ts.TextChange[]): string {
  let result = text;
  for (const change of [...changes].sort((a, b) => b.span.start - a.span.start)) {
    result =
      result.slice(0, change.span.start) +
      change.newText +
      result.slice(change.span.start + change.span.length);
  }
  return result;
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  if (/\.tsx$/.test(fileName)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(fileName)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(fileName)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}
