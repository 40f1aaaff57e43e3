import type { ComputedEdits } from '../../../core/services.js';
import { compareText } from '../../../core/whole-word.js';
import type { SignatureFacts } from './contract.js';
import type { PlanBuilder, SignaturePlan } from './plan-helpers.js';
import type { FamilyNote, SignatureFamily } from './shapes.js';

/** Records the language half's own notes in the plan: why the target is unsupported, what it reports. */
export function addFamilyNotes(
  plan: PlanBuilder,
  found: { unsupported?: FamilyNote; reported: readonly FamilyNote[] },
): void {
  if (found.unsupported !== undefined)
    plan.problem(found.unsupported.at, 'unsupported-target', found.unsupported.detail);
  for (const note of found.reported) plan.report(note.at, note.kind, note.detail);
}

/** The language half's answer: the edits (none when anything refuses) and the facts. */
export function toComputedEdits(family: SignatureFamily, plan: SignaturePlan): ComputedEdits {
  const facts: SignatureFacts = {
    declarations: family.declarations.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      name: d.name,
      ...(d.container === undefined ? {} : { container: d.container }),
      role: d.role,
      kind: d.binding === 'function' && d.container === undefined ? 'function' : 'method',
      parameters: d.slots.flatMap((s) => (s.name === undefined ? [] : [s.name])),
    })),
    calls: plan.calls,
    problems: plan.problems,
    reported: plan.reported,
    references: toReferences(family),
  };
  return { changes: plan.problems.length > 0 ? [] : plan.changes, facts };
}

/** The declarations' names and every use the half looked at, sorted and unique. */
function toReferences(family: SignatureFamily): SignatureFacts['references'] {
  const unique = new Map<string, { file: string; line: number; column: number }>();
  for (const at of [...family.declarations, ...family.seen]) {
    unique.set(`${at.file}:${at.line}:${at.column}`, {
      file: at.file,
      line: at.line,
      column: at.column,
    });
  }
  return [...unique.values()].sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column,
  );
}
