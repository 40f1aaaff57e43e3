import type { RangeEdit } from '../../core/change/change-types.js';
import { toLineStarts, toOffset } from '../../core/change/text-positions.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import type { FileTextReader } from '../../lang/python/engine/read-file-text.js';
import { findUnusedImports } from '../../lang/python/queries/find-unused-imports.js';
import {
  type ImportRemovalPlan,
  type ImportRemovalRequest,
  planImportRemovals,
} from '../../lang/python/queries/plan-import-removals.js';
import type { PythonCallPlan, PythonImportNeed } from './plan-call.python.js';
import type { PythonFileSummary } from './sites.python.js';

/** One file's import edits, and what they do. */
export interface PythonImportEdits {
  edits: RangeEdit[];
  added: Array<{ line: number; column: number; text: string }>;
  removed: Array<{ line: number; column: number; name: string }>;
}

/**
 * The import edits of the files whose calls are replaced: a binding the calls used goes when
 * pyright, reading the files with the new calls, finds it unused (re-exports and side-effect
 * imports kept); a needed `from m import new_fn` takes the place of a removed `old_fn` from
 * the same module, or joins an import of that module, or comes as a new line after the file's
 * leading imports, in its own line ending.
 */
export async function toPythonImportEdits(
  workspace: PythonWorkspace,
  reader: FileTextReader,
  plans: readonly PythonCallPlan[],
  summaries: Readonly<Record<string, PythonFileSummary>>,
  signal?: AbortSignal,
): Promise<Map<string, PythonImportEdits>> {
  const byFile = new Map<string, PythonCallPlan[]>();
  for (const plan of plans)
    byFile.set(plan.site.file, [...(byFile.get(plan.site.file) ?? []), plan]);
  const texts = new Map<string, string>();
  for (const [file, filePlans] of byFile) {
    texts.set(
      file,
      applyEdits(
        await reader.text(file),
        filePlans.flatMap((p) => p.edits),
      ),
    );
  }
  const unused = await findUnusedImports(workspace, [...byFile.keys()], { texts, signal });
  const requests: ImportRemovalRequest[] = [...byFile].map(([file, filePlans]) => {
    const consumed = new Set(filePlans.flatMap((p) => (p.consumed ? [p.consumed] : [])));
    return {
      file,
      positions: unused.filter(
        (u) => u.file === file && consumed.has(u.name.split('.')[0] as string),
      ),
    };
  });
  let removals = await planImportRemovals(workspace, requests, signal);
  const converted = new Map<string, Set<string>>();
  const withReplacements = requests.map((request) => {
    const summary = summaries[request.file];
    const plan = removals.find((p) => p.file === request.file);
    const replace: Array<{ line: number; column: number; text: string }> = [];
    const done = new Set<string>();
    for (const need of needsOf(byFile.get(request.file) ?? [])) {
      if (need.kind !== 'from' || summary === undefined || plan === undefined) continue;
      const spot = plan.removed.find((r) => inFromImport(summary, need.module, r));
      if (
        spot === undefined ||
        replace.some((x) => x.line === spot.line && x.column === spot.column)
      )
        continue;
      replace.push({ line: spot.line, column: spot.column, text: need.name });
      done.add(keyOf(need));
    }
    converted.set(request.file, done);
    const positions = request.positions.filter(
      (p) => !replace.some((r) => r.line === p.line && r.column === p.column),
    );
    return { file: request.file, positions, replace };
  });
  if (withReplacements.some((r) => r.replace.length > 0)) {
    removals = await planImportRemovals(workspace, withReplacements, signal);
  }
  const result = new Map<string, PythonImportEdits>();
  for (const [file, filePlans] of byFile) {
    const plan = removals.find((p) => p.file === file);
    const summary = summaries[file];
    const edits: RangeEdit[] = (plan?.edits ?? []).map((edit) =>
      edit.reason.startsWith('unused import')
        ? {
            ...edit,
            reason: edit.reason.replace('unused import', 'import removed (no longer used)'),
          }
        : edit,
    );
    const added: PythonImportEdits['added'] = [];
    for (const edit of edits.filter((e) => e.reason === 'import replaced')) {
      added.push({ line: edit.start[0], column: edit.start[1], text: edit.newText });
    }
    const lines: string[] = [];
    for (const need of needsOf(filePlans)) {
      if (converted.get(file)?.has(keyOf(need)) === true || summary === undefined) continue;
      const joined = need.kind === 'from' ? joinExisting(summary, need, plan) : undefined;
      if (joined !== undefined) {
        edits.push(joined);
        added.push({
          line: joined.start[0],
          column: joined.start[1],
          text: joined.newText.slice(2),
        });
      } else {
        lines.push(
          need.kind === 'from'
            ? `from ${need.module} import ${need.name}`
            : `import ${need.module}`,
        );
      }
    }
    if (lines.length > 0 && summary !== undefined) {
      const insertion = toInsertion(await reader.text(file), summary, lines);
      edits.push(insertion);
      for (const text of lines)
        added.push({ line: insertion.start[0], column: insertion.start[1], text });
    }
    result.set(file, {
      edits,
      added,
      removed: (plan?.removed ?? []).map((r) => ({ line: r.line, column: r.column, name: r.name })),
    });
  }
  return result;
}

