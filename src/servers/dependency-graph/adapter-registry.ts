import { OrchestratorError } from '../../core/errors.js';
import type { LanguageId } from '../../core/source-types.js';
import type { LanguageAdapter } from '../../lang/language-adapter.js';
import { detectLanguages, languageOfFile } from './detect-languages.js';
import { createLazyAdapter } from './lazy-adapter.js';

/** The language adapters of one workspace, each created on first use. */
export interface AdapterRegistry {
  /** The adapter for `language`, created now if needed. */
  forLanguage(language: LanguageId): LanguageAdapter;
  /** The adapter for a workspace file, chosen by its extension (`.py` → Python, else TS/JS). */
  forFile(file: string): LanguageAdapter;
  /** `[language]` when given, else the languages whose files exist in the workspace. */
  languagesFor(
    language: LanguageId | undefined,
    options?: { signal?: AbortSignal },
  ): Promise<LanguageId[]>;
  /** Closes every adapter created so far. Safe to call twice. */
  close(): Promise<void>;
}

/** Creates the registry for `root`; nothing starts until an adapter is asked for. */
export function createAdapterRegistry(root: string): AdapterRegistry {
  const adapters = new Map<LanguageId, LanguageAdapter>();
  let closed = false;
  const forLanguage = (language: LanguageId): LanguageAdapter => {
    if (closed) {
      throw new OrchestratorError(
        'MCP_SERVER_UNAVAILABLE',
        'The dependency_graph server is closing.',
      );
    }
    let adapter = adapters.get(language);
    if (adapter === undefined) {
      adapter =
        language === 'python'
          ? createLazyAdapter(language, async () =>
              (await import('../../lang/python/index.js')).createPythonAdapter({ root }),
            )
          : createLazyAdapter(language, async () =>
              (await import('../../lang/typescript/index.js')).createTypeScriptAdapter({ root }),
            );
      adapters.set(language, adapter);
    }
    return adapter;
  };
  return {
    forLanguage,
    forFile: (file) => forLanguage(languageOfFile(file)),
    languagesFor: async (language, options = {}) =>
      language === undefined ? detectLanguages(root, options) : [language],
    async close() {
      if (closed) return;
      closed = true;
      const results = await Promise.allSettled([...adapters.values()].map((a) => a.close()));
      adapters.clear();
      const failures = results.filter((r) => r.status === 'rejected');
      if (failures.length > 0) {
        throw new AggregateError(
          failures.map((f) => (f as PromiseRejectedResult).reason),
          'Closing the dependency_graph language adapters failed.',
        );
      }
    },
  };
}
