import { describe, expect, it } from 'vitest';
import { isOrchestratorError } from '../../../../src/core/errors.js';
import type { CodeGraph, ComputedEdits, TransformTarget } from '../../../../src/core/services.js';
import type { SymbolDefinition } from '../../../../src/core/source-types.js';
import { analyzeConvertPromises } from '../../../../src/transforms/convert-promises/analyze.js';
import type { ConvertFacts } from '../../../../src/transforms/convert-promises/contract.js';
import { convertPromisesLanguageHalf } from '../../../../src/transforms/convert-promises/languages.js';
import type { AnalysisContext } from '../../../../src/transforms/transform.js';

const ENGINE = 'TypeScript 5.9.3 convertToAsyncFunction';

const definition = (
  file: string,
  line: number,
  language: 'typescript' | 'python',
): SymbolDefinition => ({
  file,
  line,
  column: 17,
  name: 'load',
  kind: 'function',
  language,
});

/** A LOGIC context over fake services: the declarations MAP found and what compute_edits answers. */
function contextWith(
  definitions: SymbolDefinition[],
  answer: ConvertFacts,
  calls: Array<{ at: TransformTarget; args: Record<string, unknown> }> = [],
): AnalysisContext {
  const graph = {
    definitions: async () => definitions,
    references: async () => [],
    computeEdits: async (
      _transform: string,
      at: TransformTarget,
      args: Record<string, unknown>,
    ): Promise<ComputedEdits> => {
      calls.push({ at, args });
      return { changes: [], facts: answer };
    },
  } as unknown as CodeGraph;
  return {
    map: {
      occurrences: {},
      definitions: { load: definitions },
      files: [],
      slices: [],
      similarFiles: [],
      sources: [],
    },
    graph,
    search: { findWord: async () => [], similarNames: async () => ['loader'] },
    git: { findWholeWord: async () => [], dirtyFiles: async () => [] },
    baseCommit: 'HEAD',
    tracked: new Set(definitions.map((d) => d.file)),
    files: { root: '/repo', readText: async () => '' },
    allowUnresolved: false,
    signal: new AbortController().signal,
    warn: () => undefined,
    progress: () => undefined,
  } as unknown as AnalysisContext;
}

const none: ConvertFacts = {
  converted: [],
  declined: [],
  examined: [],
  skipped: [],
  engine: ENGINE,
};
const intent = { kind: 'convert_promises' as const, target: 'load', targetKind: 'symbol' as const };

const rejection = async (promise: Promise<unknown>): Promise<Error & { code?: string }> =>
  promise.then(
    () => {
      throw new Error('it did not refuse');
    },
    (error: Error) => error,
  );

describe("convert_promises' LOGIC", () => {
  it('asks the TypeScript half for the one function it resolved, by the position of its name', async () => {
    const calls: Array<{ at: TransformTarget; args: Record<string, unknown> }> = [];
    const facts: ConvertFacts = {
      ...none,
      converted: [
        {
          file: 'src/a.ts',
          line: 3,
          column: 17,
          name: 'load',
          kind: 'function',
          round: 1,
          body: { file: 'src/a.ts', line: 3, column: 40 },
        },
      ],
    };
    const analysis = await analyzeConvertPromises(
      intent,
      contextWith([definition('src/a.ts', 3, 'typescript')], facts, calls),
    );
    expect(calls.map((c) => c.args)).toEqual([
      { mode: 'convert', function: { file: 'src/a.ts', line: 3, column: 17 } },
    ]);
    expect(analysis.title).toBe('Convert load to async/await');
    expect(analysis.verify).toEqual([
      {
        check: 'converted-functions',
        functions: [{ file: 'src/a.ts', line: 3, column: 40, name: 'load' }],
      },
    ]);
  });

  it('refuses a function declared only in Python, naming where', async () => {
    const error = await rejection(
      analyzeConvertPromises(intent, contextWith([definition('risk/core.py', 8, 'python')], none)),
    );
    expect(isOrchestratorError(error, 'BAD_INPUT')).toBe(true);
    expect(error.message).toBe(
      'load is declared only in Python (risk/core.py:8 (function)): "convert promise chains to async/await" works on JavaScript and TypeScript only. To make Python functions coroutines, use "make load async".',
    );
  });

  it('refuses through the shared resolver: a name declared nowhere, and one that names two functions', async () => {
    const missing = await rejection(analyzeConvertPromises(intent, contextWith([], none)));
    expect(isOrchestratorError(missing, 'SYMBOL_NOT_FOUND')).toBe(true);
    expect(missing.message).toContain('Did you mean "loader"?');
    const two = [definition('src/a.ts', 3, 'typescript'), definition('src/b.ts', 5, 'typescript')];
    const ambiguous = await rejection(analyzeConvertPromises(intent, contextWith(two, none)));
    expect(isOrchestratorError(ambiguous, 'SYMBOL_AMBIGUOUS')).toBe(true);
    expect(ambiguous.message).toContain('src/a.ts:3 (function)\n  src/b.ts:5 (function)');
  });

  it('refuses a function TypeScript does not convert, before anything is written', async () => {
    const facts: ConvertFacts = {
      ...none,
      declined: [
        {
          file: 'src/a.ts',
          line: 3,
          column: 23,
          name: 'load',
          kind: 'function',
          reason: 'already-async',
        },
      ],
    };
    const error = await rejection(
      analyzeConvertPromises(intent, contextWith([definition('src/a.ts', 3, 'typescript')], facts)),
    );
    expect(isOrchestratorError(error, 'NOTHING_TO_DO')).toBe(true);
    expect(error.message).toBe(
      'No promise chain to convert to async/await in load (src/a.ts:3): it is async already. Nothing was changed.',
    );
  });
});

describe("convert_promises' Python half", () => {
  it('refuses: Python has no promise chains', async () => {
    const python = convertPromisesLanguageHalf.python as NonNullable<
      typeof convertPromisesLanguageHalf.python
    >;
    const error = await rejection(python(undefined as never, { file: 'risk/core.py' }, {}));
    expect(isOrchestratorError(error, 'BAD_INPUT')).toBe(true);
    expect(error.message).toContain(
      'works on JavaScript and TypeScript only; risk/core.py is Python',
    );
  });
});
