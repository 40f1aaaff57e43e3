import { describe, expect, it } from 'vitest';
import { OrchestratorError } from '../../../src/core/errors.js';
import type { IntentBase } from '../../../src/core/intent.js';
import type { MapOutput } from '../../../src/core/phase-outputs.js';
import type { SymbolDefinition } from '../../../src/core/source-types.js';
import { createMapPhase } from '../../../src/phases/map/map-phase.js';
import type { RenameIntent } from '../../../src/transforms/rename/intent.js';
import { toSymbolQuery } from '../../../src/transforms/rename/symbol-query.js';
import { resolveSymbol } from '../../../src/transforms/shared/resolve-symbol.js';
import {
  createFakeContext,
  FAKE_BASE_COMMIT,
  type FakeContextOverrides,
} from '../../fixtures/phases/fake-services.js';
import { createFakeSliceStore } from '../../fixtures/phases/fake-slice-store.js';
import { GET_USER, RENAME_INTENT, renameScenario } from '../../fixtures/phases/rename-scenario.js';

async function runMap(overrides: FakeContextOverrides = {}) {
  const run = createFakeContext({ ...renameScenario(), ...overrides });
  const outcome = await createMapPhase().run(run.context, {});
  if (!outcome.success) throw new Error(`MAP failed: ${outcome.error.message}`);
  return { ...run, outcome, output: outcome.output as MapOutput };
}

const statusOf = (output: MapOutput) =>
  Object.fromEntries(output.sources.map((s) => [s.name, s.status]));

const definitionQueries = (run: Awaited<ReturnType<typeof runMap>>) =>
  run.log.argsOf('graph', 'definitions') as Array<[string, { language?: string }]>;

