import type { LanguageId } from '../../core/source-types.js';
import type { LanguageAdapter } from '../../lang/language-adapter.js';

/**
 * An adapter that loads its module (the TypeScript compiler, the LSP client) on first use, so the
 * server answers `initialize` at once and a language a run never touches costs nothing.
 */
export function createLazyAdapter(
  language: LanguageId,
  load: () => Promise<LanguageAdapter>,
): LanguageAdapter {
  let loading: Promise<LanguageAdapter> | undefined;
  const get = (): Promise<LanguageAdapter> => {
    loading ??= load();
    return loading;
  };
  return {
    language,
    prepare: async (options) => (await get()).prepare?.(options),
    findDefinitions: async (name, options) => (await get()).findDefinitions(name, options),
    findReferences: async (at, options) => (await get()).findReferences(at, options),
    findRenameEdits: async (at, newName, options) =>
      (await get()).findRenameEdits(at, newName, options),
    findRenameCollisions: async (at, newName, options) =>
      (await get()).findRenameCollisions(at, newName, options),
    findCallers: async (at, options) => (await get()).findCallers(at, options),
    findImportGraph: async (options) => (await get()).findImportGraph(options),
    async close() {
      if (loading === undefined) return;
      await (await loading).close();
    },
  };
}
