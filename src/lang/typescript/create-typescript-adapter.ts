import { realpathSync } from 'node:fs';
import path from 'node:path';
import { OrchestratorError } from '../../core/errors.js';
import type { AdapterCallOptions, LanguageAdapter, Overlay } from '../language-adapter.js';
import { type ConfigServices, createConfigServices } from './engine/config-services.js';
import { throwIfAborted } from './engine/workspace-files.js';
import { createWorkspaceProject, type WorkspaceProject } from './engine/workspace-project.js';
import { classifyPositions } from './queries/classify-positions.js';
import { findCallers } from './queries/find-callers.js';
import { findDefinitions } from './queries/find-definitions.js';
import { findDiagnostics } from './queries/find-diagnostics.js';
import { findImportGraph } from './queries/find-import-graph.js';
import { findReferences } from './queries/find-references.js';

/** Options for {@link createTypeScriptAdapter}. */
export interface TypeScriptAdapterOptions {
  /** The workspace folder (its `tsconfig.json`, if any, is used). */
  root: string;
}

/** Lifecycle of the adapter's language service. */
export type TypeScriptAdapterState = 'ready' | 'closed';

/** A {@link LanguageAdapter} for TS/JS that also reports its state. */
export interface TypeScriptAdapter extends LanguageAdapter<WorkspaceProject> {
  readonly state: TypeScriptAdapterState;
}

/**
 * Creates the TS/JS adapter on one long-lived TypeScript LanguageService over every
 * .ts/.tsx/.mts/.cts/.js/.jsx/.mjs/.cjs file under `root` (plus the tsconfig's files), outside
 * node_modules, dist, build, coverage, .git and .mcp-orchestrator. Calls run one at a time and
 * first re-read files that changed on disk. Results are sorted by file, line and column.
 */
export function createTypeScriptAdapter(options: TypeScriptAdapterOptions): TypeScriptAdapter {
  const root = resolveRoot(options.root);
  let project: WorkspaceProject | undefined;
  let configs: ConfigServices | undefined;
  let state: TypeScriptAdapterState = 'ready';
  let queue: Promise<unknown> = Promise.resolve();

  const run = <T>(
    callOptions: AdapterCallOptions | undefined,
    body: (project: WorkspaceProject, signal?: AbortSignal) => T | Promise<T>,
  ): Promise<T> => {
    const signal = callOptions?.signal;
    const overlay = (callOptions as { overlay?: Overlay } | undefined)?.overlay;
    const next = queue.then(async () => {
      if (state === 'closed') {
        throw new OrchestratorError('LANGUAGE_SERVER_FAILED', 'The TypeScript adapter is closed.');
      }
      throwIfAborted(signal);
      project ??= createWorkspaceProject(root);
      await project.refresh({ signal });
      throwIfAborted(signal);
      const current = project;
      if (overlay === undefined || overlay.size === 0) return body(current, signal);
      return current.withOverlay(overlay, () => body(current, signal));
    });
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    language: 'typescript',
    get state() {
      return state;
    },
    // Syntactic, off the queue: it neither needs the program nor waits for one being built.
    async findDefinitions(name, callOptions) {
      if (state === 'closed') {
        throw new OrchestratorError('LANGUAGE_SERVER_FAILED', 'The TypeScript adapter is closed.');
      }
      return findDefinitions(root, name, callOptions?.signal, callOptions?.onSkipped);
    },
    /** Builds the program in the background, so the next query finds it ready. */
    prepare: (callOptions) => run(callOptions, (p) => void p.program()),
    findReferences: (at, callOptions) =>
      run(callOptions, (p, signal) => findReferences(p, at, signal)),
    classifyPositions: (positions, callOptions) =>
      run(callOptions, (p, signal) => classifyPositions(p, positions, signal)),
    findDiagnostics: (files, callOptions) =>
      run(callOptions, (p, signal) => {
        configs ??= createConfigServices(p);
        return findDiagnostics(p, configs, files, signal);
      }),
    withEngine: (body, callOptions) => run(callOptions, body),
    findCallers: (at, callOptions) => run(callOptions, (p) => findCallers(p, at)),
    findImportGraph: (callOptions) => run(callOptions, (p, signal) => findImportGraph(p, signal)),
    async close() {
      if (state === 'closed') return;
      state = 'closed';
      await queue;
      configs?.dispose();
      configs = undefined;
      project?.dispose();
      project = undefined;
    },
  };
}

function resolveRoot(root: string): string {
  try {
    return realpathSync(path.resolve(root)).split(path.sep).join('/');
  } catch (error) {
    throw new OrchestratorError(
      'BAD_INPUT',
      `No workspace folder at ${root}. Pass an existing directory as root.`,
      { data: { root }, cause: error },
    );
  }
}