describe('MAP phase', () => {
  it('warns with each file the declaration search left out and why, and goes on', async () => {
    const run = await runMap({
      graph: {
        definitions: async (_name, options) => {
          options?.onSkipped?.([
            {
              file: 'vendor/b.min.js',
              reason: 'minified or generated: 0.3 MB with a line of over 5,000 characters',
            },
            {
              file: 'vendor/a.js',
              reason: '3.1 MB, over the 2.0 MB a source file is parsed up to',
            },
          ]);
          return [GET_USER];
        },
      },
    });
    expect(run.output.definitions).toEqual({ getUser: [GET_USER] });
    expect(run.warnings).toEqual([
      'MAP: 2 file(s) not parsed for declarations nor analysed (bounded work per file): vendor/a.js (3.1 MB, over the 2.0 MB a source file is parsed up to); vendor/b.min.js (minified or generated: 0.3 MB with a line of over 5,000 characters).',
    ]);
  });

  it('searches the word of a rename with ripgrep and its declarations with dependency_graph', async () => {
    const run = await runMap();
    expect(run.log.argsOf('git', 'trackedFiles').map((args) => args[0])).toEqual([
      FAKE_BASE_COMMIT,
    ]);
    expect(run.log.argsOf('search', 'findWord').map((args) => args[0])).toEqual(['getUser']);
    expect(definitionQueries(run).map((args) => args[0])).toEqual(['getUser']);
    expect(run.output.definitions).toEqual({ getUser: [GET_USER] });
    expect(run.output.occurrences.getUser?.map((o) => `${o.file}:${o.line}:${o.column}`)).toEqual([
      'README.md:1:6',
      'src/app.ts:1:10',
      'src/app.ts:2:4',
      'src/app.ts:3:13',
      'src/app.ts:3:28',
      'src/users.ts:1:17',
    ]);
    expect(statusOf(run.output)).toEqual({
      ripgrep: 'ok',
      dependency_graph: 'ok',
      slice_cache: 'skipped',
    });
    expect(run.outcome.data).toMatchObject({ occurrences: 6, files: 3, definitions: 1 });
    expect(run.warnings).toEqual([]);
  });

  it('narrows the declaration search to TypeScript when every text hit is in TypeScript files', async () => {
    const run = await runMap({
      files: { 'src/a.ts': 'getUser();\n', 'web/b.tsx': 'getUser();\n' },
      definitions: { getUser: [{ ...GET_USER, file: 'src/a.ts' }] },
    });
    expect(definitionQueries(run)[0]?.[1]).toMatchObject({ language: 'typescript' });
  });

  it('narrows the declaration search to Python when every text hit is in Python files', async () => {
    const run = await runMap({
      files: { 'pkg/a.py': 'getUser()\n', 'pkg/b.pyi': 'def getUser(): ...\n' },
      definitions: { getUser: [{ ...GET_USER, file: 'pkg/b.pyi', language: 'python' }] },
    });
    expect(definitionQueries(run)[0]?.[1]).toMatchObject({ language: 'python' });
  });

  it('searches declarations in every language when the hits are in both', async () => {
    const run = await runMap({
      files: { 'src/a.ts': 'getUser();\n', 'pkg/b.py': 'getUser()\n' },
      definitions: { getUser: [{ ...GET_USER, file: 'src/a.ts' }] },
    });
    expect(definitionQueries(run)[0]?.[1]).not.toHaveProperty('language');
  });

  it('skips dependency_graph and the slice cache when the map settings name only ripgrep', async () => {
    const cache = createFakeSliceStore();
    const run = await runMap({ cache, phaseSettings: [{ phase: 'map', targets: ['ripgrep'] }] });
    expect(run.log.names().filter((n) => n.startsWith('graph.') || n.startsWith('cache.'))).toEqual(
      [],
    );
    expect(run.output.definitions).toEqual({});
    expect(run.output.occurrences.getUser).toHaveLength(6);
    expect(statusOf(run.output)).toEqual({
      ripgrep: 'ok',
      dependency_graph: 'skipped',
      slice_cache: 'skipped',
    });
  });

  it('skips ripgrep when the map settings leave it out, and then does not narrow the language', async () => {
    const run = await runMap({ phaseSettings: [{ phase: 'map', targets: ['dependency_graph'] }] });
    expect(run.log.argsOf('search', 'findWord')).toEqual([]);
    expect(run.output.occurrences).toEqual({});
    expect(definitionQueries(run)[0]?.[1]).not.toHaveProperty('language');
    expect(run.output.definitions).toEqual({ getUser: [GET_USER] });
    expect(statusOf(run.output).ripgrep).toBe('skipped');
  });

  it('reports a failed ripgrep as a warning and still searches declarations in every language', async () => {
    const run = await runMap({
      search: { findWord: () => Promise.reject(new Error('rg exited with code 2')) },
    });
    expect(run.warnings).toEqual([
      'MAP: ripgrep failed (rg exited with code 2); going on without it.',
    ]);
    expect(run.output.sources.find((s) => s.name === 'ripgrep')).toMatchObject({
      status: 'failed',
      error: 'rg exited with code 2',
      items: 0,
    });
    expect(run.output.occurrences).toEqual({});
    expect(run.output.definitions).toEqual({ getUser: [GET_USER] });
    // The search started beside ripgrep (every tracked source is TypeScript) is not the one
    // used: without ripgrep's hits it asks again, in every language.
    expect(definitionQueries(run).map(([, o]) => o.language)).toEqual(['typescript', undefined]);
  });

  it('starts the declaration search beside ripgrep when every tracked source is in one language, and keeps it when ripgrep agrees', async () => {
    const run = await runMap();
    expect(
      run.log.names().filter((n) => n === 'graph.definitions' || n === 'search.findWord'),
    ).toEqual(['graph.definitions', 'search.findWord']);
    expect(definitionQueries(run).map(([, o]) => o.language)).toEqual(['typescript']);
    expect(run.output.definitions).toEqual({ getUser: [GET_USER] });
  });

  it('waits for ripgrep before the declaration search when the tracked sources are in two languages', async () => {
    const run = await runMap({
      files: { 'src/a.ts': 'getUser();\n', 'pkg/b.py': 'x = 1\n' },
      definitions: { getUser: [{ ...GET_USER, file: 'src/a.ts' }] },
    });
    expect(
      run.log.names().filter((n) => n === 'graph.definitions' || n === 'search.findWord'),
    ).toEqual(['search.findWord', 'graph.definitions']);
    expect(definitionQueries(run).map(([, o]) => o.language)).toEqual(['typescript']);
  });

  it('refuses with MCP_SERVER_UNAVAILABLE (not retryable) when the declaration search fails', async () => {
    const run = createFakeContext({
      ...renameScenario(),
      graph: { definitions: () => Promise.reject(new Error('pyright did not start')) },
    });
    const error = await createMapPhase()
      .run(run.context, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OrchestratorError);
    expect(error).toMatchObject({
      code: 'MCP_SERVER_UNAVAILABLE',
      retryable: false,
      data: { server: 'dependency_graph' },
    });
    expect((error as Error).message).toContain('"getUser" (pyright did not start)');
  });

  it('asks for a retry when ripgrep fails and dependency_graph is not asked', async () => {
    const run = createFakeContext({
      ...renameScenario(),
      phaseSettings: [{ phase: 'map', targets: ['ripgrep'] }],
      search: { findWord: () => Promise.reject(new Error('rg not found')) },
    });
    await expect(createMapPhase().run(run.context, {})).rejects.toMatchObject({
      code: 'MCP_SERVER_UNAVAILABLE',
      retryable: true,
    });
  });

  it('lets a cancellation through instead of going on without the source', async () => {
    const run = createFakeContext({
      ...renameScenario(),
      search: {
        findWord: () =>
          Promise.reject(new OrchestratorError('CANCELLED', 'The run was cancelled.')),
      },
    });
    await expect(createMapPhase().run(run.context, {})).rejects.toMatchObject({
      code: 'CANCELLED',
    });
    // Only the search started beside ripgrep, which the run's cancellation stops too.
    const queries = run.log.argsOf('graph', 'definitions') as Array<
      [string, { signal?: AbortSignal }]
    >;
    expect(queries).toHaveLength(1);
    expect(queries[0]?.[1].signal).toBe(run.context.signal);
  });

  it('caches a slice around each hit through the SliceStore and serves them from it next time', async () => {
    const cache = createFakeSliceStore();
    const first = await runMap({ cache });
    const slices = first.output.slices.map((s) => `${s.file}:${s.startLine}-${s.endLine}`);
    expect(slices).toEqual(['README.md:1-2', 'src/app.ts:1-4', 'src/users.ts:1-4']);
    expect(first.output.slices.every((s) => !s.cached)).toBe(true);
    expect(first.log.argsOf('cache', 'storeMany')).toHaveLength(1);
    expect([...cache.entries.values()].map((d) => d.file)).toEqual([
      'README.md',
      'src/app.ts',
      'src/users.ts',
    ]);
    expect(cache.entries.get(first.output.slices[2]?.hash ?? '')?.content).toBe(
      'export function getUser(id: string) {\n  return { id };\n}\n',
    );
    expect(first.output.similarFiles.map((f) => f.file).sort()).toEqual([
      'README.md',
      'src/app.ts',
      'src/users.ts',
    ]);
    expect(statusOf(first.output).slice_cache).toBe('ok');

    const second = await runMap({ cache });
    expect(second.output.slices.map((s) => s.hash)).toEqual(first.output.slices.map((s) => s.hash));
    expect(second.output.slices.every((s) => s.cached)).toBe(true);
    expect(second.log.argsOf('cache', 'storeMany')).toEqual([]);
    expect(second.outcome.data).toMatchObject({ slices: 3, cachedSlices: 3 });
  });

  it('works without a SliceStore: no slices, and the slice cache reported as skipped', async () => {
    const run = await runMap();
    expect(run.output.slices).toEqual([]);
    expect(run.output.similarFiles).toEqual([]);
    expect(run.log.argsOf('files', 'readText')).toEqual([]);
    expect(run.output.definitions).toEqual({ getUser: [GET_USER] });
  });

  it('goes on without the slice cache, with a warning, when the store fails', async () => {
    const cache = {
      ...createFakeSliceStore(),
      storeMany: () => Promise.reject(new Error('disk full')),
    };
    const run = await runMap({ cache });
    expect(run.warnings).toEqual(['MAP: slice_cache failed (disk full); going on without it.']);
    expect(run.output.slices).toEqual([]);
    expect(run.output.definitions).toEqual({ getUser: [GET_USER] });
  });

  it('cuts only slices that hold a hit, even when two hits are closer than the context', async () => {
    const run = await runMap({
      cache: createFakeSliceStore(),
      files: { 'src/a.ts': 'getUser();\ngetUser();\n3\n4\n5\n6\n7\n8\n9\n10\ngetUser();\n' },
      definitions: { getUser: [{ ...GET_USER, file: 'src/a.ts' }] },
    });
    const hitLines = [1, 2, 11];
    const withoutHit = run.output.slices.filter(
      (s) => !hitLines.some((line) => s.startLine <= line && line <= s.endLine),
    );
    expect(withoutHit.map((s) => `${s.file}:${s.startLine}-${s.endLine}`)).toEqual([]);
    expect(run.output.slices.map((s) => `${s.file}:${s.startLine}-${s.endLine}`)).toEqual([
      'src/a.ts:1-5',
      'src/a.ts:8-12',
    ]);
  });

  it("reports the slice cache's slices as its items, not the similar files it ranked too", async () => {
    const run = await runMap({ cache: createFakeSliceStore() });
    expect(run.output.slices).toHaveLength(3);
    expect(run.output.similarFiles).toHaveLength(3);
    expect(run.output.sources.find((s) => s.name === 'slice_cache')?.items).toBe(3);
    expect(run.output.sources.find((s) => s.name === 'ripgrep')?.items).toBe(6);
    expect(run.output.sources.find((s) => s.name === 'dependency_graph')?.items).toBe(1);
  });

  describe('a symbol that is not declared', () => {
    /** A slice store that never answers: MAP must not wait for it to refuse. */
    const hangingCache = () => ({
      ...createFakeSliceStore(),
      retrieve: () => new Promise<null>(() => {}),
    });
    const logicRefusal = async (intent: RenameIntent, declared: SymbolDefinition[] = []) => {
      const run = createFakeContext({ ...renameScenario(), similarNames: ['getUsers'] });
      const outcome: unknown = await resolveSymbol(toSymbolQuery(intent), declared, {
        graph: run.context.graph,
        search: run.context.search,
        signal: run.context.signal,
      }).catch((error: unknown) => error);
      return outcome as OrchestratorError;
    };

    it('stops MAP as soon as the declaration search answers, with the refusal LOGIC would give', async () => {
      const run = createFakeContext({
        ...renameScenario(),
        definitions: {},
        similarNames: ['getUsers'],
        cache: hangingCache(),
      });
      const outcome: unknown = await createMapPhase()
        .run(run.context, {})
        .catch((e: unknown) => e);
      const error = outcome as OrchestratorError;
      expect(error).toMatchObject({ code: 'SYMBOL_NOT_FOUND' });
      expect(error.message).toBe(
        'No symbol named "getUser" is declared in this workspace. Did you mean "getUsers"?',
      );
      expect(error.message).toBe((await logicRefusal(RENAME_INTENT)).message);
      // The text search still ran first (it narrows the declaration search's language).
      expect(run.log.argsOf('search', 'findWord').map((args) => args[0])).toEqual(['getUser']);
    });

    it('stops caching the slices when it refuses: nothing is stored after the refusal', async () => {
      let openGate: () => void = () => {};
      const gate = new Promise<void>((resolve) => {
        openGate = resolve;
      });
      const store = createFakeSliceStore();
      const stored: string[] = [];
      const cache = {
        ...store,
        // Lookups answer only once MAP has refused.
        retrieve: async (hash: string) => {
          await gate;
          return store.retrieve(hash);
        },
        storeMany: async (items: Parameters<typeof store.storeMany>[0]) => {
          stored.push(...items.map((item) => item.sliceHash));
          await store.storeMany(items);
        },
      };
      const run = createFakeContext({ ...renameScenario(), definitions: {}, cache });
      await expect(createMapPhase().run(run.context, {})).rejects.toMatchObject({
        code: 'SYMBOL_NOT_FOUND',
      });
      openGate();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stored).toEqual([]);
    });

    it('counts a declaration only in a file git does not track as none, and says the kind asked for', async () => {
      const intent: RenameIntent = { ...RENAME_INTENT, symbolKind: 'function' };
      const run = createFakeContext({
        ...renameScenario(),
        intent: intent as IntentBase,
        definitions: { getUser: [{ ...GET_USER, file: 'dist/users.js' }] },
        cache: hangingCache(),
      });
      await expect(createMapPhase().run(run.context, {})).rejects.toMatchObject({
        code: 'SYMBOL_NOT_FOUND',
        message: 'No function named "getUser" is declared in this workspace.',
      });
    });

    it('goes on to LOGIC when a declaration exists, even one of another kind (LOGIC names it)', async () => {
      const run = await runMap({
        intent: { ...RENAME_INTENT, symbolKind: 'class' } as RenameIntent,
        cache: createFakeSliceStore(),
      });
      expect(run.output.definitions).toEqual({ getUser: [GET_USER] });
      expect(run.output.slices).toHaveLength(3);
    });
  });
});
