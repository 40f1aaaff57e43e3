import type { LeftAlone } from '../../core/change/verify-types.js';
import type { SymbolDefinition } from '../../core/source-types.js';
import { compareText } from '../../core/whole-word.js';
import { parseFacts } from '../parse-facts.js';
import type { AnalysisContext, TransformAnalysis } from '../transform.js';
import { replaceCallsFactsSchema } from './contract.js';
import type { ReplaceCallsIntent } from './intent.js';
import { refuseWhatCannotBeReplaced } from './refusals.js';
import { closeNames, resolveTargets } from './resolve-targets.js';
import { splitDotted } from './split-dotted.js';
import { toWordChecks } from './word-checks.js';

/**
 * replace_calls' LOGIC: the two functions (workspace declarations, or library names the
 * language half resolves), the language half's calls, argument checks and edits — refused
 * before anything is written when a name does not resolve, a call's arguments do not fit, a
 * new name would be captured, or nothing calls the old function.
 */
export async function analyzeReplaceCalls(
  intent: ReplaceCallsIntent,
  context: AnalysisContext,
): Promise<TransformAnalysis> {
  const { graph, signal } = context;
  const resolved = await resolveTargets(intent, context);
  context.progress(`finding the calls of ${intent.from} (${resolved.language})`);
  const computed = await graph.computeEdits('replace_calls', resolved.at, resolved.args, {
    signal,
    language: resolved.language,
  });
  const facts = parseFacts('replace_calls', replaceCallsFactsSchema, computed.facts);
  const unresolved = facts.unresolved[0];
  const suggestions =
    unresolved === undefined
      ? []
      : (await closeNames(splitDotted(unresolved.name).name, context)).filter(
          (name) => name !== splitDotted(unresolved.name).name,
        );
  refuseWhatCannotBeReplaced(intent, facts, suggestions);
  const changes = computed.changes.filter((change) => context.tracked.has(change.file));
  for (const open of facts.unchecked) {
    context.warn(`LOGIC: ${open.file}:${open.line}: ${open.why}.`);
  }
  const leftAlone: LeftAlone[] = facts.leftAlone
    .filter((l) => context.tracked.has(l.file))
    .map((l) => ({ ...l, reason: 'not-a-call' as const }));
  const words = new Set<string>();
  for (const change of changes) {
    if (change.op !== 'edit') continue;
    for (const edit of change.edits) {
      if (!edit.reason.startsWith('call site')) continue;
      for (const word of edit.oldText.match(/[A-Za-z_$][\w$]*/g) ?? []) words.add(word);
    }
  }
  const targets = [resolved.declarations.from, resolved.declarations.to].filter(
    (d): d is SymbolDefinition => d !== undefined,
  );
  const files = changes.map((change) => change.file).sort(compareText);
  return {
    language: resolved.language,
    targets,
    changes,
    leftAlone,
    verify: await toWordChecks([...words], changes, context),
    riskNames: [splitDotted(intent.from).name, splitDotted(intent.to).name],
    certaintyByFile: Object.fromEntries(files.map((file) => [file, 0.9])),
    details: {
      from: facts.from,
      to: facts.to,
      calls: facts.calls,
      unchecked: facts.unchecked,
      imports: facts.imports,
    },
    title: `Replace calls to ${intent.from} with ${intent.to}`,
    summary: [
      `${intent.from}: ${facts.from?.signatures.join(' | ') ?? '?'} (${facts.from?.file}:${facts.from?.line})`,
      `${intent.to}: ${facts.to?.signatures.join(' | ') ?? '?'} (${facts.to?.file}:${facts.to?.line})`,
      `${facts.calls.length} call(s) replaced in ${changes.length} file(s); ${leftAlone.length} other use(s) left alone`,
      ...facts.calls.map(
        (c) => `call ${c.file}:${c.line}:${c.column} ${c.callee} → ${c.replacement}`,
      ),
      ...facts.imports.added.map((a) => `import added ${a.file}:${a.line}: ${a.text}`),
      ...facts.imports.removed.map((r) => `import removed ${r.file}:${r.line}: ${r.name}`),
      ...leftAlone.map((l) => `left alone ${l.file}:${l.line}:${l.column} (${l.detail})`),
      ...facts.unchecked.map((u) => `unchecked ${u.file}:${u.line}: ${u.why}`),
    ],
  };
}
