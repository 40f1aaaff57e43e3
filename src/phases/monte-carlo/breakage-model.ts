import type { FileChange } from '../../core/change/change-types.js';
import type { ImportEdge } from '../../core/source-types.js';
import { isTestFile } from '../../core/test-files.js';

/**
 * Chance that one edit both the rename and the references agree on is still wrong (a dynamic
 * use, a string-built name): about 1 in 5,000.
 */
const CONFIRMED_EDIT_FAILURE = 0.0002;
/** Chance that an edit the references do not confirm is wrong. */
const UNCONFIRMED_EDIT_FAILURE = 0.05;
/** Chance a broken file breaks an importer that imports one of the changed names from it. */
const NAMED_IMPORT_SPREAD = 0.9;
/** Chance a broken file breaks an importer that imports other names from it. */
const OTHER_IMPORT_SPREAD = 0.25;

/** The graph the simulation runs on: files, their own break chance, and weighted spread edges. */
export interface BreakageModel {
  files: string[];
  /** Index-aligned with `files`: chance the file breaks by its own edits. */
  ownBreak: number[];
  /** Index-aligned: importers of the file, with the chance a break spreads to each. */
  spreads: Array<Array<{ to: number; weight: number }>>;
  /** Index-aligned: whether a test file reaches the file through imports. */
  covered: boolean[];
  /** Test files that import an affected file, directly or transitively. */
  tests: string[];
}

/**
 * Builds the model from the changes (each edit, and each whole-file change, counts as one
 * chance to be wrong), each file's certainty, and the import graph.
 */
export function createBreakageModel(options: {
  /** Names whose importers are most at risk (the renamed symbol, the converted functions). */
  names: readonly string[];
  changes: readonly FileChange[];
  certaintyByFile: Readonly<Record<string, number>>;
  affectedFiles: readonly string[];
  importEdges: readonly ImportEdge[];
}): BreakageModel {
  const editCounts = new Map<string, number>();
  for (const change of options.changes) {
    const count = change.op === 'edit' ? change.edits.length : 1;
    editCounts.set(change.file, (editCounts.get(change.file) ?? 0) + count);
  }
  const files = [...new Set([...options.affectedFiles, ...editCounts.keys()])].sort();
  const index = new Map(files.map((file, i) => [file, i]));
  const ownBreak = files.map((file) => {
    const certainty = options.certaintyByFile[file] ?? 1;
    const editCount = editCounts.get(file) ?? 0;
    const perEdit =
      CONFIRMED_EDIT_FAILURE +
      (1 - certainty) * (UNCONFIRMED_EDIT_FAILURE - CONFIRMED_EDIT_FAILURE);
    return 1 - (1 - perEdit) ** editCount;
  });
  const spreads: BreakageModel['spreads'] = files.map(() => []);
  for (const edge of options.importEdges) {
    const from = index.get(edge.to);
    const to = index.get(edge.from);
    if (from === undefined || to === undefined) continue;
    const named = edge.names.some((name) => options.names.includes(name));
    const weight = named ? NAMED_IMPORT_SPREAD : OTHER_IMPORT_SPREAD;
    spreads[from]?.push({ to, weight });
  }
  for (const list of spreads) list.sort((a, b) => a.to - b.to);
  const tests = files.filter(isTestFile);
  const covered = files.map((file) => isTestFile(file));
  const stack = files.flatMap((file, i) => (isTestFile(file) ? [i] : []));
  const importsOf = new Map<number, number[]>();
  for (const edge of options.importEdges) {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    if (from === undefined || to === undefined) continue;
    importsOf.set(from, [...(importsOf.get(from) ?? []), to]);
  }
  while (stack.length > 0) {
    const current = stack.pop() as number;
    for (const imported of importsOf.get(current) ?? []) {
      if (!covered[imported]) {
        covered[imported] = true;
        stack.push(imported);
      }
    }
  }
  return { files, ownBreak, spreads, covered, tests };
}
