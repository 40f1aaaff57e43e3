import type { IntentBase } from '../core/intent.js';
import { rankSimilarNames, toSimilarNamesPattern } from '../core/similar-names.js';
import { INTENT_RULES } from '../transforms/intent-rules.js';
import { toUndeclaredError } from '../transforms/shared/resolve-symbol.js';
import { commitMentionsWord, matchedTextsAt } from '../vcs/grep-commit.js';

/**
 * Refuses, before any server starts, a command whose symbol no file tracked at `baseCommit`
 * mentions as a whole word: it cannot be declared there, so this is the `SYMBOL_NOT_FOUND` MAP
 * would give, with close names from those files as its suggestions. A name that is mentioned
 * passes, declared or not: MAP's declaration search decides. Only for a clean checkout (the
 * servers search the checkout, which then holds the base commit's files). Loads neither the
 * transforms nor zod.
 */
export async function refuseUnmentionedSymbols(
  root: string,
  baseCommit: string,
  intent: IntentBase,
  options: { signal?: AbortSignal } = {},
): Promise<void> {
  for (const query of INTENT_RULES[intent.kind]?.namedSymbols?.(intent) ?? []) {
    if (await commitMentionsWord(root, baseCommit, query.name, options)) continue;
    let suggestions: string[] = [];
    try {
      const pattern = toSimilarNamesPattern(query.name, 'posix-extended');
      const texts = await matchedTextsAt(root, baseCommit, pattern, {
        ignoreCase: true,
        ...options,
      });
      suggestions = rankSimilarNames(query.name, texts);
    } catch {
      // Suggestions are a courtesy (git before 2.38 has no --max-count); the refusal stands,
      // unless the run was cancelled.
      options.signal?.throwIfAborted();
    }
    throw toUndeclaredError(query, suggestions);
  }
}
