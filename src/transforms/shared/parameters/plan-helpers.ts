import type { EditFileChange, RangeEdit } from '../../../core/change/change-types.js';
import { sortRangeEdits } from '../../../core/change/find-overlap.js';
import { compareText } from '../../../core/whole-word.js';
import type { CallFact, Problem, ProblemCode, Reported } from './contract.js';
import type { DeclarationRole, SignatureFamily } from './shapes.js';
import { type FileText, isInside, toFileText } from './slot-edits.js';

/** What a planner decided. */
export interface SignaturePlan {
  changes: EditFileChange[];
  problems: Problem[];
  reported: Reported[];
  calls: CallFact[];
}

/** Collects a planner's edits, problems and reports. */
export interface PlanBuilder {
  text(file: string): FileText;
  lineText(file: string, line: number): string;
  edit(file: string, edit: RangeEdit): void;
  problem(
    at: { file: string; line: number; column: number },
    code: ProblemCode,
    detail: string,
  ): void;
  report(at: { file: string; line: number; column: number }, kind: string, detail: string): void;
  call(fact: CallFact): void;
  /** Everything, sorted; edits inside a deleted range (a call nested in a deleted argument) dropped. */
  finish(): SignaturePlan;
}

/** A {@link PlanBuilder} over the family's file texts. */
export function createPlanBuilder(family: SignatureFamily): PlanBuilder {
  const texts = new Map<string, FileText>();
  const edits = new Map<string, RangeEdit[]>();
  const problems: Problem[] = [];
  const reported: Reported[] = [];
  const calls: CallFact[] = [];
  const text = (file: string): FileText => {
    let found = texts.get(file);
    if (found === undefined) {
      found = toFileText(file, family.texts.get(file) ?? '');
      texts.set(file, found);
    }
    return found;
  };
  const lineText = (file: string, line: number): string =>
    text(file).text.split(/\r\n|\r|\n/)[line - 1] ?? '';
  const where = (at: { file: string; line: number; column: number }) => ({
    file: at.file,
    line: at.line,
    column: at.column,
    lineText: lineText(at.file, at.line),
  });
  return {
    text,
    lineText,
    edit: (file, edit) => edits.set(file, [...(edits.get(file) ?? []), edit]),
    problem: (at, code, detail) => problems.push({ ...where(at), code, detail }),
    report: (at, kind, detail) => reported.push({ ...where(at), kind, detail }),
    call: (fact) => calls.push(fact),
    finish() {
      const changes = [...edits.keys()].sort(compareText).map((file): EditFileChange => {
        const all = edits.get(file) as RangeEdit[];
        const kept = all.filter((e) => !all.some((other) => other !== e && isInside(e, other)));
        return { op: 'edit', file, edits: sortRangeEdits(kept) };
      });
      const byPlace = (a: { file: string; line: number; column: number }, b: typeof a) =>
        compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
      return {
        changes,
        problems: problems.sort((a, b) => byPlace(a, b) || compareText(a.code, b.code)),
        reported: reported.sort((a, b) => byPlace(a, b) || compareText(a.kind, b.kind)),
        calls: calls.sort(byPlace),
      };
    },
  };
}

/** The reason an edit of a declaration exists, by its role. */
export function toDeclarationReason(role: DeclarationRole): string {
  switch (role) {
    case 'target':
      return 'declaration';
    case 'override':
      return 'override';
    case 'abstract':
      return 'interface member';
    case 'implementation':
      return 'implementation';
  }
}

/** Words for a dynamic use, in messages. */
export function describeDynamicUse(kind: string): string {
  switch (kind) {
    case 'decorator':
      return 'used as a decorator';
    case 'call':
      return 'called through .call()';
    case 'apply':
      return 'called through .apply()';
    case 'bind':
      return 'bound with .bind()';
    case 'tagged-template':
      return 'used as a template tag';
    case 'new':
      return 'constructed with new';
    case 'opaque-call':
      return 'called inside an f-string, whose arguments cannot be edited here';
    default:
      return 'passed or stored as a value, so its callers cannot be seen';
  }
}
