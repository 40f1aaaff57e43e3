import { OrchestratorError } from '../core/errors.js';
import type { TextOccurrence } from '../core/phase-outputs.js';
import type { TextSearch, ToolCaller } from '../core/services.js';
import { compareText, escapeRegex } from '../core/whole-word.js';
import { callContract } from './call-contract.js';
import { ripgrepSearchContract } from './ripgrep.js';

/** A {@link TextSearch} over the ripgrep server, every reply checked. */
export function createTextSearch(tools: ToolCaller, server = 'ripgrep'): TextSearch {
  const contract = { ...ripgrepSearchContract, server };
  return {
    async findWord(word, options = {}) {
      const result = await callContract(
        tools,
        contract,
        { pattern: word, literal: true, word: true },
        options.signal ? { signal: options.signal } : {},
      );
      if (result.truncated) {
        throw new OrchestratorError(
          'BAD_INPUT',
          `"${word}" occurs too often to list every occurrence; narrow the command with "in <path>".`,
          { data: { word } },
        );
      }
      return result.matches.map(
        (match): TextOccurrence => ({
          file: match.file,
          line: match.line,
          column: match.column,
          length: match.length,
          lineText: match.lineText,
        }),
      );
    },
    async similarNames(name, options = {}) {
      const parts = toNameParts(name);
      const stems = (parts.length > 0 ? parts : [name.toLowerCase()]).map(escapeRegex).join('|');
      const pattern = String.raw`[A-Za-z_$][\w$]*(?:${stems})[\w$]*|(?:${stems})[\w$]*`;
      const result = await callContract(
        tools,
        contract,
        { pattern, ignoreCase: true, maxCount: 200 },
        options.signal ? { signal: options.signal } : {},
      );
      const maxDistance = Math.max(2, Math.floor(name.length / 3));
      const candidates = new Set(result.matches.map((match) => match.text));
      candidates.delete(name);
      return [...candidates]
        .map((candidate) => ({ candidate, distance: toEditDistance(candidate, name) }))
        .filter((entry) => entry.distance <= maxDistance)
        .sort((a, b) => a.distance - b.distance || compareText(a.candidate, b.candidate))
        .slice(0, options.limit ?? 3)
        .map((entry) => entry.candidate);
    },
  };
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
