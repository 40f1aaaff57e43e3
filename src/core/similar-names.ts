import { compareText, escapeRegex } from './whole-word.js';

/** Which regular-expression syntax {@link toSimilarNamesPattern} writes. */
export type PatternSyntax = 'rust' | 'posix-extended';

/**
 * A pattern (matched case-blind) for the identifiers that share a word with `name`
 * (`getUserName`: those holding `get`, `user` or `name`): in ripgrep's syntax, or in the POSIX
 * extended syntax of `git grep -E`. The two differ only in what counts as a word character
 * beyond ASCII.
 */
export function toSimilarNamesPattern(name: string, syntax: PatternSyntax): string {
  const parts = toNameParts(name);
  const stems = (parts.length > 0 ? parts : [name.toLowerCase()]).map(escapeRegex).join('|');
  if (syntax === 'rust') return String.raw`[A-Za-z_$][\w$]*(?:${stems})[\w$]*|(?:${stems})[\w$]*`;
  const word = '[A-Za-z0-9_$]';
  return `[A-Za-z_$]${word}*(${stems})${word}*|(${stems})${word}*`;
}

/**
 * The names among `candidates` (texts a {@link toSimilarNamesPattern} search matched) closest
 * to `name` by edit distance, at most a third of its length (and at least 2) away, nearest
 * first, ties in code-unit order; `name` itself is never one.
 */
export function rankSimilarNames(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const unique = new Set(candidates);
  unique.delete(name);
  const maxDistance = Math.max(2, Math.floor(name.length / 3));
  return [...unique]
    .map((candidate) => ({ candidate, distance: toEditDistance(candidate, name) }))
    .filter((entry) => entry.distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance || compareText(a.candidate, b.candidate))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}

/** Edit distance between two strings (case-insensitive). */
export function toEditDistance(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/** Splits an identifier into lower-case words: `getUserName` / `get_user_name` → get, user, name. */
export function toNameParts(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.toLowerCase())
    .filter((part) => part.length >= 3);
}