function needsOf(plans: readonly PythonCallPlan[]): PythonImportNeed[] {
  const needs = new Map<string, PythonImportNeed>();
  for (const plan of plans) if (plan.need !== undefined) needs.set(keyOf(plan.need), plan.need);
  return [...needs.keys()].sort().map((key) => needs.get(key) as PythonImportNeed);
}

function keyOf(need: PythonImportNeed): string {
  return need.kind === 'from' ? `from:${need.module}:${need.name}` : `module:${need.module}`;
}

/** True when the removed binding `at` is a name of a module-level `from <module> import`. */
function inFromImport(
  summary: PythonFileSummary,
  module: string,
  at: { line: number; column: number },
): boolean {
  return summary.imports.some(
    (s) =>
      s.kind === 'from' && s.module === module && s.names.some((n) => isWithin(at, n.start, n.end)),
  );
}

/** `, new_fn` after the last name of an untouched `from <module> import …`. */
function joinExisting(
  summary: PythonFileSummary,
  need: { module: string; name: string },
  plan: ImportRemovalPlan | undefined,
): RangeEdit | undefined {
  const statement = summary.imports.find((s) => {
    const first = s.names[0]?.start;
    const last = s.lastEnd;
    if (s.kind !== 'from' || s.module !== need.module || first === undefined || last === undefined)
      return false;
    // Untouched: no removal reaches into its names.
    return !(plan?.edits ?? []).some(
      (e) =>
        isBefore(e.start, [last.line, last.column]) && isBefore([first.line, first.column], e.end),
    );
  });
  if (statement?.lastEnd === undefined) return undefined;
  const at: [number, number] = [statement.lastEnd.line, statement.lastEnd.column];
  return { start: at, end: at, oldText: '', newText: `, ${need.name}`, reason: 'import added' };
}

/** New import lines where the file's leading imports end (or before its first statement). */
function toInsertion(
  text: string,
  summary: PythonFileSummary,
  lines: readonly string[],
): RangeEdit {
  const eol = summary.eol;
  const block = lines.join(eol);
  const fileLines = text.split(/\r\n|\r|\n/);
  const { line, after, blankLines = 0 } = summary.insertAt;
  if (line <= fileLines.length) {
    return {
      start: [line, 1],
      end: [line, 1],
      oldText: '',
      newText: `${block}${eol}${eol.repeat(after ? 0 : blankLines)}`,
      reason: 'import added',
    };
  }
  const last = fileLines.length;
  const at: [number, number] = [last, (fileLines[last - 1] ?? '').length + 1];
  return { start: at, end: at, oldText: '', newText: `${eol}${block}`, reason: 'import added' };
}

function isWithin(
  at: { line: number; column: number },
  start: { line: number; column: number },
  end: { line: number; column: number },
): boolean {
  const after = at.line > start.line || (at.line === start.line && at.column >= start.column);
  const before = at.line < end.line || (at.line === end.line && at.column <= end.column);
  return after && before;
}

/** `text` with non-overlapping edits applied. */
function applyEdits(text: string, edits: readonly RangeEdit[]): string {
  const starts = toLineStarts(text);
  const spans = edits.map((edit) => ({
    start: toOffset(text, starts, edit.start) ?? 0,
    end: toOffset(text, starts, edit.end) ?? 0,
    newText: edit.newText,
  }));
  let result = text;
  for (const span of spans.sort((a, b) => b.start - a.start || b.end - a.end)) {
    result = result.slice(0, span.start) + span.newText + result.slice(span.end);
  }
  return result;
}

function isBefore(a: readonly [number, number], b: readonly [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}
