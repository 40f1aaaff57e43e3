import { describe, expect, it } from 'vitest';
import type { CodeGraph, TextSearch } from '../../../../src/core/services.js';
import type { SymbolDefinition } from '../../../../src/core/source-types.js';
import {
  resolveSymbol,
  type SymbolQuery,
} from '../../../../src/transforms/shared/resolve-symbol.js';

const define = (file: string, line: number, kind: SymbolDefinition['kind'], container?: string) =>
  ({
    file,
    line,
    column: 5,
    name: 'post_entry',
    kind,
    language: 'python',
    ...(container === undefined ? {} : { container }),
  }) satisfies SymbolDefinition;

const FUNCTION = define('ledger/core.py', 15, 'function');
const METHOD = define('ledger/core.py', 10, 'method', 'Ledger');
const ATTRIBUTE = define('ledger/journal.py', 3, 'property', 'Journal');

/** Resolves with a graph where no declaration references another (every one a distinct symbol). */
async function resolve(query: Partial<SymbolQuery>, definitions: SymbolDefinition[]) {
  const notes: string[] = [];
  const graph = { references: async () => [] } as unknown as CodeGraph;
  const search = { similarNames: async () => [] } as unknown as TextSearch;
  const target = await resolveSymbol({ name: 'post_entry', ...query }, definitions, {
    graph,
    search,
    signal: new AbortController().signal,
    onChoice: (note) => notes.push(note),
  }).catch((error: Error & { code: string }) => error);
  return { target, notes };
}

describe('resolveSymbol: a module-level declaration and class members', () => {
  it('takes the module-level function when every other candidate is a class member', async () => {
    const { target, notes } = await resolve({}, [METHOD, FUNCTION, ATTRIBUTE]);
    expect(target).toEqual(FUNCTION);
    expect(notes).toEqual([
      'post_entry: the function at ledger/core.py:15; method Ledger.post_entry, property Journal.post_entry left alone',
    ]);
  });

  it('refuses when the command names a kind or a class', async () => {
    for (const query of [{ namesKind: true }, { container: 'Ledger', kinds: undefined }]) {
      const { target } = await resolve(query, [
        METHOD,
        FUNCTION,
        define('a.py', 1, 'method', 'Ledger'),
      ]);
      expect(target).toMatchObject({ code: 'SYMBOL_AMBIGUOUS' });
    }
    const { target, notes } = await resolve({ namesKind: true }, [METHOD, FUNCTION]);
    expect(target).toMatchObject({ code: 'SYMBOL_AMBIGUOUS' });
    expect(notes).toEqual([]);
  });

  it('refuses peers: two module-level declarations, or a function nested in another', async () => {
    const peers = await resolve({}, [FUNCTION, define('ledger/old.py', 2, 'function'), METHOD]);
    expect(peers.target).toMatchObject({ code: 'SYMBOL_AMBIGUOUS' });
    const nested = await resolve({}, [
      FUNCTION,
      define('ledger/core.py', 30, 'function', 'replay'),
    ]);
    expect(nested.target).toMatchObject({ code: 'SYMBOL_AMBIGUOUS' });
  });
});
