import type { SymbolDefinition } from '../../../core/source-types.js';
import { parseFacts } from '../../parse-facts.js';
import type { AnalysisContext, TransformAnalysis } from '../../transform.js';
import { type SignatureFacts, signatureFactsSchema } from './contract.js';
import { findUnseenUses, toLeftAlone, toUnseenRefusal } from './find-unseen-uses.js';
import { type RefusalWording, toRefusal } from './refusal.js';
import { resolveFunction } from './resolve-function.js';
import { toParameterSignatureCheck } from './verify-signature.js';

/** What one parameter transform asks of the shared LOGIC. */
export interface SignatureChangeRequest {
  transform: 'add_parameter' | 'remove_parameter';
  /** The function as written (`name` or `Class.name`). */
  function: string;
  name: string;
  /** `compute_edits` args (mode `edit`). */
  args: Record<string, unknown>;
  /** The refusal's wording, given the resolved function. */
  wording(target: SymbolDefinition): RefusalWording;
  title: string;
  expect: 'present' | 'absent';
  callsPass: boolean;
  /** Intent facts for the plan. */
  details: Record<string, unknown>;
  /** True when a use the language server cannot resolve would break (no default to fall back on). */
  unsafeForUnseen: boolean;
}

function qualified(d: { name: string; container?: string }): string {
  return d.container ? `${d.container}.${d.name}` : d.name;
}

/**
 * LOGIC of a parameter transform: the one function meant, the language half's family, edits
 * and problems — refused, before anything is written, with every problem named by file and
 * line — and the check REVIEW runs on the changed tree.
 */
export async function analyzeSignatureChange(
  request: SignatureChangeRequest,
  context: AnalysisContext,
): Promise<TransformAnalysis> {
  const target = await resolveFunction(request.function, context);
  context.progress(
    `reading the signature of ${qualified(target)} at ${target.file}:${target.line}`,
  );
  const computed = await context.graph.computeEdits(request.transform, target, request.args, {
    signal: context.signal,
  });
  const facts: SignatureFacts = parseFacts(request.transform, signatureFactsSchema, computed.facts);
  const wording = request.wording(target);
  if (facts.problems.length > 0) throw toRefusal(facts.problems, wording);
  const unseen = await findUnseenUses(target.name, facts, context);
  if (unseen.length > 0 && request.unsafeForUnseen && !context.allowUnresolved) {
    throw toUnseenRefusal(wording.action, target.name, unseen);
  }
  const leftAlone = toLeftAlone(
    target.name,
    unseen,
    request.unsafeForUnseen
      ? 'kept by --allow-unresolved'
      : 'left as it is (the new parameter has a default)',
  );
  for (const use of unseen)
    context.warn(`LOGIC: ${use.file}:${use.line}: "${target.name}" left as it is: ${use.why}.`);
  const changes = computed.changes.filter((change) => context.tracked.has(change.file));
  const untracked = computed.changes
    .filter((change) => !changes.includes(change))
    .map((c) => c.file);
  if (untracked.length > 0)
    context.warn(
      `LOGIC: ${untracked.length} file(s) not tracked by git left alone: ${untracked.join(', ')}.`,
    );
  for (const note of facts.reported)
    context.warn(`LOGIC: ${note.file}:${note.line}: ${note.detail}.`);
  const edits = changes.reduce((n, c) => n + (c.op === 'edit' ? c.edits.length : 0), 0);
  const callEdits = facts.calls.filter((c) => c.edit !== 'none').length;
  return {
    language: target.language,
    targets: facts.declarations.map((d) => ({
      file: d.file,
      line: d.line,
      column: d.column,
      name: d.name,
      kind: d.kind,
      language: target.language,
      ...(d.container ? { container: d.container } : {}),
    })),
    changes,
    leftAlone,
    verify: [
      toParameterSignatureCheck(
        {
          transform: request.transform,
          name: request.name,
          expect: request.expect,
          callsPass: request.callsPass,
        },
        facts.declarations,
        changes,
      ),
    ],
    riskNames: [...new Set(facts.declarations.map((d) => d.name))],
    certaintyByFile: Object.fromEntries(changes.map((change) => [change.file, 0.95])),
    details: {
      ...request.details,
      declarations: facts.declarations,
      calls: facts.calls,
      reported: facts.reported,
    },
    title: request.title,
    summary: [
      `${facts.declarations.length} declaration(s) change:`,
      ...facts.declarations.map(
        (d) =>
          `  ${d.role} ${qualified(d)} (${d.file}:${d.line}) — parameters before: ${d.parameters.join(', ') || '(none)'}`,
      ),
      `${edits} edits in ${changes.length} files; ${callEdits} of ${facts.calls.length} call(s) edited`,
      ...facts.reported.map(
        (r) => `reported ${r.file}:${r.line}: ${r.lineText.trim()} (${r.detail})`,
      ),
    ],
  };
}
