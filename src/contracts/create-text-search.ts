import { OrchestratorError } from '../core/errors.js';
import type { TextOccurrence } from '../core/phase-outputs.js';
import type { TextSearch, ToolCaller } from '../core/services.js';
import { rankSimilarNames, toSimilarNamesPattern } from '../core/similar-names.js';
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
      const result = await callContract(
        tools,
        contract,
        { pattern: toSimilarNamesPattern(name, 'rust'), ignoreCase: true, maxCount: 200 },
        options.signal ? { signal: options.signal } : {},
      );
      return rankSimilarNames(
        name,
        result.matches.map((match) => match.text),
        options.limit,
      );
    },
  };
}
