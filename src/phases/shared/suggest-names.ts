import type { ToolCaller } from '../../core/services.js';
import { compareText, escapeRegex } from '../../core/whole-word.js';
import type { RipgrepSearchResult } from '../shared/tool-types.js';

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

/**
 * Identifiers in the workspace that look like `name` (shared words, small edit distance),
 * closest first — for "did you mean" messages.
 */
export async function suggestNames(
  tools: ToolCaller,
  name: string,
  options: { signal?: AbortSignal; limit?: number } = {},
): Promise<string[]> {
  const parts = toNameParts(name);
  const stems = parts.length > 0 ? parts : [name.toLowerCase()];
  const pattern = String.raw`[A-Za-z_$][\w$]*(?:${stems.map(escapeRegex).join('|')})[\w$]*|(?:${stems.map(escapeRegex).join('|')})[\w$]*`;
  const result = await tools.callTool<RipgrepSearchResult>(
    'ripgrep',
    'search',
    { pattern, ignoreCase: true, maxCount: 200 },
    { signal: options.signal },
  );
  const limit = options.limit ?? 3;
  const maxDistance = Math.max(2, Math.floor(name.length / 3));
  const candidates = new Set(result.matches.map((match) => match.text));
  candidates.delete(name);
  return [...candidates]
    .map((candidate) => ({ candidate, distance: toEditDistance(candidate, name) }))
    .filter((entry) => entry.distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance || compareText(a.candidate, b.candidate))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}
