import { OrchestratorError } from '../../core/errors.js';
import type { LanguageId } from '../../core/source-types.js';
import type { LanguageAdapter } from '../../lang/language-adapter.js';
import type { PythonWorkspace } from '../../lang/python/engine/python-workspace.js';
import type { WorkspaceProject } from '../../lang/typescript/engine/workspace-project.js';
import { detectLanguages, languageOfFile } from './detect-languages.js';
import { createLazyAdapter } from './lazy-adapter.js';

/** The language adapters of one workspace, each created on first use. */
export interface AdapterRegistry {
  /** The TS/JS adapter (the LanguageService project as its engine). */
  typescript(): LanguageAdapter<WorkspaceProject>;
  /** The Python adapter (pyright's workspace as its engine). */
  python(): LanguageAdapter<PythonWorkspace>;
  /** The adapter for `language`, created now if needed. */
  forLanguage(language: LanguageId): LanguageAdapter;
  /** The adapter for a workspace file, chosen by its extension (`.py` → Python, else TS/JS). */
  forFile(file: string): LanguageAdapter;
  /** `[language]` when given, else the languages whose files exist in the workspace. */
  languagesFor(
    language: LanguageId | undefined,
    options?: { signal?: AbortSignal },
  ): Promise<LanguageId[]>;
  /**
   * Tells the engines already created that `files` (workspace-relative) changed on disk; returns
   * the languages told. Engines not created yet read every file fresh when they start.
   */
  invalidate(files: readonly string[], options?: { signal?: AbortSignal }): Promise<LanguageId[]>;
  /** True once `close()` was called. */
  isClosed(): boolean;
  /** Closes every adapter created so far. Safe to call twice. */
  close(): Promise<void>;
}

/** Creates the registry for `root`; nothing starts until an adapter is asked for. */
export function createAdapterRegistry(root: string): AdapterRegistry {
  let typescript: LanguageAdapter<WorkspaceProject> | undefined;
  let python: LanguageAdapter<PythonWorkspace> | undefined;
  let closed = false;
  const ensureOpen = (): void => {
    if (closed) {
      throw new OrchestratorError('INTERNAL', 'The dependency_graph server is closing.', {
        retryable: true,
      });
    }
  };
  const pythonAdapter = () => python;
  const registry: AdapterRegistry = {
    typescript() {
      ensureOpen();
      typescript ??= createLazyAdapter('typescript', async () =>
        (await import('../../lang/typescript/index.js')).createTypeScriptAdapter({ root }),
      );
      return typescript;
    },
    python() {
      ensureOpen();
      python ??= createLazyAdapter('python', async () =>
        (await import('../../lang/python/index.js')).createPythonAdapter({ root }),
      );
      return python;
    },
    forLanguage: (language) =>
      (language === 'python' ? registry.python() : registry.typescript()) as LanguageAdapter,
    forFile: (file) => registry.forLanguage(languageOfFile(file)),
    isClosed: () => closed,
    async invalidate(files, options = {}) {
      ensureOpen();
      const told: LanguageId[] = [];
      const python = files.filter((file) => languageOfFile(file) === 'python');
      const other = files.filter((file) => languageOfFile(file) !== 'python');
      if (typescript !== undefined && other.length > 0) {
        await typescript.withEngine((project) => project.invalidate(other), options);
        told.push('typescript');
      }
      if (pythonAdapter() !== undefined && python.length > 0) {
        await pythonAdapter()?.withEngine((workspace) => workspace.invalidate(python), options);
        told.push('python');
      }
      return told;
    },
    languagesFor: async (language, options = {}) =>
      language === undefined ? detectLanguages(root, options) : [language],
    async close() {
      if (closed) return;
      closed = true;
      const open = [typescript, python].filter((a) => a !== undefined);
      const results = await Promise.allSettled(open.map((a) => a.close()));
      const failures = results.filter((r) => r.status === 'rejected');
      if (failures.length > 0) {
        throw new AggregateError(
          failures.map((f) => (f as PromiseRejectedResult).reason),
          'Closing the dependency_graph language adapters failed.',
        );
      }
    },
  };
  return registry;
}
