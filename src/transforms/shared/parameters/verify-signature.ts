import { z } from 'zod';
import type { FileChange, RangeEdit } from '../../../core/change/change-types.js';
import { mapPositionThroughEdits } from '../../../core/change/map-positions.js';
import { parseFacts } from '../../parse-facts.js';
import type { VerifyContext } from '../../transform.js';
import { changedTreeOverlay } from '../changed-tree-overlay.js';
import { type DeclarationFact, signatureVerifyFactsSchema } from './contract.js';

/** REVIEW's check of a signature change on the changed tree: the declarations and the calls. */
export const parameterSignatureCheckSchema = z.strictObject({
  check: z.literal('parameter-signature'),
  transform: z.enum(['add_parameter', 'remove_parameter']),
  name: z.string().min(1),
  /** `present`: every declaration has the parameter; `absent`: none has it. */
  expect: z.enum(['present', 'absent']),
  /** Every call must pass the parameter. */
  callsPass: z.boolean(),
  /** The changed declarations, where their names are in the changed tree. */
  declarations: z.array(
    z.strictObject({
      file: z.string().min(1),
      line: z.number().int().positive(),
      column: z.number().int().positive(),
      name: z.string().min(1),
    }),
  ),
});

export type ParameterSignatureCheck = z.infer<typeof parameterSignatureCheckSchema>;

/** The check for a change: the declarations moved to where their names are after the edits. */
export function toParameterSignatureCheck(
  fields: Omit<ParameterSignatureCheck, 'check' | 'declarations'>,
  declarations: readonly DeclarationFact[],
  changes: readonly FileChange[],
): ParameterSignatureCheck {
  const edits = new Map<string, RangeEdit[]>();
  for (const change of changes) if (change.op === 'edit') edits.set(change.file, change.edits);
  const mapped = declarations.flatMap((d) => {
    const at = mapPositionThroughEdits(edits.get(d.file) ?? [], [d.line, d.column]);
    return at === undefined ? [] : [{ file: d.file, line: at[0], column: at[1], name: d.name }];
  });
  return { check: 'parameter-signature', ...fields, declarations: mapped };
}

/**
 * Asks the language half, on the changed tree (the changed files as an overlay), for the
 * declarations' parameters and the calls: a declaration without (or still with) the
 * parameter, or a call that does not (or still does) pass it, is a problem.
 */
export async function verifyParameterSignature(
  check: ParameterSignatureCheck,
  context: VerifyContext,
): Promise<string[]> {
  const [first] = check.declarations;
  if (first === undefined) return [];
  const overlay = await changedTreeOverlay(context);
  const computed = await context.graph.computeEdits(
    check.transform,
    { file: first.file, line: first.line, column: first.column },
    {
      mode: 'verify',
      name: check.name,
      declarations: check.declarations.map(({ file, line, column }) => ({ file, line, column })),
      expect: check.expect,
      callsPass: check.callsPass,
    },
    { overlay, signal: context.signal },
  );
  const facts = parseFacts(check.transform, signatureVerifyFactsSchema, computed.facts);
  const problems: string[] = [];
  facts.declarations.forEach((d, i) => {
    const name = check.declarations[i]?.name ?? '?';
    if (d.parameters === null)
      problems.push(`${d.file}:${d.line}: no function ${name} there any more`);
    else if (check.expect === 'present' && !d.parameters.includes(check.name)) {
      problems.push(`${d.file}:${d.line}: ${name} has no parameter "${check.name}"`);
    } else if (check.expect === 'absent' && d.parameters.includes(check.name)) {
      problems.push(`${d.file}:${d.line}: ${name} still has the parameter "${check.name}"`);
    }
  });
  for (const call of facts.calls) {
    if (check.expect === 'present' && check.callsPass && call.passes === 'no') {
      problems.push(
        `${call.file}:${call.line}: ${call.lineText.trim()} does not pass "${check.name}"`,
      );
    } else if (check.expect === 'absent' && call.passes === 'yes') {
      problems.push(
        `${call.file}:${call.line}: ${call.lineText.trim()} still passes "${check.name}"`,
      );
    }
  }
  return problems.length === 0
    ? []
    : [
        `The ${check.transform.replace('_', ' ')} check found ${problems.length} problem(s):\n  ${problems.join('\n  ')}`,
      ];
}
