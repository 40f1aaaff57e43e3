import type { EditFileChange, RangeEdit } from '../../core/change/change-types.js';
import { OrchestratorError } from '../../core/errors.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import type { ConvertFacts } from './contract.js';
import type { EditPlan } from './edit-plan.python.js';
import { EDITS_SCRIPT } from './edits-script.python.js';
import type { Point } from './site-types.python.js';

interface ScriptResult {
  files: Array<{
    file: string;
    error?: string;
    edits?: Array<{ start: Point; end: Point; oldText: string; newText: string; reason: string }>;
    rewrites?: Array<Point & { from: string; to: string; operation: string; rewrite: string }>;
    missing?: Point[];
  }>;
}

/** The text edits of a plan, and the blocking calls it rewrites. */
export interface PlannedChanges {
  changes: EditFileChange[];
  rewrites: ConvertFacts['rewrites'];
}

/**
 * Turns the plan into text edits with the edits script, one run for every file.
 * @throws INTERNAL when the plan names a node the file does not have (a bug: the plan was
 * made from the same text).
 */
export async function toPlannedChanges(
  workspace: PythonWorkspace,
  plan: EditPlan,
  signal?: AbortSignal,
): Promise<PlannedChanges> {
  const files = plan.files();
  if (files.length === 0) return { changes: [], rewrites: [] };
  const result = await workspace.runScript<ScriptResult>(
    EDITS_SCRIPT,
    { root: workspace.root, files },
    signal,
  );
  const changes: EditFileChange[] = [];
  const rewrites: ConvertFacts['rewrites'] = [];
  for (const entry of result.files) {
    if (entry.error !== undefined) {
      throw new OrchestratorError(
        'BAD_INPUT',
        `Cannot parse ${entry.file}: ${entry.error}. Fix the syntax error first.`,
        {
          data: { file: entry.file },
        },
      );
    }
    const missing = entry.missing ?? [];
    if (missing.length > 0) {
      const where = missing.map((m) => `${m.line}:${m.column}`).join(', ');
      throw new OrchestratorError(
        'INTERNAL',
        `make_async planned edits in ${entry.file} at ${where} where the file has no such node.`,
        {
          data: { file: entry.file },
        },
      );
    }
    const edits = (entry.edits ?? []).map(
      (edit): RangeEdit => ({
        start: [edit.start.line, edit.start.column],
        end: [edit.end.line, edit.end.column],
        oldText: edit.oldText,
        newText: edit.newText,
        reason: edit.reason,
      }),
    );
    if (edits.length > 0) changes.push({ op: 'edit', file: entry.file, edits });
    for (const rewrite of entry.rewrites ?? []) {
      rewrites.push({
        file: entry.file,
        line: rewrite.line,
        column: rewrite.column,
        from: rewrite.from,
        to: rewrite.to,
        rule: `${rewrite.operation} → ${rewrite.rewrite}`,
      });
    }
  }
  return { changes, rewrites };
}
