import type { LanguageId } from '../../core/source-types.js';
import type { LanguageAdapter } from '../../lang/language-adapter.js';

/**
 * An adapter that loads its module (the TypeScript compiler, the LSP client) on first use, so the
 * server answers `initialize` at once and a language a run never touches costs nothing.
 */
export function createLazyAdapter<E>(
  language: LanguageId,
  load: () => Promise<LanguageAdapter<E>>,
): LanguageAdapter<E> {
  let loading: Promise<LanguageAdapter<E>> | undefined;
  const get = (): Promise<LanguageAdapter<E>> => {
    loading ??= load();
    return loading;
  };
  return {
    language,
    prepare: async (options) => (await get()).prepare?.(options),
    findDefinitions: async (name, options) => (await get()).findDefinitions(name, options),
    findReferences: async (at, options) => (await get()).findReferences(at, options),
    findCallers: async (at, options) => (await get()).findCallers(at, options),
    findImportGraph: async (options) => (await get()).findImportGraph(options),
    classifyPositions: async (positions, options) =>
      (await get()).classifyPositions(positions, options),
    findDiagnostics: async (files, options) => (await get()).findDiagnostics(files, options),
    findChangeDiagnostics: async (options) => (await get()).findChangeDiagnostics?.(options),
    withEngine: async (body, options) => (await get()).withEngine(body, options),
    async close() {
      if (loading === undefined) return;
      await (await loading).close();
    },
  };
}
