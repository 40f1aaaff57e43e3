import type { LeftAlone } from '../../../core/change/verify-types.js';
import { OrchestratorError } from '../../../core/errors.js';
import type { AnalysisContext } from '../../transform.js';
import type { SignatureFacts } from './contract.js';

/** An occurrence of the function's name in code that the language half did not account for. */
export interface UnseenUse {
  file: string;
  line: number;
  column: number;
  lineText: string;
  why: string;
}

const key = (at: { file: string; line: number; column: number }) =>
  `${at.file}:${at.line}:${at.column}`;

/**
 * The occurrences of `name` at the base commit that are neither a use the half looked at nor
 * something else by what the language server says (a comment, a string, another symbol, a
 * member of a value when the function is module-level): code it cannot resolve, which may
 * call the function without the half seeing it.
 */
export async function findUnseenUses(
  name: string,
  facts: SignatureFacts,
  context: AnalysisContext,
): Promise<UnseenUse[]> {
  const { signal } = context;
  const known = new Set(facts.references.map(key));
  const family = new Set(facts.declarations.map(key));
  const moduleLevel = facts.declarations.every((d) => d.kind === 'function');
  const occurrences = await context.git.findWholeWord(
    name,
    { revision: context.baseCommit },
    { signal },
  );
  const leftover = occurrences.filter((o) => context.tracked.has(o.file) && !known.has(key(o)));
  if (leftover.length === 0) return [];
  const classes = await context.graph.classify(leftover, { signal });
  return leftover.flatMap((occurrence, i): UnseenUse[] => {
    const found = classes[i];
    if (found === undefined || found.kind !== 'code' || found.externalDeclaration !== undefined)
      return [];
    if (found.declaration !== undefined && !family.has(key(found.declaration))) return [];
    if (
      found.declaration === undefined &&
      moduleLevel &&
      found.member !== undefined &&
      !found.member.objectIsModule
    )
      return [];
    const why =
      found.declaration === undefined
        ? 'the language server cannot resolve what this name refers to'
        : 'it refers to the function, but the language server did not list it as a use';
    return [
      {
        file: occurrence.file,
        line: occurrence.line,
        column: occurrence.column,
        lineText: occurrence.lineText,
        why,
      },
    ];
  });
}

/** The refusal for unseen uses when the change is not safe for them. */
export function toUnseenRefusal(
  action: string,
  name: string,
  unseen: readonly UnseenUse[],
): OrchestratorError {
  const list = unseen.map((u) => `${u.file}:${u.line}: ${u.lineText.trim()}  (${u.why})`);
  return new OrchestratorError(
    'UNRESOLVED_REFERENCES',
    `${action} is refused; nothing was changed. ${unseen.length} use(s) of "${name}" in code could not be resolved, so they might call it without being changed:\n  ${list.join('\n  ')}\nChange them by hand first, give the code types the language server can follow, or pass --allow-unresolved to keep them as they are (they are named in the pull request).`,
    { data: { symbol: name, unresolved: list } },
  );
}

/** The unseen uses a run keeps, as left-alone occurrences for the plan and the pull request. */
export function toLeftAlone(
  name: string,
  unseen: readonly UnseenUse[],
  detail: string,
): LeftAlone[] {
  return unseen.map((u) => ({
    file: u.file,
    line: u.line,
    column: u.column,
    length: name.length,
    reason: 'unresolved' as const,
    detail: `${detail}: ${u.why}`,
  }));
}
